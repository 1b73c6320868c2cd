import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { industries, meta, regions } from '../schema';

export async function readMeta(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select().from(meta).where(eq(meta.key, key));
  return row?.value;
}

export async function writeMeta(tx: Db, key: string, value: unknown) {
  await tx
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value } });
}

export async function insertRegions(tx: Db, rows: (typeof regions.$inferInsert)[]) {
  await tx.insert(regions).values(rows).onConflictDoNothing();
}

export async function insertIndustries(tx: Db, rows: (typeof industries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(industries)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** Serialises seeding when several servers start on one PostgreSQL. */
export async function lockSeeding(tx: Db) {
  await tx.execute(sql`select pg_advisory_xact_lock(7420002)`);
}
