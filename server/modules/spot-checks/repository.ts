// 随机抽查's SQL: the spot checks, the published solutions they draw from, their tasks.
import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { ApplicationFacts } from '../../../domain/facts';
import type { Db } from '../../db/client';
import {
  applications,
  campaigns,
  documents,
  experts,
  publishedLists,
  publishedSolutions,
  spotChecks,
  spotCheckTasks,
} from '../../db/schema';

export type SpotCheckRow = typeof spotChecks.$inferSelect;
export type TaskRow = typeof spotCheckTasks.$inferSelect;
export type SolutionRow = typeof publishedSolutions.$inferSelect;

export function listSpotChecks(db: Db): Promise<SpotCheckRow[]> {
  return db.select().from(spotChecks).orderBy(desc(spotChecks.committedAt), asc(spotChecks.id));
}

export async function findSpotCheck(db: Db, id: string): Promise<SpotCheckRow | undefined> {
  const [row] = await db.select().from(spotChecks).where(eq(spotChecks.id, id));
  return row;
}

/** The draw, the tasks and the closing lock the spot check first: one after another. */
export async function lockSpotCheck(tx: Db, id: string): Promise<SpotCheckRow | undefined> {
  const [row] = await tx.select().from(spotChecks).where(eq(spotChecks.id, id)).for('update');
  return row;
}

export async function insertSpotCheck(tx: Db, row: typeof spotChecks.$inferInsert) {
  const [created] = await tx.insert(spotChecks).values(row).returning();
  return created!;
}

export async function updateSpotCheck(tx: Db, id: string, patch: Partial<SpotCheckRow>) {
  const [row] = await tx.update(spotChecks).set(patch).where(eq(spotChecks.id, id)).returning();
  return row!;
}

/** The published lists among these campaigns, with their year and title. */
export function publishedListsOf(db: Db, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db
    .select({
      campaignId: publishedLists.campaignId,
      year: publishedLists.year,
      title: publishedLists.title,
    })
    .from(publishedLists)
    .where(inArray(publishedLists.campaignId, campaignIds))
    .orderBy(asc(publishedLists.year), asc(publishedLists.campaignId));
}

/** Every published list (the organizer chooses from them). */
export function allPublishedLists(db: Db) {
  return db
    .select({
      campaignId: publishedLists.campaignId,
      year: publishedLists.year,
      title: publishedLists.title,
    })
    .from(publishedLists)
    .orderBy(desc(publishedLists.year), asc(publishedLists.campaignId));
}

/** The population: the lists' published solutions not revoked or withdrawn (expired ones stay). */
export function eligibleSolutions(tx: Db, campaignIds: string[]) {
  return tx
    .select({
      publicId: publishedSolutions.publicId,
      category: publishedSolutions.category,
      regionCode: publishedSolutions.regionCode,
    })
    .from(publishedSolutions)
    .where(
      and(
        inArray(publishedSolutions.campaignId, campaignIds),
        notInArray(publishedSolutions.status, ['revoked', 'withdrawn']),
      ),
    )
    .orderBy(asc(publishedSolutions.publicId));
}

export function solutionsByIds(db: Db, publicIds: string[]): Promise<SolutionRow[]> {
  if (!publicIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(publishedSolutions)
    .where(inArray(publishedSolutions.publicId, publicIds));
}

/** The campaigns' categories (code → name), from their settings. */
export async function categoriesOf(db: Db, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  const rows = await db
    .select({ settings: campaigns.settings })
    .from(campaigns)
    .where(inArray(campaigns.id, campaignIds));
  return rows.flatMap((r) => r.settings.categories.map((c) => ({ code: c.code, name: c.name })));
}

/** The application's facts (its co-applicants, for the conflict rules). */
export async function applicationFactsOf(
  db: Db,
  applicationId: string,
): Promise<Partial<ApplicationFacts>> {
  const [row] = await db
    .select({ facts: applications.facts })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return (row?.facts ?? {}) as Partial<ApplicationFacts>;
}

// ------------------------------------------------------------------ tasks

export function listTasks(db: Db, spotCheckId: string) {
  return db
    .select({ task: spotCheckTasks, expertName: experts.name, employerName: experts.employerName })
    .from(spotCheckTasks)
    .innerJoin(experts, eq(experts.id, spotCheckTasks.expertId))
    .where(eq(spotCheckTasks.spotCheckId, spotCheckId))
    .orderBy(asc(spotCheckTasks.createdAt), asc(spotCheckTasks.id));
}

export async function insertTask(tx: Db, row: typeof spotCheckTasks.$inferInsert) {
  const [created] = await tx.insert(spotCheckTasks).values(row).returning();
  return created!;
}

export async function updateTask(tx: Db, id: string, patch: Partial<TaskRow>) {
  const [row] = await tx
    .update(spotCheckTasks)
    .set(patch)
    .where(eq(spotCheckTasks.id, id))
    .returning();
  return row!;
}

export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(spotCheckTasks).where(eq(spotCheckTasks.id, id));
  return row;
}

export async function lockTask(tx: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(spotCheckTasks)
    .where(eq(spotCheckTasks.id, id))
    .for('update');
  return row;
}

/** The expert's tasks (not removed), with their spot check and solution. */
export function tasksOfExpert(db: Db, expertId: string) {
  return db
    .select({ task: spotCheckTasks, spotCheck: spotChecks, solution: publishedSolutions })
    .from(spotCheckTasks)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckTasks.spotCheckId))
    .innerJoin(publishedSolutions, eq(publishedSolutions.publicId, spotCheckTasks.publicId))
    .where(
      and(eq(spotCheckTasks.expertId, expertId), notInArray(spotCheckTasks.state, ['removed'])),
    )
    .orderBy(desc(spotChecks.committedAt), asc(spotCheckTasks.publicId));
}

/** A solution's tasks (not removed) with their spot check's title: the evaluation reads them. */
export function tasksOfSolution(db: Db, publicId: string) {
  return db
    .select({ task: spotCheckTasks, title: spotChecks.title })
    .from(spotCheckTasks)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckTasks.spotCheckId))
    .where(
      and(eq(spotCheckTasks.publicId, publicId), notInArray(spotCheckTasks.state, ['removed'])),
    )
    .orderBy(asc(spotChecks.committedAt), asc(spotCheckTasks.createdAt));
}

// ------------------------------------------------------------------ evidence

export type DocumentRow = typeof documents.$inferSelect;

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [doc] = await tx.insert(documents).values(row).returning();
  return doc!;
}

/** The tasks' evidence documents (id → row). */
export async function documentsByIds(db: Db, ids: string[]): Promise<Map<string, DocumentRow>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(documents).where(inArray(documents.id, ids));
  return new Map(rows.map((d) => [d.id, d]));
}
