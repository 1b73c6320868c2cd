// The response shapes live in domain/api/post-award (the web infers its types from them).
import type { ReportRow, RoundRow, SolutionRow, UnitSummaryRow } from './repository';

export function roundView(r: RoundRow) {
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    title: r.title,
    listCampaignIds: r.listCampaignIds,
    formRevision: r.formRevision,
    deadline: r.deadline.toISOString(),
    state: r.state,
    openedAt: r.openedAt.toISOString(),
    automatic: r.openedBy === null,
  };
}

type SolutionPart = Pick<
  SolutionRow,
  'publicId' | 'year' | 'solutionName' | 'enterpriseName' | 'unitName' | 'status'
>;

export function reportRowView(x: { report: ReportRow; round: RoundRow; solution: SolutionPart }) {
  const { report: r, round, solution: s } = x;
  return {
    id: r.id,
    roundId: round.id,
    roundTitle: round.title,
    kind: round.kind,
    deadline: round.deadline.toISOString(),
    publicId: s.publicId,
    listYear: s.year,
    solutionName: s.solutionName,
    enterpriseName: s.enterpriseName,
    unitId: r.unitId,
    unitName: s.unitName,
    solutionStatus: s.status,
    state: r.state,
    version: r.version,
    returnComment: r.returnComment,
    reviewComment: r.reviewComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    forwardedAt: r.forwardedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function reportStateView(r: ReportRow) {
  return { id: r.id, state: r.state, version: r.version, updatedAt: r.updatedAt.toISOString() };
}

export function unitSummaryView(s: UnitSummaryRow) {
  return { unitId: s.unitId, documentId: s.documentId, stampedAt: s.stampedAt.toISOString() };
}
