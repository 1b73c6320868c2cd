import type { AssignmentBoard, AssignmentView, RoundView } from '../../../domain/api/review-rounds';
import type { AssignmentSource, AssignmentState } from '../../../domain/review-rounds';
import type { assignmentBoard, PairDetail, RoundDetail } from './service';

// The response shapes live in domain/api/review-rounds (the web infers its types from them).
export {
  assignmentBoardSchema,
  assignmentViewSchema,
  declinedAssignmentSchema,
  proposalSchema,
  publishResultSchema,
  roundListSchema,
  roundViewSchema,
} from '../../../domain/api/review-rounds';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function roundView({ round, panels, counts }: RoundDetail): RoundView {
  return {
    id: round.id,
    campaignId: round.campaignId,
    name: round.name,
    reviewsPerApplication: round.reviewsPerApplication,
    maxLoad: round.maxLoad,
    deadline: round.deadline.toISOString(),
    anonymous: round.anonymous,
    avoidSameRegion: round.avoidSameRegion,
    state: round.state as RoundView['state'],
    revision: round.revision,
    createdAt: round.createdAt.toISOString(),
    publishedAt: iso(round.publishedAt),
    panels: panels.map((p) => ({
      id: p.id,
      name: p.name,
      categories: p.categories,
      expertIds: p.expertIds,
      position: p.position,
    })),
    counts,
  };
}

export function assignmentView(p: PairDetail): AssignmentView {
  const a = p.row;
  return {
    id: a.id,
    applicationId: a.applicationId,
    expertId: a.expertId,
    expertName: p.expertName,
    employerName: p.employerName,
    panelId: a.panelId,
    fit: a.fit,
    matched: p.matched,
    source: a.source as AssignmentSource,
    state: a.state as AssignmentState,
    overriddenRules: a.overriddenRules,
    overrideReason: a.overrideReason,
    declineReason: a.declineReason,
    declinedAt: iso(a.declinedAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function boardView(b: Awaited<ReturnType<typeof assignmentBoard>>): AssignmentBoard {
  return {
    round: roundView(b.detail),
    applications: b.applications.map((x) => ({
      applicationId: x.app.id,
      solutionName: x.app.solutionName,
      applicantName: x.app.facts.applicantName ?? '',
      category: x.app.facts.category ?? null,
      categoryName: x.categoryName,
      unitName: x.app.unitName,
      regionCode: x.app.facts.region ?? null,
      panelId: x.panel?.id ?? null,
      panelName: x.panel?.name ?? null,
      need: b.detail.round.reviewsPerApplication,
      assigned: x.assigned,
      pairs: x.pairs.map(assignmentView),
      shortfall: x.shortfall,
      excluded: x.excluded,
    })),
    experts: b.experts,
  };
}
