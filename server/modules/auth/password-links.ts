// Password links: 找回密码 (a user asks for a link by login or e-mail), and the links an organizer's
// new account or password reset sends instead of a one-time password when the platform sends
// e-mail. A link carries a random token; only its sha256 is stored; it works once, for a while.
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PasswordResetInput } from '../../../domain/api/notifications';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { getUser } from '../users';
import * as repo from './repository';
import { sessionIdOf, startSession } from './service';

export type PasswordLinkPurpose = 'reset' | 'account_created' | 'organizer_reset';

/** A self-service link lives 30 minutes; a link an organizer's action sends, 72 hours. */
export const RESET_LINK_MINUTES = 30;
export const ACCOUNT_LINK_HOURS = 72;
/** Unused self-service links an account may hold at once; a further request sends nothing. */
export const MAX_LIVE_RESET_LINKS = 3;
/** Every answer to a reset request takes at least this long, so its time tells nothing. */
export const RESET_ANSWER_MS = 300;

const KINDS = {
  reset: 'password.reset_link',
  account_created: 'account.created',
  organizer_reset: 'account.password_reset',
} as const;

export const RESET_PAGE = '/reset-password';

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

function lifeOf(purpose: PasswordLinkPurpose) {
  return purpose === 'reset'
    ? { ms: RESET_LINK_MINUTES * 60_000, text: `${RESET_LINK_MINUTES}分钟` }
    : { ms: ACCOUNT_LINK_HOURS * 3_600_000, text: `${ACCOUNT_LINK_HOURS}小时` };
}

/** Whether links can reach people: only when the platform sends e-mail. */
export function sendsPasswordLinks(deps: Pick<Deps, 'config'>): boolean {
  return !!deps.config.smtpUrl;
}

/**
 * Writes a new link for the account and the e-mail that carries it, in the caller's transaction
 * (the e-mail is sent after the commit, by the outbox). A link an organizer's action sends ends
 * the account's earlier links. Answers the address the link goes to.
 */
export async function sendPasswordLink(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  user: { id: string; login: string; email: string },
  purpose: PasswordLinkPurpose,
  ip: string | null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const life = lifeOf(purpose);
  if (purpose !== 'reset') await repo.voidPasswordTokensOfUser(tx, user.id, now);
  await repo.insertPasswordToken(tx, {
    id: tokenId(token),
    userId: user.id,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + life.ms),
    ip,
  });
  const link = `${deps.config.publicUrl}${RESET_PAGE}?token=${token}`;
  await notify(tx, deps, {
    kind: KINDS[purpose],
    to: { userIds: [user.id] },
    values: { 账号: user.login, 有效期: life.text },
    valuesFor: () => ({ 链接: link }),
  });
  return user.email;
}

/**
 * 找回密码: when an active account has this login or e-mail (and the platform sends e-mail), a
 * link to set a new password goes to the account's address. The caller learns nothing: the
 * answer is the same, and takes at least RESET_ANSWER_MS, whether or not an account matched
 * or a link was sent. An account holding MAX_LIVE_RESET_LINKS unused links gets no more.
 */
export async function requestPasswordReset(
  deps: Deps,
  input: { login: string },
  client: Actor,
): Promise<void> {
  const started = performance.now();
  try {
    const found = await repo.findUserForSignIn(deps.db, input.login);
    if (!found || found.status !== 'active' || !sendsPasswordLinks(deps)) {
      tokenId(randomBytes(32).toString('base64url')); // the same token work, for nothing
      return;
    }
    await deps.db.transaction(async (tx) => {
      await repo.lockUserRow(tx, found.id); // one request of an account at a time
      const now = deps.clock.now();
      const live = await repo.countLivePasswordTokens(tx, found.id, 'reset', now);
      const actor: Actor = { userId: null, role: 'anonymous', label: 'anonymous', ip: client.ip };
      if (live >= MAX_LIVE_RESET_LINKS) {
        await recordAudit(tx, deps.clock, actor, {
          action: 'user.password_reset_request',
          targetType: 'user',
          targetId: found.id,
          note: `未发送：已有${live}个未使用的有效链接`,
        });
        return;
      }
      await sendPasswordLink(tx, deps, found, 'reset', client.ip);
      await repo.forgetOldPasswordTokens(tx, new Date(now.getTime() - 30 * 86_400_000));
      await recordAudit(tx, deps.clock, actor, {
        action: 'user.password_reset_request',
        targetType: 'user',
        targetId: found.id,
        note: '已发送找回密码链接',
      });
    });
  } finally {
    const spent = performance.now() - started;
    if (spent < RESET_ANSWER_MS) await deps.clock.sleep(RESET_ANSWER_MS - spent);
  }
}

function invalidLink() {
  return new AppError('RESET_TOKEN_INVALID');
}

/** A token that still works: unused, unexpired, its account active. */
async function liveToken(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const found = await repo.findPasswordToken(deps.db, tokenId(token));
  if (
    !found ||
    found.token.usedAt ||
    found.token.expiresAt <= deps.clock.now() ||
    found.user.status !== 'active'
  )
    throw invalidLink();
  return found;
}

/** What the page shows before the form: whose password the link sets, and until when. */
export async function checkPasswordLink(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const { token: row, user } = await liveToken(deps, token);
  return {
    login: user.login,
    purpose: row.purpose as PasswordLinkPurpose,
    expiresAt: row.expiresAt,
  };
}

/**
 * Sets the password through a link: the token is used (of two uses at once, one wins), the
 * account's other links end, every session of the account ends and its sign-in locks lift; the
 * browser is signed in with a new session. A used, expired or unknown link → RESET_TOKEN_INVALID.
 */
export async function setPasswordByLink(
  deps: Deps,
  input: PasswordResetInput,
  client: Actor & { userAgent: string | null },
  previousSessionToken?: string,
) {
  await liveToken(deps, input.token);
  const hash = await hashPassword(input.newPassword);
  const id = tokenId(input.token);
  const signed = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const used = await repo.usePasswordToken(tx, id, now);
    if (!used) throw invalidLink();
    const user = await repo.lockUserRow(tx, used.userId);
    if (!user || user.status !== 'active') throw invalidLink(); // rolls the use back
    await repo.voidPasswordTokensOfUser(tx, user.id, now);
    await repo.setPassword(tx, user.id, hash, false); // lifts the sign-in locks too
    await repo.deleteSessionsOfUser(tx, user.id);
    const actor: Actor = { userId: user.id, role: user.role, label: user.login, ip: client.ip };
    await recordAudit(tx, deps.clock, actor, {
      action: 'user.set_password_by_link',
      targetType: 'user',
      targetId: user.id,
      note:
        used.purpose === 'reset'
          ? '找回密码'
          : used.purpose === 'account_created'
            ? '新开通账号'
            : '管理员重置密码',
    });
    const session = await startSession(
      tx,
      deps,
      user,
      client,
      actor,
      previousSessionToken ? sessionIdOf(previousSessionToken) : undefined,
    );
    return { ...session, userId: user.id };
  });
  const [listing, live] = await Promise.all([
    getUser(deps, signed.userId),
    repo.findLiveSession(deps.db, sessionIdOf(signed.token), deps.clock.now()),
  ]);
  return { signed, listing, csrfToken: live!.session.csrfToken };
}
