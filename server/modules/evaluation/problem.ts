// A round as the review engine's solver sees it (domain/review-assignment): the published solutions
// as applications of one panel (their enterprise, co-applicants, province and recommending unit for
// the conflict rules; category, industries and focus areas for the fit), the active experts with
// what they can still take. Pure: no I/O.
import type { AssignmentApplication, AssignmentProblem } from '../../../domain/review-assignment';
import type { ExpertRow } from '../experts';
import { assignmentExpertOf, orgKeysOf } from '../review-rounds';
import type { EvaluatedSolutionRow, EvaluationAssignmentRow } from './repository';

export const PANEL = 'all';

export function evaluatedApplicationOf(
  s: EvaluatedSolutionRow,
  need: number,
): AssignmentApplication {
  return {
    id: s.publicId,
    panelId: PANEL,
    need,
    category: s.category,
    focusAreas: s.facts.focusAreas ?? [],
    industries: s.industries.map((i) => i.code),
    applicant: orgKeysOf(s.enterpriseName, s.uscc),
    coApplicants: (s.facts.coApplicants ?? []).map((c) => orgKeysOf(c.name, c.uscc)),
    provinceCode:
      s.regionCode && /^\d{6}$/.test(s.regionCode) ? `${s.regionCode.slice(0, 2)}0000` : null,
    unit: { id: s.unitId, keys: orgKeysOf(s.unitName, null, false) },
  };
}

export const inForce = (a: Pick<EvaluationAssignmentRow, 'state'>) =>
  a.state === 'proposed' || a.state === 'published';

/** The problem: `kept` pairs fill slots and load experts; removed pairs are never proposed. */
export function evaluationProblem(input: {
  round: { reviewsPerSolution: number; maxLoad: number };
  solutions: EvaluatedSolutionRow[];
  experts: ExpertRow[];
  kept: EvaluationAssignmentRow[];
  removed: EvaluationAssignmentRow[];
}): AssignmentProblem {
  const perSolution = new Map<string, number>();
  const perExpert = new Map<string, number>();
  for (const a of input.kept) {
    perSolution.set(a.publicId, (perSolution.get(a.publicId) ?? 0) + 1);
    perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
  }
  return {
    applications: input.solutions.map((s) =>
      evaluatedApplicationOf(
        s,
        Math.max(0, input.round.reviewsPerSolution - (perSolution.get(s.publicId) ?? 0)),
      ),
    ),
    experts: input.experts.map((e) =>
      e.active
        ? assignmentExpertOf(
            e,
            [PANEL],
            Math.max(0, input.round.maxLoad - (perExpert.get(e.id) ?? 0)),
          )
        : assignmentExpertOf(e, [], 0),
    ),
    rules: { avoidSameRegion: false },
    fixed: input.kept.map((a) => ({ applicationId: a.publicId, expertId: a.expertId })),
    excluded: input.removed.map((a) => ({ applicationId: a.publicId, expertId: a.expertId })),
  };
}
