// 评审结果's requests: the round's results, reopening one review, the download links.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ResultExpert,
  ResultPanel,
  ResultRow,
  ReviewResults,
} from '../../../domain/api/reviews';
import { api } from '../../lib/api';

export type { ResultExpert, ResultPanel, ResultRow, ReviewResults };

export const resultsKey = (roundId: string) => ['review-rounds', roundId, 'results'] as const;
const roundPath = (roundId: string) => `/review-rounds/${encodeURIComponent(roundId)}`;

export function useReviewResults(roundId: string) {
  return useQuery({
    queryKey: resultsKey(roundId),
    queryFn: () => api<ReviewResults>(`${roundPath(roundId)}/results`),
  });
}

export function useReopenReview(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { assignmentId: string; reason: string }) =>
      api(`${roundPath(roundId)}/reviews/${encodeURIComponent(v.assignmentId)}/reopen`, {
        method: 'POST',
        body: { reason: v.reason },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: resultsKey(roundId) }),
  });
}

export const resultsXlsxUrl = (roundId: string) => `/api/v1${roundPath(roundId)}/results.xlsx`;
export const scoreSheetUrl = (roundId: string, expertId: string) =>
  `/api/v1${roundPath(roundId)}/results/experts/${encodeURIComponent(expertId)}/score-sheet.pdf`;
