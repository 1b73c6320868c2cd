import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  enterprises,
  notificationPreferences,
  notificationTemplates,
  notifications,
  outboundEmails,
  users,
} from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboundEmailRow = typeof outboundEmails.$inferSelect;

export interface Recipient {
  id: string;
  name: string;
  email: string;
  login: string;
  emailOff: string[];
}

const recipientColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  login: users.login,
  emailOff: sql<string[]>`coalesce(${notificationPreferences.emailOff}, '[]'::jsonb)`,
};

/** Active users by id, with their e-mail choices. */
export function findRecipients(db: Db, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select(recipientColumns)
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
}

/** Active users of the given enterprises and/or recommender units (and/or roles). */
export function findRecipientsBy(
  db: Db,
  f: {
    enterpriseIds?: string[];
    enterpriseUsccs?: string[];
    unitIds?: string[];
    roles?: Array<'enterprise' | 'recommender' | 'organizer' | 'expert'>;
  },
): Promise<Recipient[]> {
  const any = [
    f.enterpriseIds?.length ? inArray(users.enterpriseId, f.enterpriseIds) : undefined,
    f.enterpriseUsccs?.length
      ? inArray(
          users.enterpriseId,
          db
            .select({ id: enterprises.id })
            .from(enterprises)
            .where(
              and(inArray(enterprises.uscc, f.enterpriseUsccs), isNull(enterprises.releasedAt)),
            ),
        )
      : undefined,
    f.unitIds?.length
      ? and(eq(users.role, 'recommender'), inArray(users.recommenderUnitId, f.unitIds))
      : undefined,
    f.roles?.length ? inArray(users.role, f.roles) : undefined,
  ].filter((c) => c !== undefined);
  if (any.length === 0) return Promise.resolve([]);
  return db
    .select(recipientColumns)
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(or(...any), eq(users.status, 'active')));
}

/** The campaign's template of a kind, else the platform's, else none (the default applies). */
export async function findTemplate(db: Db, campaignId: string | null, kind: string) {
  const rows = await db
    .select()
    .from(notificationTemplates)
    .where(
      and(
        eq(notificationTemplates.kind, kind),
        campaignId
          ? or(
              eq(notificationTemplates.campaignId, campaignId),
              isNull(notificationTemplates.campaignId),
            )
          : isNull(notificationTemplates.campaignId),
      ),
    );
  return rows.find((r) => r.campaignId !== null) ?? rows[0];
}

/**
 * In-app messages; with a dedupe key, one already there for the same user and key is skipped.
 * Answers the rows written.
 */
export async function insertNotifications(db: Db, rows: Array<typeof notifications.$inferInsert>) {
  const written: Array<{ id: string }> = [];
  // PostgreSQL takes at most 65,535 parameters in one statement
  for (let i = 0; i < rows.length; i += CHUNK) {
    written.push(
      ...(await db
        .insert(notifications)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoNothing({
          target: [notifications.userId, notifications.dedupeKey],
          where: sql`dedupe_key is not null`,
        })
        .returning({ id: notifications.id })),
    );
  }
  return written;
}

const CHUNK = 1000;

export async function insertOutboundEmails(
  db: Db,
  rows: Array<typeof outboundEmails.$inferInsert>,
) {
  const written: Array<{ id: string }> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    written.push(
      ...(await db
        .insert(outboundEmails)
        .values(rows.slice(i, i + CHUNK))
        .returning({ id: outboundEmails.id })),
    );
  }
  return written;
}

export async function listNotificationsOf(
  db: Db,
  userId: string,
  q: { unreadOnly: boolean; limit: number; offset: number },
) {
  const where = and(
    eq(notifications.userId, userId),
    q.unreadOnly ? isNull(notifications.readAt) : undefined,
  );
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, total: total!.n, unread: unread!.n };
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row!.n;
}

/** Marks the user's own messages read (others' ids are ignored); `ids` undefined: all of them. */
export async function markRead(db: Db, userId: string, ids: string[] | undefined, at: Date) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}

export async function findPreferences(db: Db, userId: string) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return row;
}

export async function savePreferences(db: Db, userId: string, emailOff: string[], at: Date) {
  await db
    .insert(notificationPreferences)
    .values({ userId, emailOff, updatedAt: at })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { emailOff, updatedAt: at },
    });
}

/**
 * Claims an e-mail for sending: only a queued one, or one whose previous claim ran out (its
 * worker died mid-send). Two workers never both get it.
 */
export async function claimEmail(db: Db, id: string, now: Date, leaseMs: number) {
  const [row] = await db
    .update(outboundEmails)
    .set({
      state: 'sending',
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${outboundEmails.attempts} + 1`,
    })
    .where(
      and(
        eq(outboundEmails.id, id),
        or(
          eq(outboundEmails.state, 'queued'),
          and(eq(outboundEmails.state, 'sending'), lt(outboundEmails.leaseUntil, now)),
        ),
      ),
    )
    .returning();
  return row;
}

export async function markEmailSent(
  db: Db,
  id: string,
  at: Date,
  messageId: string,
  redactedBody?: string,
) {
  await db
    .update(outboundEmails)
    .set({
      state: 'sent',
      sentAt: at,
      messageId,
      leaseUntil: null,
      lastError: null,
      ...(redactedBody ? { body: redactedBody } : {}),
    })
    .where(and(eq(outboundEmails.id, id), eq(outboundEmails.state, 'sending')));
}

/** A failed attempt: back to the queue with the reason, or failed for good after the last one. */
export async function markEmailFailed(db: Db, id: string, reason: string, final: boolean) {
  await db
    .update(outboundEmails)
    .set({ state: final ? 'failed' : 'queued', lastError: reason.slice(0, 1000), leaseUntil: null })
    .where(and(eq(outboundEmails.id, id), eq(outboundEmails.state, 'sending')));
}
