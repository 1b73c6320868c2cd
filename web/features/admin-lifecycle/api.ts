// 动态管理's requests: the list (listAwardLifecycle), a revocation or withdrawal (revokeAward)
// with its evidence uploaded first (uploadRevocationEvidence), and the support totals per unit
// (listSupportTotals).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwardLifecycleItem,
  AwardLifecyclePage,
  UploadedDocument,
} from '../../../domain/api/lifecycle';
import type { SupportTotalsList } from '../../../domain/api/support';
import type { RevokeAwardInput } from '../../../domain/award-lifecycle';
import type { PublishedStatus } from '../../../domain/publication';
import { api } from '../../lib/api';

export type { AwardLifecycleItem, AwardLifecyclePage, SupportTotalsList };

export interface LifecycleFilters {
  campaignId?: string;
  status?: PublishedStatus;
  unitId?: string;
  expiringWithinDays?: number;
  q?: string;
}

const lifecycleKey = ['award-lifecycle'] as const;

export function useAwardLifecycle(filters: LifecycleFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...lifecycleKey, filters, page, pageSize],
    queryFn: () =>
      api<AwardLifecyclePage>('/award-lifecycle', { query: { ...filters, page, pageSize } }),
  });
}

export function useRevokeAward() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: RevokeAwardInput; file?: File }) => {
      let evidenceDocumentId: string | undefined;
      if (file) {
        const body = new FormData();
        body.append('file', file);
        const doc = await api<UploadedDocument>('/award-lifecycle/evidence', {
          method: 'POST',
          body,
        });
        evidenceDocumentId = doc.id;
      }
      return api<AwardLifecycleItem>('/award-lifecycle/revocations', {
        method: 'POST',
        body: { ...input, evidenceDocumentId },
      });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: lifecycleKey }),
  });
}

export const evidenceUrl = (id: string) => `/api/v1/award-lifecycle/evidence/${id}`;

export function useSupportTotals() {
  return useQuery({
    queryKey: ['support-totals'],
    queryFn: () => api<SupportTotalsList>('/support-records/totals'),
  });
}
