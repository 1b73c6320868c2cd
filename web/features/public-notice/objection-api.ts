// 异议's public requests (no sign-in): a challenge question (getChallenge) and the filing
// (submitObjection, multipart with an optional attachment).
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChallengeView, ObjectionReceipt } from '../../../domain/api/objections';
import { api } from '../../lib/api';
import { noticePath } from '../../lib/public-notice';

export type { ChallengeView, ObjectionReceipt };

export const challengeKey = ['objection-challenge'] as const;

/** getChallenge: fetched when the form opens; a new one on each refetch (never cached long). */
export function useChallenge(enabled: boolean) {
  return useQuery({
    queryKey: challengeKey,
    queryFn: () => api<ChallengeView>('/challenge'),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** submitObjection: the fields and, when chosen, the attachment (field `file`). */
export function useSubmitObjection(idOrCode: string) {
  return useMutation({
    mutationFn: (v: { fields: Record<string, string>; file?: File }) => {
      const body = new FormData();
      for (const [k, val] of Object.entries(v.fields)) body.append(k, val);
      if (v.file) body.append('file', v.file, v.file.name);
      return api<ObjectionReceipt>(`${noticePath(idOrCode)}/objections`, {
        method: 'POST',
        body,
      });
    },
  });
}
