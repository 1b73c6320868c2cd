// Duplicate findings (不得重复上报 / 多头申报): shapes and requests shared by the editor, the desk and admin.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationFindings,
  FindingList,
  FindingView,
  SweepResult,
} from '../../domain/api/duplicates';
import { api } from './api';

// Response shapes: inferred from the schemas the server answers with (domain/api/duplicates).
export type { FindingView };
export type FindingKind = FindingView['kind'];
export type FindingState = FindingView['state'];

/**
 * How a finding is labelled: by what it matched (a past award or another current application)
 * and how the two enterprises relate (the same, related by a shared 字号, or different) — never
 * by the channel, which says nothing about who filed.
 */
export type FindingLabel = `${FindingView['kind']}.${FindingView['relation']}`;

export function findingLabel(f: Pick<FindingView, 'kind' | 'relation'>): FindingLabel {
  return `${f.kind}.${f.relation}`;
}

export interface Mark {
  start: number;
  end: number;
}

/** Sorted, merged ranges, clipped to the text: what to wrap in <mark>. */
export function mergeRanges(ranges: ReadonlyArray<Mark>, length: number): Mark[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Mark[] = [];
  for (const r of clipped) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** The text cut into plain and marked pieces (rendered as React text nodes). */
export function splitMarked(
  text: string,
  ranges: ReadonlyArray<Mark>,
): Array<{ text: string; marked: boolean }> {
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const r of mergeRanges(ranges, text.length)) {
    if (r.start > at) pieces.push({ text: text.slice(at, r.start), marked: false });
    pieces.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

export const findingsKey = (appId: string) => ['applications', appId, 'findings'] as const;

/** GET /applications/:id/findings — the application's comparable text and its findings. */
export function useApplicationFindings(appId: string, enabled = true) {
  return useQuery({
    queryKey: findingsKey(appId),
    queryFn: () => api<ApplicationFindings>(`/applications/${encodeURIComponent(appId)}/findings`),
    enabled,
  });
}

/** POST /applications/:id/duplicate-check — the working copy against past awards (not stored). */
export function checkDuplicates(appId: string) {
  return api<ApplicationFindings>(`/applications/${encodeURIComponent(appId)}/duplicate-check`, {
    method: 'POST',
    body: {},
  });
}

export interface FindingsFilter {
  state?: FindingState;
  kind?: FindingKind;
}

export const campaignFindingsKey = (campaignId: string) => ['findings', campaignId] as const;

export function useCampaignFindings(campaignId: string | undefined, filter: FindingsFilter) {
  return useQuery({
    queryKey: [...campaignFindingsKey(campaignId ?? ''), filter],
    queryFn: () =>
      api<FindingList>(`/campaigns/${encodeURIComponent(campaignId!)}/findings`, {
        query: { ...filter },
      }),
    enabled: !!campaignId,
    select: (d) => d.items,
    placeholderData: (prev) => prev,
  });
}

export function useSweep(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<SweepResult>(`/campaigns/${encodeURIComponent(campaignId)}/findings/sweep`, {
        method: 'POST',
        body: {},
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: campaignFindingsKey(campaignId) }),
  });
}

export function useDecideFinding(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'dismiss' | 'confirm'; reason?: string }) =>
      api<FindingView>(`/findings/${encodeURIComponent(v.id)}/${v.action}`, {
        method: 'POST',
        body: v.reason ? { reason: v.reason } : {},
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: campaignFindingsKey(campaignId) }),
  });
}
