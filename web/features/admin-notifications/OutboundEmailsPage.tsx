// /admin/outbound-emails — 邮件发送记录: every e-mail the platform sent or tries to send, its state
// (排队中/发送中/已发送/发送失败) and the reason of a failure; 重新发送 for a failed one.
import { useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_INFO } from '../../../domain/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import {
  useOutboundEmails,
  useResendEmail,
  type OutboundEmailView,
  type OutboundFilter,
} from '../../lib/notification-admin';

type State = OutboundEmailView['state'];
const STATES: Record<State, { key: MessageKey; color: string }> = {
  queued: { key: 'mail.state.queued', color: 'gold' },
  sending: { key: 'mail.state.sending', color: 'processing' },
  sent: { key: 'mail.state.sent', color: 'green' },
  failed: { key: 'mail.state.failed', color: 'red' },
};

export function EmailStateTag({ state }: { state: State }) {
  const { t } = useI18n();
  return <Tag color={STATES[state].color}>{t(STATES[state].key)}</Tag>;
}

export function OutboundEmailsPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<OutboundFilter>({ page: 1, pageSize: 20 });
  const emails = useOutboundEmails(filter);
  const resend = useResendEmail();
  const set = (patch: Partial<OutboundFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <Card data-testid="outbound-emails" title={t('nav.outboundEmails')}>
      <Typography.Paragraph type="secondary">{t('mail.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('mail.filterState')}
          style={{ width: 140 }}
          value={filter.state ?? ''}
          onChange={(v: State | '') => set({ state: v || undefined })}
          options={[
            { value: '', label: t('mail.allStates') },
            ...(Object.keys(STATES) as State[]).map((s) => ({
              value: s,
              label: t(STATES[s].key),
            })),
          ]}
        />
        <Select
          aria-label={t('mail.filterKind')}
          style={{ width: 220 }}
          value={filter.kind ?? ''}
          onChange={(v: OutboundFilter['kind'] | '') => set({ kind: v || undefined })}
          options={[
            { value: '', label: t('mail.allKinds') },
            ...NOTIFICATION_KINDS.map((k) => ({
              value: k,
              label: NOTIFICATION_KIND_INFO[k].label,
            })),
          ]}
        />
        <Input.Search
          aria-label={t('mail.searchTo')}
          placeholder={t('mail.searchTo')}
          allowClear
          style={{ width: 260 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
      </Flex>
      {emails.isError ? (
        <ErrorAlert error={emails.error} onRetry={() => void emails.refetch()} />
      ) : (
        <Table<OutboundEmailView>
          rowKey="id"
          size="small"
          loading={emails.isFetching}
          dataSource={emails.data?.items}
          scroll={{ x: 960 }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: emails.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: t('mail.col.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
            { title: t('mail.col.kind'), dataIndex: 'kindLabel', width: 150 },
            { title: t('mail.col.to'), dataIndex: 'to', width: 200 },
            { title: t('mail.col.subject'), dataIndex: 'subject', ellipsis: true },
            {
              title: t('mail.col.state'),
              dataIndex: 'state',
              width: 170,
              render: (_: State, r) => (
                <Flex vertical gap={2}>
                  <span>
                    <EmailStateTag state={r.state} />
                  </span>
                  {r.sentAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('mail.sentAt', { at: formatDateTime(r.sentAt) })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('mail.col.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            {
              title: t('mail.col.reason'),
              dataIndex: 'lastError',
              width: 240,
              render: (v: string | null, r) =>
                v && r.state !== 'sent' ? (
                  <Typography.Text type="danger" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                    {v}
                  </Typography.Text>
                ) : null,
            },
            {
              title: t('mail.col.actions'),
              key: 'actions',
              width: 110,
              render: (_, r) =>
                r.state === 'failed' ? (
                  <Button
                    size="small"
                    loading={resend.isPending && resend.variables === r.id}
                    onClick={() =>
                      resend.mutate(r.id, {
                        onSuccess: () => message.success(t('mail.resent')),
                        onError: (e) => message.error(errorText(e)),
                      })
                    }
                  >
                    {t('mail.resend')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
