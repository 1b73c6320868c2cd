import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign } from '../../lib/types';
import { CampaignCard } from './CampaignCard';

/** Campaigns not yet closed; `action` adds a button to each (e.g. 新建申报书 for enterprises). */
export function OpenCampaigns({ action }: { action?: (c: Campaign) => ReactNode }) {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  const open = (campaigns.data ?? []).filter((c) => c.phase !== 'closed');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('home.openCampaigns')}</Typography.Title>
      <ErrorAlert error={campaigns.error} />
      {campaigns.isSuccess && open.length === 0 && (
        <Typography.Text type="secondary">{t('home.noOpenCampaigns')}</Typography.Text>
      )}
      {open.map((c) => (
        <CampaignCard key={c.id} campaign={c} action={action?.(c)} />
      ))}
    </Space>
  );
}
