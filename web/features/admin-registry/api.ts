// 申报项目库 and 纸质材料签收: requests and response shapes (inferred from domain/api/registry).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PaperReceipt,
  PaperReceiptAnswer,
  PaperReceiptList,
  ReceivePaperCopyBody,
  RegistryFilters,
  RegistryList,
  RegistryRow,
} from '../../../domain/api/registry';
import type { FrozenVersion, History } from '../../../domain/api/applications';
import { api, withQuery } from '../../lib/api';

export type { PaperReceipt, PaperReceiptAnswer, RegistryRow };

/** The filters as the page holds them: every one optional, sort and order too. */
export type Filters = Partial<RegistryFilters>;

export const registryKey = (campaignId: string) => ['registry', campaignId] as const;
export const receiptsKey = (campaignId: string) => ['paper-receipts', campaignId] as const;

export function useRegistry(
  campaignId: string | undefined,
  filters: Filters,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...registryKey(campaignId ?? ''), filters, page, pageSize],
    queryFn: () =>
      api<RegistryList>(`/campaigns/${encodeURIComponent(campaignId!)}/registry`, {
        query: { ...filters, page, pageSize },
      }),
    enabled: !!campaignId,
    placeholderData: (previous) => previous,
  });
}

/** The export's address with the same filters (a plain link: the browser downloads it). */
export function exportUrl(campaignId: string, format: 'xlsx' | 'zip', filters: Filters): string {
  return withQuery(
    `/api/v1/campaigns/${encodeURIComponent(campaignId)}/registry/export.${format}`,
    filters,
  );
}

export function useReceipts(
  campaignId: string | undefined,
  query: { receivedOn?: string; applicationId?: string },
) {
  return useQuery({
    queryKey: [...receiptsKey(campaignId ?? ''), query],
    queryFn: () =>
      api<PaperReceiptList>(`/campaigns/${encodeURIComponent(campaignId!)}/paper-receipts`, {
        query: { ...query, pageSize: 200 },
      }),
    enabled: !!campaignId,
  });
}

/** receivePaperCopy: what the copy is, and its receipt (recorded). */
export function useReceivePaperCopy(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceivePaperCopyBody) =>
      api<PaperReceiptAnswer>(`/campaigns/${encodeURIComponent(campaignId)}/paper-receipts`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: receiptsKey(campaignId) });
      void qc.invalidateQueries({ queryKey: registryKey(campaignId) });
    },
  });
}

export function useHistory(applicationId: string | undefined) {
  return useQuery({
    queryKey: ['applications', applicationId, 'history'],
    queryFn: () => api<History>(`/applications/${encodeURIComponent(applicationId!)}/history`),
    select: (d) => d.items,
    enabled: !!applicationId,
  });
}

/** A frozen version (it never changes). */
export function useFrozenVersion(applicationId: string | undefined, versionNo: number | null) {
  return useQuery({
    queryKey: ['applications', applicationId, 'versions', versionNo],
    queryFn: () =>
      api<FrozenVersion>(
        `/applications/${encodeURIComponent(applicationId!)}/versions/${versionNo}`,
      ),
    enabled: !!applicationId && !!versionNo,
    staleTime: Infinity,
  });
}
