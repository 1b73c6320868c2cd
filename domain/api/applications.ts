// Response shapes of the applications (申报书) API: the server's routes answer with them, the web
// infers its types from them.
import { APPLICATION_STATES } from '../application-states';
import type { FormDeclaration } from '../form';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';
import { formalCheckOutcomeSchema } from './formal-check';
import { applicationPublicationSchema } from './publication';
import { PUBLISHED_STATUSES } from '../publication';

export const applicationViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  enterpriseId: z.string(),
  channelUnitId: z.string(),
  state: z.enum(APPLICATION_STATES),
  formId: z.string(),
  data: z.record(z.string(), z.unknown()),
  draftVersion: z.number(),
  wordCount: z.number(),
  solutionName: z.string(),
  currentVersionNo: z.number().nullable(),
  returnComment: z
    .string()
    .nullable()
    .describe('the latest 退回意见 (kept after resubmitting, for reference)'),
  rejectReason: z.string().nullable().describe('不予推荐理由, while rejected'),
  recommendRank: z.number().nullable(),
  decidedAt: isoDate.nullable().describe('when the recommender last decided on it'),
  createdAt: isoDate,
  updatedAt: isoDate,
  submittedAt: isoDate.nullable(),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const versionSummarySchema = z.object({
  versionNo: z.number(),
  verificationCode: z.string(),
  submittedAt: isoDate,
  wordCount: z.number(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const attachmentViewSchema = z.object({
  id: z.string(),
  filename: z.string(),
  kind: z.enum(['pdf', 'image', 'office']),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: isoDate,
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** getApplication */
export const applicationDetailSchema = z.object({
  application: applicationViewSchema,
  versions: z.array(versionSummarySchema),
  attachments: z.array(attachmentViewSchema),
  formalCheck: formalCheckOutcomeSchema
    .nullable()
    .describe(
      '形式审查: 合格 / 不合格 and the failed items’ reasons, once recorded (never who checked it)',
    ),
  publication: applicationPublicationSchema
    .nullable()
    .optional()
    .describe(
      '发布: its public id, list, validity and status once the list naming it is published',
    ),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

/** getApplicationVersion: a submitted (frozen) version with its attachment list. */
export const frozenVersionSchema = versionSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      kind: z.enum(['pdf', 'image', 'office']),
      size: z.number(),
      sha256: z.string(),
    }),
  ),
});
export type FrozenVersion = z.infer<typeof frozenVersionSchema>;

/** getApplicationHistory: one row of an application's history (from the audit log). */
export const historyItemSchema = z.object({
  at: isoDate,
  action: z.string().describe('e.g. application.submit, application.recommend'),
  actionLabel: z.string().describe('the action by name, e.g. 退回修改'),
  actorName: z
    .string()
    .describe("the person's name; to an enterprise: 主管部门, 评审专家 or the recommender's unit"),
  actorOrg: z
    .string()
    .nullable()
    .describe("the person's enterprise or unit (staff: role); null where not shown"),
  actorLabel: z
    .string()
    .nullable()
    .describe("the actor's login; null to an enterprise for anyone not its own"),
  actorRole: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;
export const historySchema = itemsOf(historyItemSchema);
export type History = z.infer<typeof historySchema>;

/** listApplications: one row. */
export const applicationSummarySchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  onlineDeadline: isoDate,
  enterpriseName: z.string(),
  channelName: z.string(),
  state: z.enum(APPLICATION_STATES),
  solutionName: z.string(),
  wordCount: z.number(),
  currentVersionNo: z.number().nullable(),
  returnComment: z.string().nullable().describe('the latest 退回意见'),
  rejectReason: z.string().nullable().describe('不予推荐理由, while rejected'),
  decidedAt: isoDate.nullable().describe('when the recommender last decided on it'),
  updatedAt: isoDate,
  submittedAt: isoDate.nullable(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export const applicationListSchema = itemsOf(applicationSummarySchema);

/** getApplicationForm: the form declaration (domain/form FormDeclaration) and the word limit. */
export const applicationFormSchema = z.object({
  form: z.record(z.string(), z.unknown()),
  wordLimit: z.number(),
});
/** The form is sent as the campaign's FormDeclaration (the schema leaves its shape open). */
export type ApplicationForm = Omit<z.infer<typeof applicationFormSchema>, 'form'> & {
  form: FormDeclaration;
};

/** verifyPrintCode */
export const verifyResultSchema = z.object({
  found: z.boolean(),
  code: z.string(),
  /** what the code is on: a printed application version, or an 入选证明 (absent: not found) */
  kind: z.enum(['application_version', 'certificate']).optional(),
  solutionName: z.string().optional(),
  enterpriseName: z.string().optional(),
  campaignTitle: z.string().optional(),
  channelName: z.string().optional(),
  versionNo: z.number().optional(),
  submittedAt: isoDate.optional(),
  currentVersionNo: z.number().nullable().optional(),
  isCurrent: z.boolean().optional(),
  // 入选证明
  publicId: z.string().optional(),
  categoryName: z.string().optional(),
  listTitle: z.string().optional(),
  documentNo: z.string().optional(),
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  /** the status shown today (Beijing): 有效 / 已撤销 / 已过期 / 已退出 */
  status: z.enum(PUBLISHED_STATUSES).optional(),
  /** the day a revocation, withdrawal or expiry took effect (Beijing) */
  statusChangedOn: z.string().nullable().optional(),
  /** a revocation's or withdrawal's public reason (抽查不合格 …) */
  statusReason: z.string().nullable().optional(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
