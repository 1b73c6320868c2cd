// 随机抽查's requests: the public list and verification (no sign-in), the organizer's commitment,
// draw, tasks and closing, the expert's own tasks and findings. The shapes are the server's
// (domain/api/spot-checks).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertList } from '../../../domain/api/experts';
import type {
  AssignSpotCheckTaskInput,
  CommitSpotCheckInput,
  MySpotCheckTask,
  MySpotCheckTaskDetail,
  PublicSpotCheck,
  RecordFindingInput,
  SpotCheckDetail,
  SpotCheckVerification,
} from '../../../domain/api/spot-checks';
import { api } from '../../lib/api';

export type {
  MySpotCheckTask,
  MySpotCheckTaskDetail,
  PublicSpotCheck,
  SpotCheckDetail,
  SpotCheckVerification,
};

const key = ['spot-checks'] as const;
const mineKey = ['my', 'spot-check-tasks'] as const;
const enc = encodeURIComponent;

export function useSpotChecks() {
  return useQuery({
    queryKey: [...key, 'list'],
    queryFn: () => api<{ items: PublicSpotCheck[] }>('/spot-checks'),
  });
}

export function useSpotCheckVerification(id: string) {
  return useQuery({
    queryKey: [...key, 'verification', id],
    queryFn: () => api<SpotCheckVerification>(`/spot-checks/${enc(id)}/verification`),
  });
}

export const populationCsvUrl = (id: string) => `/api/v1/spot-checks/${enc(id)}/population.csv`;

export function useSpotCheckSources(enabled = true) {
  return useQuery({
    queryKey: [...key, 'sources'],
    queryFn: () =>
      api<{
        lists: { campaignId: string; year: number; title: string }[];
        categories: { code: string; name: string }[];
      }>('/spot-checks/sources'),
    enabled,
  });
}

export function useSpotCheckDetail(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api<SpotCheckDetail>(`/spot-checks/${enc(id)}`),
  });
}

export function useCommitSpotCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitSpotCheckInput) =>
      api<PublicSpotCheck>('/spot-checks', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDrawSpotCheck(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { seed?: string }) =>
      api<PublicSpotCheck>(`/spot-checks/${enc(id)}/draw`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useAssignSpotCheckTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignSpotCheckTaskInput) =>
      api<SpotCheckDetail>(`/spot-checks/${enc(id)}/tasks`, { method: 'POST', body }),
    onSuccess: (d) => qc.setQueryData([...key, 'detail', id], d),
  });
}

export function useCloseSpotCheck(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<SpotCheckDetail>(`/spot-checks/${enc(id)}/close`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** The experts the organizer may choose from (active ones, by name). */
export function useActiveExperts(q: string) {
  return useQuery({
    queryKey: ['experts', 'list', { q, active: true }, 1, 50],
    queryFn: () =>
      api<ExpertList>('/experts', { query: { q, active: true, page: 1, pageSize: 50 } }),
    placeholderData: (prev) => prev,
  });
}

export function useMySpotCheckTasks() {
  return useQuery({
    queryKey: mineKey,
    queryFn: () => api<{ items: MySpotCheckTask[] }>('/my/spot-check-tasks'),
  });
}

export function useMySpotCheckTask(taskId: string) {
  return useQuery({
    queryKey: [...mineKey, taskId],
    queryFn: () => api<MySpotCheckTaskDetail>(`/my/spot-check-tasks/${enc(taskId)}`),
    refetchOnWindowFocus: false,
  });
}

export function useRecordFinding(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordFindingInput) =>
      api<MySpotCheckTask>(`/my/spot-check-tasks/${enc(taskId)}/finding`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mineKey }),
  });
}

export const taskAttachmentUrl = (taskId: string, attachmentId: string) =>
  `/api/v1/my/spot-check-tasks/${enc(taskId)}/attachments/${enc(attachmentId)}`;

/** The evidence kept with the finding: replaces any uploaded before. */
export function useUploadEvidence(taskId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<MySpotCheckTask>(`/my/spot-check-tasks/${enc(taskId)}/evidence`, {
        method: 'POST',
        body,
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: mineKey }),
  });
}

/** Where the task's evidence downloads from (its expert and organizers). */
export const evidenceUrl = (taskId: string) => `/api/v1/spot-check-tasks/${enc(taskId)}/evidence`;
