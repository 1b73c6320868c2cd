// 动态监测分析 API (issue 12): query and response shapes. The server's routes validate with them
// and answer with them; the web infers its types from them. Rules live in domain/statistics.ts.
import { RECOMMENDER_UNIT_TYPES } from '../recommender-units';
import { FUNNEL_STAGES, STAT_DIMENSIONS, STAT_MEASURES } from '../statistics';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

/** Filters, as query parameters: every analysis request takes them. Unknown ones are refused. */
export const statFiltersSchema = z.object({
  province: z
    .string()
    .regex(/^\d{2}0000$/, '应为省级行政区划代码（如 110000）')
    .optional()
    .describe('省级行政区划代码 (GB/T 2260)'),
  category: z.string().min(1).max(100).optional(),
  focusArea: z.string().min(1).max(100).optional(),
  industrySection: z
    .string()
    .regex(/^[A-T]$/, '应为国民经济行业门类字母（A–T）')
    .optional()
    .describe('GB/T 4754 门类'),
  recommenderGroup: z.enum(RECOMMENDER_UNIT_TYPES).optional(),
  unitId: z.uuid().optional(),
});
export type StatFiltersQuery = z.infer<typeof statFiltersSchema>;

export const breakdownQuerySchema = statFiltersSchema.extend({
  dimension: z.enum(STAT_DIMENSIONS),
});
export type BreakdownQuery = z.infer<typeof breakdownQuerySchema>;

/** What the XLSX export is of: a breakdown's dimension, or one of the other charts. */
export const STAT_CHARTS = [...STAT_DIMENSIONS, 'funnel', 'timeline', 'winners', 'years'] as const;
export const exportQuerySchema = statFiltersSchema.extend({ chart: z.enum(STAT_CHARTS) });

/** The drill-down: the applications behind one number. */
export const drillDownQuerySchema = statFiltersSchema.extend({
  dimension: z.enum(STAT_DIMENSIONS).optional(),
  key: z.string().min(1).max(100).optional().describe('the bucket of `dimension`'),
  stage: z.enum(STAT_MEASURES).default('submitted'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const counts = {
  submitted: z.number(),
  recommended: z.number(),
  forwarded: z.number(),
  awarded: z.number(),
};

/** One bucket of a breakdown. */
export const breakdownRowSchema = z.object({
  key: z.string().describe('the code or value; `_other` and `_unknown` are the catch-alls'),
  label: z.string(),
  ...counts,
  /** `unit` only: the unit's quota in the campaign and the share used by recommendations */
  quota: z.number().nullable(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownSchema = z.object({
  dimension: z.enum(STAT_DIMENSIONS),
  /** applications counted (each once, also for multi-valued dimensions) */
  total: z.object(counts),
  rows: z.array(breakdownRowSchema),
  /**
   * For a recommender, whose rows are its own unit's: the same dimension over every unit, as
   * shares of the total, to compare with. Null for organizers.
   */
  national: z.object({ total: z.object(counts), rows: z.array(breakdownRowSchema) }).nullable(),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const campaignFiguresSchema = z.object({
  campaignId: z.string(),
  code: z.string(),
  year: z.number(),
  title: z.string(),
  ...counts,
  provinces: z.number().describe('省级地区 with at least one submitted application'),
});

export const overviewSchema = z.object({
  campaign: campaignFiguresSchema,
  /** the campaign before it (by year), for 较上届; null for the first */
  previous: campaignFiguresSchema.nullable(),
  funnel: z.array(z.object({ stage: z.enum(FUNNEL_STAGES), label: z.string(), count: z.number() })),
  /** key figures of every campaign, oldest first (across years) */
  years: z.array(campaignFiguresSchema),
  /** past awards by year (imported lists and awards made in the platform), oldest first */
  awardsByYear: z.array(z.object({ year: z.number(), count: z.number() })),
  /** the restriction applied: a recommender's own unit */
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

const timelinePoint = z.object({
  date: z.string().describe('YYYY-MM-DD, Beijing time'),
  daysBeforeDeadline: z.number(),
  submitted: z.number().describe('first submissions that day'),
  cumulative: z.number(),
});
export const timelineSchema = z.object({
  onlineDeadline: isoDate,
  points: z.array(timelinePoint),
  /** the previous campaign's curve, to overlay by days before its own deadline */
  previous: z
    .object({
      campaignId: z.string(),
      year: z.number(),
      onlineDeadline: isoDate,
      points: z.array(timelinePoint),
    })
    .nullable(),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** Past winners' growth, from 附件4 (and later monitoring reports) submitted in the campaign. */
export const winnerMonitoringSchema = z.object({
  expected: z.number().describe('awards whose winners report in this campaign'),
  submitted: z.number(),
  revenueByYear: z.array(
    z.object({
      year: z.number(),
      total: z.number().describe('万元'),
      reports: z.number(),
      growth: z.number().nullable().describe('over the year before, as a ratio'),
    }),
  ),
  newCustomers: z.number(),
  industriesReached: z.array(z.object({ code: z.string(), label: z.string(), count: z.number() })),
  versionUpdates: z.object({ total: z.number(), perReport: z.number().nullable() }),
  byStatus: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  inOperationShare: z.number().nullable().describe('share not 已停止, of the submitted'),
});
export type WinnerMonitoring = z.infer<typeof winnerMonitoringSchema>;

export const drillDownItemSchema = z.object({
  id: z.string(),
  solutionName: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  state: z.string(),
  submittedAt: isoDate.nullable(),
});
export const drillDownSchema = itemsOf(drillDownItemSchema).extend({ total: z.number() });
export type DrillDown = z.infer<typeof drillDownSchema>;

/** A public table: counts of 1–2 are null (suppressed), with the rule stated. */
const publicRow = z.object({ key: z.string(), label: z.string(), count: z.number().nullable() });
export const publicStatisticsSchema = z.object({
  campaign: z.object({ code: z.string(), year: z.number(), title: z.string() }),
  submitted: z.number(),
  provinces: z.number(),
  byProvince: z.array(publicRow),
  byCategory: z.array(publicRow),
  byRecommenderGroup: z.array(publicRow),
  /** awarded solutions, only once the list is published; else null */
  awarded: z.number().nullable(),
  minCell: z.number(),
  updatedAt: isoDate,
});
export type PublicStatistics = z.infer<typeof publicStatisticsSchema>;
