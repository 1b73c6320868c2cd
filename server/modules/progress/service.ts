import type { ProgressRow } from '../../../domain/api/progress';
import { effectiveQuota } from '../../../domain/recommender-units';
import type { Db } from '../../db/client';
import type { CampaignRow } from '../campaigns';
import { listProgress } from './repository';

// The response shape lives in domain/api/progress (the web infers its types from it).
export { progressRowSchema, type ProgressRow } from '../../../domain/api/progress';

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
