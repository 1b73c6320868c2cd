import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { CampaignRow } from '../campaigns';
import { lockRecommenderUnit } from '../recommender-units';
import { findBatch, updateBatch, type BatchRow } from './repository';

/**
 * Every change on a unit's desk (decisions, ranking, scan, sign-off, reopen) locks the unit's
 * row first, so they queue one behind the other; a signed-off batch refuses them all.
 */
export async function lockOpenDesk(tx: Db, unitId: string, campaignId: string) {
  const unit = await lockRecommenderUnit(tx, unitId);
  if (!unit) throw new AppError('NOT_FOUND', { message: '未找到该推荐单位' });
  const batch = await findBatch(tx, campaignId, unitId);
  if (batch?.state === 'signed_off') throw new AppError('BATCH_SIGNED_OFF');
  return { unit, batch };
}

export function assertBeforePaperDeadline(campaign: CampaignRow, now: Date, message: string) {
  if (now > campaign.paperDeadline) throw new AppError('DEADLINE_PASSED', { message });
}

/**
 * Paper = online: a stamped 附件3 shows one list in one order, so a change to the list or the
 * order drops the scan already uploaded and the unit stamps the new table.
 */
export async function dropStaleStampedScan(tx: Db, batch: BatchRow | undefined, now: Date) {
  if (!batch?.stampedScanId) return false;
  await updateBatch(tx, batch.id, { stampedScanId: null, updatedAt: now });
  return true;
}
