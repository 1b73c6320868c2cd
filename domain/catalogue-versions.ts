// 目录清单 (issue 15): the organizer publishes a catalogue of published solutions by band (free
// names in the organizer's order, e.g. A类/B类/C类) and category, as numbered versions with a date
// and 文号; each version is frozen (its entries copied from the published list when it is
// published) and compared with the one before. Shared by server and web. No I/O.
import { isCalendarDay } from './working-days';
import { z } from './zod';

export const CATALOGUE_MAX_ENTRIES = 2000;

/** One line of a catalogue as the organizer gives it: a public id and its band. */
export const catalogueEntryInputSchema = z.object({
  publicId: z
    .string()
    .trim()
    .min(1, '请填写公开编号')
    .max(40, '公开编号最多40个字符')
    .transform((s) => s.normalize('NFKC').toUpperCase()),
  band: z.string().trim().min(1, '请填写等级（如 A类）').max(20, '等级名称最多20字'),
});
export type CatalogueEntryInput = z.infer<typeof catalogueEntryInputSchema>;

const entriesSchema = z
  .array(catalogueEntryInputSchema)
  .min(1, '目录清单至少要列入一项解决方案')
  .max(CATALOGUE_MAX_ENTRIES, `目录清单最多${CATALOGUE_MAX_ENTRIES}项`);

/** previewCatalogue: the entries alone (compared with the latest version). */
export const previewCatalogueSchema = z.object({ entries: entriesSchema });

/** publishCatalogue */
export const publishCatalogueSchema = z.object({
  title: z.string().trim().min(4, '目录清单标题至少4个字').max(200, '目录清单标题最多200字'),
  /** 文号 of the notice publishing the catalogue */
  documentNo: z
    .string()
    .trim()
    .min(4, '请填写发布文号，如 工信厅信发函〔2024〕100号')
    .max(100, '发布文号最多100字'),
  /** the publication day (Beijing) */
  publishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine(isCalendarDay, '不是有效的日期'),
  /** the evaluation round whose banded results it started from, if any */
  evaluationRoundId: z.uuid('评价轮次编号格式不正确').optional(),
  entries: entriesSchema,
});
export type PublishCatalogueInput = z.infer<typeof publishCatalogueSchema>;

/** The public ids given more than once, each once, in the order they first repeat. */
export function duplicatePublicIds(entries: readonly { publicId: string }[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.publicId)) dupes.add(e.publicId);
    seen.add(e.publicId);
  }
  return [...dupes];
}

/** The bands in the order they first appear. */
export function bandOrder(entries: readonly { band: string }[]): string[] {
  return [...new Set(entries.map((e) => e.band))];
}

export interface CatalogueFacts {
  publicId: string;
  band: string;
  category: string;
  categoryName: string;
}

/**
 * The catalogue as it is shown: bands in their order (first appearance), within a band the
 * categories by code, within a category the entries in the order given.
 */
export function groupCatalogue<T extends CatalogueFacts>(
  entries: readonly T[],
): {
  band: string;
  count: number;
  categories: { category: string; categoryName: string; entries: T[] }[];
}[] {
  return bandOrder(entries).map((band) => {
    const inBand = entries.filter((e) => e.band === band);
    const codes = [...new Set(inBand.map((e) => e.category))].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }),
    );
    return {
      band,
      count: inBand.length,
      categories: codes.map((category) => {
        const list = inBand.filter((e) => e.category === category);
        return { category, categoryName: list[0]!.categoryName, entries: list };
      }),
    };
  });
}

export interface CatalogueChanges<T> {
  /** in the new version, not in the previous (in the new version's order) */
  added: T[];
  /** in the previous version, not in the new (in the previous version's order) */
  removed: T[];
  /** in both, in another band (in the new version's order) */
  bandChanged: { entry: T; from: string; to: string }[];
}

/**
 * What changed from one version to the next, by public id: added, removed, and moved to another
 * band. The first version (previous null) adds everything.
 */
export function catalogueChanges<T extends { publicId: string; band: string }>(
  previous: readonly T[] | null,
  next: readonly T[],
): CatalogueChanges<T> {
  const before = new Map((previous ?? []).map((e) => [e.publicId, e]));
  const after = new Set(next.map((e) => e.publicId));
  const added: T[] = [];
  const bandChanged: CatalogueChanges<T>['bandChanged'] = [];
  for (const e of next) {
    const old = before.get(e.publicId);
    if (!old) added.push(e);
    else if (old.band !== e.band) bandChanged.push({ entry: e, from: old.band, to: e.band });
  }
  const removed = (previous ?? []).filter((e) => !after.has(e.publicId));
  return { added, removed, bandChanged };
}
