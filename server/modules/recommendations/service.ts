import { effectiveQuota } from '../../../domain/recommender-units';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import {
  lockApplication,
  updateApplication,
  type ApplicationRow,
} from '../applications/repository';
import { recordAudit } from '../audit/service';
import { findCampaign } from '../campaigns/repository';
import { lockRecommenderUnit } from '../recommender-units/repository';
import { countRecommended } from './repository';

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

/**
 * A recommender's decision. State, deadline and quota are re-checked inside the transaction
 * that makes it; for a recommendation the unit's row is locked first, so concurrent requests
 * of one unit queue and the count they see is exact.
 */
export async function decide(deps: Deps, appId: string, decision: Decision, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const app = await lockApplication(tx, appId);
    if (!app) throw new AppError('NOT_FOUND');
    const unit =
      decision.kind === 'recommend' ? await lockRecommenderUnit(tx, app.channelUnitId) : undefined;
    if (app.state !== FROM[decision.kind]) {
      throw new AppError('WRONG_STATE', {
        message:
          decision.kind === 'unrecommend' ? '该申报书当前未被推荐' : '该申报书已处理或已被企业撤回',
      });
    }
    const campaign = (await findCampaign(tx, app.campaignId))!;
    const now = deps.clock.now();
    if (now > campaign.paperDeadline)
      throw new AppError('DEADLINE_PASSED', { message: '推荐报送已截止' });
    if (decision.kind === 'recommend') {
      const quota = effectiveQuota(campaign.settings.quotas, unit!);
      const used = await countRecommended(tx, app.channelUnitId, app.campaignId);
      if (used >= quota) {
        throw new AppError('QUOTA_EXCEEDED', {
          message: `本单位推荐数量上限为${quota}个，已推荐${used}个；如需更换请先取消其他推荐`,
          details: { quota, used },
        });
      }
    }
    const patch = {
      state: TO[decision.kind],
      decidedAt: now,
      updatedAt: now,
      returnComment: decision.kind === 'return' ? decision.comment : app.returnComment,
      rejectReason: decision.kind === 'reject' ? decision.reason : null,
      recommendRank: decision.kind === 'recommend' ? decision.rank : null,
    };
    const updated = await updateApplication(tx, app.id, patch);
    await recordAudit(tx, deps.clock, actor, {
      action: `application.${decision.kind}`,
      targetType: 'application',
      targetId: app.id,
      before: { state: app.state },
      after: {
        state: updated.state,
        ...(decision.kind === 'recommend' ? { rank: decision.rank } : {}),
      },
      note:
        decision.kind === 'return'
          ? decision.comment
          : decision.kind === 'reject'
            ? decision.reason
            : undefined,
    });
    return updated;
  });
}
