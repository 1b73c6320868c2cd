// 遴选决定: every statement of the selection module. Reads applications, recommender_units,
// review_rounds and users; writes selections, selection_decisions and its minutes' documents row.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  documents,
  publicNotices,
  recommenderUnits,
  reviewRounds,
  selectionDecisions,
  selections,
  users,
} from '../../db/schema';

export type SelectionRow = typeof selections.$inferSelect;
export type DecisionRow = typeof selectionDecisions.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

export async function findSelection(db: Db, campaignId: string): Promise<SelectionRow | undefined> {
  const [row] = await db.select().from(selections).where(eq(selections.campaignId, campaignId));
  return row;
}

/** Every change to a selection locks its row first: they happen one after another. */
export async function lockSelection(tx: Db, campaignId: string): Promise<SelectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(selections)
    .where(eq(selections.campaignId, campaignId))
    .for('update');
  return row;
}

export async function insertSelection(tx: Db, row: typeof selections.$inferInsert) {
  const [created] = await tx.insert(selections).values(row).returning();
  return created!;
}

export async function updateSelection(
  tx: Db,
  campaignId: string,
  set: Partial<typeof selections.$inferInsert>,
): Promise<SelectionRow> {
  const [row] = await tx
    .update(selections)
    .set({ ...set, revision: sql`${selections.revision} + 1` })
    .where(eq(selections.campaignId, campaignId))
    .returning();
  return row!;
}

/** The campaign's rounds whose assignments reached the experts (their rankings can be used). */
export function listRankableRounds(db: Db, campaignId: string) {
  return db
    .select({ id: reviewRounds.id, name: reviewRounds.name, state: reviewRounds.state })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.campaignId, campaignId), ne(reviewRounds.state, 'draft')))
    .orderBy(asc(reviewRounds.createdAt), asc(reviewRounds.id));
}

/** An application as the 遴选决定 page names it: by its facts, with its recommending unit. */
const candidates = (db: Db) =>
  db
    .select({
      id: applications.id,
      solutionName: applications.solutionName,
      state: applications.state,
      applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
      category: sql<string | null>`${applications.facts}->>'category'`,
      unitName: recommenderUnits.name,
      enterpriseId: applications.enterpriseId,
      unitId: applications.channelUnitId,
    })
    .from(applications)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId));

/** An application to decide: the campaign's under review (专家评审中), as its facts name it. */
export async function listApplicationsToDecide(
  db: Db,
  campaignId: string,
  lock: boolean | 'update' = false,
) {
  const q = candidates(db)
    .where(and(eq(applications.campaignId, campaignId), eq(applications.state, 'under_review')))
    .orderBy(asc(applications.id));
  // locked inside a freeze (share) or the 公示's opening (update): a formal check waits
  return lock === 'update'
    ? q.for('update', { of: applications })
    : lock
      ? q.for('share', { of: applications })
      : q;
}

/**
 * What the 遴选决定 page lists: the applications under review and, once the 公示 has moved them on
 * (公示中, 未入选, 已入选…), every application that has a decision, so the record stays on the page.
 */
export async function listApplicationsOfSelection(db: Db, campaignId: string) {
  return candidates(db)
    .where(
      and(
        eq(applications.campaignId, campaignId),
        sql`(${applications.state} = 'under_review' or exists (
          select 1 from ${selectionDecisions}
          where ${selectionDecisions.campaignId} = ${campaignId}
            and ${selectionDecisions.applicationId} = ${applications.id}))`,
      ),
    )
    .orderBy(asc(applications.id));
}

/** The application, if it is this campaign's and under review; share-locked. */
export async function lockApplicationToDecide(tx: Db, campaignId: string, applicationId: string) {
  const [row] = await tx
    .select({ id: applications.id, state: applications.state, campaignId: applications.campaignId })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('share');
  return row;
}

export async function listDecisions(db: Db, campaignId: string) {
  return db
    .select({
      applicationId: selectionDecisions.applicationId,
      decision: selectionDecisions.decision,
      reason: selectionDecisions.reason,
      decidedAt: selectionDecisions.decidedAt,
      decidedBy: users.name,
    })
    .from(selectionDecisions)
    .innerJoin(users, eq(users.id, selectionDecisions.decidedBy))
    .where(eq(selectionDecisions.campaignId, campaignId));
}

export async function findDecision(db: Db, campaignId: string, applicationId: string) {
  const [row] = await db
    .select()
    .from(selectionDecisions)
    .where(
      and(
        eq(selectionDecisions.campaignId, campaignId),
        eq(selectionDecisions.applicationId, applicationId),
      ),
    );
  return row;
}

/** A decision made or changed (one per application). */
export async function upsertDecision(tx: Db, row: typeof selectionDecisions.$inferInsert) {
  const [saved] = await tx
    .insert(selectionDecisions)
    .values(row)
    .onConflictDoUpdate({
      target: [selectionDecisions.campaignId, selectionDecisions.applicationId],
      set: {
        decision: row.decision,
        reason: row.reason,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt,
      },
    })
    .returning();
  return saved!;
}

/** Decisions only where none was made (按排名预选 never overwrites the organizer's). */
export async function insertMissingDecisions(
  tx: Db,
  rows: (typeof selectionDecisions.$inferInsert)[],
): Promise<DecisionRow[]> {
  if (!rows.length) return [];
  return tx.insert(selectionDecisions).values(rows).onConflictDoNothing().returning();
}

export async function countDecided(tx: Db, campaignId: string, applicationIds: string[]) {
  if (!applicationIds.length) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(selectionDecisions)
    .where(
      and(
        eq(selectionDecisions.campaignId, campaignId),
        inArray(selectionDecisions.applicationId, applicationIds),
      ),
    );
  return row?.n ?? 0;
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [doc] = await tx.insert(documents).values(row).returning();
  return doc!;
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  return doc;
}

export async function userName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

// ------------------------------------------------------------------ 公示

export type NoticeRow = typeof publicNotices.$inferSelect;

export async function findNotice(db: Db, campaignId: string): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select()
    .from(publicNotices)
    .where(eq(publicNotices.campaignId, campaignId));
  return row;
}

export async function insertNotice(tx: Db, row: typeof publicNotices.$inferInsert) {
  const [created] = await tx.insert(publicNotices).values(row).returning();
  return created!;
}

/** Moves applications still under review (a conditional UPDATE): answers those it moved. */
export async function moveFromReview(
  tx: Db,
  ids: string[],
  to: 'in_public_notice' | 'not_selected',
  now: Date,
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .update(applications)
    .set({ state: to, updatedAt: now })
    .where(and(inArray(applications.id, ids), eq(applications.state, 'under_review')))
    .returning({ id: applications.id });
  return rows.map((r) => r.id);
}

/** The solutions in 公示: what the public page lists (no personal data). */
export function listInNotice(db: Db, campaignId: string) {
  return db
    .select({
      id: applications.id,
      solutionName: applications.solutionName,
      state: applications.state,
      applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
      category: sql<string | null>`${applications.facts}->>'category'`,
      unitName: recommenderUnits.name,
    })
    .from(applications)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(
      and(eq(applications.campaignId, campaignId), eq(applications.state, 'in_public_notice')),
    );
}
