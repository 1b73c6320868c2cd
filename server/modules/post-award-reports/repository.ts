// 年度运行监测 and 自查评估: all the module's SQL.
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { FormDeclaration } from '../../../domain/form';
import type { Db } from '../../db/client';
import {
  campaignForms,
  campaigns,
  documents,
  postAwardReports,
  postAwardRounds,
  postAwardUnitSummaries,
  publishedLists,
  publishedSolutions,
} from '../../db/schema';

export type RoundRow = typeof postAwardRounds.$inferSelect;
export type ReportRow = typeof postAwardReports.$inferSelect;
export type ListRow = typeof publishedLists.$inferSelect;
export type SolutionRow = typeof publishedSolutions.$inferSelect;
export type UnitSummaryRow = typeof postAwardUnitSummaries.$inferSelect;

export function listsOfYears(db: Db, years: number[]) {
  if (!years.length) return Promise.resolve([] as ListRow[]);
  return db
    .select()
    .from(publishedLists)
    .where(inArray(publishedLists.year, years))
    .orderBy(asc(publishedLists.year), asc(publishedLists.publishedOn));
}

export function listsByCampaign(db: Db, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([] as ListRow[]);
  return db
    .select()
    .from(publishedLists)
    .where(inArray(publishedLists.campaignId, campaignIds))
    .orderBy(asc(publishedLists.year), asc(publishedLists.publishedOn));
}

/** The solutions of the lists in one of the statuses, in list order. */
export function solutionsOfLists(
  db: Db,
  campaignIds: string[],
  f: { status?: 'valid'; notStatus?: ('revoked' | 'withdrawn')[] },
) {
  return db
    .select()
    .from(publishedSolutions)
    .where(
      and(
        inArray(publishedSolutions.campaignId, campaignIds),
        f.status ? eq(publishedSolutions.status, f.status) : undefined,
        f.notStatus?.length ? notInArray(publishedSolutions.status, f.notStatus) : undefined,
      ),
    )
    .orderBy(asc(publishedSolutions.year), asc(publishedSolutions.seq));
}

export async function findSolution(db: Db, publicId: string) {
  const [row] = await db
    .select()
    .from(publishedSolutions)
    .where(eq(publishedSolutions.publicId, publicId));
  return row;
}

/** The campaign's current form of a kind, with its revision. */
export async function currentForm(db: Db, campaignId: string, kind: string) {
  const [row] = await db
    .select()
    .from(campaignForms)
    .where(and(eq(campaignForms.campaignId, campaignId), eq(campaignForms.kind, kind)))
    .orderBy(desc(campaignForms.revision))
    .limit(1);
  return row;
}

/** The form a round froze: the campaign's form of the kind at that revision. */
export async function formAt(db: Db, campaignId: string, kind: string, revision: number) {
  const [row] = await db
    .select({ declaration: campaignForms.declaration })
    .from(campaignForms)
    .where(
      and(
        eq(campaignForms.campaignId, campaignId),
        eq(campaignForms.kind, kind),
        eq(campaignForms.revision, revision),
      ),
    );
  return row?.declaration;
}

/** A campaign made without a form of the kind gets its template (as the start-up backfill does). */
export async function insertTemplateForm(
  tx: Db,
  campaignId: string,
  kind: string,
  declaration: FormDeclaration,
) {
  const [c] = await tx
    .select({ revision: campaigns.configRevision })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  const revision = c?.revision ?? 1;
  await tx
    .insert(campaignForms)
    .values({ campaignId, kind, revision, declaration, createdBy: null })
    .onConflictDoNothing();
  return revision;
}

export async function findCampaignSettings(db: Db, campaignId: string) {
  const [row] = await db
    .select({ id: campaigns.id, year: campaigns.year, settings: campaigns.settings })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row;
}

/** Campaigns whose settings name a monitoring opening day, newest first. */
export function campaignsWithMonitoringDay(db: Db) {
  return db
    .select({ id: campaigns.id, year: campaigns.year, settings: campaigns.settings })
    .from(campaigns)
    .where(sql`${campaigns.settings} ->> 'monitoringOpensOn' is not null`)
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt));
}

export async function findRoundByKindYear(db: Db, kind: RoundRow['kind'], year: number) {
  const [row] = await db
    .select()
    .from(postAwardRounds)
    .where(and(eq(postAwardRounds.kind, kind), eq(postAwardRounds.year, year)));
  return row;
}

/** The new round; nothing when one of the kind and year exists (the unique index decides). */
export async function insertRound(tx: Db, row: typeof postAwardRounds.$inferInsert) {
  const [created] = await tx.insert(postAwardRounds).values(row).onConflictDoNothing().returning();
  return created;
}

export async function insertReports(tx: Db, rows: (typeof postAwardReports.$inferInsert)[]) {
  if (!rows.length) return;
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(postAwardReports).values(rows.slice(i, i + 500));
}

export async function findRound(db: Db, id: string) {
  const [row] = await db.select().from(postAwardRounds).where(eq(postAwardRounds.id, id));
  return row;
}

/** Rounds, newest first, with their reports counted by state (of one unit, or all). */
export function listRounds(db: Db, f: { unitId?: string; enterpriseId?: string } = {}) {
  const scope = and(
    eq(postAwardReports.roundId, postAwardRounds.id),
    f.unitId ? eq(postAwardReports.unitId, f.unitId) : undefined,
    f.enterpriseId ? eq(postAwardReports.enterpriseId, f.enterpriseId) : undefined,
  );
  const count = (state?: ReportRow['state']) =>
    sql<number>`(select count(*)::int from ${postAwardReports} where ${and(
      scope,
      state ? eq(postAwardReports.state, state) : undefined,
    )})`;
  return db
    .select({
      round: postAwardRounds,
      total: count(),
      draft: count('draft'),
      submitted: count('submitted'),
      returned: count('returned'),
      forwarded: count('forwarded'),
    })
    .from(postAwardRounds)
    .orderBy(desc(postAwardRounds.openedAt));
}

const reportWithSolution = {
  report: postAwardReports,
  round: postAwardRounds,
  solution: {
    publicId: publishedSolutions.publicId,
    year: publishedSolutions.year,
    solutionName: publishedSolutions.solutionName,
    enterpriseName: publishedSolutions.enterpriseName,
    unitName: publishedSolutions.unitName,
    categoryName: publishedSolutions.categoryName,
    regionName: publishedSolutions.regionName,
    status: publishedSolutions.status,
    validUntil: publishedSolutions.validUntil,
  },
};

/** Reports with their solution and round: of a round (one unit's or all), or an enterprise's. */
export function listReports(
  db: Db,
  f: { roundId?: string; unitId?: string; enterpriseId?: string },
) {
  return db
    .select(reportWithSolution)
    .from(postAwardReports)
    .innerJoin(postAwardRounds, eq(postAwardRounds.id, postAwardReports.roundId))
    .innerJoin(publishedSolutions, eq(publishedSolutions.publicId, postAwardReports.publicId))
    .where(
      and(
        f.roundId ? eq(postAwardReports.roundId, f.roundId) : undefined,
        f.unitId ? eq(postAwardReports.unitId, f.unitId) : undefined,
        f.enterpriseId ? eq(postAwardReports.enterpriseId, f.enterpriseId) : undefined,
      ),
    )
    .orderBy(
      desc(postAwardRounds.openedAt),
      asc(publishedSolutions.unitName),
      asc(publishedSolutions.year),
      asc(publishedSolutions.seq),
    );
}

export async function findReport(db: Db, id: string) {
  const [row] = await db
    .select(reportWithSolution)
    .from(postAwardReports)
    .innerJoin(postAwardRounds, eq(postAwardRounds.id, postAwardReports.roundId))
    .innerJoin(publishedSolutions, eq(publishedSolutions.publicId, postAwardReports.publicId))
    .where(eq(postAwardReports.id, id));
  return row;
}

export async function lockReport(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(postAwardReports)
    .where(eq(postAwardReports.id, id))
    .for('update');
  return row;
}

/** Saves over exactly `baseVersion` of an editable report; nothing when that is not the case. */
export async function saveOverVersion(
  db: Db,
  id: string,
  baseVersion: number,
  patch: { data: Record<string, unknown>; updatedAt: Date; updatedBy: string },
) {
  const [row] = await db
    .update(postAwardReports)
    .set({ ...patch, version: sql`${postAwardReports.version} + 1` })
    .where(
      and(
        eq(postAwardReports.id, id),
        eq(postAwardReports.version, baseVersion),
        inArray(postAwardReports.state, ['draft', 'returned']),
      ),
    )
    .returning();
  return row;
}

export async function updateReport(
  tx: Db,
  id: string,
  patch: Partial<typeof postAwardReports.$inferInsert>,
) {
  const [row] = await tx
    .update(postAwardReports)
    .set(patch)
    .where(eq(postAwardReports.id, id))
    .returning();
  return row!;
}

/** The unit's reports in the round, locked (a stamp re-checks they are all forwarded). */
export function lockUnitReports(tx: Db, roundId: string, unitId: string) {
  return tx
    .select({ id: postAwardReports.id, state: postAwardReports.state })
    .from(postAwardReports)
    .where(and(eq(postAwardReports.roundId, roundId), eq(postAwardReports.unitId, unitId)))
    .for('update');
}

export async function findUnitSummary(db: Db, roundId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(postAwardUnitSummaries)
    .where(
      and(eq(postAwardUnitSummaries.roundId, roundId), eq(postAwardUnitSummaries.unitId, unitId)),
    );
  return row;
}

export function listUnitSummaries(db: Db, roundId: string) {
  return db
    .select()
    .from(postAwardUnitSummaries)
    .where(eq(postAwardUnitSummaries.roundId, roundId));
}

/** A new scan replaces the unit's earlier one (each stays in documents, and in the audit). */
export async function upsertUnitSummary(tx: Db, row: typeof postAwardUnitSummaries.$inferInsert) {
  const [saved] = await tx
    .insert(postAwardUnitSummaries)
    .values(row)
    .onConflictDoUpdate({
      target: [postAwardUnitSummaries.roundId, postAwardUnitSummaries.unitId],
      set: {
        documentId: row.documentId,
        comment: row.comment,
        stampedBy: row.stampedBy,
        stampedAt: row.stampedAt,
      },
    })
    .returning();
  return saved!;
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [created] = await tx.insert(documents).values(row).returning();
  return created!;
}

export async function findDocument(db: Db, id: string) {
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

export function findDocuments(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as (typeof documents.$inferSelect)[]);
  return db.select().from(documents).where(inArray(documents.id, ids));
}

/** The latest self-evaluation of a solution (the newest round it has a report in). */
export async function latestSelfEvaluation(db: Db, publicId: string) {
  const [row] = await db
    .select({ report: postAwardReports, round: postAwardRounds })
    .from(postAwardReports)
    .innerJoin(postAwardRounds, eq(postAwardRounds.id, postAwardReports.roundId))
    .where(
      and(eq(postAwardReports.publicId, publicId), eq(postAwardRounds.kind, 'self_evaluation')),
    )
    .orderBy(desc(postAwardRounds.openedAt))
    .limit(1);
  return row;
}
