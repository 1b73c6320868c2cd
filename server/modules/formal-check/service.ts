// 形式审查: the platform's findings on a campaign's checklist, the organizer's record (合格 moves a
// forwarded application on to 专家评审, 不合格 to ineligible), the bulk pass of clean applications,
// and the result as the enterprise and its recommender read it.
import { AUDIT_STATE_NAMES } from '../../../domain/audit-actions';
import type { AuditAction } from '../../../domain/audit-actions';
import type {
  BulkPassResult,
  FormalCheckOutcome,
  RecordFormalCheckBody,
} from '../../../domain/api/formal-check';
import {
  automaticFindings,
  bulkPassProblem,
  BULK_PASS_REASON,
  failedSummary,
  formalChecklistOf,
  isBlocked,
  recordIssues,
  resultOf,
  type AutomaticFinding,
  type FormalCheckContext,
  type FormalCheckSubject,
  type PaperReceiptFact,
} from '../../../domain/formal-check';
import {
  FORMAL_CHECK_RESULT_LABELS,
  type FormalCheckItem,
  type FormalCheckResult,
} from '../../../domain/review';
import type { ApplicationState } from '../../../domain/application-states';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findCampaign, formOfCampaign, type CampaignRow } from '../campaigns';
import { duplicateStandings } from '../duplicates';
import { notify } from '../notifications';
import * as repo from './repository';

/** The states a formal check may be recorded in (a result may be changed until review starts). */
const RECORDABLE = new Set<ApplicationState>(['forwarded', 'ineligible', 'under_review']);

const stateName = (s: string) => AUDIT_STATE_NAMES[s] ?? s;

interface Checklist {
  items: FormalCheckItem[];
  ctx: FormalCheckContext;
}

async function checklistOf(db: Db, campaign: CampaignRow): Promise<Checklist> {
  const s = campaign.settings;
  return {
    items: formalChecklistOf(s),
    ctx: {
      form: await formOfCampaign(db, campaign),
      wordLimit: s.wordLimit,
      categories: s.categories,
    },
  };
}

function subjectOf(
  s: repo.Subject,
  paper: ReadonlyMap<string, PaperReceiptFact[]>,
  standings: ReadonlyMap<string, 'open' | 'confirmed'>,
): FormalCheckSubject {
  return {
    facts: { category: s.facts.category ?? null, focusAreas: s.facts.focusAreas ?? [] },
    currentVersionNo: s.currentVersionNo,
    wordCount: s.version?.wordCount ?? s.facts.wordCount ?? 0,
    data: s.version?.data ?? {},
    frozenAttachmentIds: new Set((s.version?.attachments ?? []).map((a) => a.id)),
    paper: paper.get(s.id) ?? [],
    duplicates: standings.get(s.id) ?? null,
  };
}

/** The automatic findings of these applications, each by item code. */
async function findingsOf(db: Db, list: Checklist, subjects: repo.Subject[]) {
  const ids = subjects.map((s) => s.id);
  // one after the other: inside a transaction both run on its one connection
  const paper = await repo.listPaperReceipts(db, ids);
  const standings = await duplicateStandings(db, ids);
  return new Map(
    subjects.map((s) => [
      s.id,
      automaticFindings(list.items, subjectOf(s, paper, standings), list.ctx),
    ]),
  );
}

async function campaignOf(db: Db, idOrCode: string) {
  const campaign = await findCampaign(db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

async function subjectAndCampaign(db: Db, id: string) {
  const subject = await repo.findSubject(db, id);
  if (!subject) throw new AppError('NOT_FOUND', { message: '未找到该申报书' });
  return { subject, campaign: (await findCampaign(db, subject.campaignId))! };
}

/** Why no result can be recorded now, or null. */
async function notRecordableReason(db: Db, state: ApplicationState, id: string) {
  if (!RECORDABLE.has(state))
    return `只有已报送主管部门的申报书才能进行形式审查（当前状态：${stateName(state)}）`;
  if (state !== 'forwarded' && (await repo.inPublishedRound(db, id)))
    return '该申报书已在已发布的评审轮次中，形式审查结果不能再修改';
  return null;
}

// ------------------------------------------------------------------ read

/** One application's checklist for the organizer: findings, what is recorded, whether it can change. */
export async function formalCheckOf(deps: Pick<Deps, 'db'>, id: string) {
  const { subject, campaign } = await subjectAndCampaign(deps.db, id);
  const list = await checklistOf(deps.db, campaign);
  const [findings, stored, reason] = await Promise.all([
    findingsOf(deps.db, list, [subject]),
    repo.findFormalCheck(deps.db, id),
    notRecordableReason(deps.db, subject.state, id),
  ]);
  const found = findings.get(id)!;
  const recorded = new Map((stored?.check.items ?? []).map((i) => [i.code, i]));
  return {
    applicationId: subject.id,
    campaignId: subject.campaignId,
    state: subject.state,
    solutionName: subject.facts.solutionName || subject.solutionName,
    enterpriseName: subject.enterpriseName,
    channelUnitName: subject.channelUnitName,
    currentVersionNo: subject.currentVersionNo,
    recordable: reason === null,
    notRecordableReason: reason,
    revision: stored?.check.revision ?? 0,
    items: list.items.map((item) => {
      const automatic = found.get(item.code) ?? null;
      const r = recorded.get(item.code);
      return {
        code: item.code,
        label: item.label,
        basis: item.basis,
        rule: item.rule ?? null,
        blocking: item.blocking,
        automatic,
        blocked: isBlocked(item, automatic ?? undefined),
        recorded: r ? { pass: r.pass, reason: r.reason } : null,
      };
    }),
    record: stored
      ? {
          result: stored.check.result as FormalCheckResult,
          revision: stored.check.revision,
          versionNo: stored.check.versionNo,
          checkedAt: stored.check.checkedAt.toISOString(),
          checkedByName: stored.checkedByName,
          summary: stored.check.summary,
          items: stored.check.items.map((i) => ({
            code: i.code,
            label: i.label ?? i.code,
            pass: i.pass,
            reason: i.reason,
          })),
        }
      : null,
  };
}

/** A campaign's applications from 已报送 on, with the automatic findings and the result. */
export async function campaignFormalChecks(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
  query: {
    state?: 'forwarded' | 'ineligible' | 'under_review';
    result?: 'pass' | 'fail' | 'none';
    unitId?: string;
    q?: string;
  },
) {
  const campaign = await campaignOf(deps.db, idOrCode);
  const list = await checklistOf(deps.db, campaign);
  const subjects = await repo.listSubjects(deps.db, campaign.id, query);
  const [findings, checks] = await Promise.all([
    findingsOf(deps.db, list, subjects),
    repo.listFormalChecks(
      deps.db,
      subjects.map((s) => s.id),
    ),
  ]);
  const categoryName = (code: string | null | undefined) =>
    code ? (campaign.settings.categories.find((c) => c.code === code)?.name ?? code) : null;
  return subjects
    .map((s) => {
      const found = findings.get(s.id)!;
      const check = checks.get(s.id);
      const automatic = list.items.filter((i) => i.rule);
      const problem = bulkPassProblem(list.items, found, { state: s.state, recorded: !!check });
      return {
        applicationId: s.id,
        solutionName: s.facts.solutionName || s.solutionName,
        enterpriseName: s.enterpriseName,
        channelUnitId: s.channelUnitId,
        channelUnitName: s.channelUnitName,
        category: categoryName(s.facts.category),
        state: s.state,
        checks: automatic.map((i) => ({
          code: i.code,
          label: i.label,
          rule: i.rule!,
          blocking: i.blocking,
          ...found.get(i.code)!,
        })),
        autoPass: automatic.every((i) => found.get(i.code)!.pass),
        blocked: list.items.some((i) => isBlocked(i, found.get(i.code))),
        result: (check?.result ?? null) as FormalCheckResult | null,
        checkedAt: check?.checkedAt.toISOString() ?? null,
        bulkPass: { eligible: problem === null, reason: problem },
      };
    })
    .filter(
      (r) =>
        !query.result || (query.result === 'none' ? r.result === null : r.result === query.result),
    );
}

/** The result as the enterprise and its recommender read it (never who checked it), or null. */
export async function formalCheckOutcomeOf(
  db: Db,
  applicationId: string,
): Promise<FormalCheckOutcome | null> {
  const row = await repo.findOutcome(db, applicationId);
  if (!row) return null;
  return {
    result: row.result as FormalCheckResult,
    failedItems: row.items
      .filter((i) => !i.pass)
      .map((i) => ({ label: i.label ?? i.code, reason: i.reason })),
    checkedAt: row.checkedAt.toISOString(),
  };
}

// ------------------------------------------------------------------ write

interface Locked {
  subject: repo.Subject;
  findings: Map<string, AutomaticFinding>;
  stored: repo.FormalCheckRow | undefined;
}

/**
 * Locks the application, then reads what the record depends on inside the transaction: its state,
 * the findings (a duplicate finding or a paper copy recorded meanwhile counts) and the stored check.
 */
async function lockSubject(tx: Db, list: Checklist, campaignId: string, id: string) {
  const head = await repo.lockApplicationState(tx, id);
  if (!head || head.campaignId !== campaignId)
    throw new AppError('NOT_FOUND', { message: '未找到该申报书' });
  const reason = await notRecordableReason(tx, head.state, id);
  if (reason) throw new AppError('WRONG_STATE', { message: reason });
  const subject = (await repo.findSubject(tx, id))!;
  const findings = (await findingsOf(tx, list, [subject])).get(id)!;
  const stored = (await repo.listFormalChecks(tx, [id])).get(id);
  return { subject, findings, stored } satisfies Locked;
}

/** Stores the check over the revision given, moves the state, audits and tells both sides. */
async function write(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  actor: Actor,
  w: {
    campaign: CampaignRow;
    locked: Locked;
    baseRevision: number;
    items: { code: string; label: string; pass: boolean; reason: string }[];
    action: Extract<AuditAction, `application.formal_check_${string}`>;
    note?: string;
  },
) {
  const { subject, stored } = w.locked;
  const now = deps.clock.now();
  const result = resultOf(w.items);
  const summary = failedSummary(w.items);
  const saved = await repo.saveFormalCheck(tx, w.baseRevision, {
    applicationId: subject.id,
    campaignId: subject.campaignId,
    versionNo: subject.currentVersionNo ?? 0,
    result,
    items: w.items,
    summary,
    checkedBy: actor.userId!,
    checkedAt: now,
  });
  if (!saved)
    throw new AppError('FORMAL_CHECK_CONFLICT', {
      details: { currentRevision: stored?.revision ?? 0 },
    });
  const to = result === 'pass' ? 'under_review' : 'ineligible';
  await repo.setApplicationState(tx, subject.id, to, now);
  await recordAudit(tx, deps.clock, actor, {
    action: w.action,
    targetType: 'application',
    targetId: subject.id,
    before: {
      state: subject.state,
      ...(stored ? { result: stored.result, checkRevision: stored.revision } : {}),
    },
    after: {
      state: to,
      result,
      checkRevision: w.baseRevision + 1,
      versionNo: subject.currentVersionNo,
      ...(result === 'fail' ? { failed: w.items.filter((i) => !i.pass).map((i) => i.code) } : {}),
    },
    note: w.note ?? (summary || undefined),
  });
  // the enterprise and its recommender learn the result (not who checked it) in the same transaction
  const values = {
    活动名称: w.campaign.title,
    解决方案名称: subject.facts.solutionName || subject.solutionName || '（未命名）',
    形式审查结果: FORMAL_CHECK_RESULT_LABELS[result],
    不合格原因: summary ? `不合格原因：${summary}` : '',
  };
  const base = { kind: 'application.formal_check_result' as const, campaignId: subject.campaignId };
  await notify(tx, deps, {
    ...base,
    to: { enterpriseIds: [subject.enterpriseId] },
    link: `/applications/${subject.id}`,
    values,
  });
  await notify(tx, deps, {
    ...base,
    to: { unitIds: [subject.channelUnitId] },
    link: `/desk/${subject.campaignId}/applications/${subject.id}`,
    values,
  });
}

/**
 * recordFormalCheck: every checklist item passed or failed (a failed one with its reason) over the
 * revision the organizer saw. 合格 iff every item passes; a blocking item whose automatic finding
 * fails cannot be passed.
 */
export async function recordFormalCheck(
  deps: Deps,
  id: string,
  body: RecordFormalCheckBody,
  actor: Actor,
) {
  const { campaign } = await subjectAndCampaign(deps.db, id);
  const list = await checklistOf(deps.db, campaign);
  const items = body.items.map((i) => ({ ...i, reason: (i.reason ?? '').trim() }));
  const issues = recordIssues(list.items, items);
  if (issues.length)
    throw new AppError('VALIDATION_FAILED', {
      message: issues[0]!.message,
      details: issues,
    });
  const labels = new Map(list.items.map((i) => [i.code, i.label]));
  const ordered = list.items.map((item) => {
    const it = items.find((x) => x.code === item.code)!;
    return { code: it.code, label: labels.get(it.code)!, pass: it.pass, reason: it.reason };
  });
  const baseRevision = body.baseRevision ?? 0;
  await deps.db.transaction(async (tx) => {
    const locked = await lockSubject(tx, list, campaign.id, id);
    if ((locked.stored?.revision ?? 0) !== baseRevision)
      throw new AppError('FORMAL_CHECK_CONFLICT', {
        details: { currentRevision: locked.stored?.revision ?? 0 },
      });
    for (const item of list.items) {
      const finding = locked.findings.get(item.code);
      const passed = ordered.find((i) => i.code === item.code)!.pass;
      if (passed && isBlocked(item, finding))
        throw new AppError('FORMAL_CHECK_BLOCKED', {
          message: `“${item.label}”不能判为通过：${finding!.reason}。有未处理或已确认的疑似重复记录的申报书不能通过形式审查`,
          details: { code: item.code, reason: finding!.reason },
        });
    }
    const result = resultOf(ordered);
    await write(tx, deps, actor, {
      campaign,
      locked,
      baseRevision,
      items: ordered,
      action: result === 'pass' ? 'application.formal_check_pass' : 'application.formal_check_fail',
    });
  });
  return formalCheckOf(deps, id);
}

/**
 * 批量通过: each named application of the campaign that waits for its check and whose automatic
 * items all pass is passed, its manual items recorded as 批量通过 — each in its own transaction and
 * audited, so one refusal leaves the others as they are. The rest are skipped with the reason.
 */
export async function bulkPass(
  deps: Deps,
  idOrCode: string,
  applicationIds: string[],
  actor: Actor,
): Promise<BulkPassResult> {
  const campaign = await campaignOf(deps.db, idOrCode);
  const list = await checklistOf(deps.db, campaign);
  const ids = [...new Set(applicationIds)];
  const names = new Map(
    (await repo.listSubjects(deps.db, campaign.id, { ids })).map((s) => [
      s.id,
      s.facts.solutionName || s.solutionName,
    ]),
  );
  const items: BulkPassResult['items'] = [];
  for (const id of ids) {
    const solutionName = names.get(id) ?? '';
    const skipped = (reason: string) =>
      items.push({ applicationId: id, solutionName, outcome: 'skipped', reason });
    if (!names.has(id)) {
      skipped('不在本活动已报送的申报书中');
      continue;
    }
    try {
      const problem = await deps.db.transaction(async (tx) => {
        const locked = await lockSubject(tx, list, campaign.id, id);
        const why = bulkPassProblem(list.items, locked.findings, {
          state: locked.subject.state,
          recorded: !!locked.stored,
        });
        if (why) return why;
        await write(tx, deps, actor, {
          campaign,
          locked,
          baseRevision: 0,
          items: list.items.map((item) => ({
            code: item.code,
            label: item.label,
            pass: true,
            reason: locked.findings.get(item.code)?.reason ?? BULK_PASS_REASON,
          })),
          action: 'application.formal_check_bulk_pass',
          note: BULK_PASS_REASON,
        });
        return null;
      });
      if (problem) skipped(problem);
      else items.push({ applicationId: id, solutionName, outcome: 'passed', reason: null });
    } catch (err) {
      if (err instanceof AppError) skipped(err.message);
      else {
        console.error('bulk formal check pass failed', id, err);
        skipped('处理失败，请稍后重试');
      }
    }
  }
  return {
    items,
    passed: items.filter((i) => i.outcome === 'passed').length,
    skipped: items.filter((i) => i.outcome === 'skipped').length,
  };
}
