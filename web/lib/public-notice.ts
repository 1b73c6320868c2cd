// 公示's public request, shared by the organizer's 公示 card, the campaign page and the public notice
// page: the campaign's notice (getPublicNotice, no sign-in). No notice yet (404) is `null`, so each
// can say "none" in its own way.
import { useQuery } from '@tanstack/react-query';
import type {
  NoticePeriodView,
  OpenedNotice,
  PublicNoticeView,
} from '../../domain/api/public-notice';
import { api, ApiError } from './api';

export type { NoticePeriodView, OpenedNotice, PublicNoticeView };
export type NoticeItem = PublicNoticeView['items'][number];
export type NoticeState = PublicNoticeView['state'];

/** 未开始 / 公示中 / 已结束 */
export const NOTICE_STATE_COLORS = { upcoming: 'blue', open: 'green', closed: 'default' } as const;

export const publicNoticeKey = (idOrCode: string) => ['public-notice', idOrCode] as const;
export const noticePath = (idOrCode: string) =>
  `/campaigns/${encodeURIComponent(idOrCode)}/public-notice`;

/** getPublicNotice (public): the notice, or null when the campaign has none. */
export function usePublicNotice(idOrCode: string | undefined) {
  return useQuery({
    queryKey: publicNoticeKey(idOrCode ?? ''),
    queryFn: () =>
      api<PublicNoticeView>(noticePath(idOrCode ?? ''), { quiet401: true }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    enabled: !!idOrCode,
  });
}
