import { Alert, Card, Descriptions, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { regionName, useRegions } from '../../lib/queries';
import type { Me } from '../../lib/types';
import { FollowUpsCard } from './FollowUpsCard';
import { MyApplications } from './MyApplications';
import { NewApplicationButton } from './NewApplicationButton';
import { OpenCampaigns } from './OpenCampaigns';
import { ShowcaseCard } from './ShowcaseCard';

export function EnterpriseHome({ me }: { me: Me }) {
  const { t } = useI18n();
  const regions = useRegions();
  const e = me.enterprise;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {e && e.verificationStatus !== 'verified' && (
        <Alert
          type={e.verificationStatus === 'rejected' ? 'error' : 'warning'}
          showIcon
          title={t(`ev.home.${e.verificationStatus}`)}
          action={
            <Link to="/account/verification" data-testid="verification-link">
              {t('ev.title')}
            </Link>
          }
          data-testid="verification-alert"
        />
      )}
      <MyApplications />
      <FollowUpsCard />
      <ShowcaseCard />
      <Alert type="info" showIcon title={t('home.enterprise.routing')} />
      {e && (
        <Card
          title={t('home.enterprise.company')}
          extra={<Link to="/account/profile">{t('nav.profile')}</Link>}
          data-testid="enterprise-info"
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('field.enterpriseName')}>{e.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.uscc')}>{e.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>
              {regionName(regions.data, e.provinceCode, e.cityCode)}
            </Descriptions.Item>
            <Descriptions.Item
              label={t('field.contactName')}
            >{`${e.contactName}  ${e.phone}`}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <OpenCampaigns action={(c) => e && <NewApplicationButton campaign={c} enterprise={e} />} />
    </Space>
  );
}
