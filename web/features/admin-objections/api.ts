// 公示异议's organizer requests: the campaign's objections (listObjections, by state), the
// attachment's address (getObjectionAttachment) and a resolution (resolveObjection).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ObjectionList,
  ObjectionView,
  ResolvedObjection,
} from '../../../domain/api/objections';
import type { ObjectionState, ResolveObjectionInput } from '../../../domain/objections';
import { api } from '../../lib/api';
import { publicNoticeKey } from '../../lib/public-notice';

export type { ObjectionView, ResolvedObjection };

const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/objections`;
export const objectionsKey = (campaignId: string) => ['objections', campaignId] as const;

export function useObjections(campaignId: string | undefined, state: ObjectionState | undefined) {
  return useQuery({
    queryKey: [...objectionsKey(campaignId ?? ''), state ?? 'all'],
    queryFn: () => api<ObjectionList>(base(campaignId ?? ''), { query: { state } }),
    enabled: !!campaignId,
  });
}

export const attachmentUrl = (campaignId: string, objectionId: string) =>
  `/api/v1${base(campaignId)}/${encodeURIComponent(objectionId)}/attachment`;

/** resolveObjection: the lists reload; an upheld one changes the public list too. */
export function useResolveObjection(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { objectionId: string } & ResolveObjectionInput) =>
      api<ResolvedObjection>(`${base(campaignId)}/${encodeURIComponent(v.objectionId)}/resolve`, {
        method: 'POST',
        body: { outcome: v.outcome, resolution: v.resolution },
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: objectionsKey(campaignId) });
      void qc.invalidateQueries({ queryKey: publicNoticeKey(campaignId) });
    },
  });
}
