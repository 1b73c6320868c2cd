// 评审轮次与分配's requests: the campaign's rounds, creating and changing one, the proposal, the
// board, a pair added or removed by hand, publishing; and the active experts for the panels.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertList, ExpertView } from '../../../domain/api/experts';
import type {
  AssignmentBoard,
  AssignmentView,
  PanelView,
  Proposal,
  PublishResult,
  RoundList,
  RoundView,
} from '../../../domain/api/review-rounds';
import type { z } from 'zod';
import type {
  AddAssignmentInput,
  createRoundSchema,
  UpdateRoundInput,
} from '../../../domain/review-rounds';
import { api } from '../../lib/api';

// Response shapes: inferred from the schemas the server answers with (domain/api/review-rounds).
export type {
  AssignmentBoard,
  AssignmentView,
  ExpertView,
  PanelView,
  Proposal,
  PublishResult,
  RoundView,
};
export type BoardRow = AssignmentBoard['applications'][number];
export type BoardExpert = AssignmentBoard['experts'][number];
export type ExcludedExpert = BoardRow['excluded'][number];

/** createReviewRound's body as sent (the server fills maxLoad, anonymous, … when absent). */
export type CreateRoundBody = z.input<typeof createRoundSchema>;
export type { UpdateRoundInput as UpdateRoundBody };

const ALL = ['review-rounds'] as const;
const roundsKey = (campaignId: string) => [...ALL, 'campaign', campaignId] as const;
const boardKey = (roundId: string) => [...ALL, roundId, 'board'] as const;

const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/review-rounds`;
const roundPath = (campaignId: string, roundId: string) =>
  `${base(campaignId)}/${encodeURIComponent(roundId)}`;

export function useRounds(campaignId: string | undefined) {
  return useQuery({
    queryKey: roundsKey(campaignId ?? ''),
    queryFn: () => api<RoundList>(base(campaignId ?? '')),
    select: (d) => d.items,
    enabled: !!campaignId,
  });
}

export function useBoard(campaignId: string, roundId: string | undefined) {
  return useQuery({
    queryKey: boardKey(roundId ?? ''),
    queryFn: () => api<AssignmentBoard>(`${roundPath(campaignId, roundId ?? '')}/assignments`),
    enabled: !!roundId,
  });
}

/** The active experts of the pool (panels are made of them). */
export function useActiveExperts(enabled: boolean) {
  return useQuery({
    queryKey: ['experts', 'active'],
    queryFn: () => api<ExpertList>('/experts', { query: { active: true, pageSize: 200 } }),
    select: (d) => d.items,
    enabled,
    staleTime: 60_000,
  });
}

/** Every change of a round: its list, its board, its results. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ALL });
}

export function useCreateRound(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateRoundBody) =>
      api<RoundView>(base(campaignId), { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateRound(campaignId: string, roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateRoundInput) =>
      api<RoundView>(roundPath(campaignId, roundId), { method: 'PATCH', body }),
    onSettled: () => invalidate(),
  });
}

export function usePropose(campaignId: string, roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api<Proposal>(`${roundPath(campaignId, roundId)}/propose`, { method: 'POST' }),
    onSettled: () => invalidate(),
  });
}

export function useAddAssignment(campaignId: string, roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: AddAssignmentInput) =>
      api<AssignmentView>(`${roundPath(campaignId, roundId)}/assignments`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveAssignment(campaignId: string, roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { assignmentId: string; reason: string }) =>
      api<AssignmentView>(
        `${roundPath(campaignId, roundId)}/assignments/${encodeURIComponent(v.assignmentId)}`,
        { method: 'PATCH', body: { state: 'removed', reason: v.reason } },
      ),
    onSettled: () => invalidate(),
  });
}

export function usePublish(campaignId: string, roundId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api<PublishResult>(`${roundPath(campaignId, roundId)}/publish`, { method: 'POST' }),
    onSettled: () => invalidate(),
  });
}
