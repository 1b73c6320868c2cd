// Response and request shapes of the 形式审查 (formal check) API: the server's routes answer with
// them, the web infers its types from them.
import { APPLICATION_STATES } from '../application-states';
import { FORMAL_CHECK_RESULTS, FORMAL_CHECK_RULES } from '../review';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

/** The states the formal check deals in: waiting for it, and its two outcomes. */
export const FORMAL_CHECK_STATES = ['forwarded', 'ineligible', 'under_review'] as const;

export const automaticFindingSchema = z
  .object({ pass: z.boolean(), reason: z.string() })
  .describe("the platform's own finding on an automatic item, with why");

/** One checklist item of an application, with the platform's finding and what was recorded. */
export const formalCheckItemViewSchema = z.object({
  code: z.string(),
  label: z.string(),
  basis: z.string(),
  rule: z.enum(FORMAL_CHECK_RULES).nullable().describe('null: checked by hand only'),
  blocking: z.boolean(),
  automatic: automaticFindingSchema.nullable(),
  blocked: z
    .boolean()
    .describe('a blocking item whose automatic finding fails: it cannot be recorded as passed'),
  recorded: z.object({ pass: z.boolean(), reason: z.string() }).nullable(),
});
export type FormalCheckItemView = z.infer<typeof formalCheckItemViewSchema>;

export const recordedItemSchema = z.object({
  code: z.string(),
  label: z.string(),
  pass: z.boolean(),
  reason: z.string(),
});

/** The result on record, as the organizer reads it (who checked it included). */
export const formalCheckRecordSchema = z.object({
  result: z.enum(FORMAL_CHECK_RESULTS),
  revision: z.number(),
  versionNo: z.number().describe('the version the check was made on'),
  checkedAt: isoDate,
  checkedByName: z.string(),
  summary: z.string().describe('the failed items and their reasons'),
  items: z.array(recordedItemSchema),
});

/** getFormalCheck: one application's checklist for the organizer. */
export const formalCheckViewSchema = z.object({
  applicationId: z.string(),
  campaignId: z.string(),
  state: z.enum(APPLICATION_STATES),
  solutionName: z.string(),
  enterpriseName: z.string(),
  channelUnitName: z.string(),
  currentVersionNo: z.number().nullable(),
  recordable: z.boolean().describe('whether a result can be recorded now'),
  notRecordableReason: z.string().nullable(),
  revision: z.number().describe('the revision a new record must name as baseRevision (0: none)'),
  items: z.array(formalCheckItemViewSchema),
  record: formalCheckRecordSchema.nullable(),
});
export type FormalCheckView = z.infer<typeof formalCheckViewSchema>;

/** recordFormalCheck's body. */
export const recordFormalCheckSchema = z.object({
  items: z
    .array(
      z.object({
        code: z.string().min(1).max(40),
        pass: z.boolean(),
        reason: z.string().max(2000, '理由不超过2000字').default(''),
      }),
    )
    .min(1)
    .max(30),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .max(2_000_000_000)
    .optional()
    .describe('the revision the organizer saw (0 or absent: none recorded yet)'),
});
export type RecordFormalCheckBody = z.input<typeof recordFormalCheckSchema>;

/** listFormalChecks: one application of the campaign from 已报送 on. */
export const formalCheckListItemSchema = z.object({
  applicationId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  channelUnitId: z.string(),
  channelUnitName: z.string(),
  category: z.string().nullable(),
  state: z.enum(APPLICATION_STATES),
  checks: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      rule: z.enum(FORMAL_CHECK_RULES),
      blocking: z.boolean(),
      pass: z.boolean(),
      reason: z.string(),
    }),
  ),
  autoPass: z.boolean().describe('every automatic item passes'),
  blocked: z.boolean().describe('a blocking item fails: the application cannot pass'),
  result: z.enum(FORMAL_CHECK_RESULTS).nullable(),
  checkedAt: isoDate.nullable(),
  bulkPass: z
    .object({ eligible: z.boolean(), reason: z.string().nullable() })
    .describe('whether 批量通过 would pass it, and if not why'),
});
export type FormalCheckListItem = z.infer<typeof formalCheckListItemSchema>;
export const formalCheckListSchema = itemsOf(formalCheckListItemSchema);

export const formalCheckListQuerySchema = z.object({
  state: z.enum(FORMAL_CHECK_STATES).optional(),
  result: z.enum(['pass', 'fail', 'none']).optional().describe('none: not checked yet'),
  unitId: z.uuid().optional(),
  q: z.string().max(100).optional(),
});

export const bulkPassSchema = z.object({
  applicationIds: z
    .array(z.uuid('编号格式不正确'))
    .min(1, '请选择要批量通过的申报书')
    .max(500, '一次最多批量通过500份'),
});

export const bulkPassResultSchema = z.object({
  items: z.array(
    z.object({
      applicationId: z.string(),
      solutionName: z.string(),
      outcome: z.enum(['passed', 'skipped']),
      reason: z.string().nullable().describe('why it was skipped'),
    }),
  ),
  passed: z.number(),
  skipped: z.number(),
});
export type BulkPassResult = z.infer<typeof bulkPassResultSchema>;

/**
 * The result as the enterprise and its recommender read it (getApplication): 合格 / 不合格 and the
 * failed items' reasons — never who checked it.
 */
export const formalCheckOutcomeSchema = z.object({
  result: z.enum(FORMAL_CHECK_RESULTS),
  failedItems: z.array(z.object({ label: z.string(), reason: z.string() })),
  checkedAt: isoDate,
});
export type FormalCheckOutcome = z.infer<typeof formalCheckOutcomeSchema>;
