import { effectiveQuota, RECOMMENDER_UNIT_TYPES } from '../../../domain/recommender-units';
import { z } from '../../../domain/zod';
import type { Db } from '../../db/client';
import { isoDate } from '../../lib/views';
import type { CampaignRow } from '../campaigns/repository';
import { listProgress } from './repository';

export const progressRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(RECOMMENDER_UNIT_TYPES),
  received: z.number().describe('applications filed through the unit, drafts not counted'),
  pending: z.number().describe('submitted, awaiting the unit’s decision'),
  recommended: z.number().describe('recommended or, after the sign-off, forwarded'),
  quota: z.number(),
  batchId: z.string().nullable(),
  batchState: z.enum(['open', 'signed_off']),
  signedOffAt: isoDate.nullable(),
  followUpsExpected: z.number().describe('附件4 reports owed by the unit’s past winners'),
  followUpsSubmitted: z.number(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export async function progressRows(db: Db, campaign: CampaignRow): Promise<ProgressRow[]> {
  const rows = await listProgress(db, campaign.id, campaign.settings.followUpAwardYears);
  return rows.map((r) => ({
    unitId: r.unit.id,
    unitName: r.unit.name,
    unitType: r.unit.type,
    received: r.received,
    pending: r.pending,
    recommended: r.recommended,
    quota: effectiveQuota(campaign.settings, r.unit),
    batchId: r.batchId,
    batchState: r.batchState ?? 'open',
    signedOffAt: r.signedOffAt?.toISOString() ?? null,
    followUpsExpected: r.followUpsExpected,
    followUpsSubmitted: r.followUpsSubmitted,
  }));
}
