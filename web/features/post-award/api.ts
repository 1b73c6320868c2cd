// 年度运行监测 and 自查评估 requests: rounds, a round's reports, one report, save, submit, return,
// forward, evidence and the unit's stamped summary.
import { useQuery } from '@tanstack/react-query';
import type {
  MonitoringFiguresView,
  PostAwardReportDetail,
  PostAwardReportRow,
  PostAwardRound,
  PostAwardRoundReports,
} from '../../../domain/api/post-award';
import type { PostAwardKind } from '../../../domain/post-award';
import { api } from '../../lib/api';

// Response shapes: inferred from the schemas the server answers with (domain/api/post-award).
export type { PostAwardReportDetail, PostAwardReportRow, PostAwardRound, PostAwardRoundReports };

export interface ReportState {
  id: string;
  state: PostAwardReportRow['state'];
  version: number;
  updatedAt: string;
}

export const roundsKey = ['post-award-rounds'] as const;
export const roundReportsKey = (roundId: string) => ['post-award-rounds', roundId] as const;
export const myReportsKey = ['post-award-reports'] as const;
export const reportKey = (id: string) => ['post-award-reports', id] as const;

export function useRounds() {
  return useQuery({
    queryKey: roundsKey,
    queryFn: () => api<{ items: PostAwardRound[] }>('/post-award-rounds'),
  });
}

export function useRoundReports(roundId: string | undefined) {
  return useQuery({
    queryKey: roundReportsKey(roundId ?? ''),
    queryFn: () =>
      api<PostAwardRoundReports>(`/post-award-rounds/${encodeURIComponent(roundId!)}/reports`),
    enabled: !!roundId,
  });
}

export function useMyReports() {
  return useQuery({
    queryKey: myReportsKey,
    queryFn: () => api<{ items: PostAwardReportRow[] }>('/post-award-reports'),
  });
}

export function fetchReport(id: string) {
  return api<PostAwardReportDetail>(`/post-award-reports/${encodeURIComponent(id)}`);
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKey(id ?? ''),
    queryFn: () => fetchReport(id!),
    enabled: !!id,
  });
}

const base = (kind: PostAwardKind) =>
  kind === 'monitoring' ? '/monitoring-reports' : '/self-evaluations';

export function saveReport(
  kind: PostAwardKind,
  id: string,
  body: { version: number; data: Record<string, unknown> },
  keepalive?: boolean,
) {
  return api<ReportState>(`${base(kind)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    keepalive,
  });
}

export function submitReport(kind: PostAwardKind, id: string) {
  return api<ReportState>(`${base(kind)}/${encodeURIComponent(id)}/submit`, {
    method: 'POST',
    body: {},
  });
}

export function returnReport(id: string, comment: string) {
  return api<ReportState>(`/post-award-reports/${encodeURIComponent(id)}/return`, {
    method: 'POST',
    body: { comment },
  });
}

export function forwardReport(id: string, comment: string) {
  return api<ReportState>(`/post-award-reports/${encodeURIComponent(id)}/forward`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
}

export function openMonitoringRound(body: { year: number; deadline: string }) {
  return api<{ reports: number }>('/post-award-rounds/monitoring', { method: 'POST', body });
}

export function openSelfEvaluation(body: { listCampaignId: string; deadline: string }) {
  return api<{ reports: number }>('/post-award-rounds/self-evaluation', { method: 'POST', body });
}

export function stampSummary(roundId: string, unitId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<{ unitId: string; documentId: string; stampedAt: string }>(
    `/post-award-rounds/${encodeURIComponent(roundId)}/units/${encodeURIComponent(unitId)}/stamped-summary`,
    { method: 'POST', body },
  );
}

export const summaryXlsxUrl = (roundId: string) =>
  `/api/v1/post-award-rounds/${encodeURIComponent(roundId)}/summary.xlsx`;
export const stampedScanUrl = (roundId: string, unitId: string) =>
  `/api/v1/post-award-rounds/${encodeURIComponent(roundId)}/units/${encodeURIComponent(unitId)}/stamped-summary`;
export const evidenceUploadPath = (reportId: string) =>
  `/post-award-reports/${encodeURIComponent(reportId)}/evidence`;
export const evidenceUrl = (reportId: string, documentId: string) =>
  `/api/v1/post-award-reports/${encodeURIComponent(reportId)}/evidence/${encodeURIComponent(documentId)}`;

/** POST_AWARD_INCOMPLETE details: the list of { path, message }. */
export function issuesOfError(details: unknown): Array<{ path: string; message: string }> {
  return (Array.isArray(details) ? (details as unknown[]) : [])
    .filter((d): d is { path: unknown; message: unknown } => !!d && typeof d === 'object')
    .map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }));
}

export function useRoundFigures(roundId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['post-award-rounds', roundId ?? '', 'statistics'],
    queryFn: () =>
      api<MonitoringFiguresView>(`/post-award-rounds/${encodeURIComponent(roundId!)}/statistics`),
    enabled: !!roundId && enabled,
  });
}
