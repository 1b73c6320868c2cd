// 配套支持: every statement of the support module. Reads published_solutions with their lists,
// support_records with who recorded them, recommender units and documents; writes support_records
// (inserted, or marked withdrawn — never deleted) and uploaded support documents.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  documents,
  publishedLists,
  publishedSolutions,
  recommenderUnits,
  supportRecords,
  users,
} from '../../db/schema';

export type SupportRow = typeof supportRecords.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

export async function findSolution(db: Db, publicId: string) {
  const [row] = await db
    .select({
      publicId: publishedSolutions.publicId,
      unitId: publishedSolutions.unitId,
      enterpriseId: publishedSolutions.enterpriseId,
      solutionName: publishedSolutions.solutionName,
      validFrom: publishedSolutions.validFrom,
    })
    .from(publishedSolutions)
    .where(eq(publishedSolutions.publicId, publicId));
  return row;
}

/** Published solutions with their list, scoped to a unit or an enterprise (or all), filtered. */
export function listSolutions(
  db: Db,
  scope: { unitId?: string; enterpriseId?: string },
  filter: { publicId?: string; unitId?: string; campaignId?: string },
) {
  return db
    .select({
      publicId: publishedSolutions.publicId,
      solutionName: publishedSolutions.solutionName,
      enterpriseName: publishedSolutions.enterpriseName,
      unitId: publishedSolutions.unitId,
      unitName: publishedSolutions.unitName,
      listTitle: publishedLists.title,
      validFrom: publishedSolutions.validFrom,
      validUntil: publishedSolutions.validUntil,
      status: publishedSolutions.status,
    })
    .from(publishedSolutions)
    .innerJoin(publishedLists, eq(publishedLists.campaignId, publishedSolutions.campaignId))
    .where(
      and(
        scope.unitId ? eq(publishedSolutions.unitId, scope.unitId) : undefined,
        scope.enterpriseId ? eq(publishedSolutions.enterpriseId, scope.enterpriseId) : undefined,
        filter.unitId ? eq(publishedSolutions.unitId, filter.unitId) : undefined,
        filter.publicId ? eq(publishedSolutions.publicId, filter.publicId) : undefined,
        filter.campaignId ? eq(publishedSolutions.campaignId, filter.campaignId) : undefined,
      ),
    )
    .orderBy(sql`${publishedSolutions.year} desc`, asc(publishedSolutions.seq));
}

/** The records of these solutions (withdrawn ones too), in the order given. */
export function recordsOf(db: Db, publicIds: string[]) {
  if (!publicIds.length) return Promise.resolve([]);
  return db
    .select({
      record: supportRecords,
      unitName: recommenderUnits.name,
      recordedByName: users.name,
      documentFilename: documents.filename,
    })
    .from(supportRecords)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, supportRecords.unitId))
    .innerJoin(users, eq(users.id, supportRecords.recordedBy))
    .leftJoin(documents, eq(documents.id, supportRecords.documentId))
    .where(inArray(supportRecords.publicId, publicIds))
    .orderBy(asc(supportRecords.day), asc(supportRecords.recordedAt));
}

export async function insertRecord(tx: Db, row: typeof supportRecords.$inferInsert) {
  const [created] = await tx.insert(supportRecords).values(row).returning();
  return created!;
}

export async function lockRecord(tx: Db, id: string): Promise<SupportRow | undefined> {
  const [row] = await tx
    .select()
    .from(supportRecords)
    .where(eq(supportRecords.id, id))
    .for('update');
  return row;
}

export async function markWithdrawn(tx: Db, id: string, at: Date, reason: string) {
  await tx
    .update(supportRecords)
    .set({ withdrawnAt: at, withdrawReason: reason })
    .where(eq(supportRecords.id, id));
}

const counted = {
  policy: sql<number>`count(*) filter (where ${supportRecords.kind} = 'policy')::int`,
  funding: sql<number>`count(*) filter (where ${supportRecords.kind} = 'funding')::int`,
  resource: sql<number>`count(*) filter (where ${supportRecords.kind} = 'resource')::int`,
  fundingYuan: sql<string>`coalesce(sum(${supportRecords.amountYuan}) filter (where ${supportRecords.kind} = 'funding'), 0)::text`,
};

/** The standing records of these solutions, counted by kind, funding summed. */
export function totalsBySolution(db: Db, publicIds: string[]) {
  if (!publicIds.length) return Promise.resolve([]);
  return db
    .select({ publicId: supportRecords.publicId, ...counted })
    .from(supportRecords)
    .where(and(inArray(supportRecords.publicId, publicIds), isNull(supportRecords.withdrawnAt)))
    .groupBy(supportRecords.publicId);
}

/** Per recording unit: the standing records counted by kind, funding summed, solutions supported. */
export function totalsByUnit(db: Db) {
  return db
    .select({
      unitId: supportRecords.unitId,
      supported: sql<number>`count(distinct ${supportRecords.publicId})::int`,
      ...counted,
    })
    .from(supportRecords)
    .where(isNull(supportRecords.withdrawnAt))
    .groupBy(supportRecords.unitId);
}

/** Per unit: its solutions on the published lists. */
export function selectedByUnit(db: Db) {
  return db
    .select({
      unitId: publishedSolutions.unitId,
      unitName: recommenderUnits.name,
      selected: sql<number>`count(*)::int`,
    })
    .from(publishedSolutions)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, publishedSolutions.unitId))
    .groupBy(publishedSolutions.unitId, recommenderUnits.name);
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}
