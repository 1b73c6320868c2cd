import { effectiveQuota } from '../../../domain/recommender-units';
import type { ApplicationState } from '../../../domain/application-states';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import {
  findApplicationHead,
  lockApplication,
  updateApplication,
  type ApplicationRow,
} from '../applications';
import { recordAudit } from '../audit';
import { findCampaign } from '../campaigns';
import { onApplicationChanged } from '../duplicates';
import { dropStaleStampedScan, findBatch, lockOpenDesk } from '../batches';
import { findRecommenderUnit } from '../recommender-units';
import { notify } from '../notifications';
import type { NotificationKind } from '../../../domain/notifications';
import { findEnterprise } from '../enterprises';
import { authorizeDecide } from './policy';
import { countRecommended, listInbox, listRecommendedIds, setRanks } from './repository';

/** A unit's inbox in a campaign: what reached it, its quota and how much is used, its batch's state. */
export async function inboxOf(
  deps: Pick<Deps, 'db'>,
  unitId: string,
  query: { campaignId: string; state?: ApplicationState; category?: string; q?: string },
) {
  const campaign = await findCampaign(deps.db, query.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  const [rows, unit, recommended, batch] = await Promise.all([
    listInbox(deps.db, unitId, { ...query, campaignId: campaign.id }),
    findRecommenderUnit(deps.db, unitId),
    countRecommended(deps.db, unitId, campaign.id),
    findBatch(deps.db, campaign.id, unitId),
  ]);
  return {
    rows,
    quota: effectiveQuota(campaign.settings, unit!),
    recommended,
    batchState: batch?.state ?? 'open',
  };
}

/** A recommender's decision on an application, by id: found, authorized, then decided. */
export async function decideApplication(
  deps: Deps,
  user: SignedInUser,
  id: string,
  decision: Decision,
  actor: Actor,
) {
  const found = await findApplicationHead(deps.db, id);
  if (!found) throw new AppError('NOT_FOUND', { message: '未找到该申报书' });
  authorizeDecide(user, found);
  return decide(deps, found, decision, actor);
}

export type Decision =
  | { kind: 'return'; comment: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'recommend'; rank: number }
  | { kind: 'unrecommend' };

const FROM: Record<Decision['kind'], ApplicationRow['state']> = {
  return: 'submitted',
  reject: 'submitted',
  recommend: 'submitted',
  unrecommend: 'recommended',
};
const TO = {
  return: 'returned',
  reject: 'rejected_by_recommender',
  recommend: 'recommended',
  unrecommend: 'submitted',
} as const;

const NOTIFY: Record<Decision['kind'], NotificationKind | null> = {
  return: 'application.returned',
  reject: 'application.rejected',
  recommend: 'application.recommended',
  unrecommend: null,
};

function nameOf(app: { facts: unknown }): string {
  return (app.facts as { solutionName?: string }).solutionName || '（未命名）';
}

/**
 * A recommender's decision. The unit's row is locked first, so a unit's decisions, its ranking
 * and its sign-off queue one behind the other: the quota count is exact and no decision slips
 * past a sign-off. State, deadline, quota and the batch are re-checked inside the transaction.
 * Ranks stay 1..n: a recommendation goes in at the rank asked for, the others move down.
 */
export async function decide(
  deps: Deps,
  target: { id: string; channelUnitId: string; campaignId: string },
  decision: Decision,
  actor: Actor,
) {
  const decided = await deps.db.transaction(async (tx) => {
    const { unit, batch } = await lockOpenDesk(tx, target.channelUnitId, target.campaignId);
    const app = await lockApplication(tx, target.id);
    if (!app) throw new AppError('NOT_FOUND');
    if (app.state !== FROM[decision.kind] || app.channelUnitId !== target.channelUnitId) {
      throw new AppError('WRONG_STATE', {
        message:
          decision.kind === 'unrecommend' ? '该申报书当前未被推荐' : '该申报书已处理或已被企业撤回',
      });
    }
    const campaign = (await findCampaign(tx, app.campaignId))!;
    const now = deps.clock.now();
    if (now > campaign.paperDeadline)
      throw new AppError('DEADLINE_PASSED', { message: '推荐报送已截止' });
    const ranked = await listRecommendedIds(tx, app.channelUnitId, app.campaignId);
    if (decision.kind === 'recommend') {
      const enterprise = await findEnterprise(tx, app.enterpriseId);
      if (enterprise?.verificationStatus !== 'verified')
        throw new AppError('ENTERPRISE_UNVERIFIED', {
          message: `“${enterprise?.name ?? ''}”的企业账号尚未核验：请先在审核页查看其营业执照${enterprise?.filerIsLegalRep === false ? '和授权书' : ''}并核验企业，再推荐`,
          details: { enterpriseId: app.enterpriseId, status: enterprise?.verificationStatus },
        });
      const quota = effectiveQuota(campaign.settings, unit);
      if (ranked.length >= quota) {
        throw new AppError('QUOTA_EXCEEDED', {
          message: `本单位推荐数量上限为${quota}个，已推荐${ranked.length}个；如需更换请先取消其他推荐`,
          details: { quota, used: ranked.length },
        });
      }
    }
    const others = ranked.filter((id) => id !== app.id);
    const rank = decision.kind === 'recommend' ? Math.min(decision.rank, others.length + 1) : null;
    const patch = {
      state: TO[decision.kind],
      decidedAt: now,
      updatedAt: now,
      returnComment: decision.kind === 'return' ? decision.comment : app.returnComment,
      rejectReason: decision.kind === 'reject' ? decision.reason : null,
      recommendRank: rank,
    };
    const updated = await updateApplication(tx, app.id, patch);
    if (rank !== null) others.splice(rank - 1, 0, app.id);
    await setRanks(tx, others);
    const scanDropped =
      (decision.kind === 'recommend' || decision.kind === 'unrecommend') &&
      (await dropStaleStampedScan(tx, batch, now));
    await recordAudit(tx, deps.clock, actor, {
      action: `application.${decision.kind}`,
      targetType: 'application',
      targetId: app.id,
      before: { state: app.state },
      after: {
        state: updated.state,
        ...(rank !== null ? { rank } : {}),
        ...(scanDropped ? { stampedScanDropped: true } : {}),
      },
      note:
        decision.kind === 'return'
          ? decision.comment
          : decision.kind === 'reject'
            ? decision.reason
            : undefined,
    });
    const kind = NOTIFY[decision.kind];
    if (kind) {
      // the enterprise is told in the same transaction: a decision never goes unannounced
      await notify(tx, deps, {
        kind,
        to: { enterpriseIds: [app.enterpriseId] },
        campaignId: app.campaignId,
        link: `/applications/${app.id}`,
        values: {
          活动名称: campaign.title,
          解决方案名称: nameOf(app),
          推荐单位: unit.name,
          退回意见: decision.kind === 'return' ? decision.comment : '',
          不予推荐理由: decision.kind === 'reject' ? decision.reason : '',
        },
      });
    }
    return updated;
  });
  if (decision.kind === 'return') await onApplicationChanged(deps, decided.id); // out of the index
  return decided;
}
