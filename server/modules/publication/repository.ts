// 发布: every statement of the publication module. Reads public_notices, objections, applications,
// enterprises, recommender_units, application_versions, campaigns and users; writes applications'
// state (in_public_notice → awarded), published_lists, published_solutions and their events.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applicationVersions,
  applications,
  campaigns,
  enterprises,
  objections,
  publicNotices,
  publishedLists,
  publishedSolutionEvents,
  publishedSolutions,
  recommenderUnits,
  users,
} from '../../db/schema';

export type NoticeRow = typeof publicNotices.$inferSelect;

export async function findNotice(db: Db, campaignId: string): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select()
    .from(publicNotices)
    .where(eq(publicNotices.campaignId, campaignId));
  return row;
}

/** Publishing locks the campaign's 公示 row first: two publications happen one after the other. */
export async function lockNotice(tx: Db, campaignId: string): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .select()
    .from(publicNotices)
    .where(eq(publicNotices.campaignId, campaignId))
    .for('update');
  return row;
}

export async function findList(db: Db, campaignId: string) {
  const [row] = await db
    .select({ list: publishedLists, publishedByName: users.name })
    .from(publishedLists)
    .innerJoin(users, eq(users.id, publishedLists.publishedBy))
    .where(eq(publishedLists.campaignId, campaignId));
  return row;
}

/** The campaign's objections, counted by state. */
export async function objectionCounts(db: Db, campaignId: string) {
  const rows = await db
    .select({ state: objections.state, n: count() })
    .from(objections)
    .where(eq(objections.campaignId, campaignId))
    .groupBy(objections.state);
  const out = { received: 0, upheld: 0, dismissed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/**
 * The campaign's applications still in 公示 (what the list will hold), with what is copied into the
 * published solutions: their facts, enterprise and recommender. Locked for update inside the
 * publication.
 */
export function listInNotice(db: Db, campaignId: string, lock = false) {
  const q = db
    .select({
      id: applications.id,
      solutionName: applications.solutionName,
      facts: applications.facts,
      enterpriseId: applications.enterpriseId,
      enterpriseName: enterprises.name,
      enterpriseUscc: enterprises.uscc,
      unitId: applications.channelUnitId,
      unitName: recommenderUnits.name,
    })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(and(eq(applications.campaignId, campaignId), eq(applications.state, 'in_public_notice')))
    .orderBy(asc(applications.id));
  return lock ? q.for('update', { of: applications }) : q;
}

/** The working copies (what the duplicate check compares) of these applications, by id. */
export async function dataOf(db: Db, ids: string[]): Promise<Map<string, unknown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: applications.id, data: applications.data })
    .from(applications)
    .where(inArray(applications.id, ids));
  return new Map(rows.map((r) => [r.id, r.data]));
}

/** 公示中 → 已入选 (a conditional UPDATE): answers those it moved. */
export async function markAwarded(tx: Db, ids: string[], now: Date): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .update(applications)
    .set({ state: 'awarded', updatedAt: now })
    .where(and(inArray(applications.id, ids), eq(applications.state, 'in_public_notice')))
    .returning({ id: applications.id });
  return rows.map((r) => r.id);
}

/** Of these public ids, those another list already uses. */
export async function takenPublicIds(db: Db, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: publishedSolutions.publicId })
    .from(publishedSolutions)
    .where(inArray(publishedSolutions.publicId, ids));
  return rows.map((r) => r.id);
}

/** Of these codes, those already on a certificate or a printed application version. */
export async function takenCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const [a, b] = await Promise.all([
    db
      .select({ code: publishedSolutions.certificateCode })
      .from(publishedSolutions)
      .where(inArray(publishedSolutions.certificateCode, codes)),
    db
      .select({ code: applicationVersions.verificationCode })
      .from(applicationVersions)
      .where(inArray(applicationVersions.verificationCode, codes)),
  ]);
  return new Set([...a, ...b].map((r) => r.code));
}

export async function insertList(tx: Db, row: typeof publishedLists.$inferInsert) {
  const [created] = await tx.insert(publishedLists).values(row).returning();
  return created!;
}

export async function insertSolution(tx: Db, row: typeof publishedSolutions.$inferInsert) {
  await tx.insert(publishedSolutions).values(row);
}

export async function insertEvent(tx: Db, row: typeof publishedSolutionEvents.$inferInsert) {
  await tx.insert(publishedSolutionEvents).values(row);
}

/** The campaign's published solutions, in list order. */
export function listPublished(db: Db, campaignId: string) {
  return db
    .select()
    .from(publishedSolutions)
    .where(eq(publishedSolutions.campaignId, campaignId))
    .orderBy(asc(publishedSolutions.seq));
}

/** An application's published solution, with its list. */
export async function findPublishedOfApplication(db: Db, applicationId: string) {
  const [row] = await db
    .select({ solution: publishedSolutions, list: publishedLists })
    .from(publishedSolutions)
    .innerJoin(publishedLists, eq(publishedLists.campaignId, publishedSolutions.campaignId))
    .where(eq(publishedSolutions.applicationId, applicationId));
  return row;
}

/** The certificate carrying this code: its solution, list and campaign. */
export async function findByCertificateCode(db: Db, code: string) {
  const [row] = await db
    .select({
      solution: publishedSolutions,
      list: publishedLists,
      campaignTitle: campaigns.title,
      issuer: campaigns.issuer,
    })
    .from(publishedSolutions)
    .innerJoin(publishedLists, eq(publishedLists.campaignId, publishedSolutions.campaignId))
    .innerJoin(campaigns, eq(campaigns.id, publishedSolutions.campaignId))
    .where(eq(publishedSolutions.certificateCode, code));
  return row;
}

/** Who an application belongs to, for the certificate's access rule. */
export async function findApplicationOwner(db: Db, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      campaignId: applications.campaignId,
      enterpriseId: applications.enterpriseId,
      channelUnitId: applications.channelUnitId,
      state: applications.state,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return row;
}

export async function campaignIssuer(db: Db, campaignId: string): Promise<string> {
  const [row] = await db
    .select({ issuer: campaigns.issuer })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row?.issuer ?? '';
}

/** The public history of a published solution, oldest first (its reason codes included). */
export function eventsOf(db: Db, publicId: string) {
  return db
    .select({
      kind: publishedSolutionEvents.kind,
      day: publishedSolutionEvents.day,
      note: publishedSolutionEvents.note,
      reasonCode: publishedSolutionEvents.reasonCode,
    })
    .from(publishedSolutionEvents)
    .where(eq(publishedSolutionEvents.publicId, publicId))
    .orderBy(asc(publishedSolutionEvents.at), asc(publishedSolutionEvents.id));
}
