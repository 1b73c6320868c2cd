import { Card, Descriptions, Empty, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { pdfUrl, useApplications, type ApplicationSummary } from '../../lib/applications';
import { embeddedComment, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const STATE_COLORS: Partial<Record<ApplicationSummary['state'], string>> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  recommended: 'cyan',
  forwarded: 'cyan',
  rejected_by_recommender: 'red',
  ineligible: 'red',
  awarded: 'green',
  catalogued: 'green',
};

/** What the enterprise should do next with an application. */
function NextStep({ a }: { a: ApplicationSummary }) {
  const { t } = useI18n();
  const closed = new Date(a.onlineDeadline).getTime() < Date.now();
  const open = <Link to={`/applications/${a.id}`}>{t('apps.continue')}</Link>;
  const pdf = a.currentVersionNo != null && (
    <a href={pdfUrl(a.id, a.currentVersionNo, 'pdf')}>{t('apps.downloadPdf')}</a>
  );
  switch (a.state) {
    case 'draft':
      return closed ? <Typography.Text type="secondary">{t('apps.closed')}</Typography.Text> : open;
    case 'returned':
      return (
        <Space direction="vertical" size={2}>
          <Typography.Text type="warning" data-testid="next-step">
            {t('apps.returned', { comment: embeddedComment(a.returnComment) })}
          </Typography.Text>
          {open}
        </Space>
      );
    case 'submitted':
    case 'recommended':
    case 'forwarded':
      return (
        <Space direction="vertical" size={2}>
          <Typography.Text data-testid="next-step">
            {t(a.state === 'submitted' ? 'apps.waiting' : `apps.${a.state}`)}
          </Typography.Text>
          {pdf}
        </Space>
      );
    case 'rejected_by_recommender':
      return (
        <Space direction="vertical" size={2}>
          <Typography.Text type="danger" data-testid="next-step">
            {t('apps.rejected', { reason: embeddedComment(a.rejectReason) || '—' })}
          </Typography.Text>
          {pdf}
        </Space>
      );
    default:
      return <>{pdf}</>;
  }
}

function StateTag({ a }: { a: ApplicationSummary }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      <Tag color={STATE_COLORS[a.state] ?? 'purple'} data-testid="application-state">
        {t(`appState.${a.state}`)}
      </Tag>
      {a.currentVersionNo != null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('apps.version', { n: a.currentVersionNo })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** On a narrow screen each application is a card: name, state, next step first, nothing off-screen. */
function ApplicationCards({ items }: { items: ApplicationSummary[] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      {items.map((a) => (
        <Card key={a.id} size="small" data-testid="application-card">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <Link to={`/applications/${a.id}`}>{a.solutionName || t('apps.untitled')}</Link>
          </Typography.Title>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('apps.state')}>
              <StateTag a={a} />
            </Descriptions.Item>
            <Descriptions.Item label={t('apps.next')}>
              <NextStep a={a} />
            </Descriptions.Item>
            <Descriptions.Item label={t('apps.channel')}>{a.channelName}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.onlineDeadline')}>
              <Countdown opensAt="1970-01-01T00:00:00Z" deadline={a.onlineDeadline} />
            </Descriptions.Item>
            <Descriptions.Item label={t('apps.words')}>
              {a.wordCount.toLocaleString('en-US')}
            </Descriptions.Item>
            <Descriptions.Item label={t('apps.campaign')}>{a.campaignTitle}</Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
    </Flex>
  );
}

export function MyApplications() {
  const { t } = useI18n();
  const q = useApplications();
  const wide = Grid.useBreakpoint().md !== false;
  return (
    <Card title={t('apps.title')} data-testid="my-applications">
      <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      {q.isSuccess && q.data.length === 0 ? (
        <Empty description={t('apps.empty')} />
      ) : !wide && q.isSuccess ? (
        <ApplicationCards items={q.data} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('apps.solution'),
              key: 'solution',
              render: (_, a) => (
                <Link to={`/applications/${a.id}`}>{a.solutionName || t('apps.untitled')}</Link>
              ),
            },
            { title: t('apps.campaign'), dataIndex: 'campaignTitle' },
            { title: t('apps.channel'), dataIndex: 'channelName' },
            {
              title: t('apps.state'),
              key: 'state',
              render: (_, a) => <StateTag a={a} />,
            },
            {
              title: t('apps.words'),
              dataIndex: 'wordCount',
              render: (n: number) => n.toLocaleString('en-US'),
            },
            {
              title: t('campaign.onlineDeadline'),
              key: 'deadline',
              render: (_, a) => (
                <Countdown opensAt="1970-01-01T00:00:00Z" deadline={a.onlineDeadline} />
              ),
            },
            {
              title: t('apps.updated'),
              dataIndex: 'updatedAt',
              render: (at: string) => formatDateTime(at),
            },
            {
              title: t('apps.next'),
              key: 'next',
              render: (_, a) => <NextStep a={a} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
