import type { z } from 'zod';
import type {
  recommenderUnitInputSchema,
  updateRecommenderUnitSchema,
} from '../../../domain/accounts';
import { effectiveQuota, type RecommenderUnitType } from '../../../domain/recommender-units';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findLatestCampaign } from '../campaigns';
import * as repo from './repository';

export async function listRecommenderUnits(
  deps: Pick<Deps, 'db'>,
  f: { type?: RecommenderUnitType; q?: string; includeInactive?: boolean },
) {
  const [rows, campaign] = await Promise.all([
    repo.listRecommenderUnits(deps.db, f),
    findLatestCampaign(deps.db),
  ]);
  return rows.map(({ unit, accounts }) => ({
    ...unit,
    accounts,
    quota: campaign ? effectiveQuota(campaign.settings, unit) : null,
  }));
}

export async function createRecommenderUnit(
  deps: Deps,
  input: z.infer<typeof recommenderUnitInputSchema>,
  actor: Actor,
) {
  try {
    return await deps.db.transaction(async (tx) => {
      const unit = await repo.insertRecommenderUnit(tx, {
        name: input.name,
        type: input.type,
        regionCode: input.regionCode ?? null,
        quotaOverride: input.quotaOverride ?? null,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'recommender_unit.create',
        targetType: 'recommender_unit',
        targetId: unit.id,
        after: { name: unit.name, type: unit.type, quotaOverride: unit.quotaOverride },
      });
      return unit;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'recommender_units_name')) throw new AppError('UNIT_NAME_TAKEN');
    throw e;
  }
}

export async function updateRecommenderUnit(
  deps: Deps,
  id: string,
  patch: z.infer<typeof updateRecommenderUnitSchema>,
  actor: Actor,
) {
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await repo.lockRecommenderUnit(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      const changes = Object.fromEntries(
        Object.entries(patch).filter(
          ([k, v]) => v !== undefined && before[k as keyof typeof before] !== v,
        ),
      );
      if (Object.keys(changes).length > 0) {
        await repo.updateRecommenderUnitRow(tx, id, changes);
        await recordAudit(tx, deps.clock, actor, {
          action:
            changes.active === false
              ? 'recommender_unit.disable'
              : changes.active === true
                ? 'recommender_unit.enable'
                : 'recommender_unit.update',
          targetType: 'recommender_unit',
          targetId: id,
          before: Object.fromEntries(
            Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]),
          ),
          after: changes,
        });
      }
      return { ...before, ...changes };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'recommender_units_name')) throw new AppError('UNIT_NAME_TAKEN');
    throw e;
  }
}
