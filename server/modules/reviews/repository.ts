// 专家评分 and 评审结果: every statement of the reviews module. Reads review_rounds, review_panels,
// review_assignments and experts (the experts module writes them); writes reviews.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  campaigns,
  experts,
  recommenderUnits,
  reviewAssignments,
  reviewPanels,
  reviewRounds,
  reviews,
} from '../../db/schema';

export type ReviewRow = typeof reviews.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type RoundRow = typeof reviewRounds.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

export async function findExpertByUser(db: Db, userId: string) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}

/** The expert's published assignments with what the list shows (their own review only). */
export function listMyAssignments(db: Db, expertId: string) {
  return db
    .select({
      assignmentId: reviewAssignments.id,
      roundId: reviewRounds.id,
      roundName: reviewRounds.name,
      deadline: reviewRounds.deadline,
      roundState: reviewRounds.state,
      anonymous: reviewRounds.anonymous,
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      settings: campaigns.settings,
      panelName: reviewPanels.name,
      applicationId: applications.id,
      solutionName: applications.solutionName,
      category: sql<string | null>`${applications.facts}->>'category'`,
      applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
      region: sql<string | null>`${applications.facts}->>'region'`,
      review: {
        state: reviews.state,
        scores: reviews.scores,
        savedAt: reviews.savedAt,
        submittedAt: reviews.submittedAt,
      },
    })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .innerJoin(campaigns, eq(campaigns.id, reviewRounds.campaignId))
    .innerJoin(reviewPanels, eq(reviewPanels.id, reviewAssignments.panelId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.expertId, expertId), eq(reviewAssignments.state, 'published')))
    .orderBy(
      asc(reviewRounds.deadline),
      asc(reviewRounds.id),
      asc(reviewPanels.position),
      asc(applications.solutionName),
      asc(reviewAssignments.id),
    );
}
export type MyAssignmentRow = Awaited<ReturnType<typeof listMyAssignments>>[number];

/** An assignment with its round, panel, campaign and application. */
export async function findAssignment(db: Db, id: string) {
  const [row] = await db
    .select({
      assignment: reviewAssignments,
      round: reviewRounds,
      panelName: reviewPanels.name,
      campaign: {
        id: campaigns.id,
        title: campaigns.title,
        configRevision: campaigns.configRevision,
        settings: campaigns.settings,
      },
      application: {
        id: applications.id,
        solutionName: applications.solutionName,
        currentVersionNo: applications.currentVersionNo,
        category: sql<string | null>`${applications.facts}->>'category'`,
        applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
        region: sql<string | null>`${applications.facts}->>'region'`,
      },
    })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .innerJoin(campaigns, eq(campaigns.id, reviewRounds.campaignId))
    .innerJoin(reviewPanels, eq(reviewPanels.id, reviewAssignments.panelId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .where(eq(reviewAssignments.id, id));
  return row;
}
export type AssignmentDetail = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/**
 * The assignment and its round, share-locked for the transaction: a decline, a removal or a
 * change of the deadline (which lock them for update) waits until the review is written.
 */
export async function lockAssignmentAndRound(tx: Db, id: string) {
  const [assignment] = await tx
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.id, id))
    .for('share');
  if (!assignment) return undefined;
  const [round] = await tx
    .select()
    .from(reviewRounds)
    .where(eq(reviewRounds.id, assignment.roundId))
    .for('share');
  return { assignment, round: round! };
}

export async function findReview(db: Db, assignmentId: string) {
  const [row] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
  return row;
}

export async function lockReview(tx: Db, assignmentId: string) {
  const [row] = await tx
    .select()
    .from(reviews)
    .where(eq(reviews.assignmentId, assignmentId))
    .for('update');
  return row;
}

/** The first save of a review; nothing when another save made the row first. */
export async function insertReview(tx: Db, row: typeof reviews.$inferInsert) {
  const [created] = await tx.insert(reviews).values(row).onConflictDoNothing().returning();
  return created;
}

/** Saves over exactly `baseVersion` of a review still being scored; nothing otherwise. */
export async function updateDraftReview(
  tx: Db,
  assignmentId: string,
  baseVersion: number,
  patch: Pick<ReviewRow, 'scores' | 'recommendation' | 'comment' | 'savedAt'>,
) {
  const [row] = await tx
    .update(reviews)
    .set({ ...patch, version: sql`${reviews.version} + 1` })
    .where(
      and(
        eq(reviews.assignmentId, assignmentId),
        eq(reviews.version, baseVersion),
        eq(reviews.state, 'draft'),
      ),
    )
    .returning();
  return row;
}

export async function updateReview(
  tx: Db,
  assignmentId: string,
  patch: Partial<typeof reviews.$inferInsert>,
) {
  const [row] = await tx
    .update(reviews)
    .set({ ...patch, version: sql`${reviews.version} + 1` })
    .where(eq(reviews.assignmentId, assignmentId))
    .returning();
  return row!;
}

// ------------------------------------------------------------------ 评审结果

export async function findRound(db: Db, id: string) {
  const [row] = await db
    .select({
      round: reviewRounds,
      campaign: {
        id: campaigns.id,
        title: campaigns.title,
        year: campaigns.year,
        settings: campaigns.settings,
      },
    })
    .from(reviewRounds)
    .innerJoin(campaigns, eq(campaigns.id, reviewRounds.campaignId))
    .where(eq(reviewRounds.id, id));
  return row;
}

export function listPanels(db: Db, roundId: string) {
  return db
    .select({ id: reviewPanels.id, name: reviewPanels.name, position: reviewPanels.position })
    .from(reviewPanels)
    .where(eq(reviewPanels.roundId, roundId))
    .orderBy(asc(reviewPanels.position), asc(reviewPanels.id));
}

const NO_REVIEW = {
  state: null,
  scores: null,
  recommendation: null,
  comment: null,
  submittedAt: null,
};

/** Every pair of a round that reached the experts (not merely proposed), with its review. */
export async function listRoundAssignments(db: Db, roundId: string) {
  const rows = await db
    .select({
      assignmentId: reviewAssignments.id,
      panelId: reviewAssignments.panelId,
      state: reviewAssignments.state,
      applicationId: applications.id,
      solutionName: applications.solutionName,
      category: sql<string | null>`${applications.facts}->>'category'`,
      applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
      unitName: recommenderUnits.name,
      expertId: experts.id,
      expertName: experts.name,
      employerName: experts.employerName,
      review: {
        state: reviews.state,
        scores: reviews.scores,
        recommendation: reviews.recommendation,
        comment: reviews.comment,
        submittedAt: reviews.submittedAt,
      },
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(
      and(eq(reviewAssignments.roundId, roundId), sql`${reviewAssignments.state} <> 'proposed'`),
    )
    .orderBy(asc(applications.solutionName), asc(experts.name), asc(reviewAssignments.id));
  // no review yet: its fields are null (the left join's whole object would be)
  return rows.map((r) => ({ ...r, review: r.review ?? NO_REVIEW }));
}
export type RoundAssignmentRow = Awaited<ReturnType<typeof listRoundAssignments>>[number];

export async function findExpert(db: Db, id: string) {
  const [row] = await db.select().from(experts).where(eq(experts.id, id));
  return row;
}
