// 企业认证 and 代码申诉: the requests, typed by the server's schemas (domain/api/verification).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnterpriseVerification,
  ResolvedClaim,
  UsccClaimView,
} from '../../domain/api/verification';
import type { VerificationDocumentKind } from '../../domain/enterprise-verification';
import { api } from './api';
import { meKey } from './queries';

export type { EnterpriseVerification, UsccClaimView, ResolvedClaim };

export const verificationKey = (id: string) => ['verification', id] as const;
const base = (id: string) => `/enterprises/${encodeURIComponent(id)}/verification`;

export const proofUrl = (id: string, kind: VerificationDocumentKind) =>
  `/api/v1${base(id)}/documents/${kind}`;

export function useVerification(id: string | null | undefined) {
  return useQuery({
    queryKey: verificationKey(id ?? ''),
    queryFn: () => api<EnterpriseVerification>(base(id!)),
    enabled: !!id,
  });
}

function useVerificationChange<V>(id: string, fn: (v: V) => Promise<EnterpriseVerification>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(verificationKey(id), data);
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useUploadProof(id: string) {
  return useVerificationChange(
    id,
    ({ kind, file }: { kind: VerificationDocumentKind; file: File }) => {
      const body = new FormData();
      body.append('file', file);
      return api<EnterpriseVerification>(`${base(id)}/documents/${kind}`, { method: 'POST', body });
    },
  );
}

export function useSetFiler(id: string) {
  return useVerificationChange(id, (filerIsLegalRep: boolean) =>
    api<EnterpriseVerification>(`${base(id)}/filer`, {
      method: 'PUT',
      body: { filerIsLegalRep },
    }),
  );
}

export function useDecideVerification(id: string) {
  return useVerificationChange(id, (body: { decision: 'verified' | 'rejected'; reason?: string }) =>
    api<EnterpriseVerification>(`${base(id)}/decision`, { method: 'POST', body }),
  );
}

export const claimsKey = ['uscc-claims'] as const;

export function useClaims(state?: UsccClaimView['state']) {
  return useQuery({
    queryKey: [...claimsKey, state ?? 'all'],
    queryFn: () => api<{ items: UsccClaimView[] }>('/uscc-claims', { query: { state } }),
    select: (d) => d.items,
  });
}

export function useResolveClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      decision: 'upheld' | 'dismissed';
      reason: string;
      moveCode: boolean;
    }) =>
      api<ResolvedClaim>(`/uscc-claims/${encodeURIComponent(id)}/resolve`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: claimsKey }),
  });
}

export function useFileClaim() {
  return useMutation({
    mutationFn: (body: FormData) =>
      api<{ id: string; createdAt: string }>('/uscc-claims', { method: 'POST', body }),
  });
}
