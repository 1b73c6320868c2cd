import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';

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

/** Locks the user's row for the rest of the transaction so that counters are exact. */
export async function lockUser(tx: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function recordFailedSignIn(
  tx: Db,
  id: string,
  failed: number,
  lockedUntil: Date | null,
) {
  await tx.update(users).set({ failedSignIns: failed, lockedUntil }).where(eq(users.id, id));
}

export async function recordSuccessfulSignIn(tx: Db, id: string, at: Date) {
  await tx
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: at })
    .where(eq(users.id, id));
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
    .set({ passwordHash, mustChangePassword: mustChange, failedSignIns: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}
