import { and, asc, eq, ilike, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { enterprises } from '../../db/schema';

export type EnterpriseRow = typeof enterprises.$inferSelect;

export async function insertEnterprise(tx: Db, row: typeof enterprises.$inferInsert) {
  const [created] = await tx.insert(enterprises).values(row).returning();
  return created!;
}

/** The enterprise's contact person, phone and e-mail (its name and code are not changed here). */
export async function updateEnterpriseContact(
  tx: Db,
  id: string,
  patch: { contactName?: string; phone?: string; email?: string },
) {
  if (Object.keys(patch).length)
    await tx.update(enterprises).set(patch).where(eq(enterprises.id, id));
}

export async function findEnterprise(db: Db, id: string) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}

export async function findEnterpriseByUscc(db: Db, uscc: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.uscc, uscc), isNull(enterprises.releasedAt)));
  return row;
}

export function listEnterprises(db: Db, q?: string) {
  const like = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select()
    .from(enterprises)
    .where(like ? or(ilike(enterprises.name, like), ilike(enterprises.uscc, like)) : undefined)
    .orderBy(asc(enterprises.createdAt))
    .limit(500);
}
