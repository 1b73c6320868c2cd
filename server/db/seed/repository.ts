import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { CampaignSettings } from '../../../domain/campaign';
import type { Db } from '../client';
import {
  applicationVersions,
  applications,
  awards,
  campaigns,
  enterprises,
  followUpReports,
  industries,
  meta,
  recommendationBatches,
  recommenderUnits,
  regions,
  users,
} from '../schema';

export async function readMeta(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select().from(meta).where(eq(meta.key, key));
  return row?.value;
}

export async function writeMeta(tx: Db, key: string, value: unknown) {
  await tx
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value } });
}

export async function insertRegions(tx: Db, rows: (typeof regions.$inferInsert)[]) {
  await tx.insert(regions).values(rows).onConflictDoNothing();
}

export async function insertIndustries(tx: Db, rows: (typeof industries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(industries)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** Serialises seeding when several servers start on one PostgreSQL. */
export async function lockSeeding(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(7420002)`);
}

/** What the scale generator (scale.ts) draws from: regions, industries, units, codes in use. */
export async function scaleReferenceRows(db: Db) {
  // one after another: the seeder may hold a single connection (pg runs one query at a time)
  const regionRows = await db.select().from(regions).orderBy(regions.code);
  const industryRows = await db
    .select({ code: industries.code, level: industries.level, section: industries.section })
    .from(industries)
    .orderBy(industries.code);
  const unitRows = await db
    .select({
      id: recommenderUnits.id,
      name: recommenderUnits.name,
      type: recommenderUnits.type,
      regionCode: recommenderUnits.regionCode,
      quotaOverride: recommenderUnits.quotaOverride,
    })
    .from(recommenderUnits)
    .where(eq(recommenderUnits.active, true))
    .orderBy(recommenderUnits.type, recommenderUnits.sortOrder, recommenderUnits.name);
  const usccRows = await db.select({ uscc: enterprises.uscc }).from(enterprises);
  return {
    regions: regionRows,
    industries: industryRows,
    units: unitRows,
    usccs: usccRows.map((r) => r.uscc),
  };
}

const SCALE_TABLES = {
  enterprises,
  users,
  applications,
  application_versions: applicationVersions,
  recommendation_batches: recommendationBatches,
  awards,
  follow_up_reports: followUpReports,
} as const;

/**
 * One INSERT of planned rows (scale.ts), sent as a single JSON parameter that PostgreSQL unpacks
 * (jsonb_to_recordset): far cheaper than thousands of bound parameters. The columns are those of
 * the first row that the table has; the planner's extra fields are left out.
 */
export async function insertScaleRows(
  tx: Db,
  table: keyof typeof SCALE_TABLES,
  rows: readonly object[],
) {
  if (!rows.length) return;
  const t = SCALE_TABLES[table];
  const present = rows[0] as Record<string, unknown>;
  const columns = Object.entries(getTableColumns(t)).filter(([key]) => present[key] !== undefined);
  const targets = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const fields = sql.join(
    columns.map(([key]) => sql`x.${sql.identifier(key)}`),
    sql`, `,
  );
  const types = sql.join(
    columns.map(([key, c]) => sql`${sql.identifier(key)} ${sql.raw(c.getSQLType())}`),
    sql`, `,
  );
  const json = JSON.stringify(rows);
  if (table === 'application_versions') {
    // a version freezes the application's data: copied in the database, not sent again
    await tx.execute(
      sql`insert into ${t} (${targets}, data) select ${fields}, a.data
          from jsonb_to_recordset(${json}::jsonb) as x(${types})
          join applications a on a.id = x."applicationId"`,
    );
    return;
  }
  await tx.execute(
    sql`insert into ${t} (${targets}) select ${fields}
        from jsonb_to_recordset(${json}::jsonb) as x(${types})`,
  );
}

export async function setCampaignSettings(db: Db, id: string, settings: CampaignSettings) {
  await db.update(campaigns).set({ settings }).where(eq(campaigns.id, id));
}

/** Fresh planner statistics after a bulk load. */
/**
 * After the bulk load, what autovacuum does on its next round: planner statistics, and the
 * visibility map that lets the statistics' counts read their indexes alone (index-only scans).
 */
export async function analyzeScaleTables(db: Db) {
  for (const t of [...Object.keys(SCALE_TABLES), 'application_stat_keys'])
    await db.execute(sql.raw(`vacuum (analyze) ${t}`));
}
