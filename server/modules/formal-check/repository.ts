import { and, asc, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { ApplicationState } from '../../../domain/application-states';
import type { ApplicationFacts } from '../../../domain/facts';
import type { PaperReceiptFact } from '../../../domain/formal-check';
import type { Db } from '../../db/client';
import {
  applications,
  applicationVersions,
  enterprises,
  formalChecks,
  paperReceipts,
  recommenderUnits,
  reviewAssignments,
  reviewRounds,
  users,
} from '../../db/schema';

export type FormalCheckRow = typeof formalChecks.$inferSelect;

/** What the formal check reads of an application: its head, names and its current frozen version. */
const subjectColumns = {
  id: applications.id,
  campaignId: applications.campaignId,
  enterpriseId: applications.enterpriseId,
  channelUnitId: applications.channelUnitId,
  state: applications.state,
  solutionName: applications.solutionName,
  facts: applications.facts,
  currentVersionNo: applications.currentVersionNo,
  enterpriseName: enterprises.name,
  channelUnitName: recommenderUnits.name,
  version: {
    data: applicationVersions.data,
    attachments: applicationVersions.attachments,
    wordCount: applicationVersions.wordCount,
  },
};

function subjects(db: Db, where: SQL | undefined) {
  return db
    .select(subjectColumns)
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .leftJoin(
      applicationVersions,
      and(
        eq(applicationVersions.applicationId, applications.id),
        eq(applicationVersions.versionNo, applications.currentVersionNo),
      ),
    )
    .where(where);
}

export async function findSubject(db: Db, id: string) {
  const [row] = await subjects(db, eq(applications.id, id));
  return row ? withFacts(row) : undefined;
}
export type Subject = NonNullable<Awaited<ReturnType<typeof findSubject>>>;

const withFacts = <T extends { facts: ApplicationFacts | Record<string, never> }>(row: T) => ({
  ...row,
  facts: row.facts as Partial<ApplicationFacts>,
});

/** The states from 已报送 on, in the life's order (domain/application-states). */
export const FORWARDED_ON: readonly ApplicationState[] = [
  'forwarded',
  'ineligible',
  'under_review',
  'selected',
  'not_selected',
  'in_public_notice',
  'awarded',
  'expired',
  'revoked',
  'catalogued',
];

/** A campaign's applications from 已报送 on, by unit and name. */
export async function listSubjects(
  db: Db,
  campaignId: string,
  f: { state?: ApplicationState; unitId?: string; q?: string; ids?: string[] },
) {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await subjects(
    db,
    and(
      eq(applications.campaignId, campaignId),
      f.state ? eq(applications.state, f.state) : inArray(applications.state, [...FORWARDED_ON]),
      f.unitId ? eq(applications.channelUnitId, f.unitId) : undefined,
      f.ids ? inArray(applications.id, f.ids) : undefined,
      like
        ? or(
            ilike(applications.solutionName, like),
            ilike(enterprises.name, like),
            ilike(enterprises.uscc, like),
          )
        : undefined,
    ),
  )
    .orderBy(asc(recommenderUnits.name), asc(applications.recommendRank), asc(applications.id))
    .limit(3000);
  return rows.map(withFacts);
}

/** Locks the application's row (the one a formal check changes) and reads its state. */
export async function lockApplicationState(tx: Db, id: string) {
  const [row] = await tx
    .select({
      id: applications.id,
      campaignId: applications.campaignId,
      state: applications.state,
      currentVersionNo: applications.currentVersionNo,
    })
    .from(applications)
    .where(eq(applications.id, id))
    .for('update');
  return row;
}

export async function setApplicationState(
  tx: Db,
  id: string,
  state: 'under_review' | 'ineligible',
  now: Date,
) {
  await tx.update(applications).set({ state, updatedAt: now }).where(eq(applications.id, id));
}

/** Whether the application sits in a published review round (its experts may be scoring it). */
export async function inPublishedRound(db: Db, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewAssignments.id })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        ne(reviewAssignments.state, 'removed'),
        or(
          eq(reviewAssignments.state, 'published'),
          inArray(reviewRounds.state, ['published', 'closed']),
        ),
      ),
    )
    .limit(1);
  return !!row;
}

export async function findFormalCheck(db: Db, applicationId: string) {
  const [row] = await db
    .select({ check: formalChecks, checkedByName: users.name })
    .from(formalChecks)
    .innerJoin(users, eq(users.id, formalChecks.checkedBy))
    .where(eq(formalChecks.applicationId, applicationId));
  return row;
}

export async function listFormalChecks(db: Db, applicationIds: string[]) {
  if (!applicationIds.length) return new Map<string, FormalCheckRow>();
  const rows = await db
    .select()
    .from(formalChecks)
    .where(inArray(formalChecks.applicationId, applicationIds));
  return new Map(rows.map((r) => [r.applicationId, r]));
}

/**
 * Writes the application's check over `revision` (0: none yet). Answers false when the stored
 * revision is another (someone recorded meanwhile): nothing is written then.
 */
export async function saveFormalCheck(
  tx: Db,
  revision: number,
  row: Omit<typeof formalChecks.$inferInsert, 'revision'>,
): Promise<boolean> {
  if (revision === 0) {
    const inserted = await tx
      .insert(formalChecks)
      .values({ ...row, revision: 1 })
      .onConflictDoNothing()
      .returning({ id: formalChecks.applicationId });
    return inserted.length === 1;
  }
  const updated = await tx
    .update(formalChecks)
    .set({ ...row, revision: revision + 1 })
    .where(
      and(eq(formalChecks.applicationId, row.applicationId), eq(formalChecks.revision, revision)),
    )
    .returning({ id: formalChecks.applicationId });
  return updated.length === 1;
}

/**
 * 纸质材料签收 as the formal check reads it: each application's received paper copies.
 * The registry module records them (and answers `paperStatusOf` for its list); the formal check
 * reads each copy itself, to say which version arrived and whether it was late.
 */
export async function listPaperReceipts(
  db: Db,
  applicationIds: string[],
): Promise<Map<string, PaperReceiptFact[]>> {
  const out = new Map<string, PaperReceiptFact[]>();
  if (!applicationIds.length) return out;
  const rows = await db
    .select({
      applicationId: paperReceipts.applicationId,
      kind: paperReceipts.kind,
      versionNo: paperReceipts.versionNo,
      status: paperReceipts.status,
      late: paperReceipts.late,
      receivedOn: paperReceipts.receivedOn,
      postmarkedOn: paperReceipts.postmarkedOn,
    })
    .from(paperReceipts)
    .where(
      and(
        inArray(paperReceipts.applicationId, applicationIds),
        eq(paperReceipts.kind, 'application'),
      ),
    )
    .orderBy(asc(paperReceipts.createdAt));
  for (const { applicationId, versionNo, ...r } of rows) {
    if (applicationId === null || versionNo === null) continue; // a 附件3 names no application
    const list = out.get(applicationId) ?? [];
    list.push({ ...r, versionNo });
    out.set(applicationId, list);
  }
  return out;
}

/** The result as the enterprise and the recommender read it: no checker. */
export async function findOutcome(db: Db, applicationId: string) {
  const [row] = await db
    .select({
      result: formalChecks.result,
      items: formalChecks.items,
      checkedAt: formalChecks.checkedAt,
    })
    .from(formalChecks)
    .where(eq(formalChecks.applicationId, applicationId));
  return row;
}
