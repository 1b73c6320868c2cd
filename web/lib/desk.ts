// The recommender's batch (报送批次): shapes and the query the home page and the desk share.
import { useQuery } from '@tanstack/react-query';
import type { RecommenderUnitType } from '../../domain/recommender-units';
import { api } from './api';

export type BatchState = 'open' | 'signed_off';

export interface StampedScan {
  id: string;
  filename: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** One row of 附件3 (推荐汇总表). */
export interface SummaryRow {
  applicationId: string;
  rank: number;
  solutionName: string;
  category: string;
  applicantName: string;
  uscc: string;
  region: string;
  industry: string;
  appCount: number;
  platform: string;
  contactName: string;
  phone: string;
}

export interface BatchView {
  id: string | null;
  campaignId: string;
  unitId: string;
  unitName: string;
  unitType: RecommenderUnitType;
  state: BatchState;
  quota: number;
  recommended: number;
  signedOffAt: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
  stampedScan: StampedScan | null;
  rows: SummaryRow[];
}

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
