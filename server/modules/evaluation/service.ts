// 系统评价 (issue 15): the organizer creates a round over published lists (the campaign's rubric
// frozen in it), experts are proposed to the lists' valid and expired solutions by the review
// engine's solver under its conflict rules (shortfalls shown), publishing tells the experts; each
// expert scores every dimension of its own solutions (saved over a version, submitted once);
// results are normalised per expert by the review engine and banded by the organizer's lines.
import type { RubricDimension } from '../../../domain/campaign';
import {
  bandCounts,
  evaluationBandsSchema,
  evaluationResults,
  evaluationRubricSchema,
  evaluationSubmitProblems,
  frozenRubric,
  type CreateEvaluationRoundInput,
  type EvaluationBand,
} from '../../../domain/evaluation';
import { formatBeijingDeadline } from '../../../domain/notifications';
import { weightedTotal } from '../../../domain/review';
import { scoreProblems } from '../../../domain/review-scoring';
import { solveAssignment } from '../../../domain/review-assignment';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { findApplicationHead, findVersion, readAttachment } from '../applications';
import { recordAudit } from '../audit';
import { findCampaign, formOfCampaign } from '../campaigns';
import { findExpertOfUser, findExpertRows, listActiveExpertRows, type ExpertRow } from '../experts';
import { notify } from '../notifications';
import { EVALUATION_NOT_FOUND, checkOwnEvaluation } from './policy';
import { evaluationProblem, inForce } from './problem';
import * as repo from './repository';
import type { EvaluationContextSources } from './sources';

const ROUND_NOT_FOUND = '未找到该系统评价';

function invalid(issues: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', {
    message: issues.map((i) => i.message).join('；'),
    details: issues,
  });
}

/** The rubric frozen in the round. */
export function rubricOf(round: Pick<repo.EvaluationRoundRow, 'rubric'>): RubricDimension[] {
  return evaluationRubricSchema.parse(round.rubric);
}

/** A round no longer takes scores: closed, or its deadline has passed. */
function roundClosed(round: { state: string; deadline: Date }, now: Date) {
  return round.state === 'closed' || now > round.deadline;
}

function closedError(round: { state: string; deadline: Date }) {
  return new AppError('REVIEW_CLOSED', {
    message:
      round.state === 'closed'
        ? '本次系统评价已结束，不能再保存或提交评分'
        : `本次系统评价已于${formatBeijingDeadline(round.deadline)}（北京时间）截止，不能再保存或提交评分`,
    messageEn: 'The evaluation round has closed',
  });
}

async function roundOf(db: Db, id: string) {
  const round = await repo.findRound(db, id);
  if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
  return round;
}

// ------------------------------------------------------------------ the organizer's side

export function listPublishedLists(deps: Pick<Deps, 'db'>) {
  return repo.listPublishedLists(deps.db);
}

export async function listRounds(deps: Pick<Deps, 'db'>) {
  const rounds = await repo.listRounds(deps.db);
  const progress = new Map(
    (
      await repo.progressOf(
        deps.db,
        rounds.map((r) => r.id),
      )
    ).map((p) => [p.roundId, p]),
  );
  return rounds.map((round) => ({ round, progress: progressFor(progress.get(round.id)) }));
}

function progressFor(p: Awaited<ReturnType<typeof repo.progressOf>>[number] | undefined) {
  return {
    pairs: p?.pairs ?? 0,
    submitted: p?.submitted ?? 0,
    experts: p?.experts ?? 0,
    solutions: p?.solutions ?? 0,
  };
}

export interface Shortfall {
  publicId: string;
  solutionName: string;
  missing: number;
  reason: string;
}

/**
 * The pairs of a round with their experts and solutions, and the solutions short of experts with
 * the solver's reason (a solution the solver could now fill: "generate again").
 */
export async function roundDetail(deps: Pick<Deps, 'db'>, round: repo.EvaluationRoundRow) {
  const [assignments, solutions, active, progressRows] = await Promise.all([
    repo.listAssignments(deps.db, round.id),
    repo.listEvaluatedSolutions(deps.db, round.listCampaignIds),
    listActiveExpertRows(deps.db),
    repo.progressOf(deps.db, [round.id]),
  ]);
  const pairs = assignments.filter(inForce);
  const known = new Map(active.map((e) => [e.id, e]));
  const missingExperts = [...new Set(pairs.map((a) => a.expertId))].filter((id) => !known.has(id));
  for (const e of await findExpertRows(deps.db, missingExperts)) known.set(e.id, e);
  const experts = [...known.values()];
  const solved = solveAssignment(
    evaluationProblem({
      round,
      solutions,
      experts,
      kept: pairs,
      removed: assignments.filter((a) => a.state === 'removed'),
    }),
  );
  const reasons = new Map(solved.shortfalls.map((s) => [s.applicationId, s.reason]));
  const count = new Map<string, number>();
  for (const a of pairs) count.set(a.publicId, (count.get(a.publicId) ?? 0) + 1);
  const shortfalls: Shortfall[] = solutions
    .map((s) => ({
      publicId: s.publicId,
      solutionName: s.solutionName,
      missing: round.reviewsPerSolution - (count.get(s.publicId) ?? 0),
      reason:
        reasons.get(s.publicId) ??
        (round.state === 'draft'
          ? '尚有专家可以分配：请重新生成分配方案'
          : '尚有专家可以分配（本次评价已发布，不再自动分配）'),
    }))
    .filter((s) => s.missing > 0);
  const byId = new Map(solutions.map((s) => [s.publicId, s]));
  return {
    round,
    rubric: rubricOf(round),
    progress: progressFor(progressRows[0]),
    solutions: solutions.length,
    assignments: pairs.map((a) => ({
      row: a,
      expertName: known.get(a.expertId)?.name ?? '',
      expertEmployer: known.get(a.expertId)?.employerName ?? '',
      solutionName: byId.get(a.publicId)?.solutionName ?? a.publicId,
      enterpriseName: byId.get(a.publicId)?.enterpriseName ?? '',
    })),
    shortfalls,
  };
}
export type RoundDetail = Awaited<ReturnType<typeof roundDetail>>;

export async function getRound(deps: Pick<Deps, 'db'>, id: string) {
  return roundDetail(deps, await roundOf(deps.db, id));
}

/** Proposes pairs for the round's solutions (kept pairs stay), written as 'proposed'. */
async function propose(
  tx: Db,
  round: repo.EvaluationRoundRow,
  now: Date,
): Promise<{ proposed: number; totalFit: number }> {
  await repo.deleteProposed(tx, round.id);
  // one after another: a transaction's queries share one connection
  const assignments = await repo.listAssignments(tx, round.id);
  const solutions = await repo.listEvaluatedSolutions(tx, round.listCampaignIds);
  const experts = await listActiveExpertRows(tx);
  const kept = assignments.filter(inForce);
  const keptExperts = await findExpertRows(
    tx,
    [...new Set(kept.map((a) => a.expertId))].filter((id) => !experts.some((e) => e.id === id)),
  );
  const result = solveAssignment(
    evaluationProblem({
      round,
      solutions,
      experts: [...experts, ...keptExperts] as ExpertRow[],
      kept,
      removed: assignments.filter((a) => a.state === 'removed'),
    }),
  );
  await repo.insertAssignments(
    tx,
    result.pairs.map((p) => ({
      roundId: round.id,
      publicId: p.applicationId,
      expertId: p.expertId,
      state: 'proposed' as const,
      fit: p.fit,
      scoreState: 'none' as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return { proposed: result.pairs.length, totalFit: result.totalFit };
}

/**
 * createEvaluationRound: over published lists only, with a deadline still ahead and the rubric of
 * the campaign (its settings' postAwardDimensions, frozen); pairs proposed at once. Audited.
 */
export async function createRound(deps: Deps, input: CreateEvaluationRoundInput, actor: Actor) {
  const now = deps.clock.now();
  const lists = await repo.findPublishedLists(deps.db, input.listCampaignIds);
  if (lists.length !== input.listCampaignIds.length)
    throw invalid([
      { path: 'listCampaignIds', message: '所选名单中有尚未发布的：只能评价已发布的入选名单' },
    ]);
  const newest = [...lists].sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0]!;
  const campaign = await findCampaign(deps.db, input.campaignId ?? newest.campaignId);
  if (!campaign) throw invalid([{ path: 'campaignId', message: '未找到该活动' }]);
  const dimensions = campaign.settings.postAwardDimensions;
  if (!Array.isArray(dimensions) || dimensions.length === 0)
    throw invalid([
      {
        path: 'campaignId',
        message: `活动“${campaign.title}”未设置系统评价维度，请先在活动配置中设置`,
      },
    ]);
  if (new Date(input.deadline) <= now)
    throw invalid([{ path: 'deadline', message: '截止时间应晚于现在' }]);
  const solutions = await repo.listEvaluatedSolutions(deps.db, input.listCampaignIds);
  if (!solutions.length)
    throw new AppError('WRONG_STATE', {
      message: '所选名单中没有在有效期内或已过期的入选方案（已撤销、已退出的不参加评价）',
    });
  const rubric = frozenRubric(dimensions);
  const round = await deps.db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      title: input.title,
      campaignId: campaign.id,
      listCampaignIds: input.listCampaignIds,
      rubric,
      reviewsPerSolution: input.reviewsPerSolution,
      maxLoad: input.maxLoad,
      deadline: new Date(input.deadline),
      state: 'draft',
      createdBy: actor.userId!,
      createdAt: now,
    });
    const proposal = await propose(tx, round, now);
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation_round.create',
      targetType: 'evaluation_round',
      targetId: round.id,
      after: {
        title: round.title,
        listCampaignIds: round.listCampaignIds,
        campaignId: campaign.id,
        rubric: rubric.map((d) => ({ code: d.code, maxScore: d.maxScore })),
        reviewsPerSolution: round.reviewsPerSolution,
        maxLoad: round.maxLoad,
        deadline: round.deadline.toISOString(),
        solutions: solutions.length,
        proposed: proposal.proposed,
      },
    });
    return round;
  });
  return roundDetail(deps, round);
}

/** proposeEvaluationAssignments: a draft round's proposal made again (published pairs stay). */
export async function proposeAgain(deps: Deps, id: string, actor: Actor) {
  const round = await deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, id);
    if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
    if (round.state !== 'draft')
      throw new AppError('WRONG_STATE', { message: '本次系统评价已发布，不能再重新生成分配方案' });
    const proposal = await propose(tx, round, deps.clock.now());
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation_round.propose',
      targetType: 'evaluation_round',
      targetId: round.id,
      after: proposal,
    });
    return round;
  });
  return roundDetail(deps, round);
}

/** publishEvaluationRound: the proposed pairs go to the experts, each told once. */
export async function publishRound(deps: Deps, id: string, actor: Actor) {
  const round = await deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, id);
    if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
    if (round.state !== 'draft')
      throw new AppError('WRONG_STATE', {
        message: round.state === 'closed' ? '本次系统评价已结束' : '本次系统评价已发布',
      });
    const now = deps.clock.now();
    if (now >= round.deadline)
      throw new AppError('WRONG_STATE', {
        message: '截止时间已过，不能发布：请新建一次系统评价并设定新的截止时间',
      });
    const published = await repo.publishProposed(tx, round.id, now);
    if (!published.length)
      throw new AppError('WRONG_STATE', { message: '还没有分配方案：请先生成分配方案' });
    const updated = await repo.updateRound(tx, round.id, {
      state: 'published',
      publishedAt: now,
    });
    const perExpert = new Map<string, number>();
    for (const a of published) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
    const experts = await repo.findExpertsByIds(tx, [...perExpert.keys()]);
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation_round.publish',
      targetType: 'evaluation_round',
      targetId: round.id,
      before: { state: 'draft' },
      after: { state: 'published', published: published.length, experts: experts.length },
    });
    for (const e of experts)
      await notify(tx, deps, {
        kind: 'evaluation.assigned',
        to: { userIds: [e.userId] },
        campaignId: round.campaignId,
        link: '/evaluations',
        values: {
          评审轮次: round.title,
          项目数: String(perExpert.get(e.id) ?? 0),
          截止时间: formatBeijingDeadline(round.deadline),
        },
      });
    return updated;
  });
  return roundDetail(deps, round);
}

/** The round's results: raw means per dimension, normalised totals, ranks and bands. */
export async function resultsOf(db: Db, round: repo.EvaluationRoundRow) {
  const rubric = rubricOf(round);
  const [solutions, assignments] = await Promise.all([
    repo.listEvaluatedSolutions(db, round.listCampaignIds),
    repo.listAssignments(db, round.id),
  ]);
  const { results, experts } = evaluationResults({
    rubric,
    solutions: solutions.map((s) => ({ publicId: s.publicId, name: s.solutionName })),
    scorings: assignments
      .filter((a) => a.state === 'published' && a.scoreState === 'submitted')
      .map((a) => ({ publicId: a.publicId, expertId: a.expertId, scores: a.scores })),
    reviewsPerSolution: round.reviewsPerSolution,
    bands: round.bands,
  });
  const byId = new Map(solutions.map((s) => [s.publicId, s]));
  const names = new Map(
    (
      await repo.findExpertsByIds(
        db,
        experts.map((e) => e.expertId),
      )
    ).map((e) => [e.id, e.name]),
  );
  return {
    round,
    rubric,
    bands: round.bands,
    counts: bandCounts(
      round.bands,
      results.map((r) => r.normalisedTotal),
    ),
    results: results.map((r) => {
      const s = byId.get(r.publicId)!;
      return {
        ...r,
        enterpriseName: s.enterpriseName,
        categoryName: s.categoryName,
        status: s.status,
      };
    }),
    experts: experts.map((e) => ({ ...e, name: names.get(e.expertId) ?? '' })),
  };
}

export async function listResults(deps: Pick<Deps, 'db'>, id: string) {
  return resultsOf(deps.db, await roundOf(deps.db, id));
}

/** setEvaluationBands: the lines (from the highest); a closed round's bands are final. */
export async function setBands(deps: Deps, id: string, bands: EvaluationBand[], actor: Actor) {
  const parsed = evaluationBandsSchema.safeParse(bands);
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((i) => ({
        path: ['bands', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  await deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, id);
    if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
    if (round.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '本次系统评价已结束，等级不能再修改' });
    await repo.updateRound(tx, id, { bands: parsed.data });
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation_round.bands',
      targetType: 'evaluation_round',
      targetId: id,
      before: { bands: round.bands },
      after: { bands: parsed.data },
    });
  });
  return listResults(deps, id);
}

/** closeEvaluationRound: no more scores; the results and bands are final. */
export async function closeRound(deps: Deps, id: string, actor: Actor) {
  const round = await deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, id);
    if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
    if (round.state !== 'published')
      throw new AppError('WRONG_STATE', {
        message: round.state === 'closed' ? '本次系统评价已结束' : '本次系统评价尚未发布',
      });
    const [p] = await repo.progressOf(tx, [id]);
    const closed = await repo.updateRound(tx, id, { state: 'closed' });
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation_round.close',
      targetType: 'evaluation_round',
      targetId: id,
      before: { state: 'published' },
      after: { state: 'closed', pairs: p?.pairs ?? 0, submitted: p?.submitted ?? 0 },
    });
    return closed;
  });
  return roundDetail(deps, round);
}

/** For the 目录清单: each evaluated solution's band and normalised total. */
export async function bandedResultsOf(db: Db, roundId: string) {
  const round = await repo.findRound(db, roundId);
  if (!round) throw new AppError('NOT_FOUND', { message: ROUND_NOT_FOUND });
  const r = await resultsOf(db, round);
  return {
    round: { id: round.id, title: round.title, state: round.state, bands: round.bands },
    results: r.results.map((x) => ({
      publicId: x.publicId,
      band: x.band,
      score: x.normalisedTotal,
    })),
  };
}

// ------------------------------------------------------------------ the expert's side

async function expertOf(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  return findExpertOfUser(deps.db, user.id);
}

export async function listMine(deps: Pick<Deps, 'db' | 'clock'>, user: SignedInUser) {
  const expert = await expertOf(deps, user);
  if (!expert) return [];
  const now = deps.clock.now();
  return (await repo.listExpertAssignments(deps.db, expert.id)).map((r) => ({
    ...r,
    closed: roundClosed(r.round, now),
  }));
}

async function ownAssignment(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const [expert, a] = await Promise.all([expertOf(deps, user), repo.findAssignment(deps.db, id)]);
  checkOwnEvaluation(expert?.id, a);
  return a!;
}

/**
 * What the expert reads: the solution's published facts, the application as it was forwarded (the
 * form and its frozen data), its self-evaluation and the spot-check findings, the frozen rubric,
 * and the expert's own scores.
 */
export async function myEvaluation(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  id: string,
  sources: EvaluationContextSources,
) {
  const a = await ownAssignment(deps, user, id);
  const round = await roundOf(deps.db, a.roundId);
  const solution = await repo.findSolution(deps.db, a.publicId);
  if (!solution) throw new AppError('NOT_FOUND', { message: EVALUATION_NOT_FOUND });
  const [content, selfEvaluation, spotChecks] = await Promise.all([
    applicationContentOf(deps.db, solution),
    sources.selfEvaluationSummary(deps.db, a.publicId),
    sources.spotCheckFindingsOf(deps.db, a.publicId),
  ]);
  return {
    assignment: a,
    round,
    rubric: rubricOf(round),
    closed: roundClosed(round, deps.clock.now()),
    solution,
    content,
    selfEvaluation,
    spotChecks,
  };
}

/** The application as forwarded (its current frozen version) with its campaign's form; or none. */
async function applicationContentOf(db: Db, s: repo.EvaluatedSolutionRow) {
  const head = await findApplicationHead(db, s.applicationId);
  if (head?.currentVersionNo == null) return null;
  const version = await findVersion(db, head.id, head.currentVersionNo);
  const campaign = await findCampaign(db, s.campaignId);
  if (!version || !campaign) return null;
  return {
    applicationId: head.id,
    form: await formOfCampaign(db, campaign),
    data: version.data,
    versionNo: version.versionNo,
    attachments: version.attachments,
    settings: campaign.settings,
  };
}

/** An attachment of the forwarded application of the expert's own solution (that version's only). */
export async function myEvaluationAttachment(
  deps: Deps,
  user: SignedInUser,
  id: string,
  attachmentId: string,
) {
  const a = await ownAssignment(deps, user, id);
  const solution = await repo.findSolution(deps.db, a.publicId);
  const head = solution && (await findApplicationHead(deps.db, solution.applicationId));
  const version =
    head?.currentVersionNo != null
      ? await findVersion(deps.db, head.id, head.currentVersionNo)
      : undefined;
  if (!version?.attachments.some((x) => x.id === attachmentId))
    throw new AppError('NOT_FOUND', { message: '未找到该附件' });
  return readAttachment(deps, head!.id, attachmentId);
}

export interface SaveScoresBody {
  scores: Record<string, number>;
  comment: string;
  baseVersion: number;
}

/** Locks the pair and its round; refuses unless published, own, open and not yet submitted. */
async function lockedOwn(tx: Db, expertId: string | undefined, id: string, now: Date) {
  const a = await repo.lockAssignment(tx, id);
  checkOwnEvaluation(expertId, a);
  const round = (await repo.lockRound(tx, a!.roundId))!;
  if (roundClosed(round, now)) throw closedError(round);
  if (a!.scoreState === 'submitted')
    throw new AppError('REVIEW_SUBMITTED', { message: '评分已提交，不能再修改' });
  return { a: a!, round };
}

function versionConflict(a: repo.EvaluationAssignmentRow) {
  return new AppError('REVIEW_CONFLICT', {
    details: { currentVersion: a.version, savedAt: a.updatedAt.toISOString() },
  });
}

/** saveEvaluationScores: partial scores, each in range, over exactly the version the expert saw. */
export async function saveScores(deps: Deps, user: SignedInUser, id: string, body: SaveScoresBody) {
  const expert = await expertOf(deps, user);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { a, round } = await lockedOwn(tx, expert?.id, id, now);
    const issues = scoreProblems(rubricOf(round), body.scores);
    if (issues.length) throw invalid(issues);
    if (a.version !== body.baseVersion) throw versionConflict(a);
    const saved = await repo.updateScores(tx, id, body.baseVersion, {
      scores: body.scores,
      comment: body.comment,
      scoreState: 'draft',
      updatedAt: now,
    });
    if (!saved) throw versionConflict(a);
    return saved;
  });
}

/** submitEvaluationScores: every dimension scored within its range; then locked. Audited. */
export async function submitScores(
  deps: Deps,
  user: SignedInUser,
  id: string,
  body: { baseVersion: number },
  actor: Actor,
) {
  const expert = await expertOf(deps, user);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const { a, round } = await lockedOwn(tx, expert?.id, id, now);
    if (a.version !== body.baseVersion) throw versionConflict(a);
    const rubric = rubricOf(round);
    const problems = evaluationSubmitProblems(rubric, a.scores);
    if (problems.length)
      throw new AppError('REVIEW_INCOMPLETE', {
        message: `评分尚未完成：${problems.map((p) => p.message).join('；')}`,
        details: problems,
      });
    const submitted = await repo.updateScores(tx, id, body.baseVersion, {
      scoreState: 'submitted',
      submittedAt: now,
      updatedAt: now,
    });
    if (!submitted) throw versionConflict(a);
    await recordAudit(tx, deps.clock, actor, {
      action: 'evaluation.submit',
      targetType: 'evaluation_assignment',
      targetId: id,
      before: { scoreState: a.scoreState, version: a.version },
      after: {
        scoreState: 'submitted',
        roundId: a.roundId,
        publicId: a.publicId,
        scores: a.scores,
        total: weightedTotal(rubric, a.scores),
      },
    });
    return submitted;
  });
}
