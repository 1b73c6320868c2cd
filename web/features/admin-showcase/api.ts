// 成果展示审核's organizer requests: the submissions by state and page (listShowcaseSubmissions),
// and a review (reviewShowcase); one showcase (getShowcase) is read through web/lib/showcase.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShowcaseSubmissionList, ShowcaseView } from '../../../domain/api/showcase';
import type { ShowcaseState } from '../../../domain/showcase';
import { api } from '../../lib/api';
import { showcaseBase, showcaseKey } from '../../lib/showcase';

const submissionsKey = ['showcase-submissions'] as const;

export function useShowcaseSubmissions(
  state: ShowcaseState | undefined,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...submissionsKey, state ?? 'all', page, pageSize],
    queryFn: () =>
      api<ShowcaseSubmissionList>('/showcase-submissions', { query: { state, page, pageSize } }),
  });
}

export function useReviewShowcase(publicId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; note?: string; version: number }) =>
      api<ShowcaseView>(`${showcaseBase(publicId)}/review`, { method: 'POST', body }),
    onSuccess: (view) => qc.setQueryData(showcaseKey(publicId), view),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: submissionsKey });
      void qc.invalidateQueries({ queryKey: showcaseKey(publicId) });
    },
  });
}
