import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Pagination, Segmented, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  internalPath,
  useMarkRead,
  useNotifications,
  type NotificationView,
} from '../../lib/notifications';

const PAGE_SIZE = 20;
type Filter = 'all' | 'unread';

/**
 * 消息中心: the signed-in user's messages, newest first. Opening one shows its text (plain text,
 * line breaks kept) and marks it read; 查看 goes to the page it concerns. The filter and the page
 * live in the address, so coming back from that page finds the list as it was.
 */
export function MessagesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('filter') === 'unread' ? 'unread' : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications({ unreadOnly: filter === 'unread', page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const go = (next: { filter?: Filter; page?: number }) => {
    const f = next.filter ?? filter;
    const p = next.page ?? 1;
    setParams(
      { ...(f === 'unread' ? { filter: f } : {}), ...(p > 1 ? { page: String(p) } : {}) },
      { replace: true },
    );
    setOpen(new Set());
  };
  const toggle = (n: NotificationView) => {
    const next = new Set(open);
    if (next.has(n.id)) next.delete(n.id);
    else {
      next.add(n.id);
      if (!n.readAt) markRead.mutate({ ids: [n.id] });
    }
    setOpen(next);
  };
  const data = list.data;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('messages.title')}
        </Typography.Title>
      }
      extra={
        <Link to="/account/notifications">
          <SettingOutlined /> {t('messages.settings')}
        </Link>
      }
    >
      <Typography.Paragraph type="secondary">{t('messages.hint')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('messages.filter')}
          value={filter}
          onChange={(f) => go({ filter: f })}
          options={[
            { value: 'all', label: t('messages.filterAll') },
            { value: 'unread', label: t('messages.filterUnread') },
          ]}
        />
        <Flex align="center" gap={12} wrap>
          {data && (
            <Typography.Text type="secondary" data-testid="messages-count">
              {t('messages.count', { n: data.total, u: data.unread })}
            </Typography.Text>
          )}
          <Button
            disabled={!data?.unread}
            loading={markRead.isPending && markRead.variables && 'all' in markRead.variables}
            onClick={() =>
              markRead.mutate(
                { all: true },
                { onSuccess: () => void message.success(t('messages.markedAllRead')) },
              )
            }
          >
            {t('messages.markAllRead')}
          </Button>
        </Flex>
      </Flex>
      <ErrorAlert error={list.error ?? markRead.error} onRetry={() => void list.refetch()} />
      {!data ? (
        list.isLoading && <Loading />
      ) : data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={filter === 'unread' ? t('messages.emptyUnread') : t('messages.empty')}
        />
      ) : (
        <ul className="message-list" aria-label={t('messages.list')} data-testid="messages">
          {data.items.map((n) => (
            <MessageItem key={n.id} n={n} open={open.has(n.id)} onToggle={() => toggle(n)} />
          ))}
        </ul>
      )}
      {data && data.total > PAGE_SIZE && (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            onChange={(p) => go({ page: p })}
          />
        </Flex>
      )}
    </Card>
  );
}

function MessageItem({
  n,
  open,
  onToggle,
}: {
  n: NotificationView;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = !n.readAt;
  const path = internalPath(n.link);
  const bodyId = `message-${n.id}`;
  return (
    <li className={unread ? 'message-item message-item-unread' : 'message-item'}>
      <button
        type="button"
        className="message-head"
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        onClick={onToggle}
      >
        <span className="message-tags">
          <Tag>{n.kindLabel}</Tag>
          {unread && <Tag color="blue">{t('messages.unread')}</Tag>}
        </span>
        <span className={unread ? 'message-subject message-subject-unread' : 'message-subject'}>
          {n.subject}
        </span>
        <time className="message-time" dateTime={n.createdAt}>
          {formatDateTime(n.createdAt)}
        </time>
      </button>
      {open && (
        <div id={bodyId} className="message-body" data-testid="message-body">
          {/* plain text with its line breaks: a message is never HTML */}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: path ? 12 : 0 }}>
            {n.body}
          </Typography.Paragraph>
          {path && (
            <Button type="primary" onClick={() => navigate(path)}>
              {t('messages.open')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
