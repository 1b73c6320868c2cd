// 发布's organizer requests: the list as it stands — before publishing, what would be listed and
// what stops it (getPublishedList) — and the publication itself (publishList).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishedListItem, PublishedListView } from '../../../domain/api/publication';
import type { PublishListInput } from '../../../domain/publication';
import { api } from '../../lib/api';
import { selectionKey } from './api';

export type { PublishedListItem, PublishedListView };

export const publishedListKey = (campaignId: string) => ['published-list', campaignId] as const;
const path = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/published-list`;

export function usePublishedList(campaignId: string) {
  return useQuery({
    queryKey: publishedListKey(campaignId),
    queryFn: () => api<PublishedListView>(path(campaignId)),
  });
}

/**
 * publishList: the published list is shown at once, and the decisions' table reloaded (its rows
 * are 已入选 now); a refusal reloads what stops it.
 */
export function usePublishList(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishListInput) =>
      api<PublishedListView>(path(campaignId), { method: 'POST', body }),
    onSuccess: (view) => {
      qc.setQueryData(publishedListKey(campaignId), view);
      return qc.invalidateQueries({ queryKey: selectionKey(campaignId) });
    },
    onError: () => qc.invalidateQueries({ queryKey: publishedListKey(campaignId) }),
  });
}
