// Response shapes of the organizer's progress (各推荐单位进度) API: the server's route answers with
// them, the web infers its types from them.
import { RECOMMENDER_UNIT_TYPES } from '../recommender-units';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export const progressRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(RECOMMENDER_UNIT_TYPES),
  received: z.number().describe('applications filed through the unit, drafts not counted'),
  pending: z.number().describe('submitted, awaiting the unit’s decision'),
  recommended: z.number().describe('recommended or, after the sign-off, forwarded'),
  quota: z.number(),
  batchId: z.string().nullable(),
  batchState: z.enum(['open', 'signed_off']),
  signedOffAt: isoDate.nullable(),
  followUpsExpected: z.number().describe('附件4 reports owed by the unit’s past winners'),
  followUpsSubmitted: z.number(),
  forwarded: z.number().describe('applications that reached the ministry (forwarded and later)'),
  paperReceived: z
    .number()
    .describe('of those, how many have the paper 申报书 of their current version received'),
  summaryTableReceivedOn: z
    .string()
    .nullable()
    .describe('YYYY-MM-DD the stamped 附件3 first arrived on paper; null: not yet'),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const progressListSchema = itemsOf(progressRowSchema);
export type ProgressList = z.infer<typeof progressListSchema>;
