// 系统评价's requests: the organizer's rounds (the published lists to pick from, creating, the
// proposal, publishing, results, bands, closing) and the expert's tasks and scoring.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EvaluationResultsView,
  EvaluationRoundDetail,
  EvaluationRoundView,
  MyEvaluationDetail,
  MyEvaluationItem,
  MyEvaluationScores,
  publishedListOptionSchema,
  CreateEvaluationRoundInput,
} from '../../../domain/api/evaluation';
import type { EvaluationBand } from '../../../domain/evaluation';
import { api } from '../../lib/api';

export type {
  EvaluationBand,
  EvaluationResultsView,
  EvaluationRoundDetail,
  EvaluationRoundView,
  MyEvaluationDetail,
  MyEvaluationItem,
  MyEvaluationScores,
};
export type PublishedListOption = z.infer<typeof publishedListOptionSchema>;

const ROUNDS = ['evaluation-rounds'] as const;
const roundKey = (id: string) => [...ROUNDS, id] as const;
const resultsKey = (id: string) => [...ROUNDS, id, 'results'] as const;
export const myEvaluationsKey = ['my', 'evaluations'] as const;
const myEvaluationKey = (id: string) => [...myEvaluationsKey, id] as const;

export function usePublishedLists() {
  return useQuery({
    queryKey: [...ROUNDS, 'lists'],
    queryFn: () => api<{ items: PublishedListOption[] }>('/evaluation-rounds/lists'),
    select: (d) => d.items,
  });
}

export function useEvaluationRounds() {
  return useQuery({
    queryKey: ROUNDS,
    queryFn: () => api<{ items: EvaluationRoundView[] }>('/evaluation-rounds'),
    select: (d) => d.items,
  });
}

export function useEvaluationRound(id: string | undefined) {
  return useQuery({
    queryKey: roundKey(id ?? ''),
    queryFn: () => api<EvaluationRoundDetail>(`/evaluation-rounds/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useEvaluationResults(id: string | undefined) {
  return useQuery({
    queryKey: resultsKey(id ?? ''),
    queryFn: () =>
      api<EvaluationResultsView>(`/evaluation-rounds/${encodeURIComponent(id!)}/results`),
    enabled: !!id,
  });
}

export function useCreateEvaluationRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvaluationRoundInput) =>
      api<EvaluationRoundDetail>('/evaluation-rounds', { method: 'POST', body }),
    onSuccess: (d) => {
      qc.setQueryData(roundKey(d.id), d);
      void qc.invalidateQueries({ queryKey: ROUNDS, exact: true });
    },
  });
}

/** propose, publish, close: each answers with the round as it now is. */
export function useRoundAction(action: 'propose' | 'publish' | 'close') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<EvaluationRoundDetail>(`/evaluation-rounds/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: (d) => {
      qc.setQueryData(roundKey(d.id), d);
      void qc.invalidateQueries({ queryKey: ROUNDS });
    },
  });
}

export function useSetBands(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (bands: EvaluationBand[]) =>
      api<EvaluationResultsView>(`/evaluation-rounds/${encodeURIComponent(id)}/bands`, {
        method: 'PUT',
        body: { bands },
      }),
    onSuccess: (d) => {
      qc.setQueryData(resultsKey(id), d);
      void qc.invalidateQueries({ queryKey: ROUNDS, exact: true });
    },
  });
}

// ------------------------------------------------------------------ the expert

export function useMyEvaluations() {
  return useQuery({
    queryKey: myEvaluationsKey,
    queryFn: () => api<{ items: MyEvaluationItem[] }>('/my/evaluations'),
    select: (d) => d.items,
  });
}

/** Not refetched behind the expert's back: the page keeps its cached scores current. */
export function useMyEvaluation(id: string) {
  return useQuery({
    queryKey: myEvaluationKey(id),
    queryFn: () => api<MyEvaluationDetail>(`/my/evaluations/${encodeURIComponent(id)}`),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSaveEvaluation(id: string) {
  const qc = useQueryClient();
  const done = (scores: MyEvaluationScores) => {
    qc.setQueryData<MyEvaluationDetail>(myEvaluationKey(id), (old) => old && { ...old, scores });
    void qc.invalidateQueries({ queryKey: myEvaluationsKey, exact: true });
  };
  const save = useMutation({
    mutationFn: (v: { scores: Record<string, number>; comment: string; baseVersion: number }) =>
      api<MyEvaluationScores>(`/my/evaluations/${encodeURIComponent(id)}`, {
        method: 'PUT',
        body: v,
      }),
    onSuccess: done,
  });
  const submit = useMutation({
    mutationFn: (baseVersion: number) =>
      api<MyEvaluationScores>(`/my/evaluations/${encodeURIComponent(id)}/submit`, {
        method: 'POST',
        body: { baseVersion },
      }),
    onSuccess: done,
  });
  return { save, submit };
}

export function evaluationAttachmentUrl(id: string, attachmentId: string): string {
  return `/api/v1/my/evaluations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;
}
