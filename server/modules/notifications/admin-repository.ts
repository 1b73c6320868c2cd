// SQL of the organizers' side of notifications: message templates (campaign data, or platform-wide
// with campaign_id null) and the delivery log of outbound e-mails.
import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, notificationTemplates, outboundEmails } from '../../db/schema';

export type TemplateRow = typeof notificationTemplates.$inferSelect;

const scope = (campaignId: string | null) =>
  campaignId
    ? eq(notificationTemplates.campaignId, campaignId)
    : isNull(notificationTemplates.campaignId);

export async function findCampaignTitle(db: Db, id: string) {
  const [row] = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return row;
}

/** The templates stored for a campaign (or the platform's), and with a campaign the platform's too. */
export function templatesOf(db: Db, campaignId: string | null) {
  return db
    .select()
    .from(notificationTemplates)
    .where(
      campaignId
        ? or(
            eq(notificationTemplates.campaignId, campaignId),
            isNull(notificationTemplates.campaignId),
          )
        : isNull(notificationTemplates.campaignId),
    );
}

/** The stored template of a scope, locked for the change that follows. */
export async function lockTemplate(db: Db, campaignId: string | null, kind: string) {
  const [row] = await db
    .select()
    .from(notificationTemplates)
    .where(and(scope(campaignId), eq(notificationTemplates.kind, kind)))
    .for('update');
  return row;
}

export async function upsertTemplate(
  db: Db,
  t: {
    campaignId: string | null;
    kind: string;
    subject: string;
    body: string;
    at: Date;
    by: string | null;
  },
) {
  const set = { subject: t.subject, body: t.body, updatedAt: t.at, updatedBy: t.by };
  // two organizers saving the first version at once: the later one wins, neither fails
  const [row] = await db
    .insert(notificationTemplates)
    .values({ campaignId: t.campaignId, kind: t.kind, ...set })
    .onConflictDoUpdate(
      t.campaignId
        ? {
            target: [notificationTemplates.campaignId, notificationTemplates.kind],
            targetWhere: sql`campaign_id is not null`,
            set,
          }
        : {
            target: [notificationTemplates.kind],
            targetWhere: sql`campaign_id is null`,
            set,
          },
    )
    .returning();
  return row!;
}

export async function deleteTemplate(db: Db, id: string) {
  await db.delete(notificationTemplates).where(eq(notificationTemplates.id, id));
}

/** A campaign's own templates as copies for another campaign (campaign copy, in its transaction). */
export async function copyTemplates(
  db: Db,
  fromCampaignId: string,
  toCampaignId: string,
  at: Date,
  by: string | null,
) {
  const rows = await db
    .select()
    .from(notificationTemplates)
    .where(eq(notificationTemplates.campaignId, fromCampaignId));
  if (rows.length === 0) return 0;
  await db.insert(notificationTemplates).values(
    rows.map((r) => ({
      campaignId: toCampaignId,
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      updatedAt: at,
      updatedBy: by,
    })),
  );
  return rows.length;
}

export function campaignTemplates(db: Db, campaignId: string) {
  return db
    .select()
    .from(notificationTemplates)
    .where(eq(notificationTemplates.campaignId, campaignId))
    .orderBy(notificationTemplates.kind);
}

export async function insertTemplates(
  db: Db,
  rows: Array<{
    campaignId: string;
    kind: string;
    subject: string;
    body: string;
    updatedAt: Date;
    updatedBy: string | null;
  }>,
) {
  if (rows.length) await db.insert(notificationTemplates).values(rows);
}

// ── the delivery log ──

export async function listOutbound(
  db: Db,
  f: { state?: string; kind?: string; q?: string; limit: number; offset: number },
) {
  const where = and(
    f.state ? eq(outboundEmails.state, f.state as 'queued') : undefined,
    f.kind ? eq(outboundEmails.kind, f.kind) : undefined,
    f.q ? ilike(outboundEmails.toAddress, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: outboundEmails.id,
        kind: outboundEmails.kind,
        toAddress: outboundEmails.toAddress,
        subject: outboundEmails.subject,
        state: outboundEmails.state,
        attempts: outboundEmails.attempts,
        lastError: outboundEmails.lastError,
        createdAt: outboundEmails.createdAt,
        sentAt: outboundEmails.sentAt,
      })
      .from(outboundEmails)
      .where(where)
      .orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(outboundEmails).where(where),
  ]);
  return { items, total: total!.n };
}

export async function lockOutbound(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(outboundEmails)
    .where(eq(outboundEmails.id, id))
    .for('update');
  return row;
}

/** A failed e-mail back in the queue (its attempts and last reason kept for the log). */
export async function requeueOutbound(db: Db, id: string) {
  const [row] = await db
    .update(outboundEmails)
    .set({ state: 'queued', leaseUntil: null })
    .where(and(eq(outboundEmails.id, id), eq(outboundEmails.state, 'failed')))
    .returning();
  return row;
}
