// The detector's thresholds. A campaign keeps its own copy in its settings; `{}` gives the defaults.
import { z } from './zod';

const share = z.number().min(0).max(1);

/** When the pair counts as a finding, by how the two enterprises relate. */
const tier = (
  name: number | null,
  text: number,
  jaccard: number,
  paraphrase: number | null,
  figures: number | null,
) =>
  z
    .object({
      /** Solution-name similarity at or above which the pair is a finding; null: the name alone never is. */
      name: share.nullable().default(name),
      /** Text overlap at or above which the pair is a finding. */
      text: share.default(text),
      /**
       * Texts are compared sentence by sentence only when the MinHash estimate of their 3-gram
       * Jaccard reaches this (a cheap filter: a heavy rewording keeps little of the 3-grams, so
       * it is low where the enterprise already points to a resubmission).
       */
      jaccard: share.default(jaccard),
      /**
       * Rarity-weighted overlap of the reworded parts (what is left once sentences copied word
       * for word are set aside) at or above which the pair is a finding: a resubmission
       * paraphrased throughout, reordered, its figures rounded. Null: not looked at.
       */
      paraphrase: share.nullable().default(paraphrase),
      /**
       * Besides the paraphrase, the share of the specific figures (426台, 1.1亿元, 近千条) of the
       * text with fewer that the other has too, rounding and 近/余/多 allowed for. Null: not asked.
       */
      figures: share.nullable().default(figures),
    })
    .prefault({});

export const duplicateSettingsSchema = z.object({
  /** Same 统一社会信用代码, or the same enterprise name once normalised. */
  sameEnterprise: tier(0.75, 0.35, 0.1, 0.2, null),
  /** Sharing a 字号 (中车株洲… and 中国中车…): a subsidiary, a branch, a sister company. */
  relatedEnterprise: tier(0.85, 0.4, 0.2, 0.2, 0.55),
  /** Anyone else: only the text can tell. */
  otherEnterprise: tier(null, 0.5, 0.4, null, null),
  /** Two sentences are the same sentence reworded at this bigram similarity (Dice). */
  sentenceSimilarity: share.default(0.5),
  /** Texts shorter than this (content characters) are compared by name only. */
  minTextLength: z.number().int().min(20).default(200),
  /** LSH banding of the 128-value MinHash signatures: finds the texts of other enterprises likely to reach `otherEnterprise.jaccard`. */
  lsh: z
    .object({
      bands: z.number().int().min(1).default(32),
      rows: z.number().int().min(1).max(8).default(4),
    })
    .prefault({})
    .refine((l) => [64, 128, 256, 512].includes(l.bands * l.rows), {
      message: 'bands × rows must be 64, 128, 256 or 512',
    }),
});

export type DuplicateSettings = z.infer<typeof duplicateSettingsSchema>;
export type DuplicateSettingsInput = z.input<typeof duplicateSettingsSchema>;

export const defaultDuplicateSettings: DuplicateSettings = duplicateSettingsSchema.parse({});
