// 成果展示: every statement of the showcase module. Reads published_solutions, campaigns, users
// and documents; writes showcase_entries and documents (purpose showcase_image).
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ShowcaseState } from '../../../domain/showcase';
import type { Db } from '../../db/client';
import { campaigns, documents, publishedSolutions, showcaseEntries, users } from '../../db/schema';

export type SolutionRow = typeof publishedSolutions.$inferSelect;
export type EntryRow = typeof showcaseEntries.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

export async function findSolution(db: Db, publicId: string): Promise<SolutionRow | undefined> {
  const [row] = await db
    .select()
    .from(publishedSolutions)
    .where(eq(publishedSolutions.publicId, publicId));
  return row;
}

/** The solution row locked: changes to one showcase happen one after the other. */
export async function lockSolution(tx: Db, publicId: string): Promise<SolutionRow | undefined> {
  const [row] = await tx
    .select()
    .from(publishedSolutions)
    .where(eq(publishedSolutions.publicId, publicId))
    .for('update');
  return row;
}

export async function findEntry(db: Db, publicId: string, lock = false) {
  const q = db.select().from(showcaseEntries).where(eq(showcaseEntries.publicId, publicId));
  const [row] = lock ? await q.for('update') : await q;
  return row as EntryRow | undefined;
}

export async function insertEntry(tx: Db, row: typeof showcaseEntries.$inferInsert) {
  const [entry] = await tx.insert(showcaseEntries).values(row).returning();
  return entry!;
}

export async function updateEntry(
  tx: Db,
  publicId: string,
  patch: Partial<typeof showcaseEntries.$inferInsert>,
) {
  const [entry] = await tx
    .update(showcaseEntries)
    .set(patch)
    .where(eq(showcaseEntries.publicId, publicId))
    .returning();
  return entry!;
}

export async function campaignTitle(db: Db, campaignId: string): Promise<string> {
  const [row] = await db
    .select({ title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row?.title ?? '';
}

/** An enterprise's published solutions with their showcase, newest list first. */
export function listOfEnterprise(db: Db, enterpriseId: string) {
  return db
    .select({ solution: publishedSolutions, entry: showcaseEntries })
    .from(publishedSolutions)
    .leftJoin(showcaseEntries, eq(showcaseEntries.publicId, publishedSolutions.publicId))
    .where(eq(publishedSolutions.enterpriseId, enterpriseId))
    .orderBy(desc(publishedSolutions.year), publishedSolutions.seq);
}

/** The organizer's queue: showcases by state, the oldest submission first. */
export async function listSubmissions(
  db: Db,
  filter: { state?: ShowcaseState; page: number; pageSize: number },
) {
  const where = filter.state ? eq(showcaseEntries.state, filter.state) : undefined;
  const rows = await db
    .select({ solution: publishedSolutions, entry: showcaseEntries, reviewedByName: users.name })
    .from(showcaseEntries)
    .innerJoin(publishedSolutions, eq(publishedSolutions.publicId, showcaseEntries.publicId))
    .leftJoin(users, eq(users.id, showcaseEntries.reviewedBy))
    .where(where)
    .orderBy(
      sql`${showcaseEntries.submittedAt} asc nulls last`,
      showcaseEntries.updatedAt,
      showcaseEntries.publicId,
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ n: count() }).from(showcaseEntries).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function insertDocument(tx: Db, row: typeof documents.$inferInsert) {
  const [doc] = await tx.insert(documents).values(row).returning();
  return doc!;
}

/** Showcase images by id (other documents are not found here). */
export async function findImages(db: Db, ids: string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(documents)
    .where(and(inArray(documents.id, ids), eq(documents.purpose, 'showcase_image')));
}
