import type { RegisterEnterpriseInput } from '../../../domain/accounts';
import { describeUsccProblem, findUsccProblem } from '../../../domain/uscc';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { findRegion } from '../reference';
import { uniqueUserError, insertUser } from '../users';
import * as repo from './repository';

function fieldError(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });
}

async function checkRegion(deps: Pick<Deps, 'db'>, provinceCode: string, cityCode: string) {
  const [province, city] = await Promise.all([
    findRegion(deps.db, provinceCode),
    findRegion(deps.db, cityCode),
  ]);
  if (!province || province.level !== 1) throw fieldError('provinceCode', '所选省份不存在');
  if (!city || city.level !== 2 || city.parentCode !== province.code) {
    throw fieldError('cityCode', `所选城市不属于${province.name}`);
  }
}

/**
 * Creates the enterprise and its account (login: its 统一社会信用代码) in one transaction.
 * `checkDigitOverrideReason` is only accepted from an organizer (see policy).
 */
export async function registerEnterprise(
  deps: Deps,
  input: RegisterEnterpriseInput & { checkDigitOverrideReason?: string },
  actor: Actor,
) {
  const problem = findUsccProblem(input.uscc);
  if (problem && !(problem.kind === 'check_digit' && input.checkDigitOverrideReason)) {
    throw new AppError('USCC_INVALID', {
      message: describeUsccProblem(problem),
      messageEn: describeUsccProblem(problem, 'en'),
      details: [{ path: 'uscc', message: describeUsccProblem(problem) }],
    });
  }
  await checkRegion(deps, input.provinceCode, input.cityCode);
  if (await repo.findEnterpriseByUscc(deps.db, input.uscc)) throw new AppError('USCC_TAKEN');
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const enterprise = await repo.insertEnterprise(tx, {
        name: input.name,
        uscc: input.uscc,
        provinceCode: input.provinceCode,
        cityCode: input.cityCode,
        contactName: input.contactName,
        phone: input.phone,
        email: input.email,
        checkDigitOverrideReason: problem ? input.checkDigitOverrideReason! : null,
      });
      const user = await insertUser(tx, {
        login: input.uscc,
        email: input.email,
        name: input.contactName,
        phone: input.phone,
        role: 'enterprise',
        passwordHash,
        enterpriseId: enterprise.id,
      });
      await recordAudit(tx, deps.clock, actor.userId ? actor : { ...actor, label: input.uscc }, {
        action: problem ? 'enterprise.register_with_override' : 'enterprise.register',
        targetType: 'enterprise',
        targetId: enterprise.id,
        after: {
          name: enterprise.name,
          uscc: enterprise.uscc,
          cityCode: enterprise.cityCode,
          userId: user.id,
        },
        note: problem
          ? `校验位不符，主管部门确认理由：${input.checkDigitOverrideReason}`
          : undefined,
      });
      return { enterprise, user };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'enterprises_uscc') || isUniqueViolation(e, 'users_login'))
      throw new AppError('USCC_TAKEN');
    throw uniqueUserError(e) ?? e;
  }
}

export async function getEnterprise(deps: Pick<Deps, 'db'>, id: string) {
  const e = await repo.findEnterprise(deps.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

export function listEnterprises(deps: Pick<Deps, 'db'>, q?: string) {
  return repo.listEnterprises(deps.db, q);
}
