import type { CreateStaffUserInput } from '../../../domain/accounts';
import type { Role } from '../../../domain/roles';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { generatePassword, hashPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { clearSignInFailuresOfUser, deleteSessionsOfUser } from '../auth';
import { findRecommenderUnit } from '../recommender-units';
import * as repo from './repository';

export function uniqueUserError(e: unknown): AppError | undefined {
  if (isUniqueViolation(e, 'users_login')) return new AppError('LOGIN_TAKEN');
  if (isUniqueViolation(e, 'users_email')) return new AppError('EMAIL_TAKEN');
  return undefined;
}

/** Organizers create recommender, expert and organizer accounts. */
export async function createStaffUser(
  deps: Deps,
  input: CreateStaffUserInput,
  actor: Actor,
  opts: { mustChangePassword?: boolean } = {},
) {
  if (input.role === 'recommender') {
    const unit = await findRecommenderUnit(deps.db, input.recommenderUnitId!);
    if (!unit || !unit.active) {
      throw new AppError('VALIDATION_FAILED', {
        message: '所选推荐单位不存在或已停用',
        details: [{ path: 'recommenderUnitId', message: '所选推荐单位不存在或已停用' }],
      });
    }
  }
  const oneTimePassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? oneTimePassword!);
  try {
    const user = await deps.db.transaction(async (tx) => {
      const created = await repo.insertUser(tx, {
        login: input.login,
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
        passwordHash,
        mustChangePassword: opts.mustChangePassword ?? true,
        recommenderUnitId: input.role === 'recommender' ? input.recommenderUnitId! : null,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: created.id,
        after: {
          login: created.login,
          role: created.role,
          recommenderUnitId: created.recommenderUnitId,
        },
      });
      return created;
    });
    return { user: (await repo.findUserListing(deps.db, user.id))!, oneTimePassword };
  } catch (e) {
    throw uniqueUserError(e) ?? e;
  }
}

export async function updateUser(
  deps: Deps,
  id: string,
  patch: { status?: 'active' | 'disabled'; name?: string; phone?: string },
  actor: Actor,
) {
  if (id === actor.userId && patch.status === 'disabled') {
    throw new AppError('FORBIDDEN', {
      message: '不能停用自己的账号',
      messageEn: 'You cannot disable your own account',
    });
  }
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockUserRow(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const changes = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) => v !== undefined && before[k as keyof typeof before] !== v,
      ),
    );
    if (Object.keys(changes).length === 0) return;
    await repo.updateUserRow(tx, id, changes);
    if (changes.status === 'disabled') await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, deps.clock, actor, {
      action: changes.status
        ? `user.${changes.status === 'disabled' ? 'disable' : 'enable'}`
        : 'user.update',
      targetType: 'user',
      targetId: id,
      before: Object.fromEntries(
        Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]),
      ),
      after: changes,
    });
  });
  return (await repo.findUserListing(deps.db, id))!;
}

/** Password reset by an organizer: a one-time password, to be changed at next sign-in. */
export async function resetPassword(deps: Deps, id: string, actor: Actor, password?: string) {
  const oneTimePassword = password ?? generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await deps.db.transaction(async (tx) => {
    const user = await repo.lockUserRow(tx, id);
    if (!user) throw new AppError('NOT_FOUND');
    await repo.updateUserRow(tx, id, {
      passwordHash,
      mustChangePassword: true,
    });
    await clearSignInFailuresOfUser(tx, id);
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.reset_password',
      targetType: 'user',
      targetId: id,
    });
  });
  return { oneTimePassword };
}

export function listUsers(
  deps: Pick<Deps, 'db'>,
  f: { role?: Role; q?: string; recommenderUnitId?: string },
) {
  return repo.listUsers(deps.db, f);
}

export async function getUser(deps: Pick<Deps, 'db'>, id: string) {
  const user = await repo.findUserListing(deps.db, id);
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}
