// The desk's requests: inbox, frozen versions, history, decisions, ranking, stamped scan, sign-off.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationView,
  FrozenVersion,
  History,
  HistoryItem,
} from '../../../domain/api/applications';
import type { Inbox, InboxItem } from '../../../domain/api/recommendations';
import type { ApplicationState } from '../../../domain/application-states';
import { api } from '../../lib/api';
import { applicationKey } from '../../lib/applications';
import { batchKey, batchPath, type BatchView } from '../../lib/desk';

/** The states an application can be in on a recommender's desk, in the order of the filter. */
export const DESK_STATES = [
  'submitted',
  'returned',
  'recommended',
  'rejected_by_recommender',
  'forwarded',
] as const satisfies readonly ApplicationState[];
export type DeskState = (typeof DESK_STATES)[number];

// Response shapes: inferred from the schemas the server answers with (domain/api/*).
export type { Inbox, InboxItem };

export interface InboxFilter {
  state?: DeskState;
  category?: string;
  q?: string;
}

export type VersionView = FrozenVersion;
export type FrozenAttachment = FrozenVersion['attachments'][number];
export type { HistoryItem };

/** The application as the server sends it to a reviewer (rank and reason included). */
export type ReviewedApplication = ApplicationView;

export const inboxKey = (campaignId: string) => ['desk', 'inbox', campaignId] as const;

export function useInbox(campaignId: string, filter: InboxFilter) {
  return useQuery({
    queryKey: [...inboxKey(campaignId), filter],
    queryFn: () => api<Inbox>('/inbox', { query: { campaignId, ...filter } }),
    placeholderData: (prev) => prev,
  });
}

export function useVersion(appId: string, versionNo: number | null | undefined) {
  return useQuery({
    queryKey: ['applications', appId, 'versions', versionNo],
    queryFn: () =>
      api<VersionView>(`/applications/${encodeURIComponent(appId)}/versions/${versionNo}`),
    enabled: !!versionNo,
    staleTime: Infinity, // a frozen version never changes
  });
}

export function useHistory(appId: string) {
  return useQuery({
    queryKey: ['applications', appId, 'history'],
    queryFn: () => api<History>(`/applications/${encodeURIComponent(appId)}/history`),
    select: (d) => d.items,
  });
}

export type Decision =
  | { kind: 'return'; comment: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'recommend'; rank: number }
  | { kind: 'unrecommend' };

function decisionBody(d: Decision): unknown {
  switch (d.kind) {
    case 'return':
      return { comment: d.comment };
    case 'reject':
      return { reason: d.reason };
    case 'recommend':
      return { rank: d.rank };
    case 'unrecommend':
      return {};
  }
}

/** Everything a decision changes: the application, its history, the inbox, the batch. */
function useInvalidateDesk(campaignId: string, unitId: string) {
  const qc = useQueryClient();
  return (appId?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: inboxKey(campaignId) }),
      qc.invalidateQueries({ queryKey: batchKey(campaignId, unitId) }),
      ...(appId ? [qc.invalidateQueries({ queryKey: applicationKey(appId) })] : []),
    ]);
}

export function useDecide(campaignId: string, unitId: string, appId: string) {
  const invalidate = useInvalidateDesk(campaignId, unitId);
  return useMutation({
    mutationFn: (d: Decision) =>
      api<ReviewedApplication>(`/applications/${encodeURIComponent(appId)}/${d.kind}`, {
        method: 'POST',
        body: decisionBody(d),
      }),
    onSettled: () => invalidate(appId),
  });
}

/** A batch route that answers with the new BatchView (ranking, scan, sign-off). */
export function useBatchAction<V>(
  campaignId: string,
  unitId: string,
  request: (path: string, v: V) => Promise<BatchView>,
) {
  const qc = useQueryClient();
  const invalidate = useInvalidateDesk(campaignId, unitId);
  return useMutation({
    mutationFn: (v: V) => request(batchPath(campaignId, unitId), v),
    onSuccess: (batch) => qc.setQueryData(batchKey(campaignId, unitId), batch),
    onSettled: () => invalidate(),
  });
}

export function useSaveRanking(campaignId: string, unitId: string) {
  return useBatchAction(campaignId, unitId, (path, order: string[]) =>
    api<BatchView>(`${path}/ranking`, { method: 'PUT', body: { order } }),
  );
}

export function useUploadScan(campaignId: string, unitId: string) {
  return useBatchAction(campaignId, unitId, (path, file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return api<BatchView>(`${path}/stamped-scan`, { method: 'POST', body });
  });
}

export function useSignOff(campaignId: string, unitId: string) {
  return useBatchAction(campaignId, unitId, (path, _: void) =>
    api<BatchView>(`${path}/sign-off`, { method: 'POST', body: {} }),
  );
}

/** Download links (under /api/v1) for 附件3 and the stamped scan. */
export function batchFileUrl(
  campaignId: string,
  unitId: string,
  file: 'summary-table.xlsx' | 'summary-table.pdf' | 'stamped-scan',
): string {
  return `/api/v1${batchPath(campaignId, unitId)}/${file}`;
}
