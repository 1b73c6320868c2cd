// 动态管理: every statement of the lifecycle module. Reads published_solutions with their lists,
// their events and evidence documents, lifecycle_actions; writes a solution's status, its events,
// the idempotence keys of scheduled work and uploaded evidence documents.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  documents,
  lifecycleActions,
  publishedLists,
  publishedSolutionEvents,
  publishedSolutions,
} from '../../db/schema';

export type SolutionRow = typeof publishedSolutions.$inferSelect;

/** What the schedule asks about: the solutions still recorded as valid. */
export function listValidSubjects(db: Db) {
  return db
    .select({
      publicId: publishedSolutions.publicId,
      status: publishedSolutions.status,
      validUntil: publishedSolutions.validUntil,
    })
    .from(publishedSolutions)
    .where(eq(publishedSolutions.status, 'valid'));
}

/** The keys of the scheduled work done for these solutions. */
export async function doneKeys(db: Db, publicIds: string[]): Promise<Set<string>> {
  if (!publicIds.length) return new Set();
  const rows = await db
    .select({ key: lifecycleActions.key })
    .from(lifecycleActions)
    .where(inArray(lifecycleActions.publicId, publicIds));
  return new Set(rows.map((r) => r.key));
}

/**
 * Claims a piece of scheduled work under its key, in the transaction that does it: false when the
 * key is there already (another run did it, or is doing it and commits first).
 */
export async function claimAction(tx: Db, row: typeof lifecycleActions.$inferInsert) {
  const rows = await tx
    .insert(lifecycleActions)
    .values(row)
    .onConflictDoNothing({ target: lifecycleActions.key })
    .returning({ key: lifecycleActions.key });
  return rows.length > 0;
}

export async function lockSolution(tx: Db, publicId: string): Promise<SolutionRow | undefined> {
  const [row] = await tx
    .select()
    .from(publishedSolutions)
    .where(eq(publishedSolutions.publicId, publicId))
    .for('update');
  return row;
}

export async function setStatus(tx: Db, publicId: string, status: SolutionRow['status'], at: Date) {
  await tx
    .update(publishedSolutions)
    .set({ status, statusChangedAt: at })
    .where(eq(publishedSolutions.publicId, publicId));
}

export async function insertEvent(tx: Db, row: typeof publishedSolutionEvents.$inferInsert) {
  await tx.insert(publishedSolutionEvents).values(row);
}

/** Published solutions with their list's title, scoped to a unit or an enterprise (or all). */
export function listSolutions(db: Db, scope: { unitId?: string; enterpriseId?: string }) {
  return db
    .select({
      publicId: publishedSolutions.publicId,
      applicationId: publishedSolutions.applicationId,
      campaignId: publishedSolutions.campaignId,
      listTitle: publishedLists.title,
      year: publishedSolutions.year,
      seq: publishedSolutions.seq,
      solutionName: publishedSolutions.solutionName,
      enterpriseId: publishedSolutions.enterpriseId,
      enterpriseName: publishedSolutions.enterpriseName,
      unitId: publishedSolutions.unitId,
      unitName: publishedSolutions.unitName,
      category: publishedSolutions.category,
      categoryName: publishedSolutions.categoryName,
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
      ),
    )
    .orderBy(sql`${publishedSolutions.year} desc`, asc(publishedSolutions.seq));
}
export type LifecycleSolution = Awaited<ReturnType<typeof listSolutions>>[number];

/** The history of these solutions, oldest first, with the evidence's file name. */
export function eventsOf(db: Db, publicIds: string[]) {
  if (!publicIds.length) return Promise.resolve([]);
  return db
    .select({
      publicId: publishedSolutionEvents.publicId,
      kind: publishedSolutionEvents.kind,
      day: publishedSolutionEvents.day,
      note: publishedSolutionEvents.note,
      reasonCode: publishedSolutionEvents.reasonCode,
      evidenceId: publishedSolutionEvents.evidenceId,
      evidenceFilename: documents.filename,
      at: publishedSolutionEvents.at,
    })
    .from(publishedSolutionEvents)
    .leftJoin(documents, eq(documents.id, publishedSolutionEvents.evidenceId))
    .where(inArray(publishedSolutionEvents.publicId, publicIds))
    .orderBy(asc(publishedSolutionEvents.at), asc(publishedSolutionEvents.id));
}

export type DocumentRow = typeof documents.$inferSelect;

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}
