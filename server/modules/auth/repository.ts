import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, signInFailures, users } from '../../db/schema';

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

export async function findLiveSession(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
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
