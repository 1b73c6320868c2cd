import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  auditLog,
  awards,
  campaigns,
  duplicateFindings,
  enterprises,
  followUpReports,
  recommendationBatches,
  recommenderUnits,
  users,
} from '../../db/schema';
import { auditHash, GENESIS_HASH, type ChainedFields } from './chain';

// One number for the advisory lock that serialises appends to the chain.
const AUDIT_CHAIN_LOCK = 7_420_001;

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<ChainedFields, 'prevHash'>;

/** Appends one row. Call inside the transaction that makes the change it records. */
export async function appendAuditRow(tx: Db, entry: NewAuditEntry): Promise<AuditRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const fields: ChainedFields = { ...entry, prevHash: last?.hash ?? GENESIS_HASH };
  const [row] = await tx
    .insert(auditLog)
    .values({ ...fields, hash: auditHash(fields) })
    .returning();
  return row!;
}

export interface AuditFilter {
  actorId?: string;
  actorLabel?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

function whereOf(f: AuditFilter): SQL | undefined {
  return and(
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.actorLabel ? eq(auditLog.actorLabel, f.actorLabel) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
  );
}

export async function listAuditRows(
  db: Db,
  f: AuditFilter,
  page: { limit: number; beforeId?: number },
) {
  const where = and(whereOf(f), page.beforeId ? lt(auditLog.id, page.beforeId) : undefined);
  const [rows, [count]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(page.limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(whereOf(f)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** Walks the whole chain in id order, a page at a time. */
export async function* auditRowsInOrder(db: Db, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${after}`)
      .orderBy(auditLog.id)
      .limit(pageSize);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.id;
  }
}

/** The chain's head in one statement (one snapshot): how many rows, the last id and its hash. */
export async function auditChainHead(
  db: Db,
): Promise<{ count: number; lastId: number; hash: string } | null> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      lastId: sql<number | null>`max(${auditLog.id})::float8`,
      hash: sql<
        string | null
      >`(select h.hash from audit_log h where h.id = (select max(m.id) from audit_log m))`,
    })
    .from(auditLog);
  if (!row || row.lastId === null || row.hash === null) return null;
  return { count: row.count, lastId: Number(row.lastId), hash: row.hash };
}

/**
 * Every application's state next to the last state its audit history records (`summary.after.state`),
 * and whether its creation is recorded at all. Only those that disagree are returned.
 */
export async function applicationsDisagreeingWithLog(db: Db, limit: number) {
  const rows = await db.execute<{ id: string; state: string; logged: string | null }>(sql`
    with logged as (
      select a.id, a.state::text as state,
        coalesce(
          (select l.summary->'after'->>'state' from audit_log l
            where l.target_type = 'application' and l.target_id = a.id::text
              and l.summary->'after'->>'state' is not null
            order by l.id desc limit 1),
          (select 'draft' from audit_log l
            where l.target_type = 'application' and l.target_id = a.id::text
              and l.action = 'application.create' limit 1)
        ) as logged
      from applications a
    )
    select id, state, logged from logged
    where logged is distinct from state
    order by id
    limit ${limit}`);
  return (rows as unknown as { rows: { id: string; state: string; logged: string | null }[] }).rows;
}

/** What the audit page names its rows' objects by: one query per kind of object on the page. */
export async function namesOfObjects(db: Db, ids: Partial<Record<string, string[]>>) {
  const uuids = (k: string) =>
    [...new Set(ids[k] ?? [])].filter((v) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
    );
  const none = Promise.resolve([]);
  const [us, es, rus, cs, apps, fs, bs, frs, aws] = await Promise.all([
    uuids('user').length
      ? db
          .select({
            id: users.id,
            name: users.name,
            login: users.login,
            role: users.role,
            enterpriseName: enterprises.name,
            unitName: recommenderUnits.name,
          })
          .from(users)
          .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
          .leftJoin(recommenderUnits, eq(recommenderUnits.id, users.recommenderUnitId))
          .where(inArray(users.id, uuids('user')))
      : none,
    uuids('enterprise').length
      ? db
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(inArray(enterprises.id, uuids('enterprise')))
      : none,
    uuids('recommender_unit').length
      ? db
          .select({ id: recommenderUnits.id, name: recommenderUnits.name })
          .from(recommenderUnits)
          .where(inArray(recommenderUnits.id, uuids('recommender_unit')))
      : none,
    uuids('campaign').length
      ? db
          .select({ id: campaigns.id, title: campaigns.title, code: campaigns.code })
          .from(campaigns)
          .where(inArray(campaigns.id, uuids('campaign')))
      : none,
    uuids('application').length
      ? db
          .select({
            id: applications.id,
            solutionName: sql<string | null>`${applications.facts}->>'solutionName'`,
            enterpriseName: enterprises.name,
          })
          .from(applications)
          .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
          .where(inArray(applications.id, uuids('application')))
      : none,
    uuids('duplicate_finding').length
      ? db
          .select({
            id: duplicateFindings.id,
            campaignId: duplicateFindings.campaignId,
            solutionName: sql<string | null>`${applications.facts}->>'solutionName'`,
          })
          .from(duplicateFindings)
          .innerJoin(applications, eq(applications.id, duplicateFindings.applicationId))
          .where(inArray(duplicateFindings.id, uuids('duplicate_finding')))
      : none,
    uuids('recommendation_batch').length
      ? db
          .select({
            id: recommendationBatches.id,
            campaignId: recommendationBatches.campaignId,
            unitName: recommenderUnits.name,
            campaignTitle: campaigns.title,
          })
          .from(recommendationBatches)
          .innerJoin(recommenderUnits, eq(recommenderUnits.id, recommendationBatches.unitId))
          .innerJoin(campaigns, eq(campaigns.id, recommendationBatches.campaignId))
          .where(inArray(recommendationBatches.id, uuids('recommendation_batch')))
      : none,
    uuids('follow_up_report').length
      ? db
          .select({
            id: followUpReports.id,
            campaignId: followUpReports.campaignId,
            awardId: followUpReports.awardId,
            solutionName: awards.solutionName,
          })
          .from(followUpReports)
          .innerJoin(awards, eq(awards.id, followUpReports.awardId))
          .where(inArray(followUpReports.id, uuids('follow_up_report')))
      : none,
    uuids('award').length
      ? db
          .select({ id: awards.id, solutionName: awards.solutionName })
          .from(awards)
          .where(inArray(awards.id, uuids('award')))
      : none,
  ]);
  return {
    users: us,
    enterprises: es,
    units: rus,
    campaigns: cs,
    applications: apps,
    findings: fs,
    batches: bs,
    followUps: frs,
    awards: aws,
  };
}
export type ObjectNames = Awaited<ReturnType<typeof namesOfObjects>>;
