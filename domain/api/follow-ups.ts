// Response shapes of the 附件4 (follow-up reports of past winners) API: the server's routes answer
// with them, the web infers its types from them.
import { FOLLOW_UP_REPORT_STATES } from '../follow-up-report';
import { z } from '../zod';
import { awardViewSchema } from './awards';
import { isoDate } from './common';

export const followUpRowSchema = z.object({
  awardId: z.string(),
  year: z.number(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  recommenderName: z.string(),
  recommenderUnitId: z.string().nullable(),
  state: z.enum(FOLLOW_UP_REPORT_STATES),
  submittedAt: isoDate.nullable(),
  returnComment: z.string().nullable(),
  updatedAt: isoDate.nullable(),
});
export type FollowUpRow = z.infer<typeof followUpRowSchema>;

/** listFollowUpReports */
export const followUpListSchema = z.object({
  items: z.array(followUpRowSchema),
  followUpAwardYears: z.array(z.number()),
});
export type FollowUpList = z.infer<typeof followUpListSchema>;

export const reportViewSchema = z.object({
  state: z.enum(['draft', 'submitted', 'returned']),
  data: z.record(z.string(), z.unknown()),
  draftVersion: z.number(),
  returnComment: z.string().nullable(),
  submittedAt: isoDate.nullable(),
  updatedAt: isoDate,
});
export type FollowUpReport = z.infer<typeof reportViewSchema>;

/** getFollowUpReport: report is null until first saved. */
export const followUpDetailSchema = z.object({
  award: awardViewSchema,
  report: reportViewSchema.nullable(),
  deadline: isoDate,
  revenueYears: z.array(z.number()),
});
export type FollowUpDetail = z.infer<typeof followUpDetailSchema>;
