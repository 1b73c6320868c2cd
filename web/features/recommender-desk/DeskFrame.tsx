import type { ReactNode } from 'react';
import { Button, Flex, Result, Segmented, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PhaseTag } from '../../components/PhaseTag';
import { ApiError } from '../../lib/api';
import { deskPath, useBatch, type BatchView } from '../../lib/desk';
import { useI18n } from '../../lib/i18n';
import { useCampaign, useMe } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { QuotaBar } from './QuotaBar';

export interface Desk {
  campaign: Campaign;
  unitId: string;
  unitName: string;
  batch: BatchView;
  signedOff: boolean;
}

/**
 * Every desk page: the campaign and unit, the two views (申报书 / 排序与报送) and the quota bar,
 * which stays in sight while the page scrolls.
 */
export function DeskFrame({
  campaignId,
  view,
  children,
}: {
  campaignId: string;
  view: 'inbox' | 'batch' | 'review';
  children: (desk: Desk) => ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const campaign = useCampaign(campaignId);
  const unit = me.data?.recommenderUnit ?? null;
  const batch = useBatch(campaign.data?.id, unit?.id);

  if (me.data && !unit) return <Result status="403" title={t('desk.noUnit')} />;
  if (campaign.error instanceof ApiError && campaign.error.status === 404)
    return <Result status="404" title={t('campaign.notFound')} />;
  const error = me.error ?? campaign.error ?? batch.error;
  if (error)
    return (
      <ErrorAlert
        error={error}
        onRetry={() => void (campaign.error ? campaign.refetch() : batch.refetch())}
      />
    );
  if (!me.data || !unit || !campaign.data || !batch.data) return <Loading />;
  const desk: Desk = {
    campaign: campaign.data,
    unitId: unit.id,
    unitName: unit.name,
    batch: batch.data,
    signedOff: batch.data.state === 'signed_off',
  };
  const base = deskPath(campaign.data.id);
  return (
    <div data-testid="desk">
      <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="desk-title">
            {t('desk.title')}
          </Typography.Title>
          <Space wrap size={4}>
            <Typography.Text type="secondary">
              {t('desk.subtitle', { unit: unit.name, campaign: campaign.data.title })}
            </Typography.Text>
            <PhaseTag phase={campaign.data.phase} isDemo={campaign.data.isDemo} />
          </Space>
        </div>
        {view === 'review' ? (
          <Link to={base}>
            <Button>{t('desk.backToInbox')}</Button>
          </Link>
        ) : (
          <Segmented
            aria-label={t('desk.views')}
            value={view}
            onChange={(v) => navigate(v === 'batch' ? `${base}/batch` : base)}
            options={[
              { value: 'inbox', label: t('desk.view.inbox') },
              { value: 'batch', label: t('desk.view.batch') },
            ]}
          />
        )}
      </Flex>
      <QuotaBar batch={batch.data} />
      {children(desk)}
    </div>
  );
}
