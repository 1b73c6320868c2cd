import type { CreateStaffUserInput } from '../../../domain/accounts';
import type { Role } from '../../../domain/roles';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { generatePassword, hashPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import {
  ACCOUNT_LINK_HOURS,
  clearSignInFailuresOfUser,
  deleteSessionsOfUser,
  sendPasswordLink,
  sendsPasswordLinks,
} from '../auth';
import { findRecommenderUnit } from '../recommender-units';
import * as repo from './repository';

export function uniqueUserError(e: unknown): AppError | undefined {
  if (isUniqueViolation(e, 'users_login')) return new AppError('LOGIN_TAKEN');
  if (isUniqueViolation(e, 'users_email')) return new AppError('EMAIL_TAKEN');
  return undefined;
}

/** How a new staff account gets its password, decided (and hashed) before its transaction. */
export interface StaffCredentials {
  passwordHash: string;
  /** shown once to the organizer; absent when a link is e-mailed or a password was given */
  oneTimePassword?: string;
  /** the account's e-mail gets a link to set the password */
  byLink: boolean;
}

/**
 * The credentials of a new staff account: the password given; else, when the platform sends
 * e-mail, a link to set one (the stored hash is of a password nobody knows); else a one-time
 * password. `oneTimePassword: true` (the CLI, at the console) always takes the one-time password.
 */
export async function staffCredentials(
  deps: Pick<Deps, 'config'>,
  opts: { password?: string; oneTimePassword?: boolean } = {},
): Promise<StaffCredentials> {
  const byLink = !opts.password && !opts.oneTimePassword && sendsPasswordLinks(deps);
  const oneTimePassword = opts.password || byLink ? undefined : generatePassword();
  const passwordHash = await hashPassword(opts.password ?? oneTimePassword ?? generatePassword(32));
  return { passwordHash, oneTimePassword, byLink };
}

/**
 * Opens a staff account in the caller's transaction (the 专家库 opens an expert's with the expert):
 * the user row, its audit row and, by link, the e-mail. A taken login or e-mail fails the
 * transaction (uniqueUserError names it).
 */
export async function openStaffAccount(
  tx: Db,
  deps: Deps,
  input: Omit<CreateStaffUserInput, 'password'>,
  credentials: StaffCredentials,
  actor: Actor,
  opts: { mustChangePassword?: boolean } = {},
) {
  const created = await repo.insertUser(tx, {
    login: input.login,
    email: input.email,
    name: input.name,
    phone: input.phone ?? null,
    role: input.role,
    passwordHash: credentials.passwordHash,
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
  if (credentials.byLink) await sendLink(tx, deps, created, 'account_created', actor);
  return created;
}

/**
 * Organizers create recommender, expert and organizer accounts. Without a password given, the
 * user gets an e-mail with a link to set one when the platform sends e-mail (`linkSentTo`), else
 * a one-time password is generated and shown once. `oneTimePassword: true` (the CLI, at the
 * console) always takes the one-time password.
 */
export async function createStaffUser(
  deps: Deps,
  input: CreateStaffUserInput,
  actor: Actor,
  opts: { mustChangePassword?: boolean; oneTimePassword?: boolean } = {},
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
  const credentials = await staffCredentials(deps, {
    password: input.password,
    oneTimePassword: opts.oneTimePassword,
  });
  try {
    const user = await deps.db.transaction((tx) =>
      openStaffAccount(tx, deps, input, credentials, actor, opts),
    );
    return {
      user: (await repo.findUserListing(deps.db, user.id))!,
      oneTimePassword: credentials.oneTimePassword,
      linkSentTo: credentials.byLink ? user.email : undefined,
    };
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

/** The link that lets a user set the password, e-mailed in the caller's transaction. */
async function sendLink(
  tx: Db,
  deps: Deps,
  user: { id: string; login: string; email: string },
  purpose: 'account_created' | 'organizer_reset',
  actor: Actor,
) {
  const to = await sendPasswordLink(tx, deps, user, purpose, actor.ip);
  await recordAudit(tx, deps.clock, actor, {
    action: 'user.password_link_sent',
    targetType: 'user',
    targetId: user.id,
    note: `${purpose === 'account_created' ? '新开通账号' : '重置密码'}：设置密码链接已发送至 ${to}（${ACCOUNT_LINK_HOURS}小时内有效）`,
  });
}

/**
 * Password reset by an organizer: the old password stops working and the user's sessions end.
 * When the platform sends e-mail, the (active) user gets a link to set a new password
 * (`linkSentTo`); else a one-time password, to be changed at next sign-in, is shown once.
 * A password given (the CLI) is set as it is; `oneTimePassword: true` never sends a link.
 */
export async function resetPassword(
  deps: Deps,
  id: string,
  actor: Actor,
  password?: string,
  opts: { oneTimePassword?: boolean } = {},
) {
  const target = await repo.findUserListing(deps.db, id);
  if (!target) throw new AppError('NOT_FOUND');
  const byLink =
    !password && !opts.oneTimePassword && target.status === 'active' && sendsPasswordLinks(deps);
  const oneTimePassword = byLink ? undefined : (password ?? generatePassword());
  const passwordHash = await hashPassword(oneTimePassword ?? generatePassword(32));
  await deps.db.transaction(async (tx) => {
    const user = await repo.lockUserRow(tx, id);
    if (!user) throw new AppError('NOT_FOUND');
    if (byLink && user.status !== 'active')
      throw new AppError('CONFLICT', { message: '该账号刚被停用，请刷新后重试' });
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
    if (byLink) await sendLink(tx, deps, user, 'organizer_reset', actor);
  });
  return { oneTimePassword, linkSentTo: byLink ? target.email : undefined };
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
