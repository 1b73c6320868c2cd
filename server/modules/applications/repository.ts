import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import type { ApplicationFacts } from '../../../domain/facts';
import {
  applications,
  applicationVersions,
  attachments,
  auditLog,
  campaigns,
  enterprises,
  recommenderUnits,
  users,
} from '../../db/schema';

export type ApplicationRow = typeof applications.$inferSelect;
export type VersionRow = typeof applicationVersions.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertApplication(tx: Db, row: typeof applications.$inferInsert) {
  const [created] = await tx.insert(applications).values(row).returning();
  return created!;
}

export async function findApplication(db: Db, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

export async function lockApplication(tx: Db, id: string) {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

/** Everything but the (large) data: enough to authorize and route a request. */
function headColumns() {
  const { data: _data, ...columns } = getTableColumns(applications);
  return columns;
}

/**
 * Serialises the creation of one enterprise's drafts in one call (a transaction-scoped advisory
 * lock), so that counting the drafts and inserting one cannot interleave.
 */
export async function lockDraftSlots(tx: Db, enterpriseId: string, campaignId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`drafts:${enterpriseId}:${campaignId}`}, 0))`,
  );
}

/** Drafts of an enterprise in a call that have never been submitted. */
export async function countUnsubmittedDrafts(tx: Db, enterpriseId: string, campaignId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.enterpriseId, enterpriseId),
        eq(applications.campaignId, campaignId),
        eq(applications.state, 'draft'),
        sql`${applications.currentVersionNo} is null`,
      ),
    );
  return row?.n ?? 0;
}

/** Removes a never-submitted draft and its attachment rows; returns the attachments' storage keys. */
export async function deleteDraftApplication(tx: Db, id: string) {
  const removed = await tx
    .delete(attachments)
    .where(eq(attachments.applicationId, id))
    .returning({ storageKey: attachments.storageKey });
  await tx.delete(applications).where(eq(applications.id, id));
  return removed.map((r) => r.storageKey);
}

export async function findApplicationHead(db: Db, id: string) {
  const [row] = await db.select(headColumns()).from(applications).where(eq(applications.id, id));
  return row;
}
export type ApplicationHead = NonNullable<Awaited<ReturnType<typeof findApplicationHead>>>;

/**
 * What a draft save needs, in one prepared read: the application's head, the revision of its
 * campaign's configuration (the form and schema are cached per revision) and the name and code
 * of the enterprise that owns it (bound into the data whatever the client sent).
 */
export async function findDraftSaveTarget(db: Db, id: string) {
  const query = preparedQuery(db, 'applications_draft_save_target', (d) =>
    d
      .select({
        head: headColumns(),
        configRevision: campaigns.configRevision,
        enterpriseName: enterprises.name,
        enterpriseUscc: enterprises.uscc,
      })
      .from(applications)
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
      .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
      .where(eq(applications.id, sql.placeholder('id')))
      .prepare('applications_draft_save_target'),
  );
  const [row] = await query.execute({ id });
  return row;
}
export type DraftSaveTarget = NonNullable<Awaited<ReturnType<typeof findDraftSaveTarget>>>;

/**
 * Saves over exactly `baseVersion`, and only while what the data was checked against still
 * holds: the campaign's configuration revision (its form) and the enterprise's name and code
 * (bound into the data). Returns nothing when any of that changed, someone saved meanwhile or
 * the application left the editable states. One prepared statement: the busiest write of the
 * call. A null `channelUnitId` keeps the channel.
 */
export async function updateDraft(
  db: Db,
  id: string,
  baseVersion: number,
  checkedAgainst: { configRevision: number; enterpriseName: string; enterpriseUscc: string },
  patch: {
    data: Record<string, unknown>;
    facts: ApplicationFacts;
    wordCount: number;
    solutionName: string;
    channelUnitId: string | null;
    updatedAt: Date;
    updatedBy: string;
  },
) {
  const query = preparedQuery(db, 'applications_update_draft', (d) =>
    d
      .update(applications)
      .set({
        // placeholders are sent as given: JSON and instants as text, cast here
        data: sql`${sql.placeholder('data')}::jsonb`,
        facts: sql`${sql.placeholder('facts')}::jsonb`,
        wordCount: sql`${sql.placeholder('wordCount')}::integer`,
        solutionName: sql`${sql.placeholder('solutionName')}::text`,
        channelUnitId: sql`coalesce(${sql.placeholder('channelUnitId')}::uuid, ${applications.channelUnitId})`,
        updatedAt: sql`${sql.placeholder('updatedAt')}::timestamptz`,
        updatedBy: sql`${sql.placeholder('updatedBy')}::uuid`,
        draftVersion: sql`${applications.draftVersion} + 1`,
      })
      .where(
        and(
          eq(applications.id, sql.placeholder('id')),
          eq(applications.draftVersion, sql.placeholder('baseVersion')),
          inArray(applications.state, ['draft', 'returned']),
          sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${applications.campaignId} and ${campaigns.configRevision} = ${sql.placeholder('configRevision')}::integer)`,
          sql`exists (select 1 from ${enterprises} where ${enterprises.id} = ${applications.enterpriseId} and ${enterprises.name} = ${sql.placeholder('enterpriseName')}::text and ${enterprises.uscc} = ${sql.placeholder('enterpriseUscc')}::text)`,
        ),
      )
      .returning(headColumns())
      .prepare('applications_update_draft'),
  );
  const [row] = await query.execute({
    id,
    baseVersion,
    ...checkedAgainst,
    data: JSON.stringify(patch.data),
    facts: JSON.stringify(patch.facts),
    wordCount: patch.wordCount,
    solutionName: patch.solutionName,
    channelUnitId: patch.channelUnitId,
    updatedAt: patch.updatedAt.toISOString(),
    updatedBy: patch.updatedBy,
  });
  return row;
}

export async function updateApplication(
  tx: Db,
  id: string,
  patch: Partial<typeof applications.$inferInsert>,
) {
  const [row] = await tx.update(applications).set(patch).where(eq(applications.id, id)).returning();
  return row!;
}

export async function insertVersion(tx: Db, row: typeof applicationVersions.$inferInsert) {
  const [created] = await tx.insert(applicationVersions).values(row).returning();
  return created!;
}

export function listVersions(db: Db, applicationId: string) {
  return db
    .select({
      versionNo: applicationVersions.versionNo,
      verificationCode: applicationVersions.verificationCode,
      submittedAt: applicationVersions.submittedAt,
      wordCount: applicationVersions.wordCount,
    })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(desc(applicationVersions.versionNo));
}

export async function findVersion(db: Db, applicationId: string, versionNo: number) {
  const [row] = await db
    .select()
    .from(applicationVersions)
    .where(
      and(
        eq(applicationVersions.applicationId, applicationId),
        eq(applicationVersions.versionNo, versionNo),
      ),
    );
  return row;
}

export async function findVersionByCode(db: Db, code: string) {
  const [row] = await db
    .select({
      version: applicationVersions,
      application: {
        id: applications.id,
        state: applications.state,
        currentVersionNo: applications.currentVersionNo,
        solutionName: applications.solutionName,
      },
      enterpriseName: enterprises.name,
      campaignTitle: campaigns.title,
      campaign: {
        id: campaigns.id,
        configRevision: campaigns.configRevision,
        settings: campaigns.settings,
      },
      channelName: recommenderUnits.name,
    })
    .from(applicationVersions)
    .innerJoin(applications, eq(applications.id, applicationVersions.applicationId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applicationVersions.channelUnitId))
    .where(eq(applicationVersions.verificationCode, code));
  return row;
}

/** Summaries for lists: an enterprise's own, a unit's, or all. */
export function listApplicationSummaries(
  db: Db,
  f: {
    enterpriseId?: string;
    channelUnitId?: string;
    campaignId?: string;
    excludeDrafts?: boolean;
  },
) {
  return db
    .select({
      id: applications.id,
      campaignId: applications.campaignId,
      campaignTitle: campaigns.title,
      onlineDeadline: campaigns.onlineDeadline,
      enterpriseId: applications.enterpriseId,
      enterpriseName: enterprises.name,
      channelUnitId: applications.channelUnitId,
      channelName: recommenderUnits.name,
      state: applications.state,
      solutionName: applications.solutionName,
      wordCount: applications.wordCount,
      currentVersionNo: applications.currentVersionNo,
      returnComment: applications.returnComment,
      rejectReason: applications.rejectReason,
      decidedAt: applications.decidedAt,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(recommenderUnits, eq(recommenderUnits.id, applications.channelUnitId))
    .where(
      and(
        f.enterpriseId ? eq(applications.enterpriseId, f.enterpriseId) : undefined,
        f.channelUnitId ? eq(applications.channelUnitId, f.channelUnitId) : undefined,
        f.campaignId ? eq(applications.campaignId, f.campaignId) : undefined,
        f.excludeDrafts ? sql`${applications.state} <> 'draft'` : undefined,
      ),
    )
    .orderBy(desc(applications.updatedAt))
    .limit(1000);
}

export async function insertAttachment(tx: Db, row: typeof attachments.$inferInsert) {
  const [created] = await tx.insert(attachments).values(row).returning();
  return created!;
}

export function listAttachments(db: Db, applicationId: string) {
  return db
    .select()
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(attachments.createdAt);
}

export async function findAttachment(db: Db, applicationId: string, id: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.applicationId, applicationId), eq(attachments.id, id)));
  return row;
}

export async function attachmentBytesTotal(db: Db, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${attachments.size}), 0)::int` })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId));
  return row?.total ?? 0;
}

/** What happened to an application, oldest first, from the audit log. */
export function listApplicationHistory(db: Db, applicationId: string) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorLabel: auditLog.actorLabel,
      actorRole: auditLog.actorRole,
      actorName: users.name,
      actorEnterprise: enterprises.name,
      actorUnit: recommenderUnits.name,
      summary: auditLog.summary,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(recommenderUnits, eq(recommenderUnits.id, users.recommenderUnitId))
    .where(and(eq(auditLog.targetType, 'application'), eq(auditLog.targetId, applicationId)))
    .orderBy(asc(auditLog.id))
    .limit(1000);
}
export type HistoryRow = Awaited<ReturnType<typeof listApplicationHistory>>[number];

/**
 * Applications whose facts are not (all) kept yet, with their campaign: none at all (saved before
 * facts were kept), or stored before a later fact was added (联合申报单位).
 */
export function listApplicationsWithoutFacts(db: Db, limit: number) {
  return db
    .select({
      id: applications.id,
      data: applications.data,
      campaign: {
        id: campaigns.id,
        configRevision: campaigns.configRevision,
        settings: campaigns.settings,
      },
    })
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .where(sql`${applications.facts} -> 'coApplicants' is null`)
    .limit(limit);
}

/** Facts computed for an application by a backfill: the data is unchanged, so is updated_at. */
export async function setFacts(tx: Db, id: string, facts: ApplicationFacts) {
  await tx.update(applications).set({ facts }).where(eq(applications.id, id));
}
