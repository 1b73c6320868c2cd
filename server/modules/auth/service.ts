import { createHash, randomBytes } from 'node:crypto';
import type {
  ChangePasswordInput,
  SignInInput,
  UpdateOwnProfileInput,
} from '../../../domain/accounts';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { getEnterprise, updateEnterpriseContact } from '../enterprises';
import { findRecommenderUnit } from '../recommender-units';
import { getUser } from '../users';
import * as repo from './repository';

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: repo.UserRow;
}

/**
 * Checks the password and counts failures per account and source address: known and unknown
 * accounts go through the same steps (an argon2 verification, the same counter, the same delays
 * and lock), so neither the answer nor its time tells whether an account exists. From the third
 * failure the answer is slowed down; after `signInLockAfter` the account is locked for that
 * address only, so that nobody can lock the real user out from elsewhere. A successful sign-in
 * ends the session the browser held before (`previousSessionId`, from its cookie).
 */
export async function signIn(
  deps: Deps,
  input: SignInInput,
  client: Actor & { userAgent: string | null },
  previousSessionId?: string,
): Promise<SignedIn> {
  const { db, clock, config } = deps;
  const found = await repo.findUserForSignIn(db, input.login);
  const passwordOk =
    (await verifyPassword(found?.passwordHash ?? DUMMY_HASH, input.password)) && !!found;
  const key = {
    account: found ? `user:${found.id}` : `login:${input.login.trim().toLowerCase()}`,
    ip: client.ip ?? '',
    userId: found?.id ?? null,
  };

  const outcome = await db.transaction(async (tx) => {
    const now = clock.now();
    const counter = await repo.lockSignInFailures(tx, key, now);
    const actor: Actor | null = found
      ? { userId: found.id, role: found.role, label: found.login, ip: client.ip }
      : null;
    if (counter.lockedUntil && counter.lockedUntil > now) {
      if (actor)
        await recordAudit(tx, clock, actor, {
          action: 'user.sign_in_refused',
          targetType: 'user',
          targetId: actor.userId,
          note: 'locked',
        });
      return { kind: 'locked' as const, until: counter.lockedUntil };
    }
    if (!passwordOk) {
      const windowStart = new Date(now.getTime() - config.signInLockMinutes * 60_000);
      const failed = (counter.lastFailedAt < windowStart ? 0 : counter.failures) + 1;
      const lockedUntil =
        failed >= config.signInLockAfter
          ? new Date(now.getTime() + config.signInLockMinutes * 60_000)
          : null;
      await repo.updateSignInFailures(tx, key, {
        failures: lockedUntil ? 0 : failed,
        lastFailedAt: now,
        lockedUntil,
      });
      await repo.forgetStaleSignInFailures(tx, windowStart, now);
      if (actor)
        await recordAudit(tx, clock, actor, {
          action: 'user.sign_in_failed',
          targetType: 'user',
          targetId: actor.userId,
          after: { failedSignIns: failed, locked: !!lockedUntil },
        });
      return lockedUntil
        ? { kind: 'locked' as const, until: lockedUntil }
        : { kind: 'wrong' as const, failed };
    }
    const user = found!;
    await repo.clearSignInFailures(tx, key);
    if (user.status !== 'active') {
      await recordAudit(tx, clock, actor!, {
        action: 'user.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        note: 'disabled',
      });
      return { kind: 'disabled' as const };
    }

    const { token, expiresAt } = await startSession(
      tx,
      deps,
      user,
      client,
      actor!,
      previousSessionId,
    );
    return { kind: 'ok' as const, token, expiresAt, user };
  });

  switch (outcome.kind) {
    case 'ok':
      return { token: outcome.token, expiresAt: outcome.expiresAt, user: outcome.user };
    case 'disabled':
      throw new AppError('ACCOUNT_DISABLED');
    case 'locked': {
      const minutes = Math.max(
        1,
        Math.ceil((outcome.until.getTime() - clock.now().getTime()) / 60_000),
      );
      throw new AppError('ACCOUNT_LOCKED', {
        message: `登录失败次数过多，此账号已暂停从本网络登录，请${minutes}分钟后再试；如忘记密码，可在登录页点击“忘记密码？”找回`,
        messageEn: `Too many failed sign-ins from this network; try again in ${minutes} minutes`,
        details: { retryAfterMinutes: minutes },
      });
    }
    case 'wrong': {
      if (outcome.failed > 2) await clock.sleep(config.signInSlowdownMs * (outcome.failed - 2));
      const left = config.signInLockAfter - outcome.failed;
      throw new AppError('INVALID_CREDENTIALS', {
        message:
          left <= 2
            ? `账号或密码错误；再错${left}次将暂停从本网络登录${config.signInLockMinutes}分钟`
            : undefined,
        details: { attemptsLeft: left },
      });
    }
  }
}

/**
 * A new session for the account, in the caller's transaction, ending the one the browser held
 * before (`previousSessionId`); recorded as a sign-in.
 */
export async function startSession(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  user: repo.UserRow,
  client: Actor & { userAgent: string | null },
  actor: Actor,
  previousSessionId?: string,
) {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000);
  if (previousSessionId) await repo.deleteSession(tx, previousSessionId);
  await repo.insertSession(tx, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    expiresAt,
  });
  await repo.recordSuccessfulSignIn(tx, user.id, now);
  await recordAudit(tx, deps.clock, actor, {
    action: 'user.sign_in',
    targetType: 'user',
    targetId: user.id,
  });
  return { token, expiresAt };
}

export async function signOut(deps: Deps, sessionId: string, actor: Actor) {
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionId);
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.sign_out',
      targetType: 'user',
      targetId: actor.userId,
    });
  });
}

export async function resolveSession(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const found = await repo.findLiveSession(deps.db, sessionIdOf(token), deps.clock.now());
  if (!found || found.user.status !== 'active') return undefined;
  return found;
}

export async function changeOwnPassword(
  deps: Deps,
  userId: string,
  sessionId: string,
  input: ChangePasswordInput,
  actor: Actor,
) {
  const user = await repo.findUserById(deps.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('WRONG_PASSWORD');
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await repo.setPassword(tx, userId, hash, false);
    await repo.deleteSessionsOfUser(tx, userId, sessionId); // other devices sign in again
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.change_password',
      targetType: 'user',
      targetId: userId,
    });
  });
}

/** Signs in, then reads what the answer shows: the account's listing and the new session's CSRF token. */
export async function signInAndDescribe(
  deps: Deps,
  input: SignInInput,
  client: Actor & { userAgent: string | null },
  previousSessionToken?: string,
) {
  const previous = previousSessionToken ? sessionIdOf(previousSessionToken) : undefined;
  const signed = await signIn(deps, input, client, previous);
  const found = await resolveSession(deps, signed.token);
  const listing = await getUser(deps, signed.user.id);
  return { signed, listing, csrfToken: found!.session.csrfToken };
}

/** The signed-in user's listing, and the enterprise or recommender unit the account belongs to. */
export async function describeUser(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  const [listing, enterprise, unit] = await Promise.all([
    getUser(deps, user.id),
    user.enterpriseId ? getEnterprise(deps, user.enterpriseId) : null,
    user.recommenderUnitId ? findRecommenderUnit(deps.db, user.recommenderUnitId) : null,
  ]);
  return { listing, enterprise, unit };
}

const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;

/**
 * One's own contact details. An enterprise account's name, phone and e-mail are its contact
 * person's, so the enterprise's contact changes with them. A new e-mail (a sign-in identifier)
 * needs the current password and must not be another account's.
 */
export async function updateOwnProfile(
  deps: Deps,
  user: SignedInUser,
  input: UpdateOwnProfileInput,
  actor: Actor,
) {
  if (input.email !== undefined && input.email !== user.email) {
    const ok =
      !!input.currentPassword && (await verifyPassword(user.passwordHash, input.currentPassword));
    if (!ok) {
      const message = '修改电子邮箱须输入正确的当前密码';
      throw new AppError('WRONG_PASSWORD', {
        message,
        messageEn: 'Changing the e-mail needs your current password',
        details: [{ path: 'currentPassword', message }],
      });
    }
  }
  try {
    await deps.db.transaction(async (tx) => {
      const before = (await repo.lockUserRow(tx, user.id))!;
      const changes: { name?: string; phone?: string; email?: string } = {};
      for (const k of CONTACT_FIELDS)
        if (input[k] !== undefined && input[k] !== before[k]) changes[k] = input[k];
      if (Object.keys(changes).length === 0) return;
      await repo.updateUserContact(tx, user.id, changes);
      const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as 'name']]));
      if (before.enterpriseId) {
        const { name, ...rest } = changes;
        await updateEnterpriseContact(tx, before.enterpriseId, {
          ...(name !== undefined ? { contactName: name } : {}),
          ...rest,
        });
      }
      await recordAudit(tx, deps.clock, actor, {
        action: before.enterpriseId ? 'enterprise.update_contact' : 'user.update_profile',
        targetType: before.enterpriseId ? 'enterprise' : 'user',
        targetId: before.enterpriseId ?? user.id,
        before: was,
        after: changes,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'users_email')) {
      const message = '该电子邮箱已被其他账号使用';
      throw new AppError('EMAIL_TAKEN', { details: [{ path: 'email', message }] });
    }
    throw e;
  }
  return describeUser(deps, (await repo.findUserById(deps.db, user.id))!);
}
