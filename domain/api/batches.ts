// Response shapes of the recommender's batch (报送批次) API: the server's routes answer with them,
// the web infers its types from them.
import { RECOMMENDER_UNIT_TYPES } from '../recommender-units';
import { z } from '../zod';
import { isoDate } from './common';

export const summaryRowSchema = z.object({
  applicationId: z.string(),
  rank: z.number(),
  solutionName: z.string(),
  category: z.string(),
  applicantName: z.string(),
  uscc: z.string(),
  region: z.string(),
  industry: z.string(),
  appCount: z.number(),
  platform: z.string(),
  contactName: z.string(),
  phone: z.string(),
  cells: z
    .array(z.union([z.string(), z.number()]))
    .describe("the campaign's configured 附件3 columns, in order"),
});

export const stampedScanSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  createdAt: isoDate,
});

export const batchViewSchema = z.object({
  id: z.string().nullable().describe('null until the first write creates the batch'),
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(RECOMMENDER_UNIT_TYPES),
  state: z.enum(['open', 'signed_off']),
  quota: z.number(),
  recommended: z.number(),
  signedOffAt: isoDate.nullable(),
  reopenedAt: isoDate.nullable(),
  reopenReason: z.string().nullable(),
  stampedScan: stampedScanSchema.nullable(),
  rows: z.array(
    summaryRowSchema.extend({
      flagged: z
        .boolean()
        .describe('has an open or confirmed 疑似重复 finding: blocks the sign-off'),
      duplicate: z
        .enum(['open', 'confirmed'])
        .nullable()
        .describe(
          "'confirmed': the organizer confirmed a duplicate, the recommendation must be taken back; 'open': awaiting the organizer's review",
        ),
    }),
  ),
});
export type BatchView = z.infer<typeof batchViewSchema>;
export type SummaryRow = z.infer<typeof summaryRowSchema>;
export type StampedScan = z.infer<typeof stampedScanSchema>;
