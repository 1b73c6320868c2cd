import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applications,
  campaignForms,
  campaigns,
  followUpReports,
  reviewRounds,
} from '../../db/schema';
import type { CampaignSettings } from '../../../domain/campaign';

export type CampaignRow = typeof campaigns.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCampaign(db: Db, idOrCode: string): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(
      UUID.test(idOrCode)
        ? or(eq(campaigns.id, idOrCode), eq(campaigns.code, idOrCode))
        : eq(campaigns.code, idOrCode),
    );
  return row;
}

export function listCampaignRows(db: Db) {
  return db.select().from(campaigns).orderBy(desc(campaigns.year), desc(campaigns.opensAt));
}

export async function findLatestCampaign(db: Db): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .orderBy(desc(campaigns.year), desc(campaigns.opensAt))
    .limit(1);
  return row;
}

export async function insertCampaign(tx: Db, row: typeof campaigns.$inferInsert) {
  const [created] = await tx.insert(campaigns).values(row).returning();
  return created!;
}

export type CampaignFormRow = typeof campaignForms.$inferSelect;

/** The campaign's current form of a kind: its highest revision. */
export async function findCurrentForm(
  db: Db,
  campaignId: string,
  kind: string,
): Promise<CampaignFormRow | undefined> {
  const [row] = await db
    .select()
    .from(campaignForms)
    .where(and(eq(campaignForms.campaignId, campaignId), eq(campaignForms.kind, kind)))
    .orderBy(desc(campaignForms.revision))
    .limit(1);
  return row;
}

export async function insertForm(tx: Db, row: typeof campaignForms.$inferInsert) {
  await tx.insert(campaignForms).values(row);
}

/** Campaigns that hold no form of a kind yet (created before forms were data). */
export async function listCampaignsWithoutForm(db: Db, kind: string): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(
      sql`not exists (select 1 from ${campaignForms} f where f.campaign_id = ${campaigns.id} and f.kind = ${kind})`,
    );
}

/** Locks the campaign's row for a configuration change and returns it as it is now. */
export async function lockCampaign(tx: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row;
}

export async function updateCampaignRow(
  tx: Db,
  id: string,
  patch: Partial<typeof campaigns.$inferInsert>,
): Promise<CampaignRow> {
  const [row] = await tx
    .update(campaigns)
    .set({ ...patch, configRevision: sql`${campaigns.configRevision} + 1` })
    .where(eq(campaigns.id, id))
    .returning();
  return row!;
}

/** How many of the campaign's applications exist, and how many were ever submitted. */
export async function countApplicationsOf(
  db: Db,
  campaignId: string,
): Promise<{ all: number; submitted: number }> {
  const [row] = await db
    .select({
      all: sql<number>`count(*)::int`,
      submitted: sql<number>`count(*) filter (where ${applications.currentVersionNo} is not null)::int`,
    })
    .from(applications)
    .where(eq(applications.campaignId, campaignId));
  return row ?? { all: 0, submitted: 0 };
}

/** The campaign row, share-locked: a configuration change waits until this transaction ends. */
export async function findCampaignForShare(tx: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('share');
  return row;
}

/** Settings completed by a backfill: the configuration means the same, so the revision stays. */
/** Campaigns whose 系统评价 dimensions are still bare names (stored before the rubric was data). */
export async function listCampaignsWithNamedDimensions(db: Db): Promise<CampaignRow[]> {
  return db
    .select()
    .from(campaigns)
    .where(
      sql`exists (select 1 from jsonb_array_elements(coalesce(${campaigns.settings}->'postAwardDimensions', '[]'::jsonb)) d where jsonb_typeof(d) = 'string')`,
    );
}

export async function replaceSettings(tx: Db, id: string, settings: CampaignSettings) {
  await tx.update(campaigns).set({ settings }).where(eq(campaigns.id, id));
}

/** 附件4 reports of the campaign that were submitted (returned ones count: they were filed). */
export async function countSubmittedFollowUpsOf(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(followUpReports)
    .where(
      and(
        eq(followUpReports.campaignId, campaignId),
        sql`${followUpReports.submittedAt} is not null`,
      ),
    );
  return row?.n ?? 0;
}

/** Review rounds of the campaign whose assignments were published (experts are scoring). */
export async function countPublishedRoundsOf(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewRounds)
    .where(
      and(
        eq(reviewRounds.campaignId, campaignId),
        sql`${reviewRounds.state} in ('published', 'closed')`,
      ),
    );
  return row?.n ?? 0;
}
