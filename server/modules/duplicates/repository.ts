import { and, asc, count, desc, eq, gt, gte, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  applications,
  awards,
  duplicateFindings,
  enterprises,
  recommenderUnits,
} from '../../db/schema';

export type FindingRow = typeof duplicateFindings.$inferSelect;
export type FindingInsert = typeof duplicateFindings.$inferInsert;

const awardSourceColumns = {
  id: awards.id,
  year: awards.year,
  solutionName: awards.solutionName,
  enterpriseName: awards.enterpriseName,
  uscc: awards.uscc,
  text: awards.text,
};

export function listAwardSources(db: Db) {
  return db.select(awardSourceColumns).from(awards);
}
export type AwardSource = Awaited<ReturnType<typeof listAwardSources>>[number];

/**
 * Every award source, a page at a time in id order: reading (and mapping) 100,000 rows in one
 * result would hold the event loop for a long while, a page of them does not.
 */
export async function* awardSourcePages(db: Db, pageSize = 2_000): AsyncGenerator<AwardSource[]> {
  let after: string | undefined;
  for (;;) {
    const page = await db
      .select(awardSourceColumns)
      .from(awards)
      .where(after === undefined ? undefined : gt(awards.id, after))
      .orderBy(asc(awards.id))
      .limit(pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}

/** Changes whenever awards are added (imports, awards made in the platform). */
export async function awardsFingerprint(db: Db): Promise<string> {
  const [row] = await db.select({ n: count(), at: max(awards.createdAt) }).from(awards);
  return `${row?.n ?? 0}:${row?.at ? new Date(row.at).toISOString() : ''}`;
}

const sourceColumns = {
  id: applications.id,
  campaignId: applications.campaignId,
  enterpriseId: applications.enterpriseId,
  channelUnitId: applications.channelUnitId,
  state: applications.state,
  data: applications.data,
  enterpriseName: enterprises.name,
  uscc: enterprises.uscc,
  channelUnitName: recommenderUnits.name,
  updatedAt: applications.updatedAt,
};

function sources(db: Db, where: SQL | undefined) {
  return db
    .select(sourceColumns)
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(where);
}

/** The campaign's filed applications, with what the detector compares. */
export function listApplicationSources(db: Db, campaignId: string) {
  return sources(
    db,
    and(
      eq(applications.campaignId, campaignId),
      sql`${applications.state} not in ('draft', 'returned')`,
    ),
  );
}

/** The campaign's applications changed at or after `since`, in any state: what another node may have done. */
export function listApplicationsChangedSince(db: Db, campaignId: string, since: Date) {
  return sources(
    db,
    and(eq(applications.campaignId, campaignId), gte(applications.updatedAt, since)),
  );
}

export async function findApplicationSource(db: Db, id: string) {
  const [row] = await sources(db, eq(applications.id, id));
  return row;
}
export type ApplicationSource = NonNullable<Awaited<ReturnType<typeof findApplicationSource>>>;

export function listAwardsById(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select().from(awards).where(inArray(awards.id, ids));
}

/** Every finding on `applicationId`'s side or naming it as the match. */
export const touching = (applicationId: string) =>
  or(
    eq(duplicateFindings.applicationId, applicationId),
    eq(duplicateFindings.matchApplicationId, applicationId),
  );
export const inCampaign = (campaignId: string) => eq(duplicateFindings.campaignId, campaignId);

export function listFindingRows(tx: Db, where: SQL | undefined) {
  return tx.select().from(duplicateFindings).where(where);
}

export async function insertFinding(tx: Db, row: FindingInsert) {
  await tx.insert(duplicateFindings).values(row).onConflictDoNothing();
}

export async function updateFinding(tx: Db, id: string, patch: Partial<FindingInsert>) {
  const [row] = await tx
    .update(duplicateFindings)
    .set(patch)
    .where(eq(duplicateFindings.id, id))
    .returning();
  return row!;
}

export async function deleteFindings(tx: Db, ids: string[]) {
  // only open ones: an organizer's decision taken meanwhile is never silently dropped
  if (ids.length)
    await tx
      .delete(duplicateFindings)
      .where(and(inArray(duplicateFindings.id, ids), eq(duplicateFindings.state, 'open')));
}

export async function lockFinding(tx: Db, id: string) {
  const [row] = await tx
    .select()
    .from(duplicateFindings)
    .where(eq(duplicateFindings.id, id))
    .for('update');
  return row;
}

/**
 * Of these applications, how their open or confirmed findings stand: 'confirmed' when the
 * organizer confirmed any (the recommendation must be taken back), else 'open' (awaiting the
 * organizer). Applications with neither are not in the map.
 */
export async function duplicateStandings(
  db: Db,
  ids: string[],
): Promise<Map<string, 'open' | 'confirmed'>> {
  const out = new Map<string, 'open' | 'confirmed'>();
  if (!ids.length) return out;
  const rows = await db
    .selectDistinct({ id: duplicateFindings.applicationId, state: duplicateFindings.state })
    .from(duplicateFindings)
    .where(
      and(
        inArray(duplicateFindings.applicationId, ids),
        inArray(duplicateFindings.state, ['open', 'confirmed']),
      ),
    );
  for (const r of rows)
    if (r.state === 'confirmed' || !out.has(r.id)) out.set(r.id, r.state as 'open' | 'confirmed');
  return out;
}

/** Open and confirmed findings on an application's side: a SQL expression for list queries. */
export const openFindingsCount = (applicationId: SQL | typeof applications.id) =>
  sql<number>`(select count(*)::int from ${duplicateFindings} where ${duplicateFindings.applicationId} = ${applicationId} and ${duplicateFindings.state} in ('open', 'confirmed'))`;

const matchApp = alias(applications, 'match_app');
const matchEnterprise = alias(enterprises, 'match_enterprise');
const matchUnit = alias(recommenderUnits, 'match_unit');

/** Findings with both sides' names, strongest first. */
export function listFindings(
  db: Db,
  f: {
    id?: string;
    applicationId?: string;
    campaignId?: string;
    state?: FindingRow['state'];
    kind?: FindingRow['kind'];
  },
) {
  return db
    .select({
      finding: duplicateFindings,
      applicationName: applications.solutionName,
      enterpriseName: enterprises.name,
      channelUnitName: recommenderUnits.name,
      award: {
        id: awards.id,
        year: awards.year,
        solutionName: awards.solutionName,
        enterpriseName: awards.enterpriseName,
        uscc: awards.uscc,
        recommenderName: awards.recommenderName,
      },
      match: {
        id: matchApp.id,
        solutionName: matchApp.solutionName,
        enterpriseName: matchEnterprise.name,
        channelUnitName: matchUnit.name,
      },
    })
    .from(duplicateFindings)
    .innerJoin(applications, eq(applications.id, duplicateFindings.applicationId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .leftJoin(awards, eq(awards.id, duplicateFindings.matchAwardId))
    .leftJoin(matchApp, eq(matchApp.id, duplicateFindings.matchApplicationId))
    .leftJoin(matchEnterprise, eq(matchEnterprise.id, matchApp.enterpriseId))
    .leftJoin(matchUnit, eq(matchUnit.id, matchApp.channelUnitId))
    .where(
      and(
        f.id ? eq(duplicateFindings.id, f.id) : undefined,
        f.applicationId ? eq(duplicateFindings.applicationId, f.applicationId) : undefined,
        f.campaignId ? eq(duplicateFindings.campaignId, f.campaignId) : undefined,
        f.state ? eq(duplicateFindings.state, f.state) : undefined,
        f.kind ? eq(duplicateFindings.kind, f.kind) : undefined,
      ),
    )
    .orderBy(desc(duplicateFindings.score), duplicateFindings.id)
    .limit(2000);
}
export type FindingListRow = Awaited<ReturnType<typeof listFindings>>[number];

/**
 * Serialises the writing of one campaign's findings across processes (transaction-scoped): two
 * nodes storing the findings of two similar filings submitted at the same moment would otherwise
 * both insert the pair and one would fail on the unique index, losing its other findings.
 */
export async function lockCampaignFindings(tx: Db, campaignId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`duplicate-findings:${campaignId}`}, 0))`,
  );
}
