import { Alert, Space } from 'antd';
import { useI18n } from '../../lib/i18n';
import { OpenCampaigns } from './OpenCampaigns';

export function ExpertHome() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('home.expert.now')} />
      <OpenCampaigns />
    </Space>
  );
}
