// 目录清单: every statement of the catalogue-versions module. Reads published solutions' public
// facts (never their USCC) and the catalogue versions; writes a version (never updates one).
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { catalogueVersions, publishedSolutions } from '../../db/schema';

export type CatalogueVersionRow = typeof catalogueVersions.$inferSelect;
export type StoredEntry = CatalogueVersionRow['entries'][number];

/** The published solutions with these ids (status and the facts a catalogue copies). */
export function solutionsByIds(db: Db, publicIds: string[], lock = false) {
  if (!publicIds.length) return Promise.resolve([]);
  const q = db
    .select({
      publicId: publishedSolutions.publicId,
      status: publishedSolutions.status,
      solutionName: publishedSolutions.solutionName,
      enterpriseName: publishedSolutions.enterpriseName,
      category: publishedSolutions.category,
      categoryName: publishedSolutions.categoryName,
      regionName: publishedSolutions.regionName,
    })
    .from(publishedSolutions)
    .where(inArray(publishedSolutions.publicId, publicIds))
    .orderBy(asc(publishedSolutions.publicId));
  return lock ? q.for('share') : q;
}

/** The latest version, or a given one. */
export async function findVersion(db: Db, version?: number) {
  const [row] = await db
    .select()
    .from(catalogueVersions)
    .where(version === undefined ? undefined : eq(catalogueVersions.version, version))
    .orderBy(desc(catalogueVersions.version))
    .limit(1);
  return row;
}

/** The version before `version` (the highest lower number), if any. */
export async function previousVersion(db: Db, version: number) {
  const [row] = await db
    .select()
    .from(catalogueVersions)
    .where(sql`${catalogueVersions.version} < ${version}`)
    .orderBy(desc(catalogueVersions.version))
    .limit(1);
  return row;
}

/** Every version, newest first, with its number of entries. */
export function listVersions(db: Db) {
  return db
    .select({
      version: catalogueVersions.version,
      title: catalogueVersions.title,
      documentNo: catalogueVersions.documentNo,
      publishedOn: catalogueVersions.publishedOn,
      count: sql<number>`jsonb_array_length(${catalogueVersions.entries})::int`,
    })
    .from(catalogueVersions)
    .orderBy(desc(catalogueVersions.version));
}

/** Every version with its entries, oldest first (the pages' 变更 sections compare neighbours). */
export function allVersions(db: Db) {
  return db.select().from(catalogueVersions).orderBy(asc(catalogueVersions.version));
}

/** Inserts a version; false when that number was taken meanwhile (nothing written). */
export async function insertVersion(db: Db, row: typeof catalogueVersions.$inferInsert) {
  const out = await db
    .insert(catalogueVersions)
    .values(row)
    .onConflictDoNothing()
    .returning({ version: catalogueVersions.version });
  return out.length === 1;
}
