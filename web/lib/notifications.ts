// 消息中心 and 通知设置: the requests, typed by the server's schemas (domain/api/notifications).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationKind } from '../../domain/notifications';
import type {
  NotificationPage,
  NotificationPreferences,
  NotificationView,
} from '../../domain/api/notifications';
import { api } from './api';
import type { Translate } from './i18n';

export type { NotificationPage, NotificationPreferences, NotificationView };

export const notificationsKey = ['notifications'] as const;
const unreadKey = [...notificationsKey, 'unread'] as const;
const preferencesKey = ['notification-preferences'] as const;

/** How often the bell asks for the unread count (and on returning to the window). */
export const UNREAD_POLL_MS = 60_000;

/** The bell's accessible name: 消息中心，3条未读 / 消息中心，没有未读消息. */
export function bellLabel(t: Translate, unread: number | undefined): string {
  if (!unread) return t('messages.bellNone');
  return t('messages.bellUnread', { n: unread });
}

/** The number on the badge: 99+ past 99 (antd's overflowCount), none at 0. */
export const BADGE_OVERFLOW = 99;

/**
 * The page a message's 查看 opens, when it is a path inside the platform ("/applications/…");
 * anything else (another site, "//host", "javascript:") is not followed.
 */
export function internalPath(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\'))
    return null;
  return link;
}

/** The unread count for the bell: polled, and on focus; set at once when messages are marked read. */
export function useUnreadCount() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api<NotificationPage>('/notifications', { query: { pageSize: 1 } }),
    select: (d) => d.unread,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useNotifications(q: { unreadOnly: boolean; page: number; pageSize: number }) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...notificationsKey, 'list', q],
    queryFn: async () => {
      const page = await api<NotificationPage>('/notifications', {
        query: { unread: q.unreadOnly ? 'true' : undefined, page: q.page, pageSize: q.pageSize },
      });
      // the list knows the count too: keep the bell in step with what the page shows
      qc.setQueryData<NotificationPage>(unreadKey, (old) =>
        old ? { ...old, unread: page.unread } : { items: [], total: 0, unread: page.unread },
      );
      return page;
    },
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** Marks these messages (or all) read; the bell shows the new count at once. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api<{ unread: number }>('/notifications/read', { method: 'POST', body }),
    onSuccess: ({ unread }, body) => {
      qc.setQueryData<NotificationPage>(unreadKey, (old) =>
        old ? { ...old, unread } : { items: [], total: 0, unread },
      );
      // the open page shows the messages as read at once; the lists are fetched again after
      const now = new Date().toISOString();
      qc.setQueriesData<NotificationPage>(
        { queryKey: [...notificationsKey, 'list'] },
        (old) =>
          old && {
            ...old,
            unread,
            items: old.items.map((n) =>
              !n.readAt && ('all' in body || body.ids.includes(n.id)) ? { ...n, readAt: now } : n,
            ),
          },
      );
      void qc.invalidateQueries({ queryKey: [...notificationsKey, 'list'], refetchType: 'none' });
    },
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => api<NotificationPreferences>('/notification-preferences'),
  });
}

export function useUpdateNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (emailOff: NotificationKind[]) =>
      api<NotificationPreferences>('/notification-preferences', {
        method: 'PUT',
        body: { emailOff },
      }),
    onSuccess: (data) => qc.setQueryData(preferencesKey, data),
  });
}
