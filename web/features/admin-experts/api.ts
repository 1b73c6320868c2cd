// 专家库 requests: the filtered list, one expert, create, update (编辑, 停用/启用), the import and
// its template; and what the form picks from (the campaigns' categories and focus areas).
import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedExpert,
  ExpertImportResult,
  ExpertList,
  ExpertView,
} from '../../../domain/api/experts';
import type { CreateExpertInput, UpdateExpertInput } from '../../../domain/experts';
import { api, ApiError } from '../../lib/api';
import { useCampaigns } from '../../lib/queries';

// Response shapes: inferred from the schemas the server answers with (domain/api/experts).
export type { CreatedExpert, ExpertImportResult, ExpertList, ExpertView };

export interface ExpertFilter {
  q?: string;
  category?: string;
  industry?: string;
  region?: string;
  active?: boolean;
}

const expertsKey = ['experts'] as const;

export function useExperts(filter: ExpertFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...expertsKey, 'list', filter, page, pageSize],
    queryFn: () => api<ExpertList>('/experts', { query: { ...filter, page, pageSize } }),
    placeholderData: (prev) => prev,
  });
}

export function useExpert(id: string | null) {
  return useQuery({
    queryKey: [...expertsKey, 'one', id ?? ''],
    queryFn: () => api<ExpertView>(`/experts/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useCreateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExpertInput) =>
      api<CreatedExpert>('/experts', { method: 'POST', body: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: expertsKey }),
  });
}

export function useUpdateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: UpdateExpertInput }) =>
      api<ExpertView>(`/experts/${encodeURIComponent(v.id)}`, { method: 'PATCH', body: v.body }),
    onSuccess: (view) => qc.setQueryData([...expertsKey, 'one', view.id], view),
    onSettled: () => qc.invalidateQueries({ queryKey: expertsKey }),
  });
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** IMPORT_REJECTED details: { total, problems: [{ row, column, message }] }. */
export function importProblemsOf(e: ApiError): { total: number | null; problems: ImportProblem[] } {
  const d = (e.details ?? {}) as { total?: unknown; problems?: unknown };
  const list = Array.isArray(d.problems) ? (d.problems as unknown[]) : [];
  const problems = list
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({
      row: Number(p.row ?? 0),
      column: p.column == null ? '' : String(p.column),
      message: String(p.message ?? ''),
    }));
  return { total: typeof d.total === 'number' ? d.total : null, problems };
}

/** importExperts: all rows or none (multipart field `file`). */
export function useImportExperts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<ExpertImportResult>('/experts/import', { method: 'POST', body });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: expertsKey }),
  });
}

/** getExpertImportTemplate: the XLSX with the header and the notes. */
export const templateUrl = '/api/v1/experts/import-template.xlsx';

export interface CategoryOption {
  code: string;
  name: string;
  focusAreas: string[];
}

/**
 * The categories over every campaign (an expert belongs to no one campaign), the first name of a
 * code kept — as the server checks them.
 */
export function useExpertCategories() {
  const campaigns = useCampaigns();
  const categories = useMemo(() => {
    const byCode = new Map<string, CategoryOption>();
    for (const c of campaigns.data ?? [])
      for (const cat of c.settings.categories) {
        const known = byCode.get(cat.code);
        if (!known) byCode.set(cat.code, { code: cat.code, name: cat.name, focusAreas: [] });
        const entry = byCode.get(cat.code)!;
        for (const f of cat.focusAreas) if (!entry.focusAreas.includes(f)) entry.focusAreas.push(f);
      }
    return [...byCode.values()];
  }, [campaigns.data]);
  return { categories, isLoading: campaigns.isLoading, error: campaigns.error };
}
