// 系统评价's answers, in the shapes of domain/api/evaluation.
import type {
  EvaluationResultsView,
  EvaluationRoundDetail,
  EvaluationRoundView,
  MyEvaluationDetail,
  MyEvaluationItem,
  MyEvaluationScores,
} from '../../../domain/api/evaluation';
import { maxScoreOf } from '../../../domain/review';
import { APPLICATION_FLAG_LABELS } from '../../../domain/review-results';
import type { EvaluationAssignmentRow, EvaluationRoundRow } from './repository';
import type { listMine, myEvaluation, resultsOf, RoundDetail } from './service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function roundView(
  round: EvaluationRoundRow,
  rubric: RoundDetail['rubric'],
  progress: RoundDetail['progress'],
): EvaluationRoundView {
  return {
    id: round.id,
    title: round.title,
    campaignId: round.campaignId,
    listCampaignIds: round.listCampaignIds,
    rubric: rubric.map((d) => ({
      code: d.code,
      name: d.name,
      weight: d.weight,
      maxScore: maxScoreOf(d),
      guidance: d.guidance,
    })),
    reviewsPerSolution: round.reviewsPerSolution,
    maxLoad: round.maxLoad,
    deadline: round.deadline.toISOString(),
    bands: round.bands,
    state: round.state,
    createdAt: round.createdAt.toISOString(),
    publishedAt: iso(round.publishedAt),
    progress,
  };
}

export function roundDetailView(d: RoundDetail): EvaluationRoundDetail {
  return {
    ...roundView(d.round, d.rubric, d.progress),
    solutions: d.solutions,
    pairs: d.assignments.map((p) => ({
      id: p.row.id,
      publicId: p.row.publicId,
      solutionName: p.solutionName,
      enterpriseName: p.enterpriseName,
      expertId: p.row.expertId,
      expertName: p.expertName,
      expertEmployer: p.expertEmployer,
      fit: p.row.fit,
      state: p.row.state as 'proposed' | 'published',
      scoreState: p.row.scoreState,
    })),
    shortfalls: d.shortfalls,
  };
}

export function resultsView(
  r: Awaited<ReturnType<typeof resultsOf>>,
  progress: RoundDetail['progress'],
): EvaluationResultsView {
  return {
    round: roundView(r.round, r.rubric, progress),
    bands: r.bands,
    counts: r.counts,
    results: r.results.map((x) => ({
      publicId: x.publicId,
      solutionName: x.name,
      enterpriseName: x.enterpriseName,
      categoryName: x.categoryName,
      status: x.status,
      submitted: x.n,
      needed: x.needed,
      means: x.means,
      rawTotal: x.rawTotal,
      normalisedTotal: x.normalisedTotal,
      rank: x.rank,
      band: x.band,
      flags: x.flags.map((f) => ({ code: f.code, label: APPLICATION_FLAG_LABELS[f.code] })),
    })),
    experts: r.experts.map((e) => ({
      expertId: e.expertId,
      name: e.name,
      n: e.n,
      mean: e.mean,
      leniency: e.leniency,
      outlier: e.outlier,
      reasons: e.reasons,
    })),
  };
}

export function myScoresView(a: EvaluationAssignmentRow): MyEvaluationScores {
  return {
    id: a.id,
    scores: a.scores,
    comment: a.comment,
    scoreState: a.scoreState,
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: iso(a.submittedAt),
  };
}

export function myItemView(r: Awaited<ReturnType<typeof listMine>>[number]): MyEvaluationItem {
  return {
    id: r.a.id,
    roundId: r.round.id,
    roundTitle: r.round.title,
    deadline: r.round.deadline.toISOString(),
    closed: r.closed,
    publicId: r.solution.publicId,
    solutionName: r.solution.solutionName,
    enterpriseName: r.solution.enterpriseName,
    categoryName: r.solution.categoryName,
    year: r.solution.year,
    scoreState: r.a.scoreState,
    version: r.a.version,
    submittedAt: iso(r.a.submittedAt),
  };
}

export function myDetailView(d: Awaited<ReturnType<typeof myEvaluation>>): MyEvaluationDetail {
  const s = d.solution;
  return {
    assignment: myItemView({
      a: d.assignment,
      round: d.round,
      closed: d.closed,
      solution: s,
    }),
    rubric: roundView(d.round, d.rubric, { pairs: 0, submitted: 0, experts: 0, solutions: 0 })
      .rubric,
    scores: myScoresView(d.assignment),
    solution: {
      publicId: s.publicId,
      solutionName: s.solutionName,
      enterpriseName: s.enterpriseName,
      categoryName: s.categoryName,
      regionName: s.regionName,
      industries: s.industries,
      unitName: s.unitName,
      summary: s.summary,
      apps: s.apps,
      validFrom: s.validFrom,
      validUntil: s.validUntil,
      status: s.status,
    },
    application: d.content && {
      applicationId: d.content.applicationId,
      versionNo: d.content.versionNo,
      form: d.content.form as unknown as Record<string, unknown>,
      data: d.content.data,
      categories: d.content.settings.categories,
      attachments: d.content.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        kind: a.kind,
        size: a.size,
        sha256: a.sha256,
      })),
    },
    selfEvaluation: d.selfEvaluation,
    spotChecks: d.spotChecks,
  };
}
