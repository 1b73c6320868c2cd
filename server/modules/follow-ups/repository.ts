import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { awards, followUpReports } from '../../db/schema';

export type FollowUpReportRow = typeof followUpReports.$inferSelect;

/** Awards of the asked years, each with its report in the campaign if there is one. */
export function listFollowUpRows(
  db: Db,
  f: { campaignId: string; years: number[]; uscc?: string; unitId?: string },
) {
  if (f.years.length === 0) return Promise.resolve([]);
  const where: SQL | undefined = and(
    inArray(awards.year, f.years),
    f.uscc ? eq(awards.uscc, f.uscc) : undefined,
    f.unitId ? eq(awards.recommenderUnitId, f.unitId) : undefined,
  );
  return db
    .select({ award: awards, report: followUpReports })
    .from(awards)
    .leftJoin(
      followUpReports,
      and(eq(followUpReports.awardId, awards.id), eq(followUpReports.campaignId, f.campaignId)),
    )
    .where(where)
    .orderBy(
      asc(awards.year),
      asc(awards.recommenderName),
      asc(awards.enterpriseName),
      asc(awards.solutionName),
      asc(awards.id),
    );
}

export async function findReport(db: Db, campaignId: string, awardId: string) {
  const [row] = await db
    .select()
    .from(followUpReports)
    .where(and(eq(followUpReports.campaignId, campaignId), eq(followUpReports.awardId, awardId)));
  return row;
}

export async function lockReport(tx: Db, campaignId: string, awardId: string) {
  const [row] = await tx
    .select()
    .from(followUpReports)
    .where(and(eq(followUpReports.campaignId, campaignId), eq(followUpReports.awardId, awardId)))
    .for('update');
  return row;
}

/** The first save; nothing when someone else created the report meanwhile. */
export async function insertReport(db: Db, row: typeof followUpReports.$inferInsert) {
  const [created] = await db.insert(followUpReports).values(row).onConflictDoNothing().returning();
  return created;
}

/** Saves over exactly `baseVersion` of an editable report; nothing when that is not the case. */
export async function saveOverVersion(
  db: Db,
  id: string,
  baseVersion: number,
  patch: { data: Record<string, unknown>; updatedAt: Date; updatedBy: string },
) {
  const [row] = await db
    .update(followUpReports)
    .set({ ...patch, draftVersion: sql`${followUpReports.draftVersion} + 1` })
    .where(
      and(
        eq(followUpReports.id, id),
        eq(followUpReports.draftVersion, baseVersion),
        inArray(followUpReports.state, ['draft', 'returned']),
      ),
    )
    .returning();
  return row;
}

export async function updateReport(
  tx: Db,
  id: string,
  patch: Partial<typeof followUpReports.$inferInsert>,
) {
  const [row] = await tx
    .update(followUpReports)
    .set(patch)
    .where(eq(followUpReports.id, id))
    .returning();
  return row!;
}
