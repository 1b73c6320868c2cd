import { App, Button, Card, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { AuditCheckpoint, AuditCheckpoints } from '../../lib/types';

/** One line to copy out of the system: enough to check the log against later. */
export const checkpointLine = (c: AuditCheckpoint) =>
  `${c.at} count=${c.count} lastId=${c.lastId} hash=${c.hash}`;

/** The latest checkpoints of the chain's head, to copy out of the system, and 立即写入检查点. */
export function Checkpoints() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['audit-checkpoints'],
    queryFn: () => api<AuditCheckpoints>('/audit-events/checkpoints', { query: { limit: 10 } }),
  });
  const write = useMutation({
    mutationFn: () => api<AuditCheckpoint>('/audit-events/checkpoints', { method: 'POST' }),
    onSuccess: (c) => {
      void message.success(t('audit.checkpointWritten', { count: c.count }));
      void client.invalidateQueries({ queryKey: ['audit-checkpoints'] });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('audit.checkpoints')}
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" loading={write.isPending} onClick={() => write.mutate()}>
          {t('audit.checkpointNow')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('audit.checkpointsHelp')}
      </Typography.Paragraph>
      <ErrorAlert error={list.error ?? write.error} onRetry={() => void list.refetch()} />
      <Table<AuditCheckpoint>
        data-testid="checkpoints"
        rowKey="key"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('audit.noCheckpoints') }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          { title: t('audit.checkpointCount'), dataIndex: 'count' },
          { title: t('audit.checkpointLast'), dataIndex: 'lastId', render: (v: number) => `#${v}` },
          {
            title: t('audit.checkpointHash'),
            dataIndex: 'hash',
            render: (_: string, c) => (
              <Typography.Text code copyable={{ text: checkpointLine(c) }} style={{ fontSize: 12 }}>
                {c.hash}
              </Typography.Text>
            ),
          },
          { title: t('audit.checkpointSource'), dataIndex: 'source' },
        ]}
        footer={
          items.length
            ? () => (
                <Typography.Text copyable={{ text: items.map(checkpointLine).join('\n') }}>
                  {t('audit.copyAll')}
                </Typography.Text>
              )
            : undefined
        }
      />
    </Card>
  );
}
