// 消息模板 and 邮件发送记录 requests (organizers): templates of a campaign or platform-wide (scope
// null), save, reset, preview; the delivery log and resend of a failed e-mail.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from '../../domain/zod';
import type {
  NotificationTemplateView,
  OutboundEmailView,
  notificationTemplateListSchema,
  outboundEmailPageSchema,
} from '../../domain/api/notifications';
import type { NotificationKind } from '../../domain/notifications';
import { api } from './api';

export type { NotificationTemplateView, OutboundEmailView };
export type TemplateList = z.infer<typeof notificationTemplateListSchema>;
export type OutboundEmailPage = z.infer<typeof outboundEmailPageSchema>;
export interface TemplateText {
  subject: string;
  body: string;
}

const scopeQuery = (campaignId: string | null) => (campaignId ? { campaignId } : undefined);
export const templatesKey = (campaignId: string | null) =>
  ['notification-templates', campaignId ?? 'platform'] as const;

export function useTemplates(campaignId: string | null) {
  return useQuery({
    queryKey: templatesKey(campaignId),
    queryFn: () => api<TemplateList>('/notification-templates', { query: scopeQuery(campaignId) }),
  });
}

function useTemplateChange<V>(
  campaignId: string | null,
  request: (v: V) => Promise<NotificationTemplateView>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (saved) =>
      qc.setQueryData<TemplateList>(templatesKey(campaignId), (list) =>
        list
          ? { ...list, items: list.items.map((i) => (i.kind === saved.kind ? saved : i)) }
          : list,
      ),
  });
}

export function useSaveTemplate(campaignId: string | null) {
  return useTemplateChange(campaignId, (v: { kind: NotificationKind } & TemplateText) =>
    api<NotificationTemplateView>(`/notification-templates/${v.kind}`, {
      method: 'PUT',
      query: scopeQuery(campaignId),
      body: { subject: v.subject, body: v.body },
    }),
  );
}

export function useResetTemplate(campaignId: string | null) {
  return useTemplateChange(campaignId, (kind: NotificationKind) =>
    api<NotificationTemplateView>(`/notification-templates/${kind}`, {
      method: 'DELETE',
      query: scopeQuery(campaignId),
    }),
  );
}

/** The text as a recipient would read it, with sample values (plain text). */
export function useTemplatePreview(
  campaignId: string | null,
  kind: NotificationKind | undefined,
  text: TemplateText,
) {
  return useQuery({
    queryKey: ['notification-template-preview', campaignId, kind, text.subject, text.body],
    queryFn: () =>
      api<TemplateText>(`/notification-templates/${kind}/preview`, {
        method: 'POST',
        query: scopeQuery(campaignId),
        body: text,
      }),
    enabled: !!kind,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export interface OutboundFilter {
  state?: OutboundEmailView['state'];
  kind?: NotificationKind;
  q?: string;
  page: number;
  pageSize: number;
}

export function useOutboundEmails(f: OutboundFilter) {
  return useQuery({
    queryKey: ['outbound-emails', f],
    queryFn: () => api<OutboundEmailPage>('/outbound-emails', { query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useResendEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<OutboundEmailView>(`/outbound-emails/${id}/resend`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbound-emails'] }),
  });
}
