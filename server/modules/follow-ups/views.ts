// The response shapes live in domain/api/follow-ups (the web infers its types from them).
export { followUpRowSchema, reportViewSchema } from '../../../domain/api/follow-ups';
import type { AwardRow } from '../awards';
import type { FollowUpReportRow } from './repository';

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
