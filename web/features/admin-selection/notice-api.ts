// 公示's organizer requests: the notice as it stands (getPublicNotice, shared with the public page),
// the preview of a period (previewPublicNoticePeriod) and the opening (openPublicNotice).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenPublicNoticeInput } from '../../../domain/public-notice';
import { api } from '../../lib/api';
import {
  noticePath,
  publicNoticeKey,
  usePublicNotice,
  type NoticePeriodView,
  type OpenedNotice,
} from '../../lib/public-notice';
import { selectionKey } from './api';

export { usePublicNotice };
export type { NoticePeriodView, OpenedNotice };

/** previewPublicNoticePeriod: the period a notice opened on `opensOn` would run (nothing stored). */
export function useNoticePeriod(
  campaignId: string,
  opensOn: string | undefined,
  workingDays: number | null | undefined,
) {
  const ok = !!opensOn && typeof workingDays === 'number' && workingDays >= 1 && workingDays <= 30;
  return useQuery({
    queryKey: ['public-notice-period', campaignId, opensOn ?? '', workingDays ?? 0],
    queryFn: () =>
      api<NoticePeriodView>(`${noticePath(campaignId)}/period`, {
        query: { opensOn, workingDays: workingDays ?? undefined },
      }),
    enabled: ok,
    placeholderData: keepPreviousData,
  });
}

/** openPublicNotice: the notice is shown at once; the selection and any other view reload. */
export function useOpenPublicNotice(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenPublicNoticeInput) =>
      api<OpenedNotice>(noticePath(campaignId), { method: 'POST', body }),
    onSuccess: (res) => {
      qc.setQueryData(publicNoticeKey(campaignId), res.notice);
      qc.setQueryData(publicNoticeKey(res.notice.campaignCode), res.notice);
      void qc.invalidateQueries({ queryKey: selectionKey(campaignId) });
    },
    onError: () => qc.invalidateQueries({ queryKey: publicNoticeKey(campaignId) }),
  });
}
