// 找回密码 and password links: ask for a link, read what a link is for, set the password by it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignInResult } from '../../domain/api/accounts';
import type {
  PasswordResetRequested,
  PasswordResetTokenInfo,
} from '../../domain/api/notifications';
import { api, setCsrfToken } from './api';
import { fetchMe, meKey, useMe } from './queries';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (login: string) =>
      api<PasswordResetRequested>('/auth/password-reset', { method: 'POST', body: { login }, quiet401: true }),
  });
}

/**
 * Whether the link still works, and for which account. Asked once the session is known: a
 * signed-in browser's POST must carry its CSRF token, which GET /me brings.
 */
export function usePasswordLink(token: string | null) {
  const me = useMe();
  return useQuery({
    queryKey: ['password-link', token],
    queryFn: () =>
      api<PasswordResetTokenInfo>('/auth/password-reset/check', {
        method: 'POST',
        body: { token },
        quiet401: true,
      }),
    enabled: !!token && token.length >= 20 && !me.isPending,
    retry: false,
    staleTime: Infinity,
  });
}

/** Sets the password by the link; the browser is then signed in as the account. */
export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { token: string; newPassword: string }) => {
      const res = await api<SignInResult>('/auth/password-reset/confirm', {
        method: 'POST',
        body: input,
        quiet401: true,
      });
      setCsrfToken(res.csrfToken);
      return res;
    },
    onSuccess: async () => {
      // another account's data goes; the page's own link answer stays until it navigates away
      qc.removeQueries({
        predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'password-link',
      });
      await qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe });
    },
  });
}
