// 附件4 requests: one report, save, submit, return; the summary download.
import { useQuery } from '@tanstack/react-query';
import type { FollowUpDetail, FollowUpReport } from '../../../domain/api/follow-ups';
import type { FormDeclaration } from '../../../domain/form';
import { api } from '../../lib/api';

export type FollowUpData = Record<string, unknown>;

// Response shapes: inferred from the schemas the server answers with (domain/api/follow-ups).
export type { FollowUpDetail, FollowUpReport };

export const followUpKey = (campaignId: string, awardId: string) =>
  ['follow-up-reports', campaignId, awardId] as const;

export function useFollowUp(campaignId: string | undefined, awardId: string | undefined) {
  return useQuery({
    queryKey: followUpKey(campaignId ?? '', awardId ?? ''),
    queryFn: () => fetchFollowUp(campaignId!, awardId!),
    enabled: !!campaignId && !!awardId,
  });
}

/** The campaign's 附件4 declaration (as the application form is served). */
export function useFollowUpForm(campaignId: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', campaignId, 'follow-up-form'],
    queryFn: () =>
      api<{ form: FormDeclaration }>(
        `/campaigns/${encodeURIComponent(campaignId ?? '')}/follow-up-form`,
      ),
    enabled: !!campaignId,
    staleTime: Infinity,
  });
}

export function saveFollowUp(
  awardId: string,
  body: { campaignId: string; draftVersion: number; data: FollowUpData },
  keepalive?: boolean,
) {
  return api<FollowUpReport>(`/follow-up-reports/${encodeURIComponent(awardId)}`, {
    method: 'PUT',
    body,
    keepalive,
  });
}

export function fetchFollowUp(campaignId: string, awardId: string) {
  return api<FollowUpDetail>(`/follow-up-reports/${encodeURIComponent(awardId)}`, {
    query: { campaignId },
  });
}

export function submitFollowUp(awardId: string, campaignId: string) {
  return api<FollowUpReport>(`/follow-up-reports/${encodeURIComponent(awardId)}/submit`, {
    method: 'POST',
    body: { campaignId },
  });
}

export function returnFollowUp(awardId: string, campaignId: string, comment: string) {
  return api<FollowUpReport>(`/follow-up-reports/${encodeURIComponent(awardId)}/return`, {
    method: 'POST',
    body: { campaignId, comment },
  });
}

export function summaryXlsxUrl(campaignId: string): string {
  return `/api/v1/follow-up-reports/summary.xlsx?campaignId=${encodeURIComponent(campaignId)}`;
}

/** FOLLOW_UP_INCOMPLETE details: { issues: [{ path, message }] } (or the list itself). */
export function issuesOfError(details: unknown): Array<{ path: string; message: string }> {
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { issues?: unknown } | null)?.issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  return (list as unknown[])
    .filter((d): d is { path: unknown; message: unknown } => !!d && typeof d === 'object')
    .map((d) => ({
      path: Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? ''),
      message: String(d.message ?? ''),
    }));
}
