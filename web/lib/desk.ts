// The recommender's batch (报送批次): shapes and the query the home page and the desk share.
import { useQuery } from '@tanstack/react-query';
import type { BatchView, StampedScan } from '../../domain/api/batches';
import { api } from './api';

// Response shapes: inferred from the schema the server answers with (domain/api/batches).
export type { BatchView, StampedScan };
export type BatchState = BatchView['state'];
/** One row of 附件3 (推荐汇总表) as getBatch sends it: flagged when it has an open or confirmed duplicate finding. */
export type SummaryRow = BatchView['rows'][number];

/** /campaigns/:campaignId/units/:unitId/batch (under /api/v1). */
export function batchPath(campaignId: string, unitId: string): string {
  return `/campaigns/${encodeURIComponent(campaignId)}/units/${encodeURIComponent(unitId)}/batch`;
}

export const batchKey = (campaignId: string, unitId: string) =>
  ['desk', 'batch', campaignId, unitId] as const;

export function useBatch(campaignId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: batchKey(campaignId ?? '', unitId ?? ''),
    queryFn: () => api<BatchView>(batchPath(campaignId!, unitId!)),
    enabled: !!campaignId && !!unitId,
  });
}

/** The recommender's desk for a campaign (web route). */
export function deskPath(campaignId: string): string {
  return `/desk/${encodeURIComponent(campaignId)}`;
}

const RECENT_MS = 180 * 86_400_000;

/** Campaigns a recommender works on: opened, and not more than half a year past the paper deadline. */
export function isDeskCampaign(
  c: { opensAt: string; paperDeadline: string },
  now: number = Date.now(),
): boolean {
  return (
    new Date(c.opensAt).getTime() <= now && new Date(c.paperDeadline).getTime() + RECENT_MS >= now
  );
}
