import { Button, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { POST_AWARD_KIND_LABELS, POST_AWARD_REPORT_STATE_LABELS } from '../../../domain/post-award';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMyReports, type PostAwardReportRow } from './api';
import { STATE_COLORS } from './labels';

/** /post-award — the enterprise's 年度运行监测 and 自查评估 reports, every round. */
export function MyReportsPage() {
  const { t, lang } = useI18n();
  const list = useMyReports();
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const editable = (r: PostAwardReportRow) =>
    (r.state === 'draft' || r.state === 'returned') && new Date(r.deadline).getTime() > Date.now();
  return (
    <div data-testid="post-award-mine">
      <Typography.Paragraph type="secondary">{t('postAward.mineIntro')}</Typography.Paragraph>
      <Table<PostAwardReportRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('postAward.noReports')} /> }}
        columns={[
          { title: t('postAward.col.round'), dataIndex: 'roundTitle' },
          {
            title: t('postAward.col.kind'),
            dataIndex: 'kind',
            render: (k: PostAwardReportRow['kind']) => POST_AWARD_KIND_LABELS[k][lang],
          },
          { title: t('postAward.col.solution'), dataIndex: 'solutionName' },
          { title: t('postAward.col.publicId'), dataIndex: 'publicId' },
          {
            title: t('postAward.col.state'),
            dataIndex: 'state',
            render: (s: PostAwardReportRow['state']) => (
              <Tag color={STATE_COLORS[s]}>{POST_AWARD_REPORT_STATE_LABELS[s][lang]}</Tag>
            ),
          },
          {
            title: t('postAward.deadline'),
            dataIndex: 'deadline',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('postAward.col.actions'),
            key: 'go',
            render: (_: unknown, r) => (
              <Link to={`/post-award/reports/${r.id}`}>
                <Button size="small" type={editable(r) ? 'primary' : 'default'}>
                  {t(editable(r) ? 'postAward.fill' : 'postAward.view')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
