import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { awards } from '../../db/schema';

export type AwardRow = typeof awards.$inferSelect;

export async function findAward(db: Db, id: string) {
  const [row] = await db.select().from(awards).where(eq(awards.id, id));
  return row;
}

/** Awards already held for any of these codes: the caller matches year and solution. */
export function awardsWithUscc(db: Db, usccs: string[]) {
  if (usccs.length === 0) return Promise.resolve([]);
  return db
    .select({ year: awards.year, uscc: awards.uscc, solutionName: awards.solutionName })
    .from(awards)
    .where(inArray(awards.uscc, usccs));
}

export async function insertAwards(tx: Db, rows: (typeof awards.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(awards).values(rows.slice(i, i + 500));
}

/** Inserts what is not there yet (same year, code and solution): for seeding. */
export async function insertMissingAwards(tx: Db, rows: (typeof awards.$inferInsert)[]) {
  if (rows.length) await tx.insert(awards).values(rows).onConflictDoNothing();
}

/**
 * An award made in the platform (发布): inserted with its full text; an imported row of the same
 * year, code and solution becomes this one (its text and application added). Answers the row, or
 * undefined when the platform already holds that award for another application.
 */
export async function recordPlatformAward(
  tx: Db,
  row: Omit<typeof awards.$inferInsert, 'source' | 'id'>,
): Promise<AwardRow | undefined> {
  const [saved] = await tx
    .insert(awards)
    .values({ ...row, source: 'platform' })
    .onConflictDoUpdate({
      target: [awards.year, awards.uscc, awards.solutionName],
      set: {
        source: 'platform',
        applicationId: row.applicationId,
        text: row.text,
        enterpriseName: row.enterpriseName,
        category: row.category,
        recommenderName: row.recommenderName,
        recommenderUnitId: row.recommenderUnitId,
        createdAt: row.createdAt,
      },
      setWhere: isNull(awards.applicationId),
    })
    .returning();
  return saved;
}

export async function listAwardRows(
  db: Db,
  f: { year?: number; q?: string; page: number; pageSize: number },
) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where: SQL | undefined = and(
    f.year ? eq(awards.year, f.year) : undefined,
    like
      ? or(
          ilike(awards.solutionName, like),
          ilike(awards.enterpriseName, like),
          ilike(awards.uscc, like),
        )
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(awards)
      .where(where)
      .orderBy(
        desc(awards.year),
        asc(awards.recommenderName),
        asc(awards.solutionName),
        asc(awards.id),
      )
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(awards).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
