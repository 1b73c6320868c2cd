// 专家评分表's content: one expert's scores in a round, as plain data (drawn by score-sheet-pdf.ts,
// in a worker thread).
import { maxScoreOf, weightedTotal } from '../../../domain/review';
import type { Deps } from '../../lib/deps';
import { expertOfRound, roundResultsOf } from './results';
import { reviewSettingsOf } from './service';

export interface ScoreSheet {
  campaignTitle: string;
  roundName: string;
  expertName: string;
  employerName: string;
  expertTitle: string;
  anonymous: boolean;
  criteria: { name: string; max: number }[];
  rows: {
    solutionName: string;
    applicantName: string | null;
    scores: (number | null)[];
    total: number | null;
    recommendation: string;
    comment: string;
    submitted: boolean;
  }[];
}

export async function scoreSheetOf(
  deps: Pick<Deps, 'db'>,
  roundId: string,
  expertId: string,
): Promise<ScoreSheet> {
  const r = await roundResultsOf(deps, roundId);
  const { expert, assignments } = await expertOfRound(deps, r, expertId);
  const settings = r.campaign.settings;
  const labels = new Map(reviewSettingsOf(settings).recommendations.map((o) => [o.code, o.label]));
  return {
    campaignTitle: r.campaign.title,
    roundName: r.round.name,
    expertName: expert.name,
    employerName: expert.employerName,
    expertTitle: expert.title,
    anonymous: r.round.anonymous,
    criteria: settings.rubric.map((c) => ({ name: c.name, max: maxScoreOf(c) })),
    rows: assignments.map((a) => {
      const scores = a.review.scores ?? {};
      return {
        solutionName: a.solutionName,
        applicantName: r.round.anonymous ? null : a.applicantName,
        scores: settings.rubric.map((c) => scores[c.code] ?? null),
        total: a.review.scores ? weightedTotal(settings.rubric, scores) : null,
        recommendation: a.review.recommendation
          ? (labels.get(a.review.recommendation) ?? a.review.recommendation)
          : '',
        comment: a.review.comment ?? '',
        submitted: a.review.state === 'submitted',
      };
    }),
  };
}
