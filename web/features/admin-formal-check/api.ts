// 形式审查 requests: the campaign's list, one application's checklist, the record, the bulk pass.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkPassResult,
  FormalCheckItemView,
  FormalCheckListItem,
  FormalCheckView,
  RecordFormalCheckBody,
} from '../../../domain/api/formal-check';
import { api } from '../../lib/api';
import { applicationKey } from '../../lib/applications';
import type { Items } from '../../lib/types';

// Response shapes: inferred from the schemas the server answers with (domain/api/formal-check).
export type { BulkPassResult, FormalCheckItemView, FormalCheckListItem, FormalCheckView };

export interface FormalCheckFilter {
  state?: 'forwarded' | 'ineligible' | 'under_review';
  result?: 'pass' | 'fail' | 'none';
  unitId?: string;
  q?: string;
}

const listKey = (campaignId: string) => ['formal-check', 'list', campaignId] as const;
const checkKey = (appId: string) => ['formal-check', 'application', appId] as const;

export function useFormalCheckList(campaignId: string | undefined, filter: FormalCheckFilter) {
  return useQuery({
    queryKey: [...listKey(campaignId ?? ''), filter],
    queryFn: () =>
      api<Items<FormalCheckListItem>>(
        `/campaigns/${encodeURIComponent(campaignId ?? '')}/formal-check`,
        { query: { ...filter } },
      ),
    select: (d) => d.items,
    enabled: !!campaignId,
    placeholderData: (prev) => prev,
  });
}

export function useFormalCheck(appId: string | null) {
  return useQuery({
    queryKey: checkKey(appId ?? ''),
    queryFn: () =>
      api<FormalCheckView>(`/applications/${encodeURIComponent(appId ?? '')}/formal-check`),
    enabled: !!appId,
  });
}

/** Everything a record changes: the list, the checklist, the application. */
function useInvalidate(campaignId: string) {
  const qc = useQueryClient();
  return (appIds: string[]) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: listKey(campaignId) }),
      ...appIds.flatMap((id) => [
        qc.invalidateQueries({ queryKey: checkKey(id) }),
        qc.invalidateQueries({ queryKey: applicationKey(id) }),
      ]),
    ]);
}

export function useRecordFormalCheck(campaignId: string, appId: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidate(campaignId);
  return useMutation({
    mutationFn: (body: RecordFormalCheckBody) =>
      api<FormalCheckView>(`/applications/${encodeURIComponent(appId)}/formal-check`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (view) => qc.setQueryData(checkKey(appId), view),
    onSettled: () => invalidate([appId]),
  });
}

export function useBulkPass(campaignId: string) {
  const invalidate = useInvalidate(campaignId);
  return useMutation({
    mutationFn: (applicationIds: string[]) =>
      api<BulkPassResult>(`/campaigns/${encodeURIComponent(campaignId)}/formal-check/bulk-pass`, {
        method: 'POST',
        body: { applicationIds },
      }),
    onSettled: (_d, _e, ids) => invalidate(ids ?? []),
  });
}
