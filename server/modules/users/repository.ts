import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { enterprises, recommenderUnits, signInFailures, users } from '../../db/schema';
import type { Role } from '../../../domain/roles';

export type NewUser = typeof users.$inferInsert;

const listed = {
  id: users.id,
  login: users.login,
  email: users.email,
  name: users.name,
  phone: users.phone,
  role: users.role,
  status: users.status,
  mustChangePassword: users.mustChangePassword,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  recommenderUnitId: users.recommenderUnitId,
  recommenderUnitName: recommenderUnits.name,
  /** the latest lock from any address (sign-in failures are counted per address) */
  lockedUntil:
    sql<Date | null>`(select max(${signInFailures.lockedUntil}) from ${signInFailures} where ${signInFailures.userId} = ${users.id})`.mapWith(
      signInFailures.lockedUntil,
    ),
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};
export type UserListing = Awaited<ReturnType<typeof findUserListing>>;

function listingQuery(db: Db) {
  return db
    .select(listed)
    .from(users)
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(recommenderUnits, eq(recommenderUnits.id, users.recommenderUnitId));
}

export async function findUserListing(db: Db, id: string) {
  const [row] = await listingQuery(db).where(eq(users.id, id));
  return row;
}

export async function listUsers(
  db: Db,
  f: { role?: Role; q?: string; recommenderUnitId?: string },
) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL | undefined = and(
    f.role ? eq(users.role, f.role) : undefined,
    f.recommenderUnitId ? eq(users.recommenderUnitId, f.recommenderUnitId) : undefined,
    like
      ? or(
          ilike(users.login, like),
          ilike(users.name, like),
          ilike(users.email, like),
          ilike(enterprises.name, like),
        )
      : undefined,
  );
  return listingQuery(db).where(where).orderBy(asc(users.role), asc(users.login)).limit(1000);
}

export async function insertUser(tx: Db, row: NewUser) {
  const [created] = await tx.insert(users).values(row).returning();
  return created!;
}

export async function lockUserRow(tx: Db, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function updateUserRow(tx: Db, id: string, patch: Partial<NewUser>) {
  await tx.update(users).set(patch).where(eq(users.id, id));
}

export async function countUsersByRole(db: Db, role: Role) {
  return (await db.select({ id: users.id }).from(users).where(eq(users.role, role))).length;
}
