// Applications (申报书): response shapes and the queries the home page and the editor share.
import { useQuery } from '@tanstack/react-query';
import type {
  ApplicationDetail,
  ApplicationForm,
  ApplicationSummary,
  ApplicationView,
  AttachmentView,
  VerifyResult,
  VersionSummary,
} from '../../domain/api/applications';
import { api } from './api';
import type { Items, RecommenderUnit } from './types';
import { APPLICATION_STATES, type ApplicationState } from '../../domain/application-states';

/** Every state of an application's life (DESIGN §3), in order. */
export { APPLICATION_STATES, type ApplicationState };

/** The enterprise may change the content only in these states. */
export const EDITABLE_STATES: ReadonlySet<ApplicationState> = new Set(['draft', 'returned']);

export type ApplicationData = Record<string, unknown>;

// Response shapes: inferred from the schemas the server answers with (domain/api/applications).
export type Application = ApplicationView;
export type Attachment = AttachmentView;
export type {
  ApplicationDetail,
  ApplicationForm,
  ApplicationSummary,
  VerifyResult,
  VersionSummary,
};

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
      api<ApplicationForm>(`/campaigns/${encodeURIComponent(campaignIdOrCode ?? '')}/form`),
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
