// Response shapes of the past awards (往届获奖名单) API: the server's routes answer with them, the
// web infers its types from them.
import { z } from '../zod';

export const awardViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  category: z.string(),
  recommenderName: z.string(),
  recommenderUnitId: z.string().nullable(),
  source: z.enum(['imported', 'platform']),
});
export type AwardView = z.infer<typeof awardViewSchema>;

/** listAwards: one page and the count of all that match. */
export const awardListSchema = z.object({ items: z.array(awardViewSchema), total: z.number() });
export type AwardList = z.infer<typeof awardListSchema>;

/** importAwards */
export const awardImportResultSchema = z.object({ imported: z.number(), total: z.number() });
export type AwardImportResult = z.infer<typeof awardImportResultSchema>;
