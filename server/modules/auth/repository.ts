import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { passwordResetTokens, sessions, signInFailures, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserForSignIn(db: Db, login: string): Promise<UserRow | undefined> {
  const key = login.trim().toLowerCase();
  const upper = login.trim().toUpperCase(); // enterprises sign in with their 统一社会信用代码
  const [row] = await db
    .select()
    .from(users)
    .where(or(eq(users.login, key), eq(users.email, key), eq(users.login, upper)))
    .limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function lockUserRow(tx: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function updateUserContact(
  tx: Db,
  id: string,
  patch: { name?: string; phone?: string; email?: string },
) {
  await tx.update(users).set(patch).where(eq(users.id, id));
}

export type SignInFailureRow = typeof signInFailures.$inferSelect;

/**
 * The failure count of an account from one address, its row created if missing and locked for
 * the rest of the transaction, so that concurrent attempts count exactly.
 */
export async function lockSignInFailures(
  tx: Db,
  key: { account: string; ip: string; userId: string | null },
  now: Date,
): Promise<SignInFailureRow> {
  await tx
    .insert(signInFailures)
    .values({ ...key, failures: 0, lastFailedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(signInFailures)
    .where(and(eq(signInFailures.account, key.account), eq(signInFailures.ip, key.ip)))
    .for('update');
  return row!;
}

export async function updateSignInFailures(
  tx: Db,
  key: { account: string; ip: string },
  set: { failures: number; lastFailedAt: Date; lockedUntil: Date | null },
) {
  await tx
    .update(signInFailures)
    .set(set)
    .where(and(eq(signInFailures.account, key.account), eq(signInFailures.ip, key.ip)));
}

export async function clearSignInFailures(tx: Db, key: { account: string; ip: string }) {
  await tx
    .delete(signInFailures)
    .where(and(eq(signInFailures.account, key.account), eq(signInFailures.ip, key.ip)));
}

/** A password reset lifts every lock on the account. */
export async function clearSignInFailuresOfUser(tx: Db, userId: string) {
  await tx.delete(signInFailures).where(eq(signInFailures.userId, userId));
}

/** Forgets failures older than `before` that hold no lock (kept small without a job). */
export async function forgetStaleSignInFailures(tx: Db, before: Date, now: Date) {
  await tx
    .delete(signInFailures)
    .where(
      and(
        lt(signInFailures.lastFailedAt, before),
        or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, now)),
      ),
    );
}

export async function recordSuccessfulSignIn(tx: Db, id: string, at: Date) {
  await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, id));
}

export async function insertSession(tx: Db, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

/** The session of a token and its account, unless expired: read on every signed-in request. */
export async function findLiveSession(db: Db, id: string, now: Date) {
  const query = preparedQuery(db, 'auth_live_session', (d) =>
    d
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))),
      )
      .limit(1)
      .prepare('auth_live_session'),
  );
  // a placeholder is sent as it is given (no column encoding): the instant as ISO text
  const [row] = await query.execute({ id, now: now.toISOString() });
  return row;
}

export async function deleteSession(tx: Db, id: string) {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(tx: Db, userId: string, exceptId?: string) {
  await tx
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function setPassword(
  tx: Db,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
) {
  await tx
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange })
    .where(eq(users.id, userId));
  await clearSignInFailuresOfUser(tx, userId);
}

// Password links (找回密码, and the links an organizer's new account or reset sends): only the
// sha256 of a token is stored; a token is used once.

export type PasswordTokenRow = typeof passwordResetTokens.$inferSelect;

export async function insertPasswordToken(tx: Db, row: typeof passwordResetTokens.$inferInsert) {
  await tx.insert(passwordResetTokens).values(row);
}

/** How many links of `purpose` the account got since `since` that are still unused. */
export async function countLivePasswordTokens(
  tx: Db,
  userId: string,
  purpose: string,
  now: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.userId, userId),
        eq(passwordResetTokens.purpose, purpose),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    );
  return row?.n ?? 0;
}

/** A token with its account, whatever its state (the caller checks). */
export async function findPasswordToken(db: Db, id: string) {
  const [row] = await db
    .select({ token: passwordResetTokens, user: users })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.id, id))
    .limit(1);
  return row;
}

/**
 * Uses a token: only if unused and unexpired, so that of two uses at once exactly one wins.
 * Answers the token's row, or undefined when it could not be used.
 */
export async function usePasswordToken(
  tx: Db,
  id: string,
  now: Date,
): Promise<PasswordTokenRow | undefined> {
  const [row] = await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.id, id),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

/** Ends every live link of an account (a newer link, or a password set, supersedes them). */
export async function voidPasswordTokensOfUser(tx: Db, userId: string, now: Date) {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

/** Forgets links that expired long ago (kept small without a job). */
export async function forgetOldPasswordTokens(tx: Db, before: Date) {
  await tx.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, before));
}
