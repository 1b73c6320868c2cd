import { useMemo } from 'react';
import { App, Button, Card, Empty, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { POST_AWARD_REPORT_STATE_LABELS } from '../../../domain/post-award';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/queries';
import {
  roundReportsKey,
  stampedScanUrl,
  stampSummary,
  summaryXlsxUrl,
  useRoundFigures,
  useRoundReports,
  type PostAwardReportRow,
} from './api';
import { STATE_COLORS } from './labels';

/**
 * /admin/post-award/:roundId and /recommender/post-award/:roundId — a round's reports by unit and
 * state (a recommender: its own unit's), the summary to download, the stamped scan.
 */
export function RoundReportsPage() {
  const { roundId } = useParams();
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useMe();
  const data = useRoundReports(roundId);
  const figures = useRoundFigures(roundId, data.data?.round.kind === 'monitoring');
  const unitId = me.data?.user.role === 'recommender' ? me.data.recommenderUnit?.id : undefined;
  const stamp = useMutation({
    mutationFn: (file: File) => stampSummary(roundId!, unitId!, file),
    onSuccess: () => {
      message.success(t('postAward.stamped'));
      void qc.invalidateQueries({ queryKey: roundReportsKey(roundId!) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const byUnit = useMemo(() => {
    const m = new Map<string, { unitName: string; rows: PostAwardReportRow[] }>();
    for (const r of data.data?.items ?? []) {
      const u = m.get(r.unitId) ?? { unitName: r.unitName, rows: [] };
      u.rows.push(r);
      m.set(r.unitId, u);
    }
    return [...m.entries()];
  }, [data.data]);
  if (data.isPending) return <Loading />;
  if (data.error || !data.data)
    return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const { round, summaries } = data.data;
  const stampedOf = (u: string) => summaries.find((s) => s.unitId === u);
  return (
    <div data-testid="post-award-round">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {round.title}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text type="secondary">
          {t('postAward.deadline')} {formatDateTime(round.deadline)}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={summaryXlsxUrl(round.id)}
          data-testid="summary-xlsx"
        >
          {t(unitId ? 'postAward.downloadSummary' : 'postAward.export')}
        </Button>
      </Space>
      {figures.data && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="post-award-figures">
          <Space size={48} wrap>
            <Statistic
              title={t('postAward.fig.filed')}
              value={figures.data.filed}
              suffix={`/ ${figures.data.reports}`}
            />
            <Statistic title={t('postAward.fig.newCustomers')} value={figures.data.newCustomers} />
            <Statistic
              title={t('postAward.fig.revenue', { year: figures.data.year })}
              value={figures.data.revenue}
              precision={1}
            />
            <Statistic
              title={t('postAward.fig.inOperation')}
              value={
                figures.data.inOperation.share === null
                  ? '—'
                  : `${Math.round(figures.data.inOperation.share * 100)}%`
              }
            />
          </Space>
        </Card>
      )}
      {byUnit.length === 0 && <Empty description={t('postAward.noReports')} />}
      {byUnit.map(([u, { unitName, rows }]) => {
        const stamped = stampedOf(u);
        const ready = rows.every((r) => r.state === 'forwarded');
        const counts = Object.fromEntries(
          (['draft', 'submitted', 'returned', 'forwarded'] as const).map((s) => [
            s,
            rows.filter((r) => r.state === s).length,
          ]),
        );
        return (
          <Card
            key={u}
            title={unitName}
            style={{ marginBottom: 16 }}
            extra={
              <Space wrap>
                {(['draft', 'submitted', 'returned', 'forwarded'] as const).map((s) => (
                  <Tag key={s} color={STATE_COLORS[s]}>
                    {POST_AWARD_REPORT_STATE_LABELS[s][lang]} {counts[s]}
                  </Tag>
                ))}
                {stamped ? (
                  <a href={stampedScanUrl(round.id, u)}>{t('postAward.stampedScan')}</a>
                ) : (
                  <Typography.Text type="secondary">{t('postAward.notStamped')}</Typography.Text>
                )}
                {unitId === u && (
                  <Upload
                    accept=".pdf,.png,.jpg,.jpeg"
                    showUploadList={false}
                    disabled={!ready}
                    customRequest={({ file }) => stamp.mutate(file as File)}
                  >
                    <Button
                      icon={<UploadOutlined />}
                      disabled={!ready}
                      loading={stamp.isPending}
                      title={ready ? undefined : t('postAward.stampWaits')}
                      data-testid="stamp-upload"
                    >
                      {t('postAward.uploadStamped')}
                    </Button>
                  </Upload>
                )}
              </Space>
            }
          >
            <Table<PostAwardReportRow>
              rowKey="id"
              size="small"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 800 }}
              columns={[
                { title: t('postAward.col.publicId'), dataIndex: 'publicId', width: 150 },
                {
                  title: t('postAward.col.solution'),
                  dataIndex: 'solutionName',
                  render: (v: string, r) => <Link to={`/post-award/reports/${r.id}`}>{v}</Link>,
                },
                { title: t('postAward.col.enterprise'), dataIndex: 'enterpriseName' },
                {
                  title: t('postAward.col.state'),
                  dataIndex: 'state',
                  width: 140,
                  render: (s: PostAwardReportRow['state']) => (
                    <Tag color={STATE_COLORS[s]}>{POST_AWARD_REPORT_STATE_LABELS[s][lang]}</Tag>
                  ),
                },
                {
                  title: t('postAward.col.updatedAt'),
                  dataIndex: 'updatedAt',
                  width: 160,
                  render: (v: string) => formatDateTime(v),
                },
              ]}
            />
          </Card>
        );
      })}
    </div>
  );
}
