import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { Category } from '../../../domain/campaign';
import { useI18n } from '../../lib/i18n';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function CategoryList({ categories }: { categories: Category[] }) {
  const { t, lang } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      {categories.map((c, i) => (
        <Col xs={24} md={12} key={c.code}>
          <Card
            size="small"
            title={lang === 'zh' ? `（${NUMERALS[i] ?? i + 1}）${c.name}` : `(${i + 1}) ${c.name}`}
            style={{ height: '100%' }}
            data-testid={`category-${c.code}`}
          >
            <Typography.Paragraph>{c.noticeText}</Typography.Paragraph>
            <Space size={[4, 8]} wrap>
              <Typography.Text type="secondary">{t('campaign.focusAreas')}：</Typography.Text>
              {c.focusAreas.map((a) => (
                <Tag key={a} color="blue">
                  {a}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
