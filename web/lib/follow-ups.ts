// 附件4 (self-check reports of past winners) and past awards: response shapes and the list query
// the home page and the follow-ups pages share.
import { useQuery } from '@tanstack/react-query';
import type { AwardView } from '../../domain/api/awards';
import type { FollowUpList, FollowUpRow } from '../../domain/api/follow-ups';
import { api } from './api';

export type FollowUpState = FollowUpRow['state'];
export const FOLLOW_UP_STATES: readonly FollowUpState[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
];

export const FOLLOW_UP_STATE_COLORS: Record<FollowUpState, string> = {
  not_started: 'default',
  draft: 'blue',
  submitted: 'green',
  returned: 'orange',
};

// Response shapes: inferred from the schemas the server answers with (domain/api/awards, follow-ups).
/** 往届获奖名单 — one past award. */
export type { AwardView };
export type { FollowUpList, FollowUpRow };

export const followUpListKey = (campaignId: string) => ['follow-up-reports', campaignId] as const;

/** enterprise: its own past awards; recommender: its unit's; organizer: all. */
export function useFollowUpList(campaignId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: followUpListKey(campaignId ?? ''),
    queryFn: () => api<FollowUpList>('/follow-up-reports', { query: { campaignId } }),
    enabled: enabled && !!campaignId,
  });
}

export function followUpPath(campaignId: string, awardId?: string): string {
  return awardId ? `/follow-ups/${campaignId}/${awardId}` : `/follow-ups/${campaignId}`;
}
