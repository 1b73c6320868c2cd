import { useState } from 'react';
import { Alert, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { deskPath } from '../../lib/desk';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { DESK_STATES, useInbox, type DeskState, type InboxFilter, type InboxItem } from './api';
import { DeskFrame, type Desk } from './DeskFrame';
import { DeskStateTag } from './StateTag';

function Inbox({ desk }: { desk: Desk }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<InboxFilter>({});
  const inbox = useInbox(desk.campaign.id, filter);
  const categories = desk.campaign.settings.categories;
  const categoryName = (code: string | null) =>
    categories.find((c) => c.code === code)?.name ?? code ?? '—';
  const base = deskPath(desk.campaign.id);
  return (
    <Card title={t('desk.inbox.title')}>
      {desk.signedOff && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('desk.locked')}
          data-testid="desk-locked"
        />
      )}
      <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search">
        <Select<DeskState>
          allowClear
          placeholder={t('desk.filter.state')}
          aria-label={t('desk.filter.state')}
          data-testid="filter-state"
          style={{ width: 160 }}
          value={filter.state}
          onChange={(state) => setFilter((f) => ({ ...f, state }))}
          options={DESK_STATES.map((s) => ({ value: s, label: t(`desk.state.${s}`) }))}
        />
        <Select<string>
          allowClear
          placeholder={t('desk.filter.category')}
          aria-label={t('desk.filter.category')}
          style={{ width: 200 }}
          value={filter.category}
          onChange={(category) => setFilter((f) => ({ ...f, category }))}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Input.Search
          allowClear
          aria-label={t('desk.filter.q')}
          placeholder={t('desk.filter.q')}
          data-testid="filter-q"
          style={{ width: 320 }}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
        />
      </Flex>
      <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />
      <Table<InboxItem>
        rowKey="id"
        size="middle"
        data-testid="inbox-table"
        loading={inbox.isFetching}
        dataSource={inbox.data?.items}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('desk.inbox.empty') }}
        columns={[
          {
            title: t('desk.col.solution'),
            dataIndex: 'solutionName',
            render: (name: string, r) => (
              <Flex gap={6} wrap align="center">
                <Link to={`${base}/applications/${r.id}`}>{name || t('apps.untitled')}</Link>
                {!!r.findings && (
                  <Tag color="red" data-testid="duplicate-tag">
                    {t('dup.tag', { n: r.findings })}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { title: t('desk.col.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('field.uscc'),
            dataIndex: 'uscc',
            onCell: () => ({ style: { whiteSpace: 'nowrap', fontFamily: 'monospace' } }),
          },
          {
            title: t('desk.col.category'),
            dataIndex: 'category',
            render: (c: string | null) => categoryName(c),
          },
          {
            title: t('desk.col.version'),
            dataIndex: 'currentVersionNo',
            render: (n: number | null) => (n ? t('apps.version', { n }) : '—'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: t('desk.col.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => formatDateTime(v),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: t('desk.col.state'),
            dataIndex: 'state',
            render: (_, r) => <DeskStateTag state={r.state} />,
          },
          {
            title: t('desk.col.rank'),
            dataIndex: 'recommendRank',
            render: (n: number | null) =>
              n === null ? '—' : <Typography.Text strong>{n}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

/** /desk/:campaignId — what reached this unit, with quota use and the batch's state. */
export function DeskPage() {
  const { campaignId = '' } = useParams();
  return (
    <DeskFrame campaignId={campaignId} view="inbox">
      {(desk) => <Inbox desk={desk} />}
    </DeskFrame>
  );
}
