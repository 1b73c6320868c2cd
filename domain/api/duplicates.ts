// Response shapes of the duplicates (疑似重复) API: the server's routes answer with them, the web
// infers its types from them.
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

const spanSchema = z.object({
  start: z.number().describe('UTF-16 offset into that side’s text, inclusive'),
  end: z.number().describe('exclusive'),
  excerpt: z.string(),
});

export const evidenceSchema = z.object({
  similarity: z.number(),
  application: spanSchema.describe('offsets into the flagged application’s comparable text'),
  match: spanSchema.describe('offsets into the matched award’s or application’s text'),
});

export const findingViewSchema = z.object({
  id: z.string().nullable().describe('null for a check that is not stored'),
  applicationId: z.string(),
  applicationName: z.string(),
  enterpriseName: z.string(),
  channelUnitName: z.string(),
  kind: z.enum(['award', 'application']),
  relation: z
    .enum(['same_enterprise', 'related_enterprise', 'different_enterprise'])
    .describe(
      'how the two enterprises relate: the same (统一社会信用代码 or name), related (a shared 字号), or different',
    ),
  score: z.number().describe('strength, 0–1'),
  reasons: z.array(z.string()),
  state: z.enum(['open', 'confirmed', 'dismissed']),
  decisionReason: z.string().nullable(),
  decidedAt: isoDate.nullable(),
  match: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('award'),
      awardId: z.string(),
      year: z.number(),
      solutionName: z.string(),
      enterpriseName: z.string(),
      uscc: z.string(),
      recommenderName: z.string(),
    }),
    z.object({
      kind: z.literal('application'),
      applicationId: z.string(),
      solutionName: z.string(),
      enterpriseName: z.string(),
      channelUnitName: z.string(),
    }),
  ]),
  evidence: z.array(evidenceSchema),
});
export type FindingView = z.infer<typeof findingViewSchema>;

export const applicationFindingsSchema = z.object({
  text: z
    .string()
    .describe(
      'the comparable text: word-counted text fields joined with "\\n"; offsets index into it',
    ),
  findings: z.array(findingViewSchema),
});
export type ApplicationFindings = z.infer<typeof applicationFindingsSchema>;

/** listCampaignFindings */
export const findingListSchema = itemsOf(findingViewSchema);
export type FindingList = z.infer<typeof findingListSchema>;

export const sweepResultSchema = z.object({
  findings: z.number().describe('findings stored for the campaign after the sweep'),
  applications: z.number().describe('applications compared'),
  ms: z.number(),
});
export type SweepResult = z.infer<typeof sweepResultSchema>;
