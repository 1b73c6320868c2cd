import { effectiveQuota } from '../../../domain/recommender-units';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findApplicationHead } from '../applications';
import { notify } from '../notifications';
import { duplicateStandings } from '../duplicates';
import { findCampaign, type CampaignRow } from '../campaigns';
import { findRecommenderUnit, lockRecommenderUnit } from '../recommender-units';
import { listRecommendedIds, setRanks } from '../recommendations';
import { assertBeforePaperDeadline, dropStaleStampedScan, lockOpenDesk } from './desk';
import { loadBatchView, summaryDocument } from './read';
import { lockBatch, moveApplications, updateBatch } from './repository';
import { readStampedScan, uploadStampedScan } from './scan';
import { summaryFilename } from './summary-table';

export interface Desk {
  campaign: CampaignRow;
  unitId: string;
}

const BATCH = 'recommendation_batch';

/** The new order must name exactly the applications recommended now: each once, none missing. */
export async function reorder(deps: Deps, desk: Desk, order: string[], actor: Actor) {
  const { campaign, unitId } = desk;
  await deps.db.transaction(async (tx) => {
    const { batch: before } = await lockOpenDesk(tx, unitId, campaign.id);
    const now = deps.clock.now();
    assertBeforePaperDeadline(campaign, now, '推荐报送已截止，不能再调整推荐排序');
    const current = await listRecommendedIds(tx, unitId, campaign.id);
    const given = new Set(order);
    if (
      given.size !== order.length ||
      order.length !== current.length ||
      current.some((id) => !given.has(id))
    ) {
      throw new AppError('CONFLICT', {
        message: '推荐名单已发生变化（可能有同事同时操作），请刷新页面后重新排序',
        details: { current },
      });
    }
    await setRanks(tx, order);
    const changed = order.some((id, i) => id !== current[i]);
    const scanDropped = changed && (await dropStaleStampedScan(tx, before, now));
    const batch = await lockBatch(tx, campaign.id, unitId, now);
    await recordAudit(tx, deps.clock, actor, {
      action: 'batch.reorder',
      targetType: BATCH,
      targetId: batch.id,
      before: { order: current },
      after: { order, ...(scanDropped ? { stampedScanDropped: true } : {}) },
    });
  });
}

/** Forwards the recommended applications to the organizer and locks the unit's desk. */
export async function signOff(deps: Deps, desk: Desk, actor: Actor) {
  const { campaign, unitId } = desk;
  await deps.db.transaction(async (tx) => {
    const { unit } = await lockOpenDesk(tx, unitId, campaign.id);
    const now = deps.clock.now();
    assertBeforePaperDeadline(campaign, now, '推荐报送已截止，不能再确认报送');
    const quota = effectiveQuota(campaign.settings, unit);
    const batch = await lockBatch(tx, campaign.id, unitId, now);
    const recommended = await listRecommendedIds(tx, unitId, campaign.id);
    const missing = [
      ...(recommended.length === 0 ? [{ what: 'recommended', label: '至少推荐1个解决方案' }] : []),
      ...(batch.stampedScanId
        ? []
        : [{ what: 'stamped_scan', label: '上传加盖公章的报送信息汇总表（附件3）扫描件' }]),
      // a quota lowered while the batch was reopened
      ...(recommended.length > quota
        ? [
            {
              what: 'quota',
              label: `取消${recommended.length - quota}个推荐（推荐数量上限为${quota}个，现推荐${recommended.length}个）`,
            },
          ]
        : []),
    ];
    // 不得重复上报: a flagged application goes on only after the organizer dismisses its findings
    const standings = await duplicateStandings(tx, recommended);
    const flagged = recommended.filter((id) => standings.has(id));
    const confirmed = flagged.filter((id) => standings.get(id) === 'confirmed');
    const open = flagged.filter((id) => standings.get(id) === 'open');
    if (missing.length || flagged.length) {
      const steps = missing.length ? [`请先${missing.map((m) => m.label).join('，并')}`] : [];
      if (confirmed.length)
        steps.push(
          `已推荐的申报书中有${confirmed.length}个已被工业和信息化部确认为重复申报，须取消推荐`,
        );
      if (open.length)
        steps.push(
          `已推荐的申报书中有${open.length}个被标记为疑似重复申报，须由工业和信息化部审核处理后方可报送`,
        );
      throw new AppError('BATCH_NOT_READY', {
        message: `尚不能确认报送：${steps.join('；')}`,
        details: {
          missing: [
            ...missing.map((m) => m.what),
            ...(flagged.length ? ['duplicate_findings'] : []),
          ],
          flagged,
          applications: flagged,
          confirmed,
          open,
        },
      });
    }
    const forwarded = await moveApplications(
      tx,
      { unitId, campaignId: campaign.id },
      'recommended',
      'forwarded',
      now,
    );
    for (const id of forwarded) {
      await recordAudit(tx, deps.clock, actor, {
        action: 'application.forward',
        targetType: 'application',
        targetId: id,
        before: { state: 'recommended' },
        after: { state: 'forwarded', batchId: batch.id },
      });
    }
    await updateBatch(tx, batch.id, {
      state: 'signed_off',
      signedOffAt: now,
      signedOffBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'batch.sign_off',
      targetType: BATCH,
      targetId: batch.id,
      before: { state: 'open' },
      after: { state: 'signed_off', count: forwarded.length, order: recommended },
    });
    // each enterprise learns that its application went on to the ministry
    for (const id of forwarded) {
      const app = await findApplicationHead(tx, id);
      if (!app) continue;
      await notify(tx, deps, {
        kind: 'application.forwarded',
        to: { enterpriseIds: [app.enterpriseId] },
        campaignId: campaign.id,
        link: `/applications/${id}`,
        values: {
          活动名称: campaign.title,
          解决方案名称: app.solutionName || '（未命名）',
          推荐单位: unit.name,
        },
      });
    }
  });
}

/**
 * The organizer opens a signed-off batch again: the forwarded applications return to the desk
 * and a new stamped scan is needed before the next sign-off.
 */
export async function reopen(deps: Deps, desk: Desk, reason: string, actor: Actor) {
  const { campaign, unitId } = desk;
  await deps.db.transaction(async (tx) => {
    if (!(await lockRecommenderUnit(tx, unitId)))
      throw new AppError('NOT_FOUND', { message: '未找到该推荐单位' });
    const now = deps.clock.now();
    const batch = await lockBatch(tx, campaign.id, unitId, now);
    if (batch.state !== 'signed_off')
      throw new AppError('WRONG_STATE', { message: '该推荐单位尚未确认报送，无需重新开放' });
    // reopened after the deadline, the unit could never sign off again
    assertBeforePaperDeadline(
      campaign,
      now,
      '推荐报送已截止，重新开放后推荐单位将无法再次确认报送',
    );
    const back = await moveApplications(
      tx,
      { unitId, campaignId: campaign.id },
      'forwarded',
      'recommended',
      now,
    );
    for (const id of back) {
      await recordAudit(tx, deps.clock, actor, {
        action: 'application.reopen',
        targetType: 'application',
        targetId: id,
        before: { state: 'forwarded' },
        after: { state: 'recommended', batchId: batch.id },
        note: reason,
      });
    }
    await updateBatch(tx, batch.id, {
      state: 'open',
      stampedScanId: null,
      signedOffAt: null,
      signedOffBy: null,
      reopenedAt: now,
      reopenedBy: actor.userId,
      reopenReason: reason,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'batch.reopen',
      targetType: BATCH,
      targetId: batch.id,
      before: { state: 'signed_off', stampedScanId: batch.stampedScanId },
      after: { state: 'open', count: back.length },
      note: reason,
    });
    // the unit's recommenders must act again: adjust and sign off anew
    const unit = await findRecommenderUnit(tx, unitId);
    await notify(tx, deps, {
      kind: 'batch.reopened',
      to: { unitIds: [unitId] },
      campaignId: campaign.id,
      link: `/desk/${campaign.id}/batch`,
      values: { 活动名称: campaign.title, 推荐单位: unit?.name ?? '', 原因: reason },
    });
  });
}

/** A unit's desk in a campaign, as the routes name them: campaign by id or code, unit by id. */
export interface DeskParams {
  idOrCode: string;
  unitId: string;
}

async function openDesk(deps: Pick<Deps, 'db'>, params: DeskParams) {
  const [campaign, unit] = await Promise.all([
    findCampaign(deps.db, params.idOrCode),
    findRecommenderUnit(deps.db, params.unitId),
  ]);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  if (!unit) throw new AppError('NOT_FOUND', { message: '未找到该推荐单位' });
  return { campaign, unit, desk: { campaign, unitId: unit.id } };
}

/** The unit's batch as it stands. */
export async function batchOf(deps: Pick<Deps, 'db'>, params: DeskParams) {
  const { campaign, unit } = await openDesk(deps, params);
  return loadBatchView(deps.db, campaign, unit);
}

/** Reorders the recommendations and reads the batch back. */
export async function reorderBatch(deps: Deps, params: DeskParams, order: string[], actor: Actor) {
  const { campaign, unit, desk } = await openDesk(deps, params);
  await reorder(deps, desk, order, actor);
  return loadBatchView(deps.db, campaign, unit);
}

/** 附件3 rendered as XLSX or PDF, with its file name. */
export async function summaryTableFile(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  params: DeskParams,
  format: 'xlsx' | 'pdf',
) {
  const { campaign, unit } = await openDesk(deps, params);
  const doc = await summaryDocument(deps.db, campaign, unit, deps.clock.now());
  const bytes =
    format === 'xlsx'
      ? await runInWorker(deps.config, 'xlsx', 'batchSummary', doc)
      : await runInWorker(deps.config, 'print', 'batchSummaryPdf', doc);
  return { bytes, filename: summaryFilename(unit.name, format) };
}

/** Stores the stamped scan (the file is read only once the desk is found) and reads the batch back. */
export async function uploadBatchScan(
  deps: Deps,
  params: DeskParams,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  userId: string,
  actor: Actor,
) {
  const { campaign, unit, desk } = await openDesk(deps, params);
  const file = await readFile();
  await uploadStampedScan(deps, desk, file, userId, actor);
  return loadBatchView(deps.db, campaign, unit);
}

/** The stamped scan's row and bytes. */
export async function batchScan(deps: Deps, params: DeskParams) {
  const { desk } = await openDesk(deps, params);
  return readStampedScan(deps, desk);
}

/** Signs the batch off and reads it back. */
export async function signOffBatch(deps: Deps, params: DeskParams, actor: Actor) {
  const { campaign, unit, desk } = await openDesk(deps, params);
  await signOff(deps, desk, actor);
  return loadBatchView(deps.db, campaign, unit);
}

/** Reopens a signed-off batch and reads it back. */
export async function reopenBatch(deps: Deps, params: DeskParams, reason: string, actor: Actor) {
  const { campaign, unit, desk } = await openDesk(deps, params);
  await reopen(deps, desk, reason, actor);
  return loadBatchView(deps.db, campaign, unit);
}
