// What the reminder sweep reads: who still has something to do before a deadline, leaving out
// those already reminded (the dedupe key of that reminder is there for each of their users).
// The insert's unique (user, dedupe key) is what guarantees "once"; this filter only keeps a
// repeated sweep cheap.
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { UNSUBMITTED_STATES } from '../../../domain/application-states';
import type { Db } from '../../db/client';
import {
  applications,
  awards,
  campaigns,
  enterprises,
  followUpReports,
  recommendationBatches,
  recommenderUnits,
  users,
} from '../../db/schema';

/** A reminder's key in SQL: prefix || subject || suffix (see domain/reminders.ts). */
export interface KeyParts {
  prefix: string;
  suffix: string;
}

/** Some active user of the enterprise has not had this reminder yet. */
function enterpriseNotReminded(enterpriseId: SQL | typeof applications.enterpriseId, key: SQL) {
  return sql`exists (
    select 1 from users u
    where u.enterprise_id = ${enterpriseId} and u.status = 'active'
      and not exists (select 1 from notifications n where n.user_id = u.id and n.dedupe_key = ${key})
  )`;
}

/** Campaigns (not the demo) with a deadline still ahead. */
export function listCampaignsAhead(db: Db, now: Date) {
  return db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      onlineDeadline: campaigns.onlineDeadline,
      paperDeadline: campaigns.paperDeadline,
      settings: campaigns.settings,
    })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.isDemo, false),
        or(gt(campaigns.onlineDeadline, now), gt(campaigns.paperDeadline, now)),
      ),
    )
    .orderBy(asc(campaigns.id));
}

/** The campaign's applications not submitted (draft, returned) whose enterprise was not reminded. */
export function listUnsubmittedToRemind(db: Db, campaignId: string, key: KeyParts) {
  return db
    .select({
      id: applications.id,
      enterpriseId: applications.enterpriseId,
      name: sql<string>`coalesce(nullif(${applications.facts}->>'solutionName', ''), nullif(${applications.solutionName}, ''), '')`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.campaignId, campaignId),
        inArray(applications.state, [...UNSUBMITTED_STATES]),
        enterpriseNotReminded(
          sql`${applications.enterpriseId}`,
          sql`${key.prefix} || ${applications.id}::text || ${key.suffix}`,
        ),
      ),
    )
    .orderBy(asc(applications.id));
}

/**
 * Units with work left in the campaign: applications waiting for a decision, or recommended ones
 * in a batch not signed off; with the counts, and only where a recommender was not reminded.
 */
export function listUnitsToRemind(db: Db, campaignId: string, key: KeyParts) {
  const pending = sql<number>`(count(*) filter (where ${applications.state} = 'submitted'))::int`;
  const recommended = sql<number>`(count(*) filter (where ${applications.state} = 'recommended'))::int`;
  const signedOff = sql<boolean>`coalesce(${recommendationBatches.state} = 'signed_off', false)`;
  return db
    .select({
      unitId: applications.channelUnitId,
      unitName: recommenderUnits.name,
      pending,
      recommended,
      signedOff,
    })
    .from(applications)
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .leftJoin(
      recommendationBatches,
      and(
        eq(recommendationBatches.campaignId, applications.campaignId),
        eq(recommendationBatches.unitId, applications.channelUnitId),
      ),
    )
    .where(
      and(
        eq(applications.campaignId, campaignId),
        inArray(applications.state, ['submitted', 'recommended']),
        sql`exists (
          select 1 from users u
          where u.role = 'recommender' and u.recommender_unit_id = ${applications.channelUnitId}
            and u.status = 'active'
            and not exists (
              select 1 from notifications n where n.user_id = u.id
                and n.dedupe_key = ${key.prefix} || ${campaignId}::text || ':' || ${applications.channelUnitId}::text || ${key.suffix}
            )
        )`,
      ),
    )
    .groupBy(applications.channelUnitId, recommenderUnits.name, recommendationBatches.state)
    .having(sql`${pending} > 0 or (${recommended} > 0 and not ${signedOff})`)
    .orderBy(asc(applications.channelUnitId));
}

/**
 * Past winners of the given years with no submitted 附件4 in the campaign, each with the
 * enterprise that now holds the award's credit code (not reminded yet).
 */
export function listUnfiledFollowUpsToRemind(
  db: Db,
  campaignId: string,
  years: number[],
  key: KeyParts,
) {
  if (years.length === 0) return Promise.resolve([]);
  return db
    .select({
      awardId: awards.id,
      solutionName: awards.solutionName,
      enterpriseId: enterprises.id,
    })
    .from(awards)
    .innerJoin(enterprises, and(eq(enterprises.uscc, awards.uscc), isNull(enterprises.releasedAt)))
    .leftJoin(
      followUpReports,
      and(eq(followUpReports.awardId, awards.id), eq(followUpReports.campaignId, campaignId)),
    )
    .where(
      and(
        inArray(awards.year, years),
        sql`${followUpReports.state} is distinct from 'submitted'`,
        enterpriseNotReminded(
          sql`${enterprises.id}`,
          sql`${key.prefix} || ${campaignId}::text || ':' || ${awards.id}::text || ${key.suffix}`,
        ),
      ),
    )
    .orderBy(asc(awards.id));
}

/**
 * Serialises the sweeps' writes (two processes, or a retry overlapping a late run): the second
 * one's inserts then meet the first one's committed keys and write nothing, and two transactions
 * never wait on each other's rows in opposite orders. Held until the transaction ends.
 */
export async function lockReminderWrites(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('zx.reminders'))`);
}

/** The active accounts of these enterprises, each with its enterprise. */
export function usersOfEnterprises(db: Db, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, groupId: sql<string>`${users.enterpriseId}` })
    .from(users)
    .where(and(inArray(users.enterpriseId, enterpriseIds), eq(users.status, 'active')));
}

/** The active recommenders of these units, each with its unit. */
export function recommendersOfUnits(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, groupId: sql<string>`${users.recommenderUnitId}` })
    .from(users)
    .where(
      and(
        eq(users.role, 'recommender'),
        inArray(users.recommenderUnitId, unitIds),
        eq(users.status, 'active'),
      ),
    );
}

