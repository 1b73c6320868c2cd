import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { announcements, applications, recommenderUnits, users } from '../../db/schema';

export type AnnouncementRow = typeof announcements.$inferSelect;

/** The in-app message of an announcement carries this key: it says whom it reached. */
export const announcementKey = (id: string) => `announcement:${id}`;

export async function insertAnnouncement(tx: Db, row: typeof announcements.$inferInsert) {
  const [created] = await tx.insert(announcements).values(row).returning();
  return created!;
}

export async function updateRecipientCount(tx: Db, id: string, recipients: number) {
  await tx.update(announcements).set({ recipients }).where(eq(announcements.id, id));
}

export function findUnits(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: recommenderUnits.id, name: recommenderUnits.name })
    .from(recommenderUnits)
    .where(inArray(recommenderUnits.id, ids));
}

export interface Audience {
  roles: Array<'enterprise' | 'recommender' | 'expert' | 'organizer'>;
  unitIds: string[];
  campaignId: string | null;
}

/**
 * The active accounts an announcement reaches (see service.resolveRecipients for the rules).
 * Answers user ids in a stable order.
 */
export async function findAudience(db: Db, a: Audience): Promise<string[]> {
  const byUnit = a.unitIds.length > 0;
  const filingEnterprises = db
    .selectDistinct({ id: applications.enterpriseId })
    .from(applications)
    .where(
      and(
        byUnit ? inArray(applications.channelUnitId, a.unitIds) : undefined,
        a.campaignId ? eq(applications.campaignId, a.campaignId) : undefined,
      ),
    );
  const any: SQL[] = [];
  for (const role of new Set(a.roles)) {
    if (role === 'enterprise')
      any.push(
        byUnit || a.campaignId
          ? and(eq(users.role, 'enterprise'), inArray(users.enterpriseId, filingEnterprises))!
          : eq(users.role, 'enterprise'),
      );
    else if (role === 'recommender') {
      if (!byUnit) any.push(eq(users.role, 'recommender'));
    } else any.push(eq(users.role, role));
  }
  if (byUnit)
    any.push(and(eq(users.role, 'recommender'), inArray(users.recommenderUnitId, a.unitIds))!);
  if (any.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'active'), or(...any)))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

const newestFirst = [desc(announcements.createdAt), desc(announcements.id)];

/** All announcements (organizers), optionally of one campaign. */
export async function listAllAnnouncements(
  db: Db,
  q: { campaignId?: string; limit: number; offset: number },
) {
  return pageOf(db, q.campaignId ? eq(announcements.campaignId, q.campaignId) : undefined, q);
}

/** The announcements that reached this user (their in-app message carries the key). */
export async function listAnnouncementsTo(
  db: Db,
  userId: string,
  q: { campaignId?: string; limit: number; offset: number },
) {
  const where = and(
    q.campaignId ? eq(announcements.campaignId, q.campaignId) : undefined,
    sql`exists (select 1 from notifications n where n.user_id = ${userId}
      and n.dedupe_key = 'announcement:' || ${announcements.id}::text)`,
  );
  return pageOf(db, where, q);
}

/** A page of announcements, newest first, with the count of all that match. */
async function pageOf(db: Db, where: SQL | undefined, q: { limit: number; offset: number }) {
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(announcements)
      .where(where)
      .orderBy(...newestFirst)
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(announcements).where(where),
  ]);
  return { items, total: total!.n };
}

/** A campaign's public announcements, newest first. */
export function listPublicAnnouncementRows(db: Db, campaignId: string) {
  return db
    .select()
    .from(announcements)
    .where(and(eq(announcements.campaignId, campaignId), eq(announcements.isPublic, true)))
    .orderBy(...newestFirst)
    .limit(200);
}
