import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { industries, regions } from '../../db/schema';

export function listRegions(db: Db) {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function findRegion(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/**
 * Name (trigram-indexed) or code prefix; exact and shorter codes first. A code may carry
 * its section letter as forms write it (C13, C3911): the letter then selects the section.
 */
export function searchIndustries(db: Db, q: string, level: number | undefined, limit: number) {
  const escaped = q.replace(/[%_\\]/g, (c) => `\\${c}`);
  const sectioned = /^([A-Ta-t])(\d{1,4})$/.exec(q);
  const code = sectioned ? sectioned[2]! : q.toUpperCase();
  return db
    .select()
    .from(industries)
    .where(
      and(
        level ? eq(industries.level, level) : undefined,
        q
          ? or(
              ilike(industries.name, `%${escaped}%`),
              like(industries.code, `${escaped.toUpperCase()}%`),
              sectioned
                ? and(
                    eq(industries.section, sectioned[1]!.toUpperCase()),
                    like(industries.code, `${code}%`),
                  )
                : undefined,
              /^[A-Ta-t]$/.test(q) ? eq(industries.section, q.toUpperCase()) : undefined,
            )
          : undefined,
      ),
    )
    .orderBy(sql`${industries.code} = ${code} desc`, asc(industries.level), asc(industries.code))
    .limit(limit);
}

export async function findIndustry(db: Db, code: string) {
  const [row] = await db.select().from(industries).where(eq(industries.code, code));
  return row;
}

export async function industryNames(db: Db, codes: string[]): Promise<Record<string, string>> {
  if (codes.length === 0) return {};
  const rows = await db
    .select({ code: industries.code, name: industries.name })
    .from(industries)
    .where(inArray(industries.code, codes));
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

// GB/T 2260 is written by the seed at start and never changes while the platform runs: its
// ≈3,400 names are read once per database (every print and export needs them; on the embedded
// database each read is work on the request thread).
const regionNamesOf = new WeakMap<object, Promise<Record<string, string>>>();

export function regionNames(db: Db): Promise<Record<string, string>> {
  let names = regionNamesOf.get(db);
  if (!names) {
    names = db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .then((rows) => Object.freeze(Object.fromEntries(rows.map((r) => [r.code, r.name]))));
    regionNamesOf.set(db, names);
    names.catch(() => regionNamesOf.delete(db));
  }
  return names;
}
