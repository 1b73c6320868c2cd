import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  awards,
  followUpReports,
  recommendationBatches,
  recommenderUnits,
} from '../../db/schema';
import { STATES_REACHING } from '../../../domain/statistics';
import { forwardedCount, paperReceivedCount, summaryTablesReceived } from '../registry';

const REACHED_RECOMMENDED = sql.raw(STATES_REACHING.recommended.map((s) => `'${s}'`).join(', '));

const n = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)::int`;

/**
 * One row per active unit, with or without anything received: its applications in the campaign
 * by state, its batch, the 附件4 reports its past winners of `awardYears` owe and have filed, and
 * the paper copies received (申报书 of its forwarded applications, its stamped 附件3).
 */
export async function listProgress(db: Db, campaignId: string, awardYears: number[]) {
  const apps = db
    .select({
      unitId: applications.channelUnitId,
      received: sql<number>`count(*) filter (where ${applications.state} <> 'draft')`.as(
        'received',
      ),
      pending: sql<number>`count(*) filter (where ${applications.state} = 'submitted')`.as(
        'pending',
      ),
      // recommended: every state an application reaches once recommended (the review's too)
      recommended:
        sql<number>`count(*) filter (where ${applications.state} in (${REACHED_RECOMMENDED}))`.as(
          'recommended',
        ),
      forwarded: forwardedCount().as('forwarded'),
      paperReceived: paperReceivedCount().as('paper_received'),
    })
    .from(applications)
    .where(eq(applications.campaignId, campaignId))
    .groupBy(applications.channelUnitId)
    .as('apps');
  const expected = db
    .select({ unitId: awards.recommenderUnitId, count: sql<number>`count(*)`.as('expected') })
    .from(awards)
    .where(inArray(awards.year, awardYears))
    .groupBy(awards.recommenderUnitId)
    .as('expected');
  const submitted = db
    .select({ unitId: awards.recommenderUnitId, count: sql<number>`count(*)`.as('submitted') })
    .from(followUpReports)
    .innerJoin(awards, eq(awards.id, followUpReports.awardId))
    .where(
      and(
        eq(followUpReports.campaignId, campaignId),
        eq(followUpReports.state, 'submitted'),
        inArray(awards.year, awardYears),
      ),
    )
    .groupBy(awards.recommenderUnitId)
    .as('submitted');
  const summaryTables = summaryTablesReceived(db, campaignId);
  return db
    .select({
      unit: recommenderUnits,
      received: n(sql`${apps.received}`),
      pending: n(sql`${apps.pending}`),
      recommended: n(sql`${apps.recommended}`),
      batchId: recommendationBatches.id,
      batchState: recommendationBatches.state,
      signedOffAt: recommendationBatches.signedOffAt,
      followUpsExpected: n(sql`${expected.count}`),
      followUpsSubmitted: n(sql`${submitted.count}`),
      forwarded: n(sql`${apps.forwarded}`),
      paperReceived: n(sql`${apps.paperReceived}`),
      summaryTableReceivedOn: summaryTables.receivedOn,
    })
    .from(recommenderUnits)
    .leftJoin(apps, eq(apps.unitId, recommenderUnits.id))
    .leftJoin(
      recommendationBatches,
      and(
        eq(recommendationBatches.unitId, recommenderUnits.id),
        eq(recommendationBatches.campaignId, campaignId),
      ),
    )
    .leftJoin(expected, eq(expected.unitId, recommenderUnits.id))
    .leftJoin(submitted, eq(submitted.unitId, recommenderUnits.id))
    .leftJoin(summaryTables, eq(summaryTables.unitId, recommenderUnits.id))
    .where(eq(recommenderUnits.active, true))
    .orderBy(
      asc(recommenderUnits.type),
      asc(recommenderUnits.sortOrder),
      asc(recommenderUnits.name),
    );
}
