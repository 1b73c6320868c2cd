import { Alert, Button, Card, Descriptions, Flex, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { effectiveQuota, RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { api } from '../../lib/api';
import { deskPath, isDeskCampaign, useBatch } from '../../lib/desk';
import { followUpPath } from '../../lib/follow-ups';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign, Items, Me, RecommenderUnit } from '../../lib/types';
import { OpenCampaigns } from './OpenCampaigns';

/** One campaign on the unit's card: quota use, the batch's state and the way to the desk. */
function CampaignQuota({
  campaign,
  unitId,
  fallbackQuota,
}: {
  campaign: Campaign;
  unitId: string;
  fallbackQuota: number;
}) {
  const { t } = useI18n();
  const desk = isDeskCampaign(campaign);
  const batch = useBatch(desk ? campaign.id : undefined, unitId);
  const b = batch.data;
  return (
    <List.Item
      data-testid="desk-campaign"
      actions={
        desk
          ? [
              <Link key="desk" to={deskPath(campaign.id)}>
                <Button type="primary">{t('desk.enter')}</Button>
              </Link>,
            ]
          : []
      }
    >
      <Flex vertical gap={4}>
        <Typography.Text strong>{campaign.title}</Typography.Text>
        {b ? (
          <Space wrap size={8}>
            <Typography.Text data-testid="desk-quota">
              {t('desk.quota.text', {
                used: b.recommended,
                quota: b.quota,
                remaining: Math.max(0, b.quota - b.recommended),
              })}
            </Typography.Text>
            {b.state === 'signed_off' ? (
              <Tag color="green">
                {t('desk.batch.signedOffAt', { at: formatDateTime(b.signedOffAt) })}
              </Tag>
            ) : (
              <Tag color="blue">{t('desk.batch.open')}</Tag>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {t('desk.home.quotaLimit', { n: fallbackQuota })}
          </Typography.Text>
        )}
        {campaign.settings.followUpAwardYears.length > 0 && (
          <Link to={followUpPath(campaign.id)} data-testid="follow-ups-link">
            {t('followUp.recommenderLink', {
              years: campaign.settings.followUpAwardYears.join('、'),
            })}
          </Link>
        )}
      </Flex>
    </List.Item>
  );
}

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
  const current = (campaigns.data ?? []).filter((c) => c.phase !== 'closed' || isDeskCampaign(c));
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
              <CampaignQuota
                key={c.id}
                campaign={c}
                unitId={unit.id}
                fallbackQuota={effectiveQuota(c.settings, {
                  id: unit.id,
                  type: unit.type,
                  quotaOverride: units.data?.quotaOverride ?? null,
                })}
              />
            )}
          />
        </Card>
      )}
      <OpenCampaigns />
    </Space>
  );
}
