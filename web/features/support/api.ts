// 配套支持's requests: the unit's selected solutions with their records (listSupport), a new record
// with its document uploaded first (uploadSupportDocument, recordSupport), a withdrawal
// (withdrawSupport).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadedDocument } from '../../../domain/api/lifecycle';
import type { SupportList, SupportRecord, SupportSolution } from '../../../domain/api/support';
import type { RecordSupportInput } from '../../../domain/support';
import { api } from '../../lib/api';

export type { SupportList, SupportRecord, SupportSolution };

const supportKey = ['support-records'] as const;

export function useSupportList() {
  return useQuery({ queryKey: supportKey, queryFn: () => api<SupportList>('/support-records') });
}

export function useRecordSupport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, file }: { input: RecordSupportInput; file?: File }) => {
      let documentId: string | undefined;
      if (file) {
        const body = new FormData();
        body.append('file', file);
        documentId = (
          await api<UploadedDocument>('/support-records/documents', { method: 'POST', body })
        ).id;
      }
      return api<SupportRecord>('/support-records', {
        method: 'POST',
        body: { ...input, documentId },
      });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: supportKey }),
  });
}

export function useWithdrawSupport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<SupportRecord>(`/support-records/${id}/withdraw`, { method: 'POST', body: { reason } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: supportKey }),
  });
}

export const supportDocumentUrl = (id: string) => `/api/v1/support-records/documents/${id}`;
