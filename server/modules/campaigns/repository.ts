import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns } from '../../db/schema';

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
