// 评审结果: a round's reviews loaded once and put through the pure math of domain/review-results.
// What counts: submitted reviews of assignments still published (a declined or withdrawn pair's
// review does not), each as its weighted total on the campaign's rubric.
import { weightedTotal } from '../../../domain/review';
import { reviewResults, type PanelResult } from '../../../domain/review-results';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import * as repo from './repository';

export const ROUND_NOT_FOUND = '未找到该评审轮次';

export interface ResultApplicationInfo {
  id: string;
  panelId: string;
  solutionName: string;
  applicantName: string;
  unitName: string;
  category: string | null;
}

export interface RoundResults {
  round: repo.RoundRow;
  campaign: NonNullable<Awaited<ReturnType<typeof repo.findRound>>>['campaign'];
  panels: { id: string; name: string }[];
  /** every pair that reached the experts, with its review */
  assignments: repo.RoundAssignmentRow[];
  applications: Map<string, ResultApplicationInfo>;
  results: PanelResult[];
}

export async function roundResultsOf(
  deps: Pick<Deps, 'db'>,
  roundId: string,
): Promise<RoundResults> {
  const found = await repo.findRound(deps.db, roundId);
  if (!found) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
  const [panels, assignments] = await Promise.all([
    repo.listPanels(deps.db, roundId),
    repo.listRoundAssignments(deps.db, roundId),
  ]);
  const rubric = found.campaign.settings.rubric;
  const applications = new Map<string, ResultApplicationInfo>();
  for (const a of assignments)
    if (!applications.has(a.applicationId))
      applications.set(a.applicationId, {
        id: a.applicationId,
        panelId: a.panelId,
        solutionName: a.solutionName,
        applicantName: a.applicantName ?? '',
        unitName: a.unitName,
        category: a.category,
      });
  const reviews = assignments
    .filter((a) => a.state === 'published' && a.review.state === 'submitted')
    .map((a) => ({
      applicationId: a.applicationId,
      expertId: a.expertId,
      total: weightedTotal(rubric, a.review.scores ?? {}),
    }));
  const results = reviewResults(
    panels.map((p) => p.id),
    [...applications.values()].map((a) => ({
      id: a.id,
      panelId: a.panelId,
      name: a.solutionName,
    })),
    reviews,
    { reviewsPerApplication: found.round.reviewsPerApplication },
  );
  return { ...found, panels, assignments, applications, results };
}

/** The round's results as seen for one expert (the score sheet): 404 when not on the round. */
export async function expertOfRound(deps: Pick<Deps, 'db'>, r: RoundResults, expertId: string) {
  const mine = r.assignments.filter((a) => a.expertId === expertId && a.state === 'published');
  if (!mine.length) throw new AppError('NOT_FOUND', { message: '该专家没有本轮的评审任务' });
  const expert = (await repo.findExpert(deps.db, expertId))!;
  return { expert, assignments: mine };
}
