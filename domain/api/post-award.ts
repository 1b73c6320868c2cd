// Response shapes of the post-award reports API (年度运行监测, 自查评估): the server's routes answer
// with them, the web infers its types from them.
import { POST_AWARD_KINDS, POST_AWARD_REPORT_STATES } from '../post-award';
import { PUBLISHED_STATUSES } from '../publication';
import { z } from '../zod';
import { isoDate } from './common';

const counts = z.object({
  total: z.number(),
  draft: z.number(),
  submitted: z.number(),
  returned: z.number(),
  forwarded: z.number(),
});

export const postAwardRoundSchema = z.object({
  id: z.string(),
  kind: z.enum(POST_AWARD_KINDS),
  year: z.number(),
  title: z.string(),
  listCampaignIds: z.array(z.string()),
  formRevision: z.number(),
  deadline: isoDate,
  state: z.enum(['open', 'closed']),
  openedAt: isoDate,
  automatic: z.boolean(),
  counts,
});
export type PostAwardRound = z.infer<typeof postAwardRoundSchema>;

export const postAwardRoundListSchema = z.object({ items: z.array(postAwardRoundSchema) });

export const postAwardReportRowSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  kind: z.enum(POST_AWARD_KINDS),
  deadline: isoDate,
  publicId: z.string(),
  listYear: z.number(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  solutionStatus: z.enum(PUBLISHED_STATUSES),
  state: z.enum(POST_AWARD_REPORT_STATES),
  version: z.number(),
  returnComment: z.string().nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: isoDate.nullable(),
  forwardedAt: isoDate.nullable(),
  updatedAt: isoDate,
});
export type PostAwardReportRow = z.infer<typeof postAwardReportRowSchema>;

export const postAwardUnitSummarySchema = z.object({
  unitId: z.string(),
  documentId: z.string(),
  stampedAt: isoDate,
});

/** listPostAwardRoundReports */
export const postAwardRoundReportsSchema = z.object({
  round: postAwardRoundSchema.omit({ counts: true }),
  items: z.array(postAwardReportRowSchema),
  summaries: z.array(postAwardUnitSummarySchema),
});
export type PostAwardRoundReports = z.infer<typeof postAwardRoundReportsSchema>;

export const myPostAwardReportsSchema = z.object({ items: z.array(postAwardReportRowSchema) });

/** getPostAwardReport: the report, the form its round froze, and what the caller may do. */
export const postAwardReportDetailSchema = z.object({
  report: postAwardReportRowSchema.extend({ data: z.record(z.string(), z.unknown()) }),
  form: z.record(z.string(), z.unknown()),
  rowKeys: z.record(z.string(), z.array(z.union([z.string(), z.number()]))),
  files: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number() })),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type PostAwardReportDetail = z.infer<typeof postAwardReportDetailSchema>;

export const postAwardReportStateSchema = z.object({
  id: z.string(),
  state: z.enum(POST_AWARD_REPORT_STATES),
  version: z.number(),
  updatedAt: isoDate,
});

export const openedRoundSchema = z.object({
  round: postAwardRoundSchema.omit({ counts: true }),
  reports: z.number(),
});

/** getPostAwardRoundStatistics: a monitoring round's aggregates for 监测分析. */
export const monitoringFiguresSchema = z.object({
  roundId: z.string(),
  year: z.number(),
  reports: z.number(),
  byState: z.record(z.enum(POST_AWARD_REPORT_STATES), z.number()),
  filed: z.number(),
  newCustomers: z.number(),
  revenue: z.number(),
  inOperation: z.object({ yes: z.number(), no: z.number(), share: z.number().nullable() }),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      reports: z.number(),
      filed: z.number(),
      revenue: z.number(),
      newCustomers: z.number(),
    }),
  ),
});
export type MonitoringFiguresView = z.infer<typeof monitoringFiguresSchema>;
