// Response shapes of 配套支持 (issue 15): a unit's records per selected solution, the totals.
import { PUBLISHED_STATUSES } from '../publication';
import { SUPPORT_KINDS } from '../support';
import { z } from '../zod';
import { isoDate } from './common';

export const supportRecordSchema = z.object({
  id: z.string(),
  publicId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  amountYuan: z.number().nullable(),
  day: z.string(),
  documentNo: z.string(),
  document: z.object({ id: z.string(), filename: z.string() }).nullable(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: isoDate,
  withdrawnAt: isoDate.nullable(),
  withdrawReason: z.string().nullable(),
  /** the caller's unit recorded it and it stands: it may withdraw it */
  canWithdraw: z.boolean(),
});
export type SupportRecord = z.infer<typeof supportRecordSchema>;

export const supportSolutionSchema = z.object({
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  listTitle: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(PUBLISHED_STATUSES),
  statusLabel: z.string(),
  records: z.array(supportRecordSchema),
});
export type SupportSolution = z.infer<typeof supportSolutionSchema>;

export const supportListSchema = z.object({
  solutions: z.array(supportSolutionSchema),
  /** the caller may record support (a recommender, for its unit's solutions) */
  canRecord: z.boolean(),
  today: z.string(),
});
export type SupportList = z.infer<typeof supportListSchema>;

export const supportUnitTotalsSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** its solutions on the published lists */
  selected: z.number().int(),
  /** of those, with at least one record standing */
  supported: z.number().int(),
  policy: z.number().int(),
  funding: z.number().int(),
  resource: z.number().int(),
  fundingYuan: z.number(),
});
export type SupportUnitTotals = z.infer<typeof supportUnitTotalsSchema>;

export const supportTotalsListSchema = z.object({
  items: z.array(supportUnitTotalsSchema),
  total: supportUnitTotalsSchema.omit({ unitId: true, unitName: true }),
});
export type SupportTotalsList = z.infer<typeof supportTotalsListSchema>;
