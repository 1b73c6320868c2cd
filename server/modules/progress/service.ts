import type { ProgressRow } from '../../../domain/api/progress';
import { effectiveQuota } from '../../../domain/recommender-units';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { AppError } from '../../lib/errors';
import { findCampaign, type CampaignRow } from '../campaigns';
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
    forwarded: r.forwarded,
    paperReceived: r.paperReceived,
    summaryTableReceivedOn: r.summaryTableReceivedOn ?? null,
  }));
}

async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

/** Each recommender unit's progress in a campaign (by id or code). */
export async function campaignProgress(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
): Promise<ProgressRow[]> {
  return progressRows(deps.db, await campaignOf(deps, idOrCode));
}

/** The progress as a workbook, with its file name. */
export async function campaignProgressXlsx(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  idOrCode: string,
) {
  const campaign = await campaignOf(deps, idOrCode);
  const bytes = await runInWorker(deps.config, 'xlsx', 'progress', {
    rows: await progressRows(deps.db, campaign),
    info: { campaignTitle: campaign.title, exportedAt: deps.clock.now() },
  });
  return { bytes, filename: `推荐单位进度-${campaign.year}.xlsx` };
}
