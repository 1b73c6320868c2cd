import { Alert, Card, Descriptions, List, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { effectiveQuota, RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Items, Me, RecommenderUnit } from '../../lib/types';
import { OpenCampaigns } from './OpenCampaigns';

export function RecommenderHome({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const unit = me.recommenderUnit;
  const campaigns = useCampaigns();
  const units = useQuery({
    queryKey: ['recommender-units', 'mine', unit?.id],
    queryFn: () => api<Items<RecommenderUnit>>('/recommender-units', { query: { q: unit?.name } }),
    enabled: !!unit,
    select: (d) => d.items.find((u) => u.id === unit?.id),
  });
  const current = (campaigns.data ?? []).filter((c) => c.phase !== 'closed');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('home.recommender.now')} />
      {unit && (
        <Card title={t('home.recommender.unit')} data-testid="recommender-unit">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('units.name')}>{unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('home.recommender.type')}>
              {RECOMMENDER_UNIT_TYPE_LABELS[unit.type][lang]}
            </Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            dataSource={current}
            renderItem={(c) => (
              <List.Item>
                {t('home.recommender.quota', {
                  title: c.title,
                  n: effectiveQuota(c.settings.quotas, {
                    type: unit.type,
                    quotaOverride: units.data?.quotaOverride ?? null,
                  }),
                })}
              </List.Item>
            )}
          />
        </Card>
      )}
      <OpenCampaigns />
    </Space>
  );
}
