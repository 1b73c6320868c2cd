import { Alert, Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { useMyReviews } from '../../lib/reviews';
import { OpenCampaigns } from './OpenCampaigns';

/** The expert's home: what is assigned, and the way to the 评审工作台. */
export function ExpertHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const reviews = useMyReviews();
  const items = reviews.data ?? [];
  const done = items.filter((i) => i.state === 'submitted').length;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {reviews.data && items.length === 0 && (
        <Alert type="info" showIcon title={t('home.expert.now')} />
      )}
      {items.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('home.expert.summary', { n: items.length, done })}
          action={
            <Button type="primary" onClick={() => navigate('/expert')}>
              {t('home.expert.open')}
            </Button>
          }
          data-testid="expert-summary"
        />
      )}
      <OpenCampaigns />
    </Space>
  );
}
