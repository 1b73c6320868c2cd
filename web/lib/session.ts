import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignInInput } from '../../domain/accounts';
import type { SignInResult } from '../../domain/api/accounts';
import type { Ok } from '../../domain/api/common';
import { api, setCsrfToken } from './api';
import { fetchMe, meKey } from './queries';

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      const res = await api<SignInResult>('/auth/sign-in', {
        method: 'POST',
        body: input,
        quiet401: true,
      });
      setCsrfToken(res.csrfToken);
      return res;
    },
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      await qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Ok>('/auth/sign-out', { method: 'POST', quiet401: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}
