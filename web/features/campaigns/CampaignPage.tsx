import { Alert, Card, Col, Descriptions, Flex, Result, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndustryPicker } from '../../components/IndustryPicker';
import { Loading } from '../../components/Loading';
import { PhaseTag } from '../../components/PhaseTag';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCampaign } from '../../lib/queries';
import { usePublicNotice } from '../../lib/public-notice';
import { CampaignAnnouncements } from './CampaignAnnouncements';
import { AfterAward, Deadlines, Quotas, Requirements } from './CampaignFacts';
import { CategoryList } from './CategoryList';

/** 拟入选名单公示, once the campaign has a notice (none, or not reachable: nothing shown). */
function PublicNoticeLink({ code }: { code: string }) {
  const { t } = useI18n();
  const notice = usePublicNotice(code).data;
  if (!notice) return null;
  return (
    <Link to={`/campaigns/${code}/public-notice`} data-testid="public-notice-link">
      {t('notice.public.link')}（{t(`notice.state.${notice.state}`)}）
    </Link>
  );
}

export function CampaignPage() {
  const { idOrCode = '' } = useParams();
  const { t } = useI18n();
  const q = useCampaign(idOrCode);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title={t('campaign.notFound')} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Flex gap={8} align="center" wrap>
          <PhaseTag phase={c.phase} isDemo={c.isDemo} />
          <Typography.Title level={2} style={{ margin: 0 }}>
            {c.title}
          </Typography.Title>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('campaign.docNumber')}>
            <span data-testid="doc-number">{c.docNumber || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('campaign.issuer')}>{c.issuer}</Descriptions.Item>
        </Descriptions>
        <Flex gap={16} wrap>
          <Link to={`/campaigns/${c.code}/statistics`} data-testid="public-statistics-link">
            {t('stats.public.link')}
          </Link>
          <PublicNoticeLink code={c.code} />
        </Flex>
        {c.isDemo && <Alert type="warning" showIcon title={t('campaign.demoNote')} />}
        {c.phase !== 'closed' && <Countdown opensAt={c.opensAt} deadline={c.onlineDeadline} />}
      </div>
      <CampaignAnnouncements idOrCode={c.code} />
      <section>
        <Typography.Title level={3}>{t('campaign.categories')}</Typography.Title>
        <CategoryList categories={c.settings.categories} />
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Deadlines campaign={c} />
            <Quotas campaign={c} />
          </Space>
        </Col>
        <Col xs={24} md={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Requirements campaign={c} />
            <AfterAward campaign={c} />
          </Space>
        </Col>
      </Row>
      <Card title={t('campaign.contact')} size="small">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {c.settings.contact}
        </Typography.Paragraph>
      </Card>
      <Card title={t('campaign.industryLookup')} size="small">
        <Typography.Paragraph type="secondary">
          {t('campaign.industryLookupHint')}
        </Typography.Paragraph>
        <IndustryPicker aria-label={t('campaign.industryLookup')} />
      </Card>
    </Space>
  );
}
