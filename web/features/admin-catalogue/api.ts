// 目录清单's organizer requests: the versions (listCatalogueVersions), one version (getCatalogue,
// public, to start the next one from the last), the preview of a draft (previewCatalogue), a file
// read into the draft (importCatalogueEntries) and the publication (publishCatalogue).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CatalogueImport,
  CataloguePreview,
  CatalogueVersionList,
  CatalogueView,
} from '../../../domain/api/catalogue-versions';
import type { EvaluationResultsView, EvaluationRoundView } from '../../../domain/api/evaluation';
import type {
  CatalogueEntryInput,
  PublishCatalogueInput,
} from '../../../domain/catalogue-versions';
import { api } from '../../lib/api';

export type { CatalogueImport, CataloguePreview, CatalogueView };

const versionsKey = ['catalogue-versions'] as const;

export function useCatalogueVersions() {
  return useQuery({
    queryKey: versionsKey,
    queryFn: () => api<CatalogueVersionList>('/catalogue/versions'),
  });
}

/** A version's entries, read when the organizer starts from it. */
export const fetchCatalogue = (version: number) =>
  api<CatalogueView>('/catalogue', { query: { version } });

/** 系统评价 rounds with bands set: a version may start from one's banded results. */
export function useBandedEvaluationRounds() {
  return useQuery({
    queryKey: ['evaluation-rounds'],
    queryFn: () => api<{ items: EvaluationRoundView[] }>('/evaluation-rounds'),
    select: (d) => d.items.filter((r) => r.bands.length > 0),
  });
}

/** A round's results (listEvaluationResults): each solution's band. */
export const fetchEvaluationResults = (roundId: string) =>
  api<EvaluationResultsView>(`/evaluation-rounds/${encodeURIComponent(roundId)}/results`);

export const previewCatalogue = (entries: CatalogueEntryInput[]) =>
  api<CataloguePreview>('/catalogue/preview', { method: 'POST', body: { entries } });

export function importCatalogueFile(file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<CatalogueImport>('/catalogue/import', { method: 'POST', body });
}

export function usePublishCatalogue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishCatalogueInput) =>
      api<CatalogueView>('/catalogue/versions', { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: versionsKey }),
  });
}
