// 年度运行监测 and 自查评估: an organizer (or the yearly job) opens a round, the enterprise saves
// and submits its report, the recommender returns or forwards it and stamps its unit's summary.
// Every state change re-checks state, deadline and permission inside its transaction and writes
// its audit row there.
import { createHash, randomUUID } from 'node:crypto';
import { endOfDayShanghai } from '../../../domain/campaign';
import type { FormDeclaration, FormContext } from '../../../domain/form';
import { applicationDataSchema, attachmentIdsOf } from '../../../domain/form';
import { formIssues } from '../../../domain/form-values';
import { formContextOf, postAwardFormTemplate } from '../../../domain/forms';
import { MONITORING_REVENUE_YEARS } from '../../../domain/forms/miit-2021-monitoring';
import { formatBeijingDeadline } from '../../../domain/notifications';
import {
  dueMonitoringRound,
  EDITABLE_REPORT_STATES,
  monitoringFigures,
  monitoringListYears,
  monitoringRevenueYears,
  POST_AWARD_FORM_KIND,
  POST_AWARD_KIND_LABELS,
  roundTitleOf,
  type PostAwardKind,
} from '../../../domain/post-award';
import { addCalendarDays } from '../../../domain/working-days';
import { beijingDay } from '../../../domain/registry';
import type { Db } from '../../db/client';
import { SYSTEM_ACTOR, type Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { truncateText } from '../../lib/input-text';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import {
  authorizeDesk,
  authorizeEdit,
  authorizeOpenRound,
  authorizeRead,
  authorizeReview,
  authorizeStamp,
  authorizeUnitRead,
  scopeOf,
} from './policy';
import { findRecommenderUnit } from '../recommender-units';
import { industryNames } from '../reference';
import * as repo from './repository';
import { shanghaiDateLabel, summaryFilename, summaryXlsx } from './summary';

const NOT_FOUND = () => new AppError('NOT_FOUND', { message: '未找到该报告' });
const ROUND_NOT_FOUND = () => new AppError('NOT_FOUND', { message: '未找到该报告轮次' });

// ---------------------------------------------------------------------------------------------
// Opening a round

interface OpenInput {
  kind: PostAwardKind;
  year: number;
  title: string;
  lists: repo.ListRow[];
  solutions: repo.SolutionRow[];
  deadline: Date;
}

/** The round's form, frozen: the newest list's campaign's declaration of the kind, its revision. */
async function frozenFormOf(tx: Db, campaignId: string, kind: PostAwardKind) {
  const formKind = POST_AWARD_FORM_KIND[kind];
  const current = await repo.currentForm(tx, campaignId, formKind);
  if (current) return current.revision;
  return repo.insertTemplateForm(tx, campaignId, formKind, postAwardFormTemplate(formKind));
}

async function openRound(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: OpenInput,
  actor: Actor,
) {
  const now = deps.clock.now();
  if (input.deadline <= now)
    throw new AppError('VALIDATION_FAILED', {
      message: '截止时间须晚于现在',
      details: [{ path: 'deadline', message: '截止时间须晚于现在' }],
    });
  const campaignId = input.lists.at(-1)!.campaignId;
  return deps.db.transaction(async (tx) => {
    const formRevision = await frozenFormOf(tx, campaignId, input.kind);
    const round = await repo.insertRound(tx, {
      kind: input.kind,
      campaignId,
      year: input.year,
      title: input.title,
      listCampaignIds: input.lists.map((l) => l.campaignId),
      formRevision,
      deadline: input.deadline,
      state: 'open',
      openedBy: actor.userId,
      openedAt: now,
    });
    if (!round)
      throw new AppError('POST_AWARD_ROUND_EXISTS', {
        message: `${input.year}年度的${POST_AWARD_KIND_LABELS[input.kind].zh}已经开启，不能重复开启`,
      });
    await repo.insertReports(
      tx,
      input.solutions.map((s) => ({
        roundId: round.id,
        publicId: s.publicId,
        enterpriseId: s.enterpriseId,
        unitId: s.unitId,
        state: 'draft' as const,
        data: {},
        createdAt: now,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, deps.clock, actor, {
      action: 'post_award_round.open',
      targetType: 'post_award_round',
      targetId: round.id,
      after: {
        kind: input.kind,
        year: input.year,
        title: input.title,
        lists: input.lists.map((l) => l.title),
        reports: input.solutions.length,
        deadline: input.deadline.toISOString(),
        formRevision,
      },
    });
    const enterpriseIds = [...new Set(input.solutions.map((s) => s.enterpriseId))];
    if (enterpriseIds.length)
      await notify(tx, deps, {
        kind: 'post_award.opened',
        to: { enterpriseIds },
        link: '/post-award',
        values: { 报告名称: input.title, 截止时间: formatBeijingDeadline(input.deadline) },
      });
    return { round, reports: input.solutions.length };
  });
}

/** 年度运行监测 of a year: the valid solutions of the lists (by default the last two years'). */
export async function openMonitoringRound(
  deps: Deps,
  user: SignedInUser,
  input: { year: number; listCampaignIds?: string[]; deadline: string },
  actor: Actor,
) {
  authorizeOpenRound(user);
  return openMonitoring(deps, input.year, input.listCampaignIds, new Date(input.deadline), actor);
}

async function openMonitoring(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  year: number,
  listCampaignIds: string[] | undefined,
  deadline: Date,
  actor: Actor,
) {
  const lists = listCampaignIds?.length
    ? await repo.listsByCampaign(deps.db, listCampaignIds)
    : await repo.listsOfYears(deps.db, monitoringListYears(year));
  if (listCampaignIds?.length && lists.length !== new Set(listCampaignIds).size)
    throw new AppError('NOT_FOUND', { message: '所选名单不存在或尚未发布' });
  if (!lists.length)
    throw new AppError('NOT_FOUND', {
      message: `没有${monitoringListYears(year).join('、')}年发布的名单，无需开启运行监测`,
    });
  const solutions = await repo.solutionsOfLists(
    deps.db,
    lists.map((l) => l.campaignId),
    { status: 'valid' },
  );
  return openRound(
    deps,
    {
      kind: 'monitoring',
      year,
      title: roundTitleOf('monitoring', year),
      lists,
      solutions,
      deadline,
    },
    actor,
  );
}

/** 自查评估 of a list whose validity has ended: its solutions not revoked or withdrawn. */
export async function openSelfEvaluation(
  deps: Deps,
  user: SignedInUser,
  input: { listCampaignId: string; deadline: string },
  actor: Actor,
) {
  authorizeOpenRound(user);
  const [list] = await repo.listsByCampaign(deps.db, [input.listCampaignId]);
  if (!list) throw new AppError('NOT_FOUND', { message: '未找到该名单，或名单尚未发布' });
  const today = beijingDay(deps.clock.now());
  if (today <= list.validUntil)
    throw new AppError('LIST_STILL_VALID', {
      message: `《${list.title}》有效期至${list.validUntil}，有效期结束（${addCalendarDays(list.validUntil, 1)}起）后才能开启自查评估`,
    });
  const solutions = await repo.solutionsOfLists(deps.db, [list.campaignId], {
    notStatus: ['revoked', 'withdrawn'],
  });
  return openRound(
    deps,
    {
      kind: 'self_evaluation',
      year: list.year,
      title: roundTitleOf('self_evaluation', list.year, list.title),
      lists: [list],
      solutions,
      deadline: new Date(input.deadline),
    },
    actor,
  );
}

/**
 * The yearly opening, run by the job on its schedule and at start: the newest campaign that names
 * an opening day decides it; from that day on, the round of the year before is opened once (a
 * second run, another process, or an organizer who opened it already leave it as it is).
 */
export async function runMonitoringOpening(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
): Promise<{ opened: string | null }> {
  const [campaign] = await repo.campaignsWithMonitoringDay(deps.db);
  const opensOn = campaign?.settings.monitoringOpensOn;
  if (!campaign || !opensOn) return { opened: null };
  const due = dueMonitoringRound(
    beijingDay(deps.clock.now()),
    opensOn,
    campaign.settings.monitoringDeadlineDays,
  );
  if (!due) return { opened: null };
  if (await repo.findRoundByKindYear(deps.db, 'monitoring', due.year)) return { opened: null };
  const lists = await repo.listsOfYears(deps.db, monitoringListYears(due.year));
  if (!lists.length) return { opened: null };
  try {
    const { round } = await openMonitoring(
      deps,
      due.year,
      undefined,
      new Date(endOfDayShanghai(due.deadlineDay)),
      SYSTEM_ACTOR,
    );
    return { opened: round.id };
  } catch (e) {
    // opened meanwhile by another process or an organizer
    if (e instanceof AppError && e.code === 'POST_AWARD_ROUND_EXISTS') return { opened: null };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listRounds(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  const scope = scopeOf(user);
  return repo.listRounds(deps.db, {
    unitId: scope.kind === 'unit' ? scope.unitId : undefined,
    enterpriseId: scope.kind === 'enterprise' ? scope.enterpriseId : undefined,
  });
}

async function roundOf(db: Db, id: string) {
  const round = await repo.findRound(db, id);
  if (!round) throw ROUND_NOT_FOUND();
  return round;
}

/** A round's reports: all for organizers, the unit's own for a recommender; with the stamps. */
export async function roundReports(deps: Pick<Deps, 'db'>, user: SignedInUser, roundId: string) {
  const scope = authorizeDesk(user);
  const round = await roundOf(deps.db, roundId);
  const unitId = scope.kind === 'unit' ? scope.unitId : undefined;
  const [rows, summaries] = await Promise.all([
    repo.listReports(deps.db, { roundId: round.id, unitId }),
    repo.listUnitSummaries(deps.db, round.id),
  ]);
  return {
    round,
    rows,
    summaries: summaries.filter((s) => !unitId || s.unitId === unitId),
  };
}

/** The enterprise's own reports, every round. */
export async function myReports(deps: Pick<Deps, 'db'>, user: SignedInUser) {
  const scope = scopeOf(user);
  if (scope.kind !== 'enterprise') throw new AppError('FORBIDDEN');
  return repo.listReports(deps.db, { enterpriseId: scope.enterpriseId });
}

/** The form a round froze and the context its reports are checked in. */
export async function formOfRound(
  db: Db,
  round: repo.RoundRow,
  solution: { year: number },
): Promise<{ form: FormDeclaration; ctx: FormContext }> {
  const formKind = POST_AWARD_FORM_KIND[round.kind];
  const form =
    (await repo.formAt(db, round.campaignId, formKind, round.formRevision)) ??
    postAwardFormTemplate(formKind);
  const campaign = await repo.findCampaignSettings(db, round.campaignId);
  const base = campaign
    ? formContextOf(campaign.settings)
    : { wordLimit: 100_000, categories: [], businessStages: [] };
  const ctx: FormContext = {
    ...base,
    // the reports' own text is not held to the application's word limit
    wordLimit: Number.MAX_SAFE_INTEGER,
    rowKeys:
      round.kind === 'monitoring'
        ? { [MONITORING_REVENUE_YEARS]: monitoringRevenueYears(solution.year, round.year) }
        : {},
  };
  return { form, ctx };
}

async function reportOf(db: Db, id: string) {
  const found = await repo.findReport(db, id);
  if (!found) throw NOT_FOUND();
  return found;
}

/** One report with its round, solution and form (any reader allowed to see it). */
export async function reportDetail(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  id: string,
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  authorizeRead(scope, found.report);
  const { form, ctx } = await formOfRound(deps.db, found.round, found.solution);
  const ids = attachmentIdsOf(form, found.report.data);
  const docs = await repo.findDocuments(deps.db, ids);
  const now = deps.clock.now();
  return {
    ...found,
    form,
    rowKeys: ctx.rowKeys ?? {},
    files: docs.map((d) => ({ id: d.id, filename: d.filename, size: d.size })),
    canEdit:
      scope.kind === 'enterprise' &&
      EDITABLE_REPORT_STATES.includes(found.report.state) &&
      now <= found.round.deadline,
    canReview: scope.kind === 'unit' && found.report.state === 'submitted',
  };
}

// ---------------------------------------------------------------------------------------------
// The enterprise: save and submit

function assertKind(found: { round: repo.RoundRow }, kind: PostAwardKind) {
  // a monitoring report is not a self-evaluation: the other operation does not know it
  if (found.round.kind !== kind) throw NOT_FOUND();
}

function assertBeforeDeadline(deps: Pick<Deps, 'clock'>, round: repo.RoundRow, what: string) {
  if (deps.clock.now() > round.deadline)
    throw new AppError('DEADLINE_PASSED', {
      message: `${round.title}已于${formatBeijingDeadline(round.deadline)}截止，不能再${what}`,
    });
}

const LOCKED = () =>
  new AppError('WRONG_STATE', {
    message: '报告已提交，不能修改；如需修改，请联系推荐单位退回',
  });

/** Evidence named by the data must be the enterprise's own uploaded evidence. */
async function assertOwnEvidence(
  db: Db,
  form: FormDeclaration,
  data: unknown,
  enterpriseId: string,
) {
  const ids = attachmentIdsOf(form, data);
  if (!ids.length) return;
  const docs = await repo.findDocuments(db, ids);
  const ok = new Set(
    docs
      .filter((d) => d.purpose === 'post_award_evidence' && d.ownerEnterpriseId === enterpriseId)
      .map((d) => d.id),
  );
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length)
    throw new AppError('VALIDATION_FAILED', {
      message: '佐证材料须为本企业在本报告中上传的文件',
      details: bad.map((id) => ({ path: 'evidence', message: `未找到文件 ${id}` })),
    });
}

export async function saveReport(
  deps: Deps,
  user: SignedInUser,
  id: string,
  kind: PostAwardKind,
  input: { version: number; data: Record<string, unknown> },
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  assertKind(found, kind);
  authorizeEdit(scope, found.report);
  assertBeforeDeadline(deps, found.round, '保存');
  if (!EDITABLE_REPORT_STATES.includes(found.report.state)) throw LOCKED();
  const { form, ctx } = await formOfRound(deps.db, found.round, found.solution);
  const parsed = applicationDataSchema(form, ctx, 'draft').safeParse(input.data);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  await assertOwnEvidence(deps.db, form, parsed.data, found.report.enterpriseId);
  // one statement: it applies over the version the user edited, or changes nothing
  const saved = await repo.saveOverVersion(deps.db, found.report.id, input.version, {
    data: parsed.data as Record<string, unknown>,
    updatedAt: deps.clock.now(),
    updatedBy: user.id,
  });
  if (saved) return saved;
  const latest = await repo.findReport(deps.db, id);
  if (latest && !EDITABLE_REPORT_STATES.includes(latest.report.state)) throw LOCKED();
  throw new AppError('DRAFT_CONFLICT', {
    message:
      '报告已在别处（另一个窗口或同事）修改并保存。为避免覆盖，本次保存未生效：请复制您的改动，刷新后再合并',
    details: {
      currentVersion: latest?.report.version ?? 0,
      updatedAt: latest?.report.updatedAt.toISOString() ?? null,
    },
  });
}

export async function submitReport(
  deps: Deps,
  user: SignedInUser,
  id: string,
  kind: PostAwardKind,
  actor: Actor,
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  assertKind(found, kind);
  authorizeEdit(scope, found.report);
  const { form, ctx } = await formOfRound(deps.db, found.round, found.solution);
  return deps.db.transaction(async (tx) => {
    const report = await repo.lockReport(tx, id);
    if (!report) throw NOT_FOUND();
    authorizeEdit(scope, report);
    if (!EDITABLE_REPORT_STATES.includes(report.state))
      throw new AppError('WRONG_STATE', {
        message: '报告已提交，请勿重复提交；如需修改，请联系推荐单位退回',
      });
    assertBeforeDeadline(deps, found.round, '提交');
    const issues = formIssues(form, ctx, 'submit', report.data);
    if (issues.length) throw new AppError('POST_AWARD_INCOMPLETE', { details: issues });
    const now = deps.clock.now();
    const updated = await repo.updateReport(tx, report.id, {
      state: 'submitted',
      submittedAt: now,
      returnComment: null,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'post_award_report.submit',
      targetType: 'post_award_report',
      targetId: report.id,
      before: { state: report.state },
      after: {
        state: 'submitted',
        publicId: report.publicId,
        roundId: report.roundId,
        version: report.version,
      },
    });
    await notify(tx, deps, {
      kind: 'post_award.submitted',
      to: { unitIds: [report.unitId] },
      link: `/desk/post-award/${report.roundId}`,
      values: {
        报告名称: found.round.title,
        解决方案名称: found.solution.solutionName,
        申报单位: found.solution.enterpriseName,
      },
    });
    return updated;
  });
}

// ---------------------------------------------------------------------------------------------
// The recommender: return, forward, stamp

export async function returnReport(
  deps: Deps,
  user: SignedInUser,
  id: string,
  comment: string,
  actor: Actor,
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  authorizeReview(scope, found.report);
  return deps.db.transaction(async (tx) => {
    const report = await repo.lockReport(tx, id);
    if (report?.state !== 'submitted')
      throw new AppError('WRONG_STATE', { message: '只能退回企业已提交、尚未报送的报告' });
    assertBeforeDeadline(deps, found.round, '退回（企业将无法再修改提交）');
    const updated = await repo.updateReport(tx, report.id, {
      state: 'returned',
      returnComment: comment,
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'post_award_report.return',
      targetType: 'post_award_report',
      targetId: report.id,
      before: { state: 'submitted' },
      after: { state: 'returned', publicId: report.publicId, roundId: report.roundId },
      note: comment,
    });
    await notify(tx, deps, {
      kind: 'post_award.returned',
      to: { enterpriseIds: [report.enterpriseId] },
      link: `/post-award/${report.id}`,
      values: {
        报告名称: found.round.title,
        解决方案名称: found.solution.solutionName,
        推荐单位: found.solution.unitName,
        退回意见: comment,
      },
    });
    return updated;
  });
}

export async function forwardReport(
  deps: Deps,
  user: SignedInUser,
  id: string,
  comment: string | undefined,
  actor: Actor,
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  authorizeReview(scope, found.report);
  return deps.db.transaction(async (tx) => {
    const report = await repo.lockReport(tx, id);
    if (report?.state !== 'submitted')
      throw new AppError('WRONG_STATE', { message: '只能报送企业已提交、尚未报送的报告' });
    const now = deps.clock.now();
    const updated = await repo.updateReport(tx, report.id, {
      state: 'forwarded',
      reviewComment: comment?.trim() || null,
      forwardedAt: now,
      forwardedBy: user.id,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'post_award_report.forward',
      targetType: 'post_award_report',
      targetId: report.id,
      before: { state: 'submitted' },
      after: { state: 'forwarded', publicId: report.publicId, roundId: report.roundId },
      ...(comment?.trim() ? { note: comment.trim() } : {}),
    });
    return updated;
  });
}

const NOT_A_SCAN = '盖章汇总表扫描件须为PDF文件或图片（PNG、JPEG）';

function checkedFile(deps: Pick<Deps, 'config'>, file: { filename: string; bytes: Buffer }) {
  if (file.bytes.length > deps.config.maxFileBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(deps.config.maxFileBytes / 1048576)} MB`,
    });
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', { message: check.reason, messageEn: check.reasonEn });
  return check.detected;
}

/** A file stored, then its row written by `record`; a refusal there leaves no stray file. */
async function storeThen<T>(
  deps: Pick<Deps, 'files'>,
  key: string,
  bytes: Buffer,
  mime: string,
  record: () => Promise<T>,
) {
  await deps.files.put(key, bytes, mime);
  return record().catch(async (err: unknown) => {
    await deps.files.delete(key).catch(() => undefined);
    throw err;
  });
}

/** Every report of the unit in the round is forwarded: the unit uploads its stamped summary. */
export async function stampSummary(
  deps: Deps,
  user: SignedInUser,
  roundId: string,
  unitId: string,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  actor: Actor,
) {
  const scope = scopeOf(user);
  authorizeStamp(scope, unitId);
  const round = await roundOf(deps.db, roundId);
  const file = await readFile();
  const detected = checkedFile(deps, file);
  if (detected.kind !== 'pdf' && detected.kind !== 'image')
    throw new AppError('FILE_REJECTED', { message: NOT_A_SCAN });
  const notReady = async (db: Db) => {
    const rows = await repo.lockUnitReports(db, round.id, unitId);
    const waiting = rows.filter((r) => r.state !== 'forwarded').length;
    if (!rows.length || waiting)
      throw new AppError('POST_AWARD_SUMMARY_NOT_READY', {
        message: rows.length
          ? `本单位还有${waiting}份报告未报送主管部门，全部报送后才能上传盖章汇总表`
          : '本单位在本轮没有需报送的报告',
      });
  };
  await notReady(deps.db); // refused early: no file stored for nothing
  const id = randomUUID();
  const key = `documents/post-award/${round.id}/${unitId}/${id}.${detected.ext}`;
  return storeThen(deps, key, file.bytes, detected.mime, () =>
    deps.db.transaction(async (tx) => {
      await notReady(tx);
      const now = deps.clock.now();
      const doc = await repo.insertDocument(tx, {
        id,
        purpose: 'post_award_summary_scan',
        ownerUnitId: unitId,
        campaignId: round.campaignId,
        filename: truncateText(file.filename, 200),
        kind: detected.kind,
        mime: detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey: key,
        uploadedBy: user.id,
        createdAt: now,
      });
      const before = await repo.findUnitSummary(tx, round.id, unitId);
      const saved = await repo.upsertUnitSummary(tx, {
        roundId: round.id,
        unitId,
        documentId: doc.id,
        comment: '',
        stampedBy: user.id,
        stampedAt: now,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'post_award_summary.stamp',
        targetType: 'post_award_round',
        targetId: round.id,
        before: { documentId: before?.documentId ?? null },
        after: { unitId, documentId: doc.id, filename: doc.filename, sha256: doc.sha256 },
      });
      return saved;
    }),
  );
}

async function fileOf(deps: Pick<Deps, 'files'>, doc: { storageKey: string }) {
  try {
    return await deps.files.get(doc.storageKey);
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '文件已丢失，请重新上传' });
    throw e;
  }
}

export async function stampedSummary(
  deps: Deps,
  user: SignedInUser,
  roundId: string,
  unitId: string,
) {
  authorizeUnitRead(scopeOf(user), unitId);
  const summary = await repo.findUnitSummary(deps.db, roundId, unitId);
  const doc = summary && (await repo.findDocument(deps.db, summary.documentId));
  if (!doc) throw new AppError('NOT_FOUND', { message: '尚未上传盖章汇总表' });
  return { doc, bytes: await fileOf(deps, doc) };
}

// ---------------------------------------------------------------------------------------------
// Evidence (自查评估's 佐证材料)

export async function uploadEvidence(
  deps: Deps,
  user: SignedInUser,
  id: string,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  authorizeEdit(scope, found.report);
  assertBeforeDeadline(deps, found.round, '上传');
  if (!EDITABLE_REPORT_STATES.includes(found.report.state)) throw LOCKED();
  const file = await readFile();
  const detected = checkedFile(deps, file);
  const docId = randomUUID();
  const key = `documents/post-award/${found.round.id}/evidence/${docId}.${detected.ext}`;
  return storeThen(deps, key, file.bytes, detected.mime, () =>
    repo.insertDocument(deps.db, {
      id: docId,
      purpose: 'post_award_evidence',
      ownerEnterpriseId: found.report.enterpriseId,
      ownerUnitId: found.report.unitId,
      campaignId: found.round.campaignId,
      filename: truncateText(file.filename, 200),
      kind: detected.kind,
      mime: detected.mime,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      storageKey: key,
      uploadedBy: user.id,
      createdAt: deps.clock.now(),
    }),
  );
}

/** An evidence file the report names (or its enterprise uploaded), for whoever reads the report. */
export async function evidenceFile(deps: Deps, user: SignedInUser, id: string, documentId: string) {
  const scope = scopeOf(user);
  const found = await reportOf(deps.db, id);
  authorizeRead(scope, found.report);
  const doc = await repo.findDocument(deps.db, documentId);
  if (
    !doc ||
    doc.purpose !== 'post_award_evidence' ||
    doc.ownerEnterpriseId !== found.report.enterpriseId
  )
    throw new AppError('NOT_FOUND', { message: '未找到该文件' });
  return { doc, bytes: await fileOf(deps, doc) };
}

// ---------------------------------------------------------------------------------------------
// The unit's summary (for stamping) and the organizer's export

/** The round's summary workbook: a recommender's own unit, or (organizer) every unit. */
export async function summaryFile(deps: Deps, user: SignedInUser, roundId: string) {
  const scope = authorizeDesk(user);
  const round = await roundOf(deps.db, roundId);
  const unitId = scope.kind === 'unit' ? scope.unitId : undefined;
  const rows = await repo.listReports(deps.db, { roundId: round.id, unitId });
  const { form } = await formOfRound(deps.db, round, { year: round.year });
  const codes = new Set<string>();
  for (const { report } of rows)
    for (const section of Object.values(report.data ?? {}))
      for (const v of Object.values((section ?? {}) as Record<string, unknown>))
        if (Array.isArray(v)) for (const c of v) if (typeof c === 'string') codes.add(c);
  const names = await industryNames(
    deps.db,
    [...codes].filter((c) => /^[A-T]$|^\d{2,4}$/.test(c)),
  );
  const unitName = unitId
    ? (rows[0]?.solution.unitName ?? (await unitNameOf(deps.db, unitId)))
    : null;
  const bytes = await summaryXlsx({
    round,
    form,
    unitName,
    date: shanghaiDateLabel(deps.clock.now()),
    names: { industry: (c) => names[c] },
    rows,
  });
  return { bytes, filename: summaryFilename(round, unitName) };
}

async function unitNameOf(db: Db, unitId: string) {
  return (await findRecommenderUnit(db, unitId))?.name ?? null;
}

/** 监测分析 of a monitoring round: its aggregates (a recommender: its own unit's reports only). */
export async function roundFigures(deps: Pick<Deps, 'db'>, user: SignedInUser, roundId: string) {
  const scope = authorizeDesk(user);
  const round = await roundOf(deps.db, roundId);
  if (round.kind !== 'monitoring')
    throw new AppError('NOT_FOUND', { message: '只有年度运行监测有监测数据' });
  const rows = await repo.listReports(deps.db, {
    roundId: round.id,
    unitId: scope.kind === 'unit' ? scope.unitId : undefined,
  });
  return {
    round,
    figures: monitoringFigures(
      round.year,
      rows.map((r) => ({
        unitId: r.report.unitId,
        unitName: r.solution.unitName,
        state: r.report.state,
        data: r.report.data,
      })),
    ),
  };
}
