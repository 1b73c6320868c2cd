// On the enterprise's home: its published solutions and where each one's 成果展示 stands, each
// linked to its editor. Nothing shown until a list naming one of them is published.
import { Card, List, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { ShowcaseStateTag } from '../../components/Showcase';
import { useMyShowcases } from '../../lib/showcase';

export function ShowcaseCard() {
  const { t } = useI18n();
  const q = useMyShowcases();
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('showcase.home.title')} data-testid="showcase-card">
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Link key="edit" to={`/showcase/${encodeURIComponent(s.publicId)}`}>
                {t('showcase.home.edit')}
              </Link>,
            ]}
          >
            <Space wrap>
              <span>{s.solutionName}</span>
              <Tag>{s.publicId}</Tag>
              <ShowcaseStateTag state={s.state} />
              {s.isPublic && <Tag color="green">{t('showcase.home.public')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
