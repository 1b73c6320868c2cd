import { Button, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import { CampaignCard } from './CampaignCard';

export function LandingPage() {
  const { t } = useI18n();
  const campaigns = useCampaigns();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>{t('landing.title')}</Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, maxWidth: 820 }}>
          {t('landing.intro')}
        </Typography.Paragraph>
        <Space>
          <Link to="/register">
            <Button type="primary" size="large">
              {t('landing.registerCta')}
            </Button>
          </Link>
          <Link to="/login">
            <Button size="large">{t('landing.loginCta')}</Button>
          </Link>
        </Space>
      </div>
      {campaigns.isPending && <Loading />}
      <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      {campaigns.data?.length === 0 && <Empty description={t('landing.empty')} />}
      {campaigns.data?.map((c) => (
        <CampaignCard key={c.id} campaign={c} />
      ))}
    </Space>
  );
}
