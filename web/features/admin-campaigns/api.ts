// 活动管理 requests: templates, create, the configuration (read, save), import, export.
import { useQuery } from '@tanstack/react-query';
import type { CampaignConfigView } from '../../../domain/api/campaigns';
import type { z } from '../../../domain/zod';
import type {
  createCampaignSchema,
  importCampaignSchema,
  updateCampaignSchema,
} from '../../../domain/campaign-config';
import { api } from '../../lib/api';
import type { Items, RecommenderUnit } from '../../lib/types';

// Response shapes: inferred from the schemas the server answers with (domain/api/campaigns).
export type CampaignConfig = CampaignConfigView;
export type CreateCampaignBody = z.input<typeof createCampaignSchema>;
export type UpdateCampaignBody = z.input<typeof updateCampaignSchema>;
export type ImportCampaignBody = z.input<typeof importCampaignSchema>;

export const configKey = (code: string) => ['campaigns', code, 'config'] as const;

export function useCampaignConfig(code: string) {
  return useQuery({
    queryKey: configKey(code),
    queryFn: () => fetchCampaignConfig(code),
    // the editor holds its own copy: a refetch must not replace what is being edited
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function fetchCampaignConfig(code: string) {
  return api<CampaignConfig>(`/campaigns/${encodeURIComponent(code)}/config`);
}

export function useCampaignTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['campaign-templates'],
    queryFn: () => api<Items<{ id: string; label: string }>>('/campaign-templates'),
    select: (d) => d.items,
    enabled,
    staleTime: Infinity,
  });
}

export function createCampaign(body: CreateCampaignBody) {
  return api<CampaignConfig>('/campaigns', { method: 'POST', body });
}

export function updateCampaign(code: string, body: UpdateCampaignBody) {
  return api<CampaignConfig>(`/campaigns/${encodeURIComponent(code)}/config`, {
    method: 'PUT',
    body,
  });
}

export function importCampaign(body: ImportCampaignBody) {
  return api<CampaignConfig>('/campaigns/import', { method: 'POST', body });
}

/** The JSON document; the server names the file (活动配置-<code>.json). */
export function exportConfigUrl(code: string): string {
  return `/api/v1/campaigns/${encodeURIComponent(code)}/config/export`;
}

/** Recommender units, for per-unit quota overrides. */
export function useUnitOptions() {
  return useQuery({
    queryKey: ['recommender-units', 'options'],
    queryFn: () => api<Items<RecommenderUnit>>('/recommender-units'),
    select: (d) => d.items,
  });
}
