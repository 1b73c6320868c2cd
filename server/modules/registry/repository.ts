// 申报项目库 and 纸质材料签收: all their SQL. The registry reads applications that reached the
// ministry with their findings, formal checks and paper copies; receipts are only ever inserted.
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  applicationVersions,
  campaigns,
  duplicateFindings,
  enterprises,
  formalChecks,
  paperReceipts,
  recommendationBatches,
  recommenderUnits,
  users,
} from '../../db/schema';
import type { RegistryFilters } from '../../../domain/api/registry';
import type { PaperKind, PaperReceiptStatus } from '../../../domain/registry';
import { REGISTRY_STATES } from '../../../domain/registry';

// ------------------------------------------------------------------ paper copies, as SQL

/** A paper 申报书 of the application's current frozen version was received (optionally: on time). */
const currentCopy = (onTime = false) =>
  sql`exists (select 1 from ${paperReceipts} where ${paperReceipts.applicationId} = ${applications.id}
    and ${paperReceipts.kind} = 'application'
    and ${paperReceipts.versionNo} = ${applications.currentVersionNo}${onTime ? sql` and not ${paperReceipts.late}` : sql``})`;

/** A paper 申报书 of another version than the current one was received. */
const otherVersionCopy = sql`exists (select 1 from ${paperReceipts} where ${paperReceipts.applicationId} = ${applications.id}
    and ${paperReceipts.kind} = 'application'
    and ${paperReceipts.versionNo} is distinct from ${applications.currentVersionNo})`;

const reachedMinistry = sql`${applications.state} in (${sql.join(
  REGISTRY_STATES.map((s) => sql`${s}`),
  sql`, `,
)})`;

/**
 * Aggregates over `applications` for list queries (the progress page counts them per unit): how
 * many reached the ministry, and of those how many have their current version's paper 申报书.
 */
export const forwardedCount = () => sql<number>`count(*) filter (where ${reachedMinistry})`;
export const paperReceivedCount = () =>
  sql<number>`count(*) filter (where ${reachedMinistry} and ${currentCopy()})`;

/** Per unit of a campaign: the first day a stamped 附件3 arrived on paper. */
export function summaryTablesReceived(db: Db, campaignId: string) {
  return db
    .select({
      unitId: paperReceipts.unitId,
      receivedOn: sql<string>`min(${paperReceipts.receivedOn})`.as('summary_table_received_on'),
    })
    .from(paperReceipts)
    .where(and(eq(paperReceipts.campaignId, campaignId), eq(paperReceipts.kind, 'summary_table')))
    .groupBy(paperReceipts.unitId)
    .as('summary_tables');
}

// ------------------------------------------------------------------ 申报项目库

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The industries of the application's facts as a set of codes `e`. */
const industriesOf = sql`jsonb_array_elements_text(case when jsonb_typeof(${applications.facts}->'industries') = 'array' then ${applications.facts}->'industries' else '[]'::jsonb end)`;

function industryFilter(value: string): SQL {
  if (/^[A-Ta-t]$/.test(value))
    return sql`exists (select 1 from ${industriesOf} e
      where (select i.section from industries i where i.code = e) = ${value.toUpperCase()})`;
  const prefix = value.replace(/^[A-Ta-t]/, '');
  return sql`exists (select 1 from ${industriesOf} e where e like ${`${prefix}%`})`;
}

const confirmedFinding = sql`exists (select 1 from ${duplicateFindings} where ${duplicateFindings.applicationId} = ${applications.id} and ${duplicateFindings.state} = 'confirmed')`;
const openFinding = sql`exists (select 1 from ${duplicateFindings} where ${duplicateFindings.applicationId} = ${applications.id} and ${duplicateFindings.state} = 'open')`;

/** The registry's conditions: the campaign's applications that reached the ministry, filtered. */
function registryWhere(campaignId: string, f: RegistryFilters): SQL | undefined {
  const like = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return and(
    eq(applications.campaignId, campaignId),
    inArray(applications.state, [...REGISTRY_STATES]),
    f.unitId ? eq(applications.channelUnitId, f.unitId) : undefined,
    f.state ? eq(applications.state, f.state) : undefined,
    f.category ? sql`${applications.facts}->>'category' = ${f.category}` : undefined,
    f.province
      ? sql`${applications.facts}->>'region' ~ '^[0-9]{6}$' and left(${applications.facts}->>'region', 2) = ${f.province.slice(0, 2)}`
      : undefined,
    f.industry ? industryFilter(f.industry) : undefined,
    f.duplicates === 'confirmed' ? confirmedFinding : undefined,
    f.duplicates === 'open' ? and(openFinding, sql`not ${confirmedFinding}`) : undefined,
    f.duplicates === 'none' ? sql`not ${openFinding} and not ${confirmedFinding}` : undefined,
    f.paper === 'yes' ? currentCopy() : undefined,
    f.paper === 'no' ? sql`not ${currentCopy()}` : undefined,
    f.paper === 'late' ? sql`${currentCopy()} and not ${currentCopy(true)}` : undefined,
    f.paper === 'mismatch' ? otherVersionCopy : undefined,
    f.formalCheck === 'pass' || f.formalCheck === 'fail'
      ? sql`exists (select 1 from ${formalChecks} where ${formalChecks.applicationId} = ${applications.id} and ${formalChecks.result} = ${f.formalCheck})`
      : undefined,
    f.formalCheck === 'none'
      ? sql`not exists (select 1 from ${formalChecks} where ${formalChecks.applicationId} = ${applications.id})`
      : undefined,
    like
      ? or(
          ilike(applications.solutionName, like),
          sql`${applications.facts}->>'solutionName' ilike ${like}`,
          sql`${applications.facts}->>'applicantName' ilike ${like}`,
          sql`${applications.facts}->>'uscc' ilike ${like}`,
          ilike(enterprises.name, like),
          ilike(enterprises.uscc, like),
        )
      : undefined,
  );
}

function registryOrder(f: Pick<RegistryFilters, 'sort' | 'order'>): SQL[] {
  const dir = f.order === 'desc' ? desc : asc;
  switch (f.sort) {
    case 'submittedAt':
      return [dir(applications.submittedAt), asc(applications.id)];
    case 'name':
      return [dir(applications.solutionName), asc(applications.id)];
    default:
      return [
        dir(recommenderUnits.type),
        dir(recommenderUnits.sortOrder),
        dir(recommenderUnits.name),
        sql`${applications.recommendRank} asc nulls last`,
        asc(applications.submittedAt),
        asc(applications.id),
      ];
  }
}

const fact = (key: string) => sql<string | null>`nullif(${applications.facts}->>${key}, '')`;

const registryColumns = {
  id: applications.id,
  solutionName: applications.solutionName,
  factName: fact('solutionName'),
  category: fact('category'),
  applicantName: fact('applicantName'),
  uscc: fact('uscc'),
  region: fact('region'),
  enterpriseName: enterprises.name,
  enterpriseUscc: enterprises.uscc,
  unitId: recommenderUnits.id,
  unitName: recommenderUnits.name,
  rank: applications.recommendRank,
  state: applications.state,
  currentVersionNo: applications.currentVersionNo,
  submittedAt: applications.submittedAt,
  duplicates: sql<
    'open' | 'confirmed' | 'none'
  >`case when ${confirmedFinding} then 'confirmed' when ${openFinding} then 'open' else 'none' end`,
  formalCheck: formalChecks.result,
};

function registryQuery(db: Db, campaignId: string, f: RegistryFilters) {
  return db
    .select(registryColumns)
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .leftJoin(formalChecks, eq(formalChecks.applicationId, applications.id))
    .where(registryWhere(campaignId, f))
    .orderBy(...registryOrder(f))
    .$dynamic();
}
export type RegistrySourceRow = Awaited<ReturnType<typeof registryQuery>>[number];

/** One page of the registry. */
export function listRegistry(
  db: Db,
  campaignId: string,
  f: RegistryFilters,
  page: { limit: number; offset: number },
) {
  return registryQuery(db, campaignId, f).limit(page.limit).offset(page.offset);
}

/** How many applications the filters leave. */
export async function countRegistry(db: Db, campaignId: string, f: RegistryFilters) {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(registryWhere(campaignId, f));
  return Number(row?.n ?? 0);
}

// ------------------------------------------------------------------ paper standing per application

/** Every paper 申报书 copy of these applications, with the application's current version. */
export function listPaperCopies(db: Db, applicationIds: string[]) {
  return db
    .select({
      applicationId: applications.id,
      currentVersionNo: applications.currentVersionNo,
      versionNo: paperReceipts.versionNo,
      receivedOn: paperReceipts.receivedOn,
      late: paperReceipts.late,
      createdAt: paperReceipts.createdAt,
    })
    .from(applications)
    .leftJoin(
      paperReceipts,
      and(eq(paperReceipts.applicationId, applications.id), eq(paperReceipts.kind, 'application')),
    )
    .where(inArray(applications.id, applicationIds))
    .orderBy(asc(paperReceipts.createdAt));
}

// ------------------------------------------------------------------ 纸质材料签收

/**
 * The version a code names with its application, the application's row share-locked: its state
 * cannot change under the receipt being written.
 */
export async function lockVersionByCode(tx: Db, code: string) {
  const [row] = await tx
    .select({
      versionNo: applicationVersions.versionNo,
      applicationId: applications.id,
      campaignId: applications.campaignId,
      campaignTitle: campaigns.title,
      state: applications.state,
      currentVersionNo: applications.currentVersionNo,
      channelUnitId: applications.channelUnitId,
    })
    .from(applicationVersions)
    .innerJoin(applications, eq(applications.id, applicationVersions.applicationId))
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .where(eq(applicationVersions.verificationCode, code))
    .for('share', { of: applications });
  return row;
}

/** The unit and its batch in the campaign (if any), the unit's row share-locked. */
export async function lockUnitBatch(tx: Db, campaignId: string, unitId: string) {
  const [unit] = await tx
    .select({ id: recommenderUnits.id, name: recommenderUnits.name })
    .from(recommenderUnits)
    .where(eq(recommenderUnits.id, unitId))
    .for('share');
  if (!unit) return undefined;
  const [batch] = await tx
    .select({ id: recommendationBatches.id, state: recommendationBatches.state })
    .from(recommendationBatches)
    .where(
      and(
        eq(recommendationBatches.campaignId, campaignId),
        eq(recommendationBatches.unitId, unitId),
      ),
    );
  return { unit, batch };
}

export type ReceiptInsert = typeof paperReceipts.$inferInsert & {
  kind: PaperKind;
  status: PaperReceiptStatus;
};

export async function insertReceipt(tx: Db, row: ReceiptInsert) {
  const [created] = await tx.insert(paperReceipts).values(row).returning({ id: paperReceipts.id });
  return created!.id;
}

/** Copies recorded of an application's 申报书, or of a unit's 附件3 in the campaign. */
export async function countCopies(
  tx: Db,
  of: { applicationId: string } | { campaignId: string; unitId: string },
) {
  const [row] = await tx
    .select({ n: count() })
    .from(paperReceipts)
    .where(
      'applicationId' in of
        ? and(
            eq(paperReceipts.applicationId, of.applicationId),
            eq(paperReceipts.kind, 'application'),
          )
        : and(
            eq(paperReceipts.campaignId, of.campaignId),
            eq(paperReceipts.unitId, of.unitId),
            eq(paperReceipts.kind, 'summary_table'),
          ),
    );
  return Number(row?.n ?? 0);
}

export interface ReceiptFilters {
  id?: string;
  unitId?: string;
  kind?: PaperKind;
  status?: PaperReceiptStatus;
  late?: boolean;
  applicationId?: string;
  receivedOn?: string;
}

function receiptWhere(campaignId: string, f: ReceiptFilters) {
  return and(
    eq(paperReceipts.campaignId, campaignId),
    f.id ? eq(paperReceipts.id, f.id) : undefined,
    f.unitId ? eq(paperReceipts.unitId, f.unitId) : undefined,
    f.kind ? eq(paperReceipts.kind, f.kind) : undefined,
    f.status ? eq(paperReceipts.status, f.status) : undefined,
    f.late !== undefined ? eq(paperReceipts.late, f.late) : undefined,
    f.applicationId ? eq(paperReceipts.applicationId, f.applicationId) : undefined,
    f.receivedOn ? eq(paperReceipts.receivedOn, f.receivedOn) : undefined,
  );
}

/** Receipts, newest first, with the application and unit by name. */
export function listReceipts(
  db: Db,
  campaignId: string,
  f: ReceiptFilters,
  page: { limit: number; offset: number },
) {
  return db
    .select({
      receipt: paperReceipts,
      currentVersionNo: applications.currentVersionNo,
      applicationState: applications.state,
      solutionName: applications.solutionName,
      applicantName: fact('applicantName'),
      enterpriseName: enterprises.name,
      unitName: recommenderUnits.name,
      receivedByName: users.name,
    })
    .from(paperReceipts)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, paperReceipts.unitId))
    .innerJoin(users, eq(users.id, paperReceipts.receivedBy))
    .leftJoin(applications, eq(applications.id, paperReceipts.applicationId))
    .leftJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(receiptWhere(campaignId, f))
    .orderBy(desc(paperReceipts.createdAt), desc(paperReceipts.id))
    .limit(page.limit)
    .offset(page.offset);
}
export type ReceiptListRow = Awaited<ReturnType<typeof listReceipts>>[number];

export async function countReceipts(db: Db, campaignId: string, f: ReceiptFilters) {
  const [row] = await db
    .select({ n: count() })
    .from(paperReceipts)
    .where(receiptWhere(campaignId, f));
  return Number(row?.n ?? 0);
}
