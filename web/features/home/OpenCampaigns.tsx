import { Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import { CampaignCard } from './CampaignCard';

export function OpenCampaigns() {
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
        <CampaignCard key={c.id} campaign={c} />
      ))}
    </Space>
  );
}
