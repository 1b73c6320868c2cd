// 异议: every statement of the objections module. Reads public_notices, published_lists,
// applications, recommender_units and users; writes objections, their attachments' documents rows,
// the challenge secret in meta, and an upheld objection's application state.
import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { ObjectionState } from '../../../domain/objections';
import type { Db } from '../../db/client';
import {
  applications,
  documents,
  meta,
  objections,
  publicNotices,
  publishedLists,
  recommenderUnits,
  users,
} from '../../db/schema';

export type ObjectionRow = typeof objections.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type NoticeRow = typeof publicNotices.$inferSelect;

const CHALLENGE_SECRET_KEY = 'objection_challenge_secret';

/** The challenge's secret: the one stored, else `fresh` stored now (the first caller's wins). */
export async function challengeSecret(db: Db, fresh: string): Promise<string> {
  await db.insert(meta).values({ key: CHALLENGE_SECRET_KEY, value: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(meta).where(eq(meta.key, CHALLENGE_SECRET_KEY));
  return row!.value as string;
}

export async function findNotice(db: Db, campaignId: string): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select()
    .from(publicNotices)
    .where(eq(publicNotices.campaignId, campaignId));
  return row;
}

/** The 优秀解决方案名单 is out: the 公示 and its objections are over. */
export async function isPublished(db: Db, campaignId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: publishedLists.campaignId })
    .from(publishedLists)
    .where(eq(publishedLists.campaignId, campaignId));
  return !!row;
}

const applicationColumns = {
  id: applications.id,
  campaignId: applications.campaignId,
  state: applications.state,
  solutionName: applications.solutionName,
  applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
  enterpriseId: applications.enterpriseId,
  unitId: applications.channelUnitId,
};

/** The application, share-locked in a transaction (a withdrawal waits for a filing and back). */
export async function findApplication(db: Db, id: string, lock = false) {
  const q = db.select(applicationColumns).from(applications).where(eq(applications.id, id));
  const [row] = await (lock ? q.for('share') : q);
  return row;
}

/**
 * The next order of an objection in `year` (1, 2, …), the year's numbering locked until the
 * transaction ends: two filings at once get two numbers.
 */
export async function nextReferenceSeq(tx: Db, year: number): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(7420014, ${year}::int)`);
  const [row] = await tx
    .select({
      n: sql<number>`coalesce(max(substring(${objections.referenceNo} from 9)::int), 0)::int`,
    })
    .from(objections)
    .where(like(objections.referenceNo, `${year}-YY-%`));
  return Number(row?.n ?? 0) + 1;
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [doc] = await tx.insert(documents).values(row).returning();
  return doc!;
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  return doc;
}

export async function insertObjection(tx: Db, row: typeof objections.$inferInsert) {
  const [created] = await tx.insert(objections).values(row).returning();
  return created!;
}

const listingColumns = {
  objection: objections,
  solutionName: applications.solutionName,
  applicantName: sql<string | null>`${applications.facts}->>'applicantName'`,
  applicationState: applications.state,
  enterpriseId: applications.enterpriseId,
  unitId: applications.channelUnitId,
  unitName: recommenderUnits.name,
  attachment: {
    filename: documents.filename,
    mime: documents.mime,
    size: documents.size,
  },
  resolvedBy: users.name,
};

function listing(db: Db) {
  return db
    .select(listingColumns)
    .from(objections)
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .leftJoin(documents, eq(documents.id, objections.attachmentId))
    .leftJoin(users, eq(users.id, objections.resolvedBy));
}

export type ObjectionListing = NonNullable<Awaited<ReturnType<typeof findListing>>>;

/** The campaign's objections, newest first, optionally in one state. */
export function listObjections(db: Db, campaignId: string, state?: ObjectionState) {
  return listing(db)
    .where(
      and(eq(objections.campaignId, campaignId), state ? eq(objections.state, state) : undefined),
    )
    .orderBy(desc(objections.submittedAt), desc(objections.referenceNo));
}

/** One of the campaign's objections with what the organizer sees of it. */
export async function findListing(db: Db, campaignId: string, id: string) {
  const [row] = await listing(db).where(
    and(eq(objections.id, id), eq(objections.campaignId, campaignId)),
  );
  return row;
}

/** Every resolution locks the objection first: two organizers never both resolve one. */
export async function lockObjection(tx: Db, campaignId: string, id: string) {
  const [row] = await tx
    .select()
    .from(objections)
    .where(and(eq(objections.id, id), eq(objections.campaignId, campaignId)))
    .for('update');
  return row;
}

export async function updateObjection(
  tx: Db,
  id: string,
  set: Pick<ObjectionRow, 'state' | 'resolution' | 'resolvedBy' | 'resolvedAt'>,
) {
  await tx.update(objections).set(set).where(eq(objections.id, id));
}

/**
 * An upheld objection's withdrawal (a conditional UPDATE): from 公示中 to 未入选. Answers whether
 * it moved (false: no longer in the notice, e.g. an earlier objection withdrew it).
 */
export async function withdrawFromNotice(tx: Db, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(applications)
    .set({ state: 'not_selected', updatedAt: now })
    .where(and(eq(applications.id, id), eq(applications.state, 'in_public_notice')))
    .returning({ id: applications.id });
  return rows.length > 0;
}
