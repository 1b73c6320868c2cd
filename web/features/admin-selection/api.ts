// 遴选决定's requests: the campaign's selection, its settings (round and targets), 按排名预选, one
// application's decision, the 评审会 minutes (upload and download), and the freeze.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PreselectResult, SelectionRow, SelectionView } from '../../../domain/api/selection';
import type { DecideSelectionInput, SelectionSettingsInput } from '../../../domain/selection';
import { api, ApiError } from '../../lib/api';

// Response shapes: inferred from the schemas the server answers with (domain/api/selection).
export type { PreselectResult, SelectionRow, SelectionView };
export type SelectionCategory = SelectionView['categories'][number];

export const selectionKey = (campaignId: string) => ['selection', campaignId] as const;
const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/selection`;

/** Someone else changed the selection meanwhile: the page reloads it and says so. */
export function isStale(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'CONFLICT';
}

export function useSelection(campaignId: string | undefined) {
  return useQuery({
    queryKey: selectionKey(campaignId ?? ''),
    queryFn: () => api<SelectionView>(base(campaignId ?? '')),
    enabled: !!campaignId,
  });
}

/** A write answered with the whole view: shown at once; a refusal reloads what is there. */
function useViewWrite<T>(campaignId: string, send: (v: T) => Promise<SelectionView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => qc.setQueryData(selectionKey(campaignId), view),
    onError: () => qc.invalidateQueries({ queryKey: selectionKey(campaignId) }),
  });
}

export function useSaveSelectionSettings(campaignId: string) {
  return useViewWrite(campaignId, (body: SelectionSettingsInput) =>
    api<SelectionView>(base(campaignId), { method: 'PUT', body }),
  );
}

export function useFreezeSelection(campaignId: string) {
  return useViewWrite(campaignId, (baseRevision: number) =>
    api<SelectionView>(`${base(campaignId)}/freeze`, { method: 'POST', body: { baseRevision } }),
  );
}

export function useUploadSelectionMinutes(campaignId: string) {
  return useViewWrite(campaignId, (file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return api<SelectionView>(`${base(campaignId)}/minutes`, { method: 'POST', body });
  });
}

export function usePreselect(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (baseRevision: number) =>
      api<PreselectResult>(`${base(campaignId)}/preselect`, {
        method: 'POST',
        body: { baseRevision },
      }),
    onSuccess: (res) => qc.setQueryData(selectionKey(campaignId), res.selection),
    onError: () => qc.invalidateQueries({ queryKey: selectionKey(campaignId) }),
  });
}

/** One decision: the row comes back; the counts and what stops the freeze are reloaded. */
export function useDecideSelection(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { applicationId: string } & DecideSelectionInput) =>
      api<SelectionRow>(`${base(campaignId)}/decisions/${encodeURIComponent(v.applicationId)}`, {
        method: 'PUT',
        body: { decision: v.decision, reason: v.reason },
      }),
    onSuccess: (row) =>
      qc.setQueryData<SelectionView>(selectionKey(campaignId), (view) =>
        view
          ? {
              ...view,
              rows: view.rows.map((r) => (r.applicationId === row.applicationId ? row : r)),
            }
          : view,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: selectionKey(campaignId) }),
  });
}

/** getSelectionMinutes: the uploaded 评审会纪要 (PDF). */
export const minutesUrl = (campaignId: string) => `/api/v1${base(campaignId)}/minutes`;
