import { FOLLOW_UP_REPORT_STATES } from '../../../domain/follow-up-report';
import { z } from '../../../domain/zod';
import { isoDate } from '../../lib/views';
import type { AwardRow } from '../awards/repository';
import type { FollowUpReportRow } from './repository';

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

export function followUpRowView(award: AwardRow, report: FollowUpReportRow | null) {
  return {
    awardId: award.id,
    year: award.year,
    solutionName: award.solutionName,
    enterpriseName: award.enterpriseName,
    uscc: award.uscc,
    recommenderName: award.recommenderName,
    recommenderUnitId: award.recommenderUnitId,
    state: report?.state ?? ('not_started' as const),
    submittedAt: report?.submittedAt?.toISOString() ?? null,
    returnComment: report?.returnComment ?? null,
    updatedAt: report?.updatedAt.toISOString() ?? null,
  };
}

export const reportViewSchema = z.object({
  state: z.enum(['draft', 'submitted', 'returned']),
  data: z.record(z.string(), z.unknown()),
  draftVersion: z.number(),
  returnComment: z.string().nullable(),
  submittedAt: isoDate.nullable(),
  updatedAt: isoDate,
});

export function reportView(r: FollowUpReportRow) {
  return {
    state: r.state,
    data: r.data,
    draftVersion: r.draftVersion,
    returnComment: r.returnComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}
