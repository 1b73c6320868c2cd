// Response shapes of the 目录清单 (issue 15): a published version with its entries grouped by band
// and category and its changes against the version before; the list of versions; the organizer's
// preview before publishing and the rows read from an imported file. The server's routes answer
// with them; the web infers its types from them.
import { z } from '../zod';
import { isoDate } from './common';

/** One solution of a catalogue, as frozen when the version was published. */
export const catalogueEntrySchema = z.object({
  publicId: z.string(),
  band: z.string(),
  category: z.string(),
  categoryName: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  regionName: z.string(),
  /** the evaluation's normalised total, when the version came from an evaluation round */
  score: z.number().nullable(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const catalogueChangesSchema = z.object({
  /** the version compared with; null for the first */
  previousVersion: z.number().nullable(),
  added: z.array(catalogueEntrySchema),
  removed: z.array(catalogueEntrySchema),
  bandChanged: z.array(z.object({ entry: catalogueEntrySchema, from: z.string(), to: z.string() })),
});
export type CatalogueChangesView = z.infer<typeof catalogueChangesSchema>;

export const catalogueBandSchema = z.object({
  band: z.string(),
  count: z.number(),
  categories: z.array(
    z.object({
      category: z.string(),
      categoryName: z.string(),
      entries: z.array(catalogueEntrySchema),
    }),
  ),
});

/** One version in the list of versions. */
export const catalogueVersionSummarySchema = z.object({
  version: z.number(),
  title: z.string(),
  documentNo: z.string(),
  publishedOn: z.string(),
  count: z.number(),
});
export type CatalogueVersionSummary = z.infer<typeof catalogueVersionSummarySchema>;

/** getCatalogue / publishCatalogue */
export const catalogueViewSchema = catalogueVersionSummarySchema.extend({
  publishedAt: isoDate,
  evaluationRoundId: z.string().nullable(),
  /** the bands in the organizer's order */
  bands: z.array(catalogueBandSchema),
  changes: catalogueChangesSchema,
  /** the public page of this version */
  url: z.string(),
});
export type CatalogueView = z.infer<typeof catalogueViewSchema>;

/** listCatalogueVersions: newest first */
export const catalogueVersionListSchema = z.object({
  items: z.array(catalogueVersionSummarySchema),
});
export type CatalogueVersionList = z.infer<typeof catalogueVersionListSchema>;

/** previewCatalogue: what would be published, and what stops it (empty: ready). */
export const cataloguePreviewSchema = z.object({
  problems: z.array(z.string()),
  /** each public id with a problem, and what it is (not published, revoked, twice…) */
  rowProblems: z.array(z.object({ publicId: z.string(), message: z.string() })),
  /** the entries found (with their facts), in the order given */
  entries: z.array(catalogueEntrySchema),
  /** the version it would be */
  version: z.number(),
  changes: catalogueChangesSchema,
});
export type CataloguePreview = z.infer<typeof cataloguePreviewSchema>;

/** importCatalogueEntries: the rows read (publicId, band) and the rows' problems. */
export const catalogueImportSchema = z.object({
  entries: z.array(z.object({ row: z.number(), publicId: z.string(), band: z.string() })),
  problems: z.array(
    z.object({ row: z.number(), column: z.string().nullable(), message: z.string() }),
  ),
});
export type CatalogueImport = z.infer<typeof catalogueImportSchema>;

/** The open-data record of one catalogue entry (the JSON file's items, the CSV's columns). */
export const CATALOGUE_OPEN_DATA_FIELDS = [
  'version',
  'documentNo',
  'publishedOn',
  'band',
  'publicId',
  'solutionName',
  'enterpriseName',
  'category',
  'categoryName',
  'regionName',
  'url',
] as const;
