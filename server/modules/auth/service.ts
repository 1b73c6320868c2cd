import { createHash, randomBytes } from 'node:crypto';
import type { ChangePasswordInput, SignInInput } from '../../../domain/accounts';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { getEnterprise } from '../enterprises';
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
 * Checks the password; counts failures on the account, slows the answer down after
 * the second failure and locks the account after `signInLockAfter` of them.
 */
export async function signIn(
  deps: Deps,
  input: SignInInput,
  client: Actor & { userAgent: string | null },
): Promise<SignedIn> {
  const { db, clock, config } = deps;
  const found = await repo.findUserForSignIn(db, input.login);
  const passwordOk = await verifyPassword(found?.passwordHash ?? DUMMY_HASH, input.password);
  if (!found) {
    await clock.sleep(config.signInSlowdownMs);
    throw new AppError('INVALID_CREDENTIALS');
  }

  const outcome = await db.transaction(async (tx) => {
    const user = (await repo.lockUser(tx, found.id))!;
    const now = clock.now();
    const actor: Actor = { userId: user.id, role: user.role, label: user.login, ip: client.ip };
    if (user.lockedUntil && user.lockedUntil > now) {
      await recordAudit(tx, clock, actor, {
        action: 'user.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        note: 'locked',
      });
      return { kind: 'locked' as const, until: user.lockedUntil };
    }
    if (!passwordOk) {
      const failed = user.failedSignIns + 1;
      const lockedUntil =
        failed >= config.signInLockAfter
          ? new Date(now.getTime() + config.signInLockMinutes * 60_000)
          : null;
      await repo.recordFailedSignIn(tx, user.id, lockedUntil ? 0 : failed, lockedUntil);
      await recordAudit(tx, clock, actor, {
        action: 'user.sign_in_failed',
        targetType: 'user',
        targetId: user.id,
        after: { failedSignIns: failed, locked: !!lockedUntil },
      });
      return lockedUntil
        ? { kind: 'locked' as const, until: lockedUntil }
        : { kind: 'wrong' as const, failed };
    }
    if (user.status !== 'active') {
      await recordAudit(tx, clock, actor, {
        action: 'user.sign_in_refused',
        targetType: 'user',
        targetId: user.id,
        note: 'disabled',
      });
      return { kind: 'disabled' as const };
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
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
    await recordAudit(tx, clock, actor, {
      action: 'user.sign_in',
      targetType: 'user',
      targetId: user.id,
    });
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
        message: `登录失败次数过多，账号已锁定，请${minutes}分钟后再试；如忘记密码请联系主管部门重置`,
        messageEn: `Too many failed sign-ins; try again in ${minutes} minutes`,
        details: { retryAfterMinutes: minutes },
      });
    }
    case 'wrong': {
      if (outcome.failed > 2) await clock.sleep(config.signInSlowdownMs * (outcome.failed - 2));
      const left = config.signInLockAfter - outcome.failed;
      throw new AppError('INVALID_CREDENTIALS', {
        message:
          left <= 2
            ? `账号或密码错误；再错${left}次账号将被锁定${config.signInLockMinutes}分钟`
            : undefined,
        details: { attemptsLeft: left },
      });
    }
  }
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
) {
  const signed = await signIn(deps, input, client);
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
