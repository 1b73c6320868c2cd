// 通知公告: the lists (organizers all, others those addressed to them; a campaign's public ones)
// and publishing one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnnouncementView,
  PublicAnnouncementView,
  announcementInputSchema,
} from '../../domain/api/notifications';
import { api } from './api';
import type { Items, RecommenderUnit } from './types';

export type { AnnouncementView, PublicAnnouncementView };
export type AnnouncementInput = z.input<typeof announcementInputSchema>;

const KEY = ['announcements'] as const;

export function useAnnouncements(q: { campaignId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, q],
    queryFn: () =>
      api<{ items: AnnouncementView[]; total: number }>('/announcements', { query: q }),
  });
}

export function usePublicAnnouncements(idOrCode: string) {
  return useQuery({
    queryKey: [...KEY, 'public', idOrCode],
    queryFn: () =>
      api<{ items: PublicAnnouncementView[] }>(
        `/campaigns/${encodeURIComponent(idOrCode)}/announcements`,
      ),
    select: (d) => d.items,
  });
}

export function usePublishAnnouncement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AnnouncementInput) =>
      api<AnnouncementView>('/announcements', { method: 'POST', body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** The units an announcement may address (active ones). */
export function useAnnouncementUnitOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['recommender-units', 'options'],
    queryFn: () => api<Items<RecommenderUnit>>('/recommender-units'),
    select: (d) => d.items.map((u) => ({ value: u.id, label: u.name })),
    enabled,
  });
}
