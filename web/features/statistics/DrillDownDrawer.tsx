// The applications behind one number of the analysis (organizers: all; recommenders: their unit's).
import { useEffect, useState } from 'react';
import { Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { isMessageKey, useI18n } from '../../lib/i18n';
import { useDrillDown, type DrillDown, type DrillDownTarget } from './api';
import type { StatisticsScope } from './StatisticsPage';

type Item = DrillDown['items'][number];

export function DrillDownDrawer(props: {
  campaignId: string;
  target: DrillDownTarget | null;
  scope: StatisticsScope;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [props.target]);
  const q = useDrillDown(props.campaignId, props.target, page);
  const href = (id: string) =>
    props.scope === 'recommender'
      ? `/desk/${props.campaignId}/applications/${id}`
      : `/applications/${id}`;
  return (
    <Drawer
      open={!!props.target}
      onClose={props.onClose}
      size="large"
      title={props.target ? t('stats.drill.title', { title: props.target.title }) : ''}
      data-testid="drill-drawer"
      destroyOnHidden
    >
      {q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Item>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.items}
          aria-label={props.target?.title}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('stats.drill.total', { n }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('stats.drill.solution'),
              dataIndex: 'solutionName',
              key: 'solutionName',
              render: (name: string, row) => <Link to={href(row.id)}>{name}</Link>,
            },
            { title: t('stats.drill.applicant'), dataIndex: 'applicantName', key: 'applicant' },
            { title: t('stats.drill.unit'), dataIndex: 'unitName', key: 'unit' },
            {
              title: t('stats.drill.state'),
              dataIndex: 'state',
              key: 'state',
              render: (s: string) => {
                const key = `appState.${s}`;
                return <Tag>{isMessageKey(key) ? t(key) : s}</Tag>;
              },
            },
            {
              title: t('stats.drill.submittedAt'),
              dataIndex: 'submittedAt',
              key: 'submittedAt',
              render: (at: string | null) => formatDateTime(at),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
