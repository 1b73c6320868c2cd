// 宣传推广 / 开放数据: every statement of the catalogue module. Reads only what a publication made
// public — published_lists, published_solutions (never their USCC), their public events, the
// approved 成果展示 — and the reference names of regions and industry sections. Writes nothing.
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  industries,
  publishedLists,
  publishedSolutionEvents,
  publishedSolutions,
  regions,
  showcaseEntries,
} from '../../db/schema';

/** The public columns of a published solution, with its list (never the USCC or internal ids). */
const publicColumns = {
  publicId: publishedSolutions.publicId,
  year: publishedSolutions.year,
  seq: publishedSolutions.seq,
  solutionName: publishedSolutions.solutionName,
  enterpriseName: publishedSolutions.enterpriseName,
  category: publishedSolutions.category,
  categoryName: publishedSolutions.categoryName,
  regionCode: publishedSolutions.regionCode,
  regionName: publishedSolutions.regionName,
  industries: publishedSolutions.industries,
  unitName: publishedSolutions.unitName,
  summary: publishedSolutions.summary,
  apps: publishedSolutions.apps,
  validFrom: publishedSolutions.validFrom,
  validUntil: publishedSolutions.validUntil,
  status: publishedSolutions.status,
  listTitle: publishedLists.title,
  documentNo: publishedLists.documentNo,
  publishedOn: publishedLists.publishedOn,
};

export type PublicSolutionRow = Awaited<ReturnType<typeof listPublicSolutions>>[number];

/**
 * Every published solution (optionally of one year), newest list first, then by place in the list.
 * The whole public catalogue is a few hundred rows a year: the service filters and counts it.
 */
export function listPublicSolutions(db: Db, year?: number) {
  return db
    .select(publicColumns)
    .from(publishedSolutions)
    .innerJoin(publishedLists, eq(publishedLists.campaignId, publishedSolutions.campaignId))
    .where(year === undefined ? undefined : eq(publishedSolutions.year, year))
    .orderBy(desc(publishedSolutions.year), asc(publishedSolutions.seq));
}

export async function findPublicSolution(db: Db, publicId: string) {
  const [row] = await db
    .select(publicColumns)
    .from(publishedSolutions)
    .innerJoin(publishedLists, eq(publishedLists.campaignId, publishedSolutions.campaignId))
    .where(eq(publishedSolutions.publicId, publicId));
  return row;
}

/** The public history of a solution, oldest first. */
export function eventsOf(db: Db, publicId: string) {
  return db
    .select({
      kind: publishedSolutionEvents.kind,
      day: publishedSolutionEvents.day,
      note: publishedSolutionEvents.note,
      reasonCode: publishedSolutionEvents.reasonCode,
    })
    .from(publishedSolutionEvents)
    .where(eq(publishedSolutionEvents.publicId, publicId))
    .orderBy(asc(publishedSolutionEvents.at), asc(publishedSolutionEvents.id));
}

/** The approved 成果展示 of a solution, if an organizer approved one. */
export async function approvedShowcase(db: Db, publicId: string) {
  const [row] = await db
    .select({ text: showcaseEntries.approvedText, imageIds: showcaseEntries.approvedImageIds })
    .from(showcaseEntries)
    .where(and(eq(showcaseEntries.publicId, publicId), isNotNull(showcaseEntries.approvedText)));
  return row;
}

/** The latest public changes of the lists (the Atom feed), newest first. */
export function latestEvents(db: Db, limit: number) {
  return db
    .select({
      id: publishedSolutionEvents.id,
      publicId: publishedSolutionEvents.publicId,
      kind: publishedSolutionEvents.kind,
      day: publishedSolutionEvents.day,
      note: publishedSolutionEvents.note,
      at: publishedSolutionEvents.at,
      solutionName: publishedSolutions.solutionName,
      enterpriseName: publishedSolutions.enterpriseName,
    })
    .from(publishedSolutionEvents)
    .innerJoin(
      publishedSolutions,
      eq(publishedSolutions.publicId, publishedSolutionEvents.publicId),
    )
    .orderBy(desc(publishedSolutionEvents.at), desc(publishedSolutionEvents.id))
    .limit(limit);
}

/** The lists published, newest first (the open data's index). */
export function listLists(db: Db) {
  return db
    .select({
      year: publishedLists.year,
      title: publishedLists.title,
      documentNo: publishedLists.documentNo,
      publishedOn: publishedLists.publishedOn,
    })
    .from(publishedLists)
    .orderBy(desc(publishedLists.year), desc(publishedLists.publishedOn));
}

/** Province names (level 1 of GB/T 2260), by code. */
export async function provinceNames(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 1));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The section (门类 letter) of every GB/T 4754 code, and the sections' names. Reference data,
 * seeded once and never changed by the app: read once per database and kept.
 */
const sectionsCache = new WeakMap<Db, Promise<IndustrySections>>();
interface IndustrySections {
  sectionOf: Map<string, string>;
  sectionNames: Map<string, string>;
}

export function industrySections(db: Db): Promise<IndustrySections> {
  let cached = sectionsCache.get(db);
  if (!cached) {
    cached = db
      .select({
        code: industries.code,
        level: industries.level,
        name: industries.name,
        section: industries.section,
      })
      .from(industries)
      .then((rows) => ({
        sectionOf: new Map(rows.map((r) => [r.code, r.section])),
        sectionNames: new Map(rows.filter((r) => r.level === 1).map((r) => [r.code, r.name])),
      }));
    // a failed read is not kept
    cached.catch(() => sectionsCache.delete(db));
    sectionsCache.set(db, cached);
  }
  return cached;
}

/** The public history of every solution (of one year), oldest first: the open data's history. */
export function allEvents(db: Db, year?: number) {
  return db
    .select({
      publicId: publishedSolutionEvents.publicId,
      kind: publishedSolutionEvents.kind,
      day: publishedSolutionEvents.day,
      reasonCode: publishedSolutionEvents.reasonCode,
    })
    .from(publishedSolutionEvents)
    .innerJoin(
      publishedSolutions,
      eq(publishedSolutions.publicId, publishedSolutionEvents.publicId),
    )
    .where(year === undefined ? undefined : eq(publishedSolutions.year, year))
    .orderBy(asc(publishedSolutionEvents.at), asc(publishedSolutionEvents.id));
}
