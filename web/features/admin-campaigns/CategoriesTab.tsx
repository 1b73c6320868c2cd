import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { CampaignSettings, Category } from '../../../domain/campaign';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import { moved, removed, replaced } from './declaration-edit';
import { issuesUnder, type Issue } from './draft';
import { QuotasCard } from './QuotasCard';

/** 类别与推荐数量: the categories as the notice words them, and how many each recommender may send. */
export function CategoriesTab(props: {
  value: CampaignSettings;
  onChange: (v: CampaignSettings) => void;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const s = props.value;
  const setCategories = (categories: Category[]) => props.onChange({ ...s, categories });
  return (
    <Flex vertical gap={16}>
      {s.categories.map((c, i) => {
        const at = `settings.categories.${i}`;
        const set = (patch: Partial<Category>) =>
          setCategories(replaced(s.categories, i, { ...c, ...patch }));
        const id = (k: string) => `cat-${i}-${k}`;
        return (
          <Card
            key={i}
            size="small"
            data-testid={`category-${i}`}
            title={`${i + 1}. ${c.name || t('cfg.category')}`}
            style={issuesUnder(props.issues, at).length ? { borderColor: '#ff4d4f' } : undefined}
            extra={
              <Flex gap={4}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('cfg.moveUp')}
                  disabled={i === 0}
                  onClick={() => setCategories(moved(s.categories, i, -1))}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('cfg.moveDown')}
                  disabled={i === s.categories.length - 1}
                  onClick={() => setCategories(moved(s.categories, i, 1))}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('cfg.remove')}
                  onClick={() => setCategories(removed(s.categories, i))}
                />
              </Flex>
            }
          >
            <Form layout="vertical" component="div">
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item
                    label={t('cfg.categoryCode')}
                    htmlFor={id('code')}
                    {...itemStatus(props.issues, `${at}.code`)}
                  >
                    <Input
                      id={id('code')}
                      value={c.code}
                      onChange={(e) => set({ code: e.target.value.trim() })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item
                    label={t('cfg.categoryName')}
                    htmlFor={id('name')}
                    {...itemStatus(props.issues, `${at}.name`)}
                  >
                    <Input
                      id={id('name')}
                      value={c.name}
                      onChange={(e) => set({ name: e.target.value })}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label={t('cfg.categoryNotice')}
                htmlFor={id('notice')}
                {...itemStatus(props.issues, `${at}.noticeText`)}
              >
                <Input.TextArea
                  id={id('notice')}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  value={c.noticeText}
                  onChange={(e) => set({ noticeText: e.target.value })}
                />
              </Form.Item>
              <Form.Item
                label={t('cfg.focusAreas')}
                htmlFor={id('focus')}
                extra={t('cfg.focusAreasHelp')}
                {...itemStatus(props.issues, `${at}.focusAreas`)}
              >
                <Select
                  id={id('focus')}
                  mode="tags"
                  value={c.focusAreas}
                  onChange={(focusAreas: string[]) =>
                    set({ focusAreas: focusAreas.map((x) => x.trim()).filter(Boolean) })
                  }
                  tokenSeparators={['、', ',', '，']}
                  open={false}
                  suffixIcon={null}
                />
              </Form.Item>
            </Form>
          </Card>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="category-add"
        onClick={() =>
          setCategories([
            ...s.categories,
            {
              code: `category_${s.categories.length + 1}`,
              name: '',
              noticeText: '',
              focusAreas: [],
            },
          ])
        }
      >
        {t('cfg.categoryAdd')}
      </Button>
      <QuotasCard value={s} onChange={props.onChange} issues={props.issues} />
    </Flex>
  );
}
