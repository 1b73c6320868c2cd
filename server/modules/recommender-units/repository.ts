import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recommenderUnits, users } from '../../db/schema';
import type { RecommenderUnitType } from '../../../domain/recommender-units';

export type RecommenderUnitRow = typeof recommenderUnits.$inferSelect;

export async function findRecommenderUnit(db: Db, id: string) {
  const [row] = await db.select().from(recommenderUnits).where(eq(recommenderUnits.id, id));
  return row;
}

export async function lockRecommenderUnit(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(recommenderUnits)
    .where(eq(recommenderUnits.id, id))
    .for('update');
  return row;
}

export async function listRecommenderUnits(
  db: Db,
  f: { type?: RecommenderUnitType; q?: string; includeInactive?: boolean },
) {
  const where: SQL | undefined = and(
    f.type ? eq(recommenderUnits.type, f.type) : undefined,
    f.q ? ilike(recommenderUnits.name, `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
    f.includeInactive ? undefined : eq(recommenderUnits.active, true),
  );
  return db
    .select({ unit: recommenderUnits, accounts: count(users.id) })
    .from(recommenderUnits)
    .leftJoin(users, eq(users.recommenderUnitId, recommenderUnits.id))
    .where(where)
    .groupBy(recommenderUnits.id)
    .orderBy(
      asc(recommenderUnits.type),
      asc(recommenderUnits.sortOrder),
      asc(recommenderUnits.name),
    );
}

export async function insertRecommenderUnit(tx: Db, row: typeof recommenderUnits.$inferInsert) {
  const [created] = await tx.insert(recommenderUnits).values(row).returning();
  return created!;
}

export async function insertRecommenderUnits(
  tx: Db,
  rows: (typeof recommenderUnits.$inferInsert)[],
) {
  if (rows.length) await tx.insert(recommenderUnits).values(rows).onConflictDoNothing();
}

export async function updateRecommenderUnitRow(
  tx: Db,
  id: string,
  patch: Partial<typeof recommenderUnits.$inferInsert>,
) {
  await tx.update(recommenderUnits).set(patch).where(eq(recommenderUnits.id, id));
}

export async function findRecommenderUnitByName(db: Db, name: string) {
  const [row] = await db.select().from(recommenderUnits).where(eq(recommenderUnits.name, name));
  return row;
}
