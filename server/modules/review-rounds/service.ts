// 评审轮次与分配: a round of a campaign with its panels; the solver's proposal over the
// applications under review; pairs added and removed by hand; publishing; an expert's decline and
// the replacement the platform proposes at once. Every change locks the round's row first, so the
// changes of one round happen one after another, each with its audit row.
import { DEFAULT_REVIEW_SETTINGS } from '../../../domain/review';
import {
  conflictsOf,
  employerKeyOf,
  fitOf,
  solveAssignment,
  type AssignmentResult,
  type ConflictRule,
} from '../../../domain/review-assignment';
import {
  OVERRIDABLE_RULE_LABELS,
  type AddAssignmentInput,
  type CreateRoundInput,
  type OverridableRule,
  type PanelInput,
  type UpdateAssignmentInput,
  type UpdateRoundInput,
} from '../../../domain/review-rounds';
import { formatBeijingDeadline } from '../../../domain/notifications';
import type { FieldIssue } from '../../../domain/errors';
import type { Db } from '../../db/client';
import { SYSTEM_ACTOR, type Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findCampaign, type CampaignRow } from '../campaigns';
import { findExpertOfUser, findExpertRows, listActiveExpertRows, type ExpertRow } from '../experts';
import { notify } from '../notifications';
import {
  assignmentApplicationOf,
  assignmentExpertOf,
  exclusionsOf,
  isActive,
  isKept,
  panelOf,
  roundProblem,
  shortfallReason,
} from './problem';
import * as repo from './repository';

// ------------------------------------------------------------------ reading

async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '活动不存在' });
  return campaign;
}

/** The round of this campaign (another campaign's is not found here). */
async function roundOf(deps: Pick<Deps, 'db'>, idOrCode: string, roundId: string) {
  const campaign = await campaignOf(deps, idOrCode);
  const round = await repo.findRound(deps.db, roundId);
  if (!round || round.campaignId !== campaign.id)
    throw new AppError('NOT_FOUND', { message: '评审轮次不存在' });
  return { campaign, round };
}

export interface RoundDetail {
  round: repo.RoundRow;
  panels: repo.PanelRow[];
  counts: Record<'applications' | 'proposed' | 'published' | 'declined' | 'removed', number>;
}

async function detailsOf(deps: Pick<Deps, 'db'>, rounds: repo.RoundRow[]): Promise<RoundDetail[]> {
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const [panels, counts, underReview] = await Promise.all([
    repo.listPanels(deps.db, ids),
    repo.countAssignments(deps.db, ids),
    repo.countUnderReview(deps.db, rounds[0]!.campaignId),
  ]);
  return rounds.map((round) => {
    const n = (state: string) =>
      counts.find((c) => c.roundId === round.id && c.state === state)?.n ?? 0;
    return {
      round,
      panels: panels.filter((p) => p.roundId === round.id),
      counts: {
        applications: underReview,
        proposed: n('proposed'),
        published: n('published'),
        declined: n('declined'),
        removed: n('removed'),
      },
    };
  });
}

export async function listRounds(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const campaign = await campaignOf(deps, idOrCode);
  return detailsOf(deps, await repo.listRounds(deps.db, campaign.id));
}

export async function getRound(deps: Pick<Deps, 'db'>, idOrCode: string, roundId: string) {
  const { round } = await roundOf(deps, idOrCode, roundId);
  return (await detailsOf(deps, [round]))[0]!;
}

// ------------------------------------------------------------------ creating and changing

const invalid = (details: FieldIssue[]) =>
  new AppError('VALIDATION_FAILED', { message: details[0]!.message, details });

/** One panel per category of the campaign, with the active experts of that category. */
function defaultPanels(campaign: CampaignRow, active: ExpertRow[]): PanelInput[] {
  return campaign.settings.categories.map((c) => ({
    name: c.name,
    categories: [c.code],
    expertIds: active.filter((e) => e.categories.includes(c.code)).map((e) => e.id),
  }));
}

/** Categories of the campaign, each in one panel at most; experts that exist and are active. */
async function checkPanels(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  panels: PanelInput[],
): Promise<PanelInput[]> {
  const issues: FieldIssue[] = [];
  const codes = new Set(campaign.settings.categories.map((c) => c.code));
  const panelOfCategory = new Map<string, number>();
  const experts = new Map(
    (await findExpertRows(deps.db, [...new Set(panels.flatMap((p) => p.expertIds))])).map((e) => [
      e.id,
      e,
    ]),
  );
  panels.forEach((p, i) => {
    p.categories.forEach((c, j) => {
      if (!codes.has(c))
        issues.push({
          path: `panels.${i}.categories.${j}`,
          message: `申报类别“${c}”不是本活动的类别`,
        });
      const other = panelOfCategory.get(c);
      if (other !== undefined && other !== i)
        issues.push({
          path: `panels.${i}.categories.${j}`,
          message: `申报类别“${c}”已属于第${other + 1}个评审组：每个类别只能由一个评审组评审`,
        });
      panelOfCategory.set(c, i);
    });
    p.expertIds.forEach((id, j) => {
      const e = experts.get(id);
      if (!e) issues.push({ path: `panels.${i}.expertIds.${j}`, message: '专家不存在' });
      else if (!e.active)
        issues.push({
          path: `panels.${i}.expertIds.${j}`,
          message: `专家${e.name}已停用，不能加入评审组`,
        });
    });
  });
  if (issues.length) throw invalid(issues);
  return panels.map((p) => ({
    ...p,
    categories: [...new Set(p.categories)],
    expertIds: [...new Set(p.expertIds)],
  }));
}

function checkDeadline(deps: Pick<Deps, 'clock'>, deadline: string) {
  if (new Date(deadline) <= deps.clock.now())
    throw invalid([{ path: 'deadline', message: '评审截止时间须晚于当前时间' }]);
}

/** createReviewRound: a draft round with its panels (by default one per category). */
export async function createRound(
  deps: Deps,
  idOrCode: string,
  input: CreateRoundInput,
  actor: Actor,
) {
  const campaign = await campaignOf(deps, idOrCode);
  checkDeadline(deps, input.deadline);
  const panels = await checkPanels(
    deps,
    campaign,
    input.panels ?? defaultPanels(campaign, await listActiveExpertRows(deps.db)),
  );
  const reviewsPerApplication =
    input.reviewsPerApplication ??
    campaign.settings.review?.reviewsPerApplication ??
    DEFAULT_REVIEW_SETTINGS.reviewsPerApplication;
  const round = await deps.db.transaction(async (tx) => {
    const created = await repo.insertRound(tx, {
      campaignId: campaign.id,
      name: input.name,
      reviewsPerApplication,
      maxLoad: input.maxLoad,
      deadline: new Date(input.deadline),
      anonymous: input.anonymous,
      avoidSameRegion: input.avoidSameRegion,
      state: 'draft',
      createdBy: actor.userId!,
      createdAt: deps.clock.now(),
    });
    await repo.insertPanels(tx, created.id, panels);
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_round.create',
      targetType: 'review_round',
      targetId: created.id,
      after: {
        campaignId: campaign.id,
        name: created.name,
        reviewsPerApplication,
        maxLoad: created.maxLoad,
        deadline: input.deadline,
        anonymous: created.anonymous,
        avoidSameRegion: created.avoidSameRegion,
        panels,
      },
    });
    return created;
  });
  return (await detailsOf(deps, [round]))[0]!;
}

const samePanels = (a: repo.PanelRow[], b: PanelInput[]) =>
  JSON.stringify(a.map((p) => [p.name, p.categories, p.expertIds])) ===
  JSON.stringify(b.map((p) => [p.name, p.categories, p.expertIds]));

/**
 * updateReviewRound, a draft only, over the revision the organizer saw. New panels discard the
 * round's unpublished proposal (every pair: none was published; the organizer proposes again).
 */
export async function updateRound(
  deps: Deps,
  idOrCode: string,
  roundId: string,
  input: UpdateRoundInput,
  actor: Actor,
) {
  const { campaign } = await roundOf(deps, idOrCode, roundId);
  if (input.deadline) checkDeadline(deps, input.deadline);
  const panels = input.panels ? await checkPanels(deps, campaign, input.panels) : undefined;
  const updated = await deps.db.transaction(async (tx) => {
    const before = await repo.lockRound(tx, roundId);
    if (!before) throw new AppError('NOT_FOUND', { message: '评审轮次不存在' });
    if (before.state !== 'draft')
      throw new AppError('WRONG_STATE', { message: '评审分配已发布，不能再修改本轮设置' });
    if (before.revision !== input.baseRevision)
      throw new AppError('CONFLICT', { message: '评审轮次已被他人修改，请刷新后重试' });
    const patch: Partial<repo.RoundRow> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.reviewsPerApplication !== undefined)
      patch.reviewsPerApplication = input.reviewsPerApplication;
    if (input.maxLoad !== undefined) patch.maxLoad = input.maxLoad;
    if (input.deadline !== undefined) patch.deadline = new Date(input.deadline);
    if (input.anonymous !== undefined) patch.anonymous = input.anonymous;
    if (input.avoidSameRegion !== undefined) patch.avoidSameRegion = input.avoidSameRegion;
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) => JSON.stringify(before[k as keyof repo.RoundRow]) !== JSON.stringify(v),
      ),
    );
    const oldPanels = await repo.listPanels(tx, [roundId]);
    const panelsChanged = !!panels && !samePanels(oldPanels, panels);
    if (Object.keys(changed).length === 0 && !panelsChanged) return before;
    let discarded = 0;
    if (panelsChanged) {
      discarded = await repo.deleteRoundAssignments(tx, roundId);
      await repo.deletePanels(tx, roundId);
      await repo.insertPanels(tx, roundId, panels!);
    }
    const row = await repo.updateRound(tx, roundId, changed);
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_round.update',
      targetType: 'review_round',
      targetId: roundId,
      before: {
        ...Object.fromEntries(
          Object.keys(changed).map((k) => [k, before[k as keyof repo.RoundRow]]),
        ),
        ...(panelsChanged
          ? {
              panels: oldPanels.map((p) => ({
                name: p.name,
                categories: p.categories,
                expertIds: p.expertIds,
              })),
            }
          : {}),
      },
      after: {
        ...changed,
        ...(panelsChanged ? { panels, proposalDiscarded: discarded } : {}),
      },
    });
    return row;
  });
  return (await detailsOf(deps, [updated]))[0]!;
}

// ------------------------------------------------------------------ the proposal

/** What a round's pairs are read with: its panels, applications and the experts they name. */
async function roundState(tx: Db, round: repo.RoundRow) {
  // one after another: inside a transaction they share one connection, which runs one at a time
  const panels = await repo.listPanels(tx, [round.id]);
  const assignments = await repo.listAssignments(tx, round.id);
  const applications = await repo.listRoundApplications(tx, round.campaignId, round.id);
  const ids = new Set([
    ...panels.flatMap((p) => p.expertIds),
    ...assignments.map((a) => a.expertId),
  ]);
  const experts = await findExpertRows(tx, [...ids].sort());
  return { panels, assignments, applications, experts };
}

function assignmentRow(
  round: repo.RoundRow,
  pair: { applicationId: string; expertId: string; fit: number },
  panelId: string,
  source: 'auto' | 'replacement',
  now: Date,
): repo.NewAssignment {
  return {
    roundId: round.id,
    panelId,
    applicationId: pair.applicationId,
    expertId: pair.expertId,
    state: 'proposed',
    source,
    fit: pair.fit,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * proposeAssignments: the solver over the round's applications under review — the published pairs
 * and those added by hand kept (they fill slots and load experts), declined and removed pairs never
 * proposed again — replacing the round's earlier automatic proposal, in one transaction. After
 * publishing this only fills what is missing. Deterministic: the same round, the same pairs.
 */
export async function proposeAssignments(
  deps: Deps,
  idOrCode: string,
  roundId: string,
  actor: Actor,
) {
  await roundOf(deps, idOrCode, roundId);
  return deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    if (!round) throw new AppError('NOT_FOUND', { message: '评审轮次不存在' });
    if (round.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '本轮评审已结束，不能再分配' });
    const s = await roundState(tx, round);
    const replaceable = s.assignments.filter((a) => a.state === 'proposed' && !isKept(a));
    const kept = s.assignments.filter((a) => !replaceable.includes(a));
    const { problem, unpanelled } = roundProblem({
      round,
      panels: s.panels,
      applications: s.applications,
      experts: s.experts,
      assignments: kept,
      counted: isKept,
    });
    const result = solveAssignment(problem);
    const panelOfApp = new Map(problem.applications.map((a) => [a.id, a.panelId]));
    const now = deps.clock.now();
    await repo.deleteAssignments(
      tx,
      replaceable.map((a) => a.id),
    );
    const inserted = await repo.insertAssignments(
      tx,
      result.pairs.map((p) =>
        assignmentRow(round, p, panelOfApp.get(p.applicationId)!, 'auto', now),
      ),
    );
    const shortfalls = [
      ...result.shortfalls,
      ...unpanelled.map((a) => ({
        applicationId: a.id,
        missing: Math.max(
          0,
          round.reviewsPerApplication -
            kept.filter((k) => k.applicationId === a.id && isKept(k)).length,
        ),
        reason: '没有负责该申报类别的评审组：请在本轮设置中把该类别加入一个评审组',
      })),
    ].filter((x) => x.missing > 0);
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_round.propose',
      targetType: 'review_round',
      targetId: round.id,
      after: {
        proposed: inserted.length,
        replaced: replaceable.length,
        totalFit: result.totalFit,
        shortfalls: shortfalls.length,
      },
    });
    const expertsById = new Map(s.experts.map((e) => [e.id, e]));
    const appsById = new Map(s.applications.map((a) => [a.id, a]));
    return {
      proposed: inserted.length,
      replaced: replaceable.length,
      totalFit: result.totalFit,
      pairs: inserted.map((a) => pairDetail(a, expertsById, appsById)),
      shortfalls,
    };
  });
}

export interface PairDetail {
  row: repo.AssignmentRow;
  expertName: string;
  employerName: string;
  matched: string[];
}

function pairDetail(
  row: repo.AssignmentRow,
  experts: Map<string, ExpertRow>,
  apps: Map<string, repo.RoundApplication>,
): PairDetail {
  const e = experts.get(row.expertId);
  const app = apps.get(row.applicationId);
  return {
    row,
    expertName: e?.name ?? '',
    employerName: e?.employerName ?? '',
    matched:
      e && app
        ? fitOf(assignmentExpertOf(e, [], 0), assignmentApplicationOf(app, '', 0)).matched
        : [],
  };
}

/**
 * GET …/assignments: per application its pairs (every state), what it still misses and why, and
 * why each other expert of its panel is not on it. The organizer's alone.
 */
export async function assignmentBoard(deps: Pick<Deps, 'db'>, idOrCode: string, roundId: string) {
  const { campaign, round } = await roundOf(deps, idOrCode, roundId);
  const [detail] = await detailsOf(deps, [round]);
  const s = await roundState(deps.db, round);
  const expertsById = new Map(s.experts.map((e) => [e.id, e]));
  const appsById = new Map(s.applications.map((a) => [a.id, a]));
  const load = new Map<string, number>();
  for (const a of s.assignments.filter(isActive))
    load.set(a.expertId, (load.get(a.expertId) ?? 0) + 1);
  const categoryName = new Map(campaign.settings.categories.map((c) => [c.code, c.name]));
  const applications = s.applications.map((app) => {
    const panel = panelOf(s.panels, app.facts.category);
    const pairs = s.assignments
      .filter((a) => a.applicationId === app.id)
      .map((a) => pairDetail(a, expertsById, appsById));
    const assigned = pairs.filter((p) => isActive(p.row)).length;
    const view = assignmentApplicationOf(app, panel?.id ?? '', 0);
    const panelExperts = (panel?.expertIds ?? [])
      .map((id) => expertsById.get(id))
      .filter((e): e is ExpertRow => !!e);
    const excluded = panel
      ? exclusionsOf({
          app: view,
          panelExperts,
          assignments: s.assignments,
          expertsById,
          round,
          load,
        })
      : [];
    const missing = app.state === 'under_review' ? round.reviewsPerApplication - assigned : 0;
    return {
      app,
      panel: panel ?? null,
      assigned,
      pairs,
      shortfall:
        missing > 0
          ? {
              applicationId: app.id,
              missing,
              reason: panel
                ? shortfallReason(excluded, panelExperts.length)
                : '没有负责该申报类别的评审组：请在本轮设置中把该类别加入一个评审组',
            }
          : null,
      excluded: excluded.map((x) => ({
        ...x,
        expertName: expertsById.get(x.expertId)?.name ?? '',
        employerName: expertsById.get(x.expertId)?.employerName ?? '',
      })),
      categoryName: categoryName.get(app.facts.category ?? '') ?? app.facts.category ?? '',
    };
  });
  const inPanels = new Set(s.panels.flatMap((p) => p.expertIds));
  const experts = s.experts
    .filter((e) => inPanels.has(e.id) || load.has(e.id))
    .map((e) => ({
      expertId: e.id,
      name: e.name,
      employerName: e.employerName,
      active: e.active,
      load: load.get(e.id) ?? 0,
    }));
  return { detail: detail!, applications, experts };
}

// ------------------------------------------------------------------ by hand

/** The rules a pair breaks: the conflict rules, one per employer, the round's load limit. */
function brokenRules(
  round: repo.RoundRow,
  expert: ExpertRow,
  app: repo.RoundApplication,
  assignments: repo.AssignmentRow[],
  experts: Map<string, ExpertRow>,
): OverridableRule[] {
  const ex = assignmentExpertOf(expert, [], 0);
  const rules: OverridableRule[] = conflictsOf(ex, assignmentApplicationOf(app, '', 0), {
    avoidSameRegion: round.avoidSameRegion,
  });
  const employer = employerKeyOf(ex);
  const sameEmployer = assignments.some((a) => {
    const other = experts.get(a.expertId);
    return (
      a.applicationId === app.id &&
      isActive(a) &&
      other &&
      employerKeyOf(assignmentExpertOf(other, [], 0)) === employer
    );
  });
  if (sameEmployer) rules.push('same_employer_on_application' satisfies ConflictRule);
  const load = assignments.filter((a) => a.expertId === expert.id && isActive(a)).length;
  if (load >= round.maxLoad) rules.push('max_load');
  return rules;
}

/**
 * addAssignment: a pair by hand (proposed, published with the next 发布). A pair that breaks a
 * rule needs the reason; the rules it breaks and the reason are kept on the pair and audited. A
 * pair removed before may be added again; a declined one may not.
 */
export async function addAssignment(
  deps: Deps,
  idOrCode: string,
  roundId: string,
  input: AddAssignmentInput,
  actor: Actor,
) {
  await roundOf(deps, idOrCode, roundId);
  return deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    if (!round) throw new AppError('NOT_FOUND', { message: '评审轮次不存在' });
    if (round.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '本轮评审已结束，不能再分配' });
    const app = await repo.findRoundApplication(tx, input.applicationId);
    if (!app || app.campaignId !== round.campaignId)
      throw new AppError('NOT_FOUND', { message: '申报书不在本活动中' });
    if (app.state !== 'under_review')
      throw new AppError('WRONG_STATE', { message: '只能为“专家评审中”的申报书分配专家' });
    const [expert] = await findExpertRows(tx, [input.expertId]);
    if (!expert) throw new AppError('NOT_FOUND', { message: '专家不存在' });
    if (!expert.active)
      throw invalid([{ path: 'expertId', message: `专家${expert.name}已停用，不能分配` }]);
    const panels = await repo.listPanels(tx, [round.id]);
    const panel = panelOf(panels, app.facts.category);
    if (!panel)
      throw invalid([
        {
          path: 'applicationId',
          message: '该项目的申报类别没有评审组：请先在本轮设置中把该类别加入一个评审组',
        },
      ]);
    const assignments = await repo.listAssignments(tx, round.id);
    const existing = assignments.find(
      (a) => a.applicationId === app.id && a.expertId === expert.id,
    );
    if (existing && isActive(existing))
      throw new AppError('CONFLICT', { message: `${expert.name}已分配评审该项目` });
    if (existing?.state === 'declined')
      throw new AppError('WRONG_STATE', {
        message: `${expert.name}已拒绝评审该项目（${existing.declineReason ?? ''}），不能再分配`,
      });
    const others = await findExpertRows(tx, [...new Set(assignments.map((a) => a.expertId))]);
    const rules = brokenRules(
      round,
      expert,
      app,
      assignments,
      new Map(others.map((e) => [e.id, e])),
    );
    if (rules.length && !input.overrideReason)
      throw new AppError('ASSIGNMENT_RULES_BROKEN', {
        message: `${expert.name}不能直接分配：${rules.map((r) => OVERRIDABLE_RULE_LABELS[r]).join('；')}。如确需分配，请填写例外理由（至少4个字）`,
        details: {
          rules,
          problems: [{ path: 'overrideReason', message: '违反回避规则的分配须填写例外理由' }],
        },
      });
    const now = deps.clock.now();
    const fit = fitOf(assignmentExpertOf(expert, [], 0), assignmentApplicationOf(app, '', 0)).fit;
    const fields = {
      panelId: panel.id,
      state: 'proposed',
      source: 'manual',
      fit,
      overriddenRules: rules,
      overrideReason: rules.length ? input.overrideReason! : null,
      declineReason: null,
      declinedAt: null,
      updatedAt: now,
    } as const;
    const row = existing
      ? await repo.updateAssignmentRow(tx, existing.id, { ...fields, overriddenRules: [...rules] })
      : (
          await repo.insertAssignments(tx, [
            {
              ...fields,
              overriddenRules: [...rules],
              roundId: round.id,
              applicationId: app.id,
              expertId: expert.id,
              createdAt: now,
            },
          ])
        )[0]!;
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_assignment.add',
      targetType: 'review_assignment',
      targetId: row.id,
      after: {
        applicationId: app.id,
        expertId: expert.id,
        overriddenRules: rules,
        overrideReason: row.overrideReason,
      },
    });
    return pairDetail(row, new Map([[expert.id, expert]]), new Map([[app.id, app]]));
  });
}

/**
 * updateAssignment: removes a pair, proposed or published, with the reason (in the audit row).
 * After publishing, a review the expert started is kept but the pair no longer counts.
 */
export async function removeAssignment(
  deps: Deps,
  idOrCode: string,
  roundId: string,
  assignmentId: string,
  input: UpdateAssignmentInput,
  actor: Actor,
) {
  await roundOf(deps, idOrCode, roundId);
  return deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    const before = await repo.lockAssignment(tx, assignmentId);
    if (!round || !before || before.roundId !== round.id)
      throw new AppError('NOT_FOUND', { message: '评审分配不存在' });
    if (round.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '本轮评审已结束，不能再调整分配' });
    if (!isActive(before))
      throw new AppError('WRONG_STATE', {
        message: before.state === 'declined' ? '专家已拒绝该分配' : '该分配已移除',
      });
    const row = await repo.updateAssignmentRow(tx, assignmentId, {
      state: 'removed',
      updatedAt: deps.clock.now(),
    });
    const review = await repo.reviewStateOf(tx, assignmentId);
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_assignment.remove',
      targetType: 'review_assignment',
      targetId: assignmentId,
      before: { state: before.state },
      after: { state: 'removed', reason: input.reason },
      note: review
        ? `专家已开始评分（${review === 'submitted' ? '已提交' : '草稿'}），评分保留但不再计入`
        : undefined,
    });
    const [expert] = await findExpertRows(tx, [row.expertId]);
    const app = await repo.findRoundApplication(tx, row.applicationId);
    return pairDetail(
      row,
      new Map(expert ? [[expert.id, expert]] : []),
      new Map(app ? [[app.id, app]] : []),
    );
  });
}

// ------------------------------------------------------------------ publishing

/**
 * publishAssignments: every proposed pair is published (the round too, the first time), in one
 * transaction; each expert with new pairs gets a message.
 */
export async function publishAssignments(
  deps: Deps,
  idOrCode: string,
  roundId: string,
  actor: Actor,
) {
  const { campaign } = await roundOf(deps, idOrCode, roundId);
  const result = await deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    if (!round) throw new AppError('NOT_FOUND', { message: '评审轮次不存在' });
    if (round.state === 'closed')
      throw new AppError('WRONG_STATE', { message: '本轮评审已结束，不能再发布' });
    const now = deps.clock.now();
    const { published, leftProposed } = await repo.publishProposed(tx, round.id, now);
    if (published.length === 0)
      throw new AppError('WRONG_STATE', {
        message: leftProposed
          ? '待发布的分配所涉项目均已不在专家评审中，请重新生成分配方案'
          : round.state === 'draft'
            ? '还没有分配方案：请先生成分配方案或人工分配专家'
            : '没有待发布的分配',
      });
    const updated =
      round.state === 'draft'
        ? await repo.updateRound(tx, round.id, { state: 'published', publishedAt: now })
        : round;
    const perExpert = new Map<string, number>();
    for (const a of published) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
    const experts = await findExpertRows(tx, [...perExpert.keys()]);
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_round.publish',
      targetType: 'review_round',
      targetId: round.id,
      before: { state: round.state },
      after: {
        state: updated.state,
        published: published.length,
        experts: experts.length,
        ...(leftProposed ? { leftProposed } : {}),
      },
    });
    for (const e of experts)
      await notify(tx, deps, {
        kind: 'review.assigned',
        to: { userIds: [e.userId] },
        campaignId: campaign.id,
        link: '/expert',
        values: {
          活动名称: campaign.title,
          评审轮次: round.name,
          项目数: String(perExpert.get(e.id) ?? 0),
          截止时间: formatBeijingDeadline(round.deadline),
        },
      });
    return {
      published: published.length,
      notifiedExperts: experts.length,
      leftProposed,
      round: updated,
    };
  });
  return { ...result, detail: (await detailsOf(deps, [result.round]))[0]! };
}

// ------------------------------------------------------------------ the expert's decline

/**
 * declineAssignment: the expert's own published pair, before the review is submitted and the
 * round's deadline. The platform at once proposes a replacement for that application (the solver
 * over it alone, the decliner excluded) for the organizer to publish, and tells the organizers.
 */
export async function declineAssignment(
  deps: Deps,
  user: SignedInUser,
  assignmentId: string,
  reason: string,
  actor: Actor,
) {
  const expert = await findExpertOfUser(deps.db, user.id);
  const found = await repo.findAssignment(deps.db, assignmentId);
  if (!expert || !found || found.expertId !== expert.id)
    throw new AppError('NOT_FOUND', { message: '评审任务不存在' });
  return deps.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, found.roundId);
    const before = await repo.lockAssignment(tx, assignmentId);
    if (!round || !before) throw new AppError('NOT_FOUND', { message: '评审任务不存在' });
    if (before.state !== 'published' || round.state !== 'published')
      throw new AppError('WRONG_STATE', { message: '该评审任务已不在您的名下，不能拒绝' });
    if (deps.clock.now() >= round.deadline)
      throw new AppError('WRONG_STATE', { message: '本轮评审已截止，不能再拒绝' });
    if ((await repo.reviewStateOf(tx, assignmentId)) === 'submitted')
      throw new AppError('WRONG_STATE', {
        message: '评分已提交，不能再拒绝；如需调整请联系主管部门',
      });
    const now = deps.clock.now();
    const declined = await repo.updateAssignmentRow(tx, assignmentId, {
      state: 'declined',
      declineReason: reason,
      declinedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'review_assignment.decline',
      targetType: 'review_assignment',
      targetId: assignmentId,
      before: { state: before.state },
      after: { state: 'declined', declineReason: reason },
    });

    // the replacement: this application alone, every pair that counts counted
    const s = await roundState(tx, round);
    const { problem } = roundProblem({
      round,
      panels: s.panels,
      applications: s.applications,
      experts: s.experts,
      assignments: s.assignments,
      counted: isActive,
      only: before.applicationId,
    });
    const result: AssignmentResult = problem.applications.length
      ? solveAssignment(problem)
      : { pairs: [], shortfalls: [], totalFit: 0 };
    const inserted = await repo.insertAssignments(
      tx,
      result.pairs.map((p) => assignmentRow(round, p, before.panelId, 'replacement', now)),
    );
    const app = s.applications.find((a) => a.id === before.applicationId);
    const names = new Map(s.experts.map((e) => [e.id, e.name]));
    if (inserted.length)
      await recordAudit(tx, deps.clock, SYSTEM_ACTOR, {
        action: 'review_assignment.replace',
        targetType: 'review_round',
        targetId: round.id,
        after: {
          applicationId: before.applicationId,
          replacements: inserted.map((a) => a.expertId),
        },
      });
    const campaign = await findCampaign(tx, round.campaignId);
    await notify(tx, deps, {
      kind: 'review.declined',
      to: { roles: ['organizer'] },
      campaignId: round.campaignId,
      link: `/admin/review-rounds/${round.campaignId}?round=${round.id}`,
      values: {
        活动名称: campaign?.title ?? '',
        评审轮次: round.name,
        解决方案名称: app?.solutionName ?? '',
        专家姓名: expert.name,
        拒绝理由: reason,
        替补情况: inserted.length
          ? `平台已提出替补专家：${inserted.map((a) => names.get(a.expertId)).join('、')}，请在分配页确认后发布。`
          : `平台未能找到替补专家（${result.shortfalls[0]?.reason ?? '本组没有可评审的专家'}），请人工分配。`,
      },
    });
    return {
      id: declined.id,
      state: 'declined' as const,
      declineReason: reason,
      declinedAt: now.toISOString(),
    };
  });
}
