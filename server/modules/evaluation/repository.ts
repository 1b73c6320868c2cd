// 系统评价's SQL: rounds, their (expert, solution) pairs and scores, and the published solutions
// and lists they are drawn from.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ApplicationFacts } from '../../../domain/facts';
import { EVALUATED_STATUSES } from '../../../domain/evaluation';
import type { Db } from '../../db/client';
import {
  applications,
  campaigns,
  evaluationAssignments,
  evaluationRounds,
  experts,
  publishedLists,
  publishedSolutions,
} from '../../db/schema';

export type EvaluationRoundRow = typeof evaluationRounds.$inferSelect;
export type EvaluationAssignmentRow = typeof evaluationAssignments.$inferSelect;
export type PublishedSolutionRow = typeof publishedSolutions.$inferSelect;

/** The published lists, newest first, with how many of their solutions an evaluation takes. */
export async function listPublishedLists(db: Db) {
  return db
    .select({
      campaignId: publishedLists.campaignId,
      year: publishedLists.year,
      title: publishedLists.title,
      documentNo: publishedLists.documentNo,
      publishedOn: publishedLists.publishedOn,
      validUntil: publishedLists.validUntil,
      campaignTitle: campaigns.title,
      evaluable: sql<number>`(select count(*)::int from ${publishedSolutions} s
        where s.campaign_id = ${publishedLists.campaignId}
          and s.status in ('valid', 'expired'))`,
    })
    .from(publishedLists)
    .innerJoin(campaigns, eq(campaigns.id, publishedLists.campaignId))
    .orderBy(desc(publishedLists.publishedOn), asc(publishedLists.title));
}

export function findPublishedLists(db: Db, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db.select().from(publishedLists).where(inArray(publishedLists.campaignId, campaignIds));
}

export type EvaluatedSolutionRow = PublishedSolutionRow & {
  facts: Partial<ApplicationFacts>;
};

/** The lists' solutions an evaluation takes (valid or expired), in list order. */
export async function listEvaluatedSolutions(
  db: Db,
  campaignIds: string[],
): Promise<EvaluatedSolutionRow[]> {
  if (!campaignIds.length) return [];
  const rows = await db
    .select({ s: publishedSolutions, facts: applications.facts })
    .from(publishedSolutions)
    .innerJoin(applications, eq(applications.id, publishedSolutions.applicationId))
    .where(
      and(
        inArray(publishedSolutions.campaignId, campaignIds),
        inArray(publishedSolutions.status, [...EVALUATED_STATUSES]),
      ),
    )
    .orderBy(asc(publishedSolutions.year), asc(publishedSolutions.seq));
  return rows.map((r) => ({ ...r.s, facts: (r.facts ?? {}) as Partial<ApplicationFacts> }));
}

export async function findSolution(db: Db, publicId: string) {
  const [row] = await db
    .select({ s: publishedSolutions, facts: applications.facts })
    .from(publishedSolutions)
    .innerJoin(applications, eq(applications.id, publishedSolutions.applicationId))
    .where(eq(publishedSolutions.publicId, publicId));
  return row ? { ...row.s, facts: (row.facts ?? {}) as Partial<ApplicationFacts> } : undefined;
}

export async function insertRound(tx: Db, values: typeof evaluationRounds.$inferInsert) {
  const [row] = await tx.insert(evaluationRounds).values(values).returning();
  return row!;
}

export function listRounds(db: Db): Promise<EvaluationRoundRow[]> {
  return db.select().from(evaluationRounds).orderBy(desc(evaluationRounds.createdAt));
}

export async function findRound(db: Db, id: string) {
  const [row] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id));
  return row;
}

export async function lockRound(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(evaluationRounds)
    .where(eq(evaluationRounds.id, id))
    .for('update');
  return row;
}

export async function updateRound(
  tx: Db,
  id: string,
  patch: Partial<typeof evaluationRounds.$inferInsert>,
) {
  const [row] = await tx
    .update(evaluationRounds)
    .set(patch)
    .where(eq(evaluationRounds.id, id))
    .returning();
  return row!;
}

/** Per round: pairs in force (proposed or published) and scorings submitted. */
export async function progressOf(db: Db, roundIds: string[]) {
  if (!roundIds.length) return [];
  return db
    .select({
      roundId: evaluationAssignments.roundId,
      pairs: sql<number>`count(*)::int`,
      submitted: sql<number>`count(*) filter (where ${evaluationAssignments.scoreState} = 'submitted')::int`,
      experts: sql<number>`count(distinct ${evaluationAssignments.expertId})::int`,
      solutions: sql<number>`count(distinct ${evaluationAssignments.publicId})::int`,
    })
    .from(evaluationAssignments)
    .where(
      and(
        inArray(evaluationAssignments.roundId, roundIds),
        inArray(evaluationAssignments.state, ['proposed', 'published']),
      ),
    )
    .groupBy(evaluationAssignments.roundId);
}

export function listAssignments(db: Db, roundId: string): Promise<EvaluationAssignmentRow[]> {
  return db
    .select()
    .from(evaluationAssignments)
    .where(eq(evaluationAssignments.roundId, roundId))
    .orderBy(asc(evaluationAssignments.publicId), asc(evaluationAssignments.expertId));
}

export async function insertAssignments(
  tx: Db,
  values: (typeof evaluationAssignments.$inferInsert)[],
) {
  if (!values.length) return [];
  return tx.insert(evaluationAssignments).values(values).returning();
}

/** A new proposal replaces the old one (nothing was scored: the round is a draft). */
export async function deleteProposed(tx: Db, roundId: string) {
  await tx
    .delete(evaluationAssignments)
    .where(
      and(eq(evaluationAssignments.roundId, roundId), eq(evaluationAssignments.state, 'proposed')),
    );
}

export async function publishProposed(tx: Db, roundId: string, now: Date) {
  return tx
    .update(evaluationAssignments)
    .set({ state: 'published', updatedAt: now })
    .where(
      and(eq(evaluationAssignments.roundId, roundId), eq(evaluationAssignments.state, 'proposed')),
    )
    .returning();
}

/** An expert's published pairs, each with its round and solution. */
export async function listExpertAssignments(db: Db, expertId: string) {
  return db
    .select({
      a: evaluationAssignments,
      round: {
        id: evaluationRounds.id,
        title: evaluationRounds.title,
        state: evaluationRounds.state,
        deadline: evaluationRounds.deadline,
      },
      solution: {
        publicId: publishedSolutions.publicId,
        solutionName: publishedSolutions.solutionName,
        enterpriseName: publishedSolutions.enterpriseName,
        categoryName: publishedSolutions.categoryName,
        year: publishedSolutions.year,
      },
    })
    .from(evaluationAssignments)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationAssignments.roundId))
    .innerJoin(publishedSolutions, eq(publishedSolutions.publicId, evaluationAssignments.publicId))
    .where(
      and(
        eq(evaluationAssignments.expertId, expertId),
        eq(evaluationAssignments.state, 'published'),
      ),
    )
    .orderBy(desc(evaluationRounds.deadline), asc(publishedSolutions.publicId));
}

export async function findAssignment(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(evaluationAssignments)
    .where(eq(evaluationAssignments.id, id));
  return row;
}

export async function lockAssignment(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(evaluationAssignments)
    .where(eq(evaluationAssignments.id, id))
    .for('update');
  return row;
}

/** Saves the scores over exactly `baseVersion`; undefined: the version moved on. */
export async function updateScores(
  tx: Db,
  id: string,
  baseVersion: number,
  patch: Partial<typeof evaluationAssignments.$inferInsert>,
) {
  const [row] = await tx
    .update(evaluationAssignments)
    .set({ ...patch, version: sql`${evaluationAssignments.version} + 1` })
    .where(and(eq(evaluationAssignments.id, id), eq(evaluationAssignments.version, baseVersion)))
    .returning();
  return row;
}

export function findExpertsByIds(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: experts.id, name: experts.name, userId: experts.userId })
    .from(experts)
    .where(inArray(experts.id, ids));
}
