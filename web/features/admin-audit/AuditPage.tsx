import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { AUDIT_ACTIONS, AUDIT_TARGETS, isAuditAction } from '../../../domain/audit-actions';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { AuditEvent, AuditPage as Page } from '../../lib/types';
import { SummaryCell } from './SummaryCell';
import { Checkpoints } from './Checkpoints';
import { VerifyChain } from './VerifyChain';

const LIMIT = 50;
const beijing = (d: Dayjs | null | undefined, end: boolean) =>
  d ? `${d.format('YYYY-MM-DD')}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00` : undefined;

interface Filters {
  actorLabel?: string;
  action?: string;
  targetType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const query = {
    actorLabel: filters.actorLabel,
    action: filters.action,
    targetType: filters.targetType,
    from: beijing(filters.range?.[0], false),
    to: beijing(filters.range?.[1], true),
    limit: LIMIT,
  };
  const events = useInfiniteQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ pageParam }) =>
      api<Page>('/audit-events', { query: { ...query, beforeId: pageParam } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.items.length === LIMIT ? last.items[last.items.length - 1]?.id : undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const first = events.data?.pages[0];
  const actionLabel = (a: string) => (isAuditAction(a) ? AUDIT_ACTIONS[a][lang] : a);
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  const roleLabel = (r: string | null) =>
    r && (ROLES as readonly string[]).includes(r)
      ? ROLE_LABELS[r as Role][lang]
      : r === 'system'
        ? t('audit.system')
        : (r ?? '—');
  return (
    <Card title={t('audit.title')} extra={<VerifyChain />}>
      <Checkpoints />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('audit.actorPlaceholder')}
          aria-label={t('audit.actorPlaceholder')}
          style={{ width: 200 }}
          onSearch={(v) => setFilters((f) => ({ ...f, actorLabel: v || undefined }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          style={{ width: 220 }}
          value={filters.action}
          onChange={(v) => setFilters((f) => ({ ...f, action: v }))}
          options={(first?.actions ?? []).map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <Select
          allowClear
          placeholder={t('audit.targetType')}
          aria-label={t('audit.targetType')}
          style={{ width: 180 }}
          value={filters.targetType}
          onChange={(v) => setFilters((f) => ({ ...f, targetType: v }))}
          options={Object.entries(AUDIT_TARGETS).map(([value, label]) => ({
            value,
            label: label[lang],
          }))}
        />
        <DatePicker.RangePicker
          value={filters.range ?? null}
          onChange={(range) => setFilters((f) => ({ ...f, range }))}
        />
      </Flex>
      <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: '#', dataIndex: 'id', width: 60 },
          {
            title: t('audit.time'),
            dataIndex: 'at',
            render: (v: string) => formatDateTime(v),
            onCell: nowrap,
          },
          {
            title: t('audit.actor'),
            dataIndex: 'actorLabel',
            render: (v: string | null, e) => (
              <span title={v ?? undefined}>{e.actorName ?? v ?? '—'}</span>
            ),
          },
          { title: t('audit.role'), dataIndex: 'actorRole', render: roleLabel, onCell: nowrap },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (a: string, e) => <Tag title={a}>{e.actionLabel}</Tag>,
          },
          {
            title: t('audit.target'),
            render: (_, e) => {
              const raw = `${e.targetType}${e.targetId ? `:${e.targetId}` : ''}`;
              const name = e.objectLabel ?? (e.targetId ? e.targetId.slice(0, 8) : null);
              return (
                <Flex vertical gap={0} style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.targetTypeLabel}
                  </Typography.Text>
                  {name &&
                    (e.objectLink ? (
                      <Link to={e.objectLink} title={raw}>
                        {name}
                      </Link>
                    ) : (
                      <Typography.Text title={raw} style={{ fontSize: 12 }}>
                        {name}
                      </Typography.Text>
                    ))}
                </Flex>
              );
            },
          },
          {
            title: t('audit.summary'),
            dataIndex: 'changes',
            render: (_, e) => <SummaryCell event={e} />,
          },
          {
            title: t('audit.ip'),
            dataIndex: 'ip',
            width: 120,
            render: (v: string | null) => v ?? '—',
          },
        ]}
        footer={() => (
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">
              {first ? t('common.total', { n: first.total }) : ''}
            </Typography.Text>
            {events.hasNextPage && (
              <Button
                onClick={() => void events.fetchNextPage()}
                loading={events.isFetchingNextPage}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      />
    </Card>
  );
}
