import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { ApplicationFacts } from '../../../domain/facts';
import type { Db } from '../../db/client';
import {
  applications,
  recommenderUnits,
  reviewAssignments,
  reviewPanels,
  reviewRounds,
  reviews,
} from '../../db/schema';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type PanelRow = typeof reviewPanels.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type NewAssignment = typeof reviewAssignments.$inferInsert;

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  return row;
}

/** Every change to a round's pairs locks its row first: they happen one after another. */
export async function lockRound(tx: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, id)).for('update');
  return row;
}

export function listRounds(db: Db, campaignId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(reviewRounds)
    .where(eq(reviewRounds.campaignId, campaignId))
    .orderBy(asc(reviewRounds.createdAt), asc(reviewRounds.id));
}

export async function insertRound(tx: Db, row: typeof reviewRounds.$inferInsert) {
  const [created] = await tx.insert(reviewRounds).values(row).returning();
  return created!;
}

export async function updateRound(tx: Db, id: string, patch: Partial<RoundRow>) {
  const [row] = await tx
    .update(reviewRounds)
    .set({ ...patch, revision: sql`${reviewRounds.revision} + 1` })
    .where(eq(reviewRounds.id, id))
    .returning();
  return row!;
}

export function listPanels(db: Db, roundIds: string[]): Promise<PanelRow[]> {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(reviewPanels)
    .where(inArray(reviewPanels.roundId, roundIds))
    .orderBy(asc(reviewPanels.position));
}

export async function insertPanels(
  tx: Db,
  roundId: string,
  panels: { name: string; categories: string[]; expertIds: string[] }[],
) {
  if (panels.length === 0) return [];
  return tx
    .insert(reviewPanels)
    .values(panels.map((p, position) => ({ ...p, roundId, position })))
    .returning();
}

export async function deletePanels(tx: Db, roundId: string) {
  await tx.delete(reviewPanels).where(eq(reviewPanels.roundId, roundId));
}

export function listAssignments(db: Db, roundId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.roundId, roundId))
    .orderBy(asc(reviewAssignments.applicationId), asc(reviewAssignments.createdAt));
}

/** Pairs per round and state (a round's counts). */
export function countAssignments(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      roundId: reviewAssignments.roundId,
      state: reviewAssignments.state,
      n: sql<number>`count(*)::int`,
    })
    .from(reviewAssignments)
    .where(inArray(reviewAssignments.roundId, roundIds))
    .groupBy(reviewAssignments.roundId, reviewAssignments.state);
}

export async function countUnderReview(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.campaignId, campaignId), eq(applications.state, 'under_review')));
  return row?.n ?? 0;
}

/** Proposed pairs replaced by a new proposal (never published: nobody saw them). */
export async function deleteAssignments(tx: Db, ids: string[]) {
  if (ids.length) await tx.delete(reviewAssignments).where(inArray(reviewAssignments.id, ids));
}

export async function deleteRoundAssignments(tx: Db, roundId: string): Promise<number> {
  const gone = await tx
    .delete(reviewAssignments)
    .where(eq(reviewAssignments.roundId, roundId))
    .returning({ id: reviewAssignments.id });
  return gone.length;
}

export async function insertAssignments(tx: Db, rows: NewAssignment[]): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(reviewAssignments).values(rows).returning();
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  return row;
}

export async function lockAssignment(tx: Db, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.id, id))
    .for('update');
  return row;
}

export async function updateAssignmentRow(tx: Db, id: string, patch: Partial<AssignmentRow>) {
  const [row] = await tx
    .update(reviewAssignments)
    .set(patch)
    .where(eq(reviewAssignments.id, id))
    .returning();
  return row!;
}

/** Publishes the round's proposed pairs; answers them. */
/**
 * Publishes the round's proposed pairs of applications still 专家评审中. Those applications are
 * share-locked first, so a formal check moving one out of review waits for the publish (or the
 * publish sees it moved and leaves its pairs proposed). Answers the pairs published and the count
 * of proposed pairs left because their application is no longer under review.
 */
export async function publishProposed(
  tx: Db,
  roundId: string,
  now: Date,
): Promise<{ published: AssignmentRow[]; leftProposed: number }> {
  const proposed = and(
    eq(reviewAssignments.roundId, roundId),
    eq(reviewAssignments.state, 'proposed'),
  );
  const inReview = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.state, 'under_review'),
        inArray(
          applications.id,
          tx
            .select({ id: reviewAssignments.applicationId })
            .from(reviewAssignments)
            .where(proposed),
        ),
      ),
    )
    .orderBy(asc(applications.id))
    .for('share');
  const published = inReview.length
    ? await tx
        .update(reviewAssignments)
        .set({ state: 'published', updatedAt: now })
        .where(
          and(
            proposed,
            inArray(
              reviewAssignments.applicationId,
              inReview.map((a) => a.id),
            ),
          ),
        )
        .returning()
    : [];
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(proposed);
  return { published, leftProposed: left?.n ?? 0 };
}

/** The state of the review of a pair, if the expert started one. */
export async function reviewStateOf(tx: Db, assignmentId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ state: reviews.state })
    .from(reviews)
    .where(eq(reviews.assignmentId, assignmentId));
  return row?.state;
}

/** An application as a round reads it: its facts and the unit it came through. */
export interface RoundApplication {
  id: string;
  campaignId: string;
  state: string;
  solutionName: string;
  facts: Partial<ApplicationFacts>;
  unitId: string;
  unitName: string;
}

const roundApplication = {
  id: applications.id,
  campaignId: applications.campaignId,
  state: sql<string>`${applications.state}::text`,
  solutionName: applications.solutionName,
  facts: applications.facts,
  unitId: applications.channelUnitId,
  unitName: recommenderUnits.name,
};

/** The campaign's applications under review, and any other a pair of the round names. */
export async function listRoundApplications(
  db: Db,
  campaignId: string,
  roundId: string | null,
): Promise<RoundApplication[]> {
  const paired = roundId
    ? sql`${applications.id} in (select ${reviewAssignments.applicationId} from ${reviewAssignments} where ${reviewAssignments.roundId} = ${roundId})`
    : undefined;
  const rows = await db
    .select(roundApplication)
    .from(applications)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(
      and(
        eq(applications.campaignId, campaignId),
        paired
          ? or(eq(applications.state, 'under_review'), paired)
          : eq(applications.state, 'under_review'),
      ),
    )
    .orderBy(asc(applications.id));
  return rows as RoundApplication[];
}

export async function findRoundApplication(
  db: Db,
  id: string,
): Promise<RoundApplication | undefined> {
  const [row] = await db
    .select(roundApplication)
    .from(applications)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(eq(applications.id, id));
  return row as RoundApplication | undefined;
}
