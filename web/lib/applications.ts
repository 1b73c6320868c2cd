// Applications (申报书): response shapes and the queries the home page and the editor share.
import { useQuery } from '@tanstack/react-query';
import type { FormDeclaration } from '../../domain/form';
import { api } from './api';
import type { Items, RecommenderUnit } from './types';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/application-states';

/** Every state of an application's life (DESIGN §3), in order. */
export { APPLICATION_STATES, type ApplicationState };

/** The enterprise may change the content only in these states. */
export const EDITABLE_STATES: ReadonlySet<ApplicationState> = new Set(['draft', 'returned']);

export type ApplicationData = Record<string, unknown>;

export interface Application {
  id: string;
  campaignId: string;
  enterpriseId: string;
  channelUnitId: string;
  state: ApplicationState;
  formId: string;
  data: ApplicationData;
  draftVersion: number;
  wordCount: number;
  solutionName: string;
  currentVersionNo: number | null;
  returnComment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ApplicationSummary {
  id: string;
  campaignId: string;
  campaignTitle: string;
  onlineDeadline: string;
  enterpriseName: string;
  channelName: string;
  state: ApplicationState;
  solutionName: string;
  wordCount: number;
  currentVersionNo: number | null;
  returnComment: string | null;
  updatedAt: string;
  submittedAt: string | null;
}

export interface VersionSummary {
  versionNo: number;
  verificationCode: string;
  submittedAt: string;
  wordCount: number;
}

export interface Attachment {
  id: string;
  filename: string;
  kind: 'pdf' | 'image' | 'office';
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface ApplicationDetail {
  application: Application;
  versions: VersionSummary[];
  attachments: Attachment[];
}

export interface VerifyResult {
  found: boolean;
  code: string;
  solutionName?: string;
  enterpriseName?: string;
  campaignTitle?: string;
  channelName?: string;
  versionNo?: number;
  submittedAt?: string;
  currentVersionNo?: number | null;
  isCurrent?: boolean;
}

export const applicationsKey = ['applications'] as const;
export const applicationKey = (id: string) => ['applications', id] as const;

export function useApplications(enabled = true) {
  return useQuery({
    queryKey: applicationsKey,
    queryFn: () => api<Items<ApplicationSummary>>('/applications'),
    select: (d) => d.items,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => api<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`),
  });
}

export function useApplicationForm(campaignIdOrCode: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', campaignIdOrCode, 'form'],
    queryFn: () =>
      api<{ form: FormDeclaration; wordLimit: number }>(
        `/campaigns/${encodeURIComponent(campaignIdOrCode ?? '')}/form`,
      ),
    enabled: !!campaignIdOrCode,
    staleTime: Infinity,
  });
}

/** Active recommending units (public list). */
export function useRecommenderUnits() {
  return useQuery({
    queryKey: ['recommender-units', 'public'],
    queryFn: () => api<Items<RecommenderUnit>>('/recommender-units'),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}

export function pdfUrl(appId: string, versionNo: number, format: 'pdf' | 'docx'): string {
  return `/api/v1/applications/${appId}/versions/${versionNo}/${format}`;
}

export function attachmentUrl(appId: string, attachmentId: string): string {
  return `/api/v1/applications/${appId}/attachments/${attachmentId}`;
}

/** 1.2 MB / 35 KB */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
