// Response shapes of the 遴选决定 API (organizers only): the server's routes answer with them, the
// web infers its types from them.
import { APPLICATION_STATES } from '../application-states';
import { SELECTION_DECISIONS, SELECTION_STATES } from '../selection';
import { z } from '../zod';
import { isoDate } from './common';

const num = z.number().nullable();

export const selectionRowSchema = z.object({
  applicationId: z.string(),
  solutionName: z.string(),
  /** where the application is now: 专家评审中 until the 公示 moves it on (公示中, 未入选, 已入选) */
  state: z.enum(APPLICATION_STATES),
  applicantName: z.string(),
  unitName: z.string(),
  category: z.string().nullable(),
  categoryName: z.string(),
  /** the round's panel it was reviewed in; null: not in the round */
  panelName: z.string().nullable(),
  /** place in its category by the normalised score (1 = best); null: no submitted review */
  place: z.number().nullable(),
  normalisedMean: num,
  mean: num,
  trimmedMean: num,
  submitted: z.number(),
  needed: z.number(),
  /** the results' flags in Chinese (专家意见分歧大, 评分缺失 …) */
  flags: z.array(z.string()),
  decision: z.enum(SELECTION_DECISIONS).nullable(),
  reason: z.string().nullable(),
  decidedAt: isoDate.nullable(),
  decidedBy: z.string().nullable(),
});
export type SelectionRow = z.infer<typeof selectionRowSchema>;

export const selectionViewSchema = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  /** null: not started yet (pick a round and the targets first) */
  state: z.enum(SELECTION_STATES).nullable(),
  /** 0 while not started */
  revision: z.number(),
  round: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** the campaign's rounds whose assignments were published: the rankings to choose from */
  rounds: z.array(z.object({ id: z.string(), name: z.string(), state: z.string() })),
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      target: z.number(),
      applications: z.number(),
      selected: z.number(),
      notSelected: z.number(),
    }),
  ),
  minutes: z
    .object({ filename: z.string(), size: z.number(), uploadedAt: isoDate, uploadedBy: z.string() })
    .nullable(),
  frozenAt: isoDate.nullable(),
  frozenBy: z.string().nullable(),
  /** what still stops the freeze, in Chinese */
  problems: z.array(z.string()),
  rows: z.array(selectionRowSchema),
});
export type SelectionView = z.infer<typeof selectionViewSchema>;

/** preselectByRanking: how many each way, and how many left for the organizer (no review). */
export const preselectResultSchema = z.object({
  selected: z.number(),
  notSelected: z.number(),
  undecided: z.number(),
  selection: selectionViewSchema,
});
export type PreselectResult = z.infer<typeof preselectResultSchema>;
