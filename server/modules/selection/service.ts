// 遴选决定 (issue 14): the organizer picks the review round whose ranking to use and the targets
// per category, decides each application under review 入选 / 不入选 with a reason (or 按排名预选 the
// undecided), uploads the 评审会 minutes, and freezes. Every change locks the campaign's selection
// row, re-checks its state and revision, and writes its audit row in the same transaction.
import { createHash, randomUUID } from 'node:crypto';
import { APPLICATION_FLAG_LABELS } from '../../../domain/review-results';
import {
  freezeProblems,
  placesInCategories,
  preselect,
  type DecideSelectionInput,
  type SelectionSettingsInput,
} from '../../../domain/selection';
import type { SelectionRow as RowView, SelectionView } from '../../../domain/api/selection';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import { findCampaign, type CampaignRow } from '../campaigns';
import { roundResultsOf } from '../reviews';
import * as repo from './repository';

const FROZEN = '遴选结果已冻结，不能再修改';
const NOT_STARTED = '请先选择评审轮次并设置各类别名额';

export async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '活动不存在' });
  return campaign;
}

function assertOpen(s: repo.SelectionRow | undefined): asserts s is repo.SelectionRow {
  if (!s) throw new AppError('WRONG_STATE', { message: NOT_STARTED });
  if (s.state === 'frozen') throw new AppError('WRONG_STATE', { message: FROZEN });
}

function assertRevision(s: repo.SelectionRow, baseRevision: number) {
  if (s.revision !== baseRevision)
    throw new AppError('CONFLICT', { message: '遴选已被他人修改，请刷新后重试' });
}

/** Scores as 评审结果 shows them: two decimals (the ranking itself uses the full values). */
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

const categoryNameOf = (campaign: CampaignRow) => {
  const names = new Map(campaign.settings.categories.map((c) => [c.code, c.name]));
  return (code: string | null) => (code ? (names.get(code) ?? code) : '未分类');
};

/** The round's ranking of the applications to decide, with each one's place in its category. */
async function rankedRows(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  roundId: string | null,
  apps: Awaited<ReturnType<typeof repo.listApplicationsToDecide>>,
) {
  const results = roundId ? await roundResultsOf(deps, roundId) : undefined;
  const byApp = new Map(
    (results?.results ?? []).flatMap((p) => p.applications.map((a) => [a.applicationId, a])),
  );
  const panelName = new Map((results?.panels ?? []).map((p) => [p.id, p.name]));
  const ranked = placesInCategories(
    apps.map((a) => ({
      applicationId: a.id,
      category: a.category,
      score: byApp.get(a.id)?.normalisedMean ?? null,
      mean: byApp.get(a.id)?.mean ?? null,
    })),
  );
  const place = new Map(ranked.map((r) => [r.applicationId, r.place]));
  const categoryName = categoryNameOf(campaign);
  return apps.map((a) => {
    const r = byApp.get(a.id);
    return {
      /** full precision, for ranking (the row shows two decimals) */
      score: r?.normalisedMean ?? null,
      rawMean: r?.mean ?? null,
      applicationId: a.id,
      solutionName: a.solutionName,
      state: a.state,
      applicantName: a.applicantName ?? '',
      unitName: a.unitName,
      category: a.category,
      categoryName: categoryName(a.category),
      panelName: r ? (panelName.get(r.panelId) ?? null) : null,
      place: place.get(a.id) ?? null,
      normalisedMean: round2(r?.normalisedMean ?? null),
      mean: round2(r?.mean ?? null),
      trimmedMean: round2(r?.trimmedMean ?? null),
      submitted: r?.n ?? 0,
      needed: r?.needed ?? 0,
      flags: (r?.flags ?? []).map((f) => APPLICATION_FLAG_LABELS[f.code]),
    };
  });
}

/** getSelection: everything the 遴选决定 page shows. */
export async function selectionOf(deps: Deps, idOrCode: string): Promise<SelectionView> {
  const campaign = await campaignOf(deps, idOrCode);
  const selection = await repo.findSelection(deps.db, campaign.id);
  const apps = await repo.listApplicationsOfSelection(deps.db, campaign.id);
  const rounds = await repo.listRankableRounds(deps.db, campaign.id);
  // before a round is chosen, the newest one's ranking is shown (the settings offer it first)
  const ranked = await rankedRows(
    deps,
    campaign,
    selection?.roundId ?? rounds.at(-1)?.id ?? null,
    apps,
  );
  const decisions = new Map(
    (await repo.listDecisions(deps.db, campaign.id)).map((d) => [d.applicationId, d]),
  );
  const rows: RowView[] = ranked
    .map(({ score: _score, rawMean: _rawMean, ...r }) => {
      const d = decisions.get(r.applicationId);
      return {
        ...r,
        decision: d?.decision ?? null,
        reason: d?.reason ?? null,
        decidedAt: d?.decidedAt.toISOString() ?? null,
        decidedBy: d?.decidedBy ?? null,
      };
    })
    .sort(
      (a, b) =>
        (a.category ?? '').localeCompare(b.category ?? '') ||
        (a.place ?? Infinity) - (b.place ?? Infinity) ||
        a.solutionName.localeCompare(b.solutionName, 'zh-CN'),
    );
  const targets = selection?.targets ?? {};
  const categories = campaign.settings.categories.map((c) => {
    const mine = rows.filter((r) => r.category === c.code);
    return {
      code: c.code,
      name: c.name,
      target: targets[c.code] ?? 0,
      applications: mine.length,
      selected: mine.filter((r) => r.decision === 'selected').length,
      notSelected: mine.filter((r) => r.decision === 'not_selected').length,
    };
  });
  const minutes = selection?.minutesId
    ? await repo.findDocument(deps.db, selection.minutesId)
    : undefined;
  return {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    state: selection?.state ?? null,
    revision: selection?.revision ?? 0,
    round: selection
      ? {
          id: selection.roundId,
          name: rounds.find((r) => r.id === selection.roundId)?.name ?? '',
        }
      : null,
    rounds,
    categories,
    minutes: minutes
      ? {
          filename: minutes.filename,
          size: minutes.size,
          uploadedAt: minutes.createdAt.toISOString(),
          uploadedBy: (await repo.userName(deps.db, minutes.uploadedBy)) ?? '',
        }
      : null,
    frozenAt: selection?.frozenAt?.toISOString() ?? null,
    frozenBy: await repo.userName(deps.db, selection?.frozenBy ?? null),
    problems:
      selection?.state === 'frozen'
        ? []
        : selection
          ? freezeProblems({
              applications: rows.length,
              undecided: rows.filter((r) => r.decision === null).length,
              minutesUploaded: !!selection.minutesId,
            })
          : [NOT_STARTED],
    rows,
  };
}

/** saveSelectionSettings: the round to rank by and the targets; starts the selection the first time. */
export async function saveSettings(
  deps: Deps,
  idOrCode: string,
  input: SelectionSettingsInput,
  actor: Actor,
) {
  const campaign = await campaignOf(deps, idOrCode);
  const codes = new Set(campaign.settings.categories.map((c) => c.code));
  const unknown = Object.keys(input.targets).filter((k) => !codes.has(k));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', {
      message: `不是本活动的申报类别：${unknown.join('、')}`,
      details: unknown.map((k) => ({ path: `targets.${k}`, message: '不是本活动的申报类别' })),
    });
  const rounds = await repo.listRankableRounds(deps.db, campaign.id);
  if (!rounds.some((r) => r.id === input.roundId))
    throw new AppError('VALIDATION_FAILED', {
      message: '请选择本活动已发布分配的评审轮次',
      details: [{ path: 'roundId', message: '请选择本活动已发布分配的评审轮次' }],
    });
  const targets = Object.fromEntries(
    campaign.settings.categories.map((c) => [c.code, input.targets[c.code] ?? 0]),
  );
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const before = await repo.lockSelection(tx, campaign.id);
    if (before) {
      assertOpen(before);
      assertRevision(before, input.baseRevision);
      await repo.updateSelection(tx, campaign.id, {
        roundId: input.roundId,
        targets,
        updatedAt: now,
      });
    } else {
      if (input.baseRevision !== 0)
        throw new AppError('CONFLICT', { message: '遴选已被他人修改，请刷新后重试' });
      await repo.insertSelection(tx, {
        campaignId: campaign.id,
        roundId: input.roundId,
        targets,
        state: 'open',
        createdAt: now,
        updatedAt: now,
      });
    }
    await recordAudit(tx, deps.clock, actor, {
      action: 'selection.settings',
      targetType: 'selection',
      targetId: campaign.id,
      before: before ? { roundId: before.roundId, targets: before.targets } : undefined,
      after: { roundId: input.roundId, targets },
    });
  });
  return selectionOf(deps, campaign.id);
}

/** preselectByRanking: the undecided, by the round's ranking against the targets. */
export async function preselectByRanking(
  deps: Deps,
  idOrCode: string,
  baseRevision: number,
  actor: Actor,
) {
  const campaign = await campaignOf(deps, idOrCode);
  const counts = await deps.db.transaction(async (tx) => {
    const selection = await repo.lockSelection(tx, campaign.id);
    assertOpen(selection);
    assertRevision(selection, baseRevision);
    const apps = await repo.listApplicationsToDecide(tx, campaign.id);
    const ranked = await rankedRows({ db: tx }, campaign, selection.roundId, apps);
    const categoryName = categoryNameOf(campaign);
    const proposals = preselect(
      ranked.map((r) => ({
        applicationId: r.applicationId,
        category: r.category,
        score: r.score,
        mean: r.rawMean,
      })),
      selection.targets,
      (c) => categoryName(c),
    );
    const now = deps.clock.now();
    const inserted = await repo.insertMissingDecisions(
      tx,
      proposals.map((p) => ({
        campaignId: campaign.id,
        applicationId: p.applicationId,
        decision: p.decision,
        reason: p.reason,
        decidedBy: actor.userId!,
        decidedAt: now,
      })),
    );
    const decided = await repo.countDecided(
      tx,
      campaign.id,
      apps.map((a) => a.id),
    );
    const result = {
      selected: inserted.filter((d) => d.decision === 'selected').length,
      notSelected: inserted.filter((d) => d.decision === 'not_selected').length,
      undecided: apps.length - decided,
    };
    await repo.updateSelection(tx, campaign.id, { updatedAt: now });
    await recordAudit(tx, deps.clock, actor, {
      action: 'selection.preselect',
      targetType: 'selection',
      targetId: campaign.id,
      after: { ...result, targets: selection.targets },
    });
    return result;
  });
  return { ...counts, selection: await selectionOf(deps, campaign.id) };
}

/** decideSelection: one application 入选 or 不入选, with the reason. */
export async function decide(
  deps: Deps,
  idOrCode: string,
  applicationId: string,
  input: DecideSelectionInput,
  actor: Actor,
): Promise<RowView> {
  const campaign = await campaignOf(deps, idOrCode);
  await deps.db.transaction(async (tx) => {
    const selection = await repo.lockSelection(tx, campaign.id);
    assertOpen(selection);
    const app = await repo.lockApplicationToDecide(tx, campaign.id, applicationId);
    if (!app || app.campaignId !== campaign.id)
      throw new AppError('NOT_FOUND', { message: '申报书不存在' });
    if (app.state !== 'under_review')
      throw new AppError('WRONG_STATE', { message: '该项目不在专家评审中，不能作遴选决定' });
    const before = await repo.findDecision(tx, campaign.id, applicationId);
    const now = deps.clock.now();
    await repo.upsertDecision(tx, {
      campaignId: campaign.id,
      applicationId,
      decision: input.decision,
      reason: input.reason,
      decidedBy: actor.userId!,
      decidedAt: now,
    });
    await repo.updateSelection(tx, campaign.id, { updatedAt: now });
    await recordAudit(tx, deps.clock, actor, {
      action: 'selection.decide',
      targetType: 'application',
      targetId: applicationId,
      before: before ? { decision: before.decision, reason: before.reason } : undefined,
      after: { decision: input.decision, reason: input.reason },
    });
  });
  const view = await selectionOf(deps, campaign.id);
  return view.rows.find((r) => r.applicationId === applicationId)!;
}

/** uploadSelectionMinutes: the 评审会 minutes, a PDF (checked by its content). */
export async function uploadMinutes(
  deps: Deps,
  idOrCode: string,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const campaign = await campaignOf(deps, idOrCode);
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', { message: check.reason, messageEn: check.reasonEn });
  if (check.detected.kind !== 'pdf')
    throw new AppError('FILE_REJECTED', { message: '评审会纪要请上传 PDF 文件（签字盖章后扫描）' });
  // refuse early what the transaction would refuse, so no file is stored for nothing
  assertOpen(await repo.findSelection(deps.db, campaign.id));
  const id = randomUUID();
  const storageKey = `documents/${campaign.id}/selection/${id}.pdf`;
  await deps.files.put(storageKey, file.bytes, check.detected.mime);
  try {
    await deps.db.transaction(async (tx) => {
      const selection = await repo.lockSelection(tx, campaign.id);
      assertOpen(selection);
      const now = deps.clock.now();
      const doc = await repo.insertDocument(tx, {
        id,
        purpose: 'selection_minutes',
        campaignId: campaign.id,
        filename: file.filename.slice(0, 200),
        kind: 'pdf',
        mime: check.detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: actor.userId!,
        createdAt: now,
      });
      await repo.updateSelection(tx, campaign.id, { minutesId: doc.id, updatedAt: now });
      await recordAudit(tx, deps.clock, actor, {
        action: 'selection.minutes',
        targetType: 'selection',
        targetId: campaign.id,
        before: selection.minutesId ? { minutesId: selection.minutesId } : undefined,
        after: { minutesId: doc.id, filename: doc.filename, size: doc.size, sha256: doc.sha256 },
      });
    });
  } catch (e) {
    // a refusal inside the transaction (frozen meanwhile) leaves no stray file
    await deps.files.delete(storageKey).catch(() => undefined);
    throw e;
  }
  return selectionOf(deps, campaign.id);
}

/** getSelectionMinutes */
export async function readMinutes(deps: Deps, idOrCode: string) {
  const campaign = await campaignOf(deps, idOrCode);
  const selection = await repo.findSelection(deps.db, campaign.id);
  const doc = selection?.minutesId ? await repo.findDocument(deps.db, selection.minutesId) : null;
  if (!doc) throw new AppError('NOT_FOUND', { message: '尚未上传评审会纪要' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '评审会纪要文件已丢失，请重新上传' });
    throw e;
  }
}

/** freezeSelection: every application decided and the minutes uploaded; then nothing changes. */
export async function freeze(deps: Deps, idOrCode: string, baseRevision: number, actor: Actor) {
  const campaign = await campaignOf(deps, idOrCode);
  await deps.db.transaction(async (tx) => {
    const selection = await repo.lockSelection(tx, campaign.id);
    assertOpen(selection);
    assertRevision(selection, baseRevision);
    const apps = await repo.listApplicationsToDecide(tx, campaign.id, true);
    const ids = apps.map((a) => a.id);
    const decided = await repo.countDecided(tx, campaign.id, ids);
    const problems = freezeProblems({
      applications: apps.length,
      undecided: apps.length - decided,
      minutesUploaded: !!selection.minutesId,
    });
    if (problems.length)
      throw new AppError('WRONG_STATE', { message: `还不能冻结：${problems.join('；')}` });
    const now = deps.clock.now();
    await repo.updateSelection(tx, campaign.id, {
      state: 'frozen',
      frozenAt: now,
      frozenBy: actor.userId!,
      updatedAt: now,
    });
    const decisions = (await repo.listDecisions(tx, campaign.id)).filter((d) =>
      ids.includes(d.applicationId),
    );
    await recordAudit(tx, deps.clock, actor, {
      action: 'selection.freeze',
      targetType: 'selection',
      targetId: campaign.id,
      before: { state: 'open' },
      after: {
        state: 'frozen',
        selected: decisions.filter((d) => d.decision === 'selected').length,
        notSelected: decisions.filter((d) => d.decision === 'not_selected').length,
        roundId: selection.roundId,
        minutesId: selection.minutesId,
      },
    });
  });
  return selectionOf(deps, campaign.id);
}
