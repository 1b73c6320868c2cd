// The expert's requests: one assignment (frozen application, rubric, own review), saving over a
// version, submitting, declining. The list lives in web/lib/reviews (the home page reads it too).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclinedAssignment } from '../../../domain/api/review-rounds';
import type { MyReview, MyReviewDetail, SaveReviewBody } from '../../../domain/api/reviews';
import { api } from '../../lib/api';
import { myReviewsKey } from '../../lib/reviews';

export type { MyReview, MyReviewDetail };
export type ReviewContent = Omit<SaveReviewBody, 'baseVersion' | 'recommendation'> & {
  recommendation: string | null;
};

export const myReviewKey = (id: string) => ['my', 'reviews', id] as const;

/**
 * The assignment as the page opened it. Not refetched behind the expert's back (a window focus
 * would otherwise reload the form under their hands); the page keeps the cached review current.
 */
export function useMyReview(assignmentId: string) {
  return useQuery({
    queryKey: myReviewKey(assignmentId),
    queryFn: () => api<MyReviewDetail>(`/my/reviews/${encodeURIComponent(assignmentId)}`),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function saveReview(assignmentId: string, baseVersion: number, content: ReviewContent) {
  return api<MyReview>(`/my/reviews/${encodeURIComponent(assignmentId)}`, {
    method: 'PUT',
    body: { baseVersion, ...content },
  });
}

export function submitReview(assignmentId: string, baseVersion: number) {
  return api<MyReview>(`/my/reviews/${encodeURIComponent(assignmentId)}/submit`, {
    method: 'POST',
    body: { baseVersion },
  });
}

/** An attachment of the frozen version, through the expert's own route. */
export function reviewAttachmentUrl(assignmentId: string, attachmentId: string): string {
  return `/api/v1/my/reviews/${encodeURIComponent(assignmentId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** 拒绝评审: the pair leaves the expert's list; the organizer is offered a replacement. */
export function useDeclineAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { assignmentId: string; reason: string }) =>
      api<DeclinedAssignment>(`/my/assignments/${encodeURIComponent(v.assignmentId)}/decline`, {
        method: 'POST',
        body: { reason: v.reason },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: myReviewsKey }),
  });
}
