import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import {
  FOLLOW_UP_REPORT_STATE_LABELS,
  FOLLOW_UP_REPORT_STATES,
  type FollowUpReportState,
} from '../../../domain/follow-up-report';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import {
  FOLLOW_UP_STATE_COLORS,
  followUpListKey,
  followUpPath,
  useFollowUpList,
  type FollowUpRow,
} from '../../lib/follow-ups';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaign, useMe } from '../../lib/queries';
import { summaryXlsxUrl, useFollowUp } from './api';
import { AwardFacts } from './FollowUpPage';
import { ReportView } from './ReportView';
import { ReturnModal } from './ReturnModal';

/** A submitted report in a drawer, read-only, with 退回 for the recommender. */
function ReportDrawer(props: {
  campaignId: string;
  row: FollowUpRow | null;
  canReturn: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useFollowUp(props.campaignId, props.row?.awardId);
  const [returning, setReturning] = useState(false);
  const d = detail.data;
  return (
    <Drawer
      open={!!props.row}
      onClose={props.onClose}
      size={860}
      title={props.row?.solutionName}
      data-testid="follow-up-drawer"
      extra={
        props.canReturn &&
        d?.report?.state === 'submitted' && (
          <Button danger onClick={() => setReturning(true)} data-testid="follow-up-return">
            {t('followUp.return')}
          </Button>
        )
      }
    >
      {detail.isPending && props.row && <Loading />}
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      {d && (
        <>
          <AwardFacts award={d.award} report={d.report} />
          {d.report?.state === 'returned' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('followUp.returned')}
              description={
                <span style={{ whiteSpace: 'pre-wrap' }}>{d.report.returnComment ?? ''}</span>
              }
            />
          )}
          {d.report ? (
            <ReportView campaignId={props.campaignId} data={d.report.data} />
          ) : (
            <Alert type="info" showIcon title={t('followUp.notStarted')} />
          )}
          {d.report?.state === 'submitted' && (
            <ReturnModal
              open={returning}
              campaignId={props.campaignId}
              awardId={d.award.id}
              title={d.award.solutionName}
              onClose={() => setReturning(false)}
              onReturned={() => {
                setReturning(false);
                message.success(t('followUp.returnedDone'));
                void qc.invalidateQueries({ queryKey: followUpListKey(props.campaignId) });
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/** /follow-ups/:campaignId — the past winners' 附件4 reports: the enterprise's own, a unit's, or all. */
export function FollowUpListPage() {
  const { campaignId } = useParams();
  const { t, lang } = useI18n();
  const me = useMe();
  const campaign = useCampaign(campaignId ?? '');
  const list = useFollowUpList(campaign.data?.id);
  const [state, setState] = useState<FollowUpReportState | 'all'>('all');
  const [q, setQ] = useState('');
  const [viewing, setViewing] = useState<FollowUpRow | null>(null);

  if (me.isPending || campaign.isPending) return <Loading />;
  if (!me.data || !campaign.data)
    return (
      <ErrorAlert error={me.error ?? campaign.error} onRetry={() => void campaign.refetch()} />
    );
  const c = campaign.data;
  const role = me.data.user.role;
  const isEnterprise = role === 'enterprise';
  const all = list.data?.items ?? [];
  const years = list.data?.followUpAwardYears ?? c.settings.followUpAwardYears;
  const count = (s: FollowUpReportState) => all.filter((r) => r.state === s).length;
  const rows = all.filter(
    (r) =>
      (state === 'all' || r.state === state) &&
      (!q || r.solutionName.includes(q) || r.enterpriseName.includes(q) || r.uscc.includes(q)),
  );
  const subtitle =
    role === 'recommender'
      ? (me.data.recommenderUnit?.name ?? '')
      : role === 'organizer'
        ? t('followUp.allUnits')
        : (me.data.enterprise?.name ?? '');

  return (
    <Card
      data-testid="follow-up-list"
      title={
        <Flex vertical gap={0} style={{ padding: '8px 0' }}>
          <span>{t('followUp.listTitle')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {c.title} · {subtitle}
          </Typography.Text>
        </Flex>
      }
      extra={
        !isEnterprise && (
          <Button
            icon={<FileExcelOutlined />}
            href={summaryXlsxUrl(c.id)}
            data-testid="follow-up-export"
          >
            {t('followUp.export')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(isEnterprise ? 'followUp.listIntroEnterprise' : 'followUp.listIntro', {
            years: years.join('、'),
            at: formatDeadline(c.paperDeadline, lang),
          })}
        </Typography.Paragraph>
        <Flex gap={12} wrap align="center">
          <Segmented<FollowUpReportState | 'all'>
            value={state}
            onChange={setState}
            options={[
              { value: 'all', label: `${t('common.all')} ${all.length}` },
              ...FOLLOW_UP_REPORT_STATES.map((s) => ({
                value: s,
                label: `${FOLLOW_UP_REPORT_STATE_LABELS[s][lang]} ${count(s)}`,
              })),
            ]}
          />
          {!isEnterprise && (
            <Input.Search
              allowClear
              aria-label={t('followUp.searchPlaceholder')}
              placeholder={t('followUp.searchPlaceholder')}
              style={{ width: 280 }}
              onSearch={(v) => setQ(v.trim())}
            />
          )}
        </Flex>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        <Table<FollowUpRow>
          rowKey="awardId"
          size="middle"
          loading={list.isFetching}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('followUp.empty') }}
          columns={[
            { title: t('followUp.awardYear'), dataIndex: 'year', width: 90 },
            {
              title: t('followUp.solution'),
              dataIndex: 'solutionName',
              render: (name: string, r) =>
                isEnterprise ? <Link to={followUpPath(c.id, r.awardId)}>{name}</Link> : name,
            },
            ...(isEnterprise
              ? []
              : [
                  { title: t('followUp.enterprise'), dataIndex: 'enterpriseName' },
                  {
                    title: t('followUp.uscc'),
                    dataIndex: 'uscc',
                    width: 190,
                  },
                ]),
            ...(role === 'organizer'
              ? [{ title: t('followUp.recommender'), dataIndex: 'recommenderName' }]
              : []),
            {
              title: t('followUp.state'),
              dataIndex: 'state',
              width: 130,
              render: (s: FollowUpReportState, r) => (
                <Space size={4}>
                  <Tag color={FOLLOW_UP_STATE_COLORS[s]} data-testid="follow-up-row-state">
                    {FOLLOW_UP_REPORT_STATE_LABELS[s][lang]}
                  </Tag>
                  {s === 'returned' && r.returnComment && (
                    <Tooltip title={r.returnComment}>
                      <Typography.Text type="warning" style={{ fontSize: 12 }}>
                        {t('followUp.why')}
                      </Typography.Text>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: t('followUp.submittedAt'),
              dataIndex: 'submittedAt',
              width: 170,
              render: (v: string | null) => formatDateTime(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 110,
              render: (_, r) =>
                isEnterprise ? (
                  <Link to={followUpPath(c.id, r.awardId)}>
                    {r.state === 'submitted'
                      ? t('followUp.view')
                      : r.state === 'not_started'
                        ? t('followUp.fill')
                        : t('followUp.continue')}
                  </Link>
                ) : r.state !== 'submitted' && r.state !== 'returned' ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Button type="link" size="small" onClick={() => setViewing(r)}>
                    {t('followUp.view')}
                  </Button>
                ),
            },
          ]}
        />
      </Flex>
      <ReportDrawer
        campaignId={c.id}
        row={viewing}
        canReturn={role === 'recommender'}
        onClose={() => setViewing(null)}
      />
    </Card>
  );
}
