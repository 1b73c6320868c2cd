// 公示 (issue 14): opened once the selection is frozen, for a number of working days on the
// campaign's working-day calendar. Opening it moves, in one transaction, the selected applications
// to 公示中 and the others to 未入选 (each an audit row), and publishes the list: only from then on
// do enterprises, recommenders and the public learn the result (each enterprise and its
// recommender get a message in the same transaction).
import {
  noticePeriod,
  noticePeriodText,
  type NoticePeriod,
  type OpenPublicNoticeInput,
} from '../../../domain/public-notice';
import type { NoticePeriodView, PublicNoticeView } from '../../../domain/api/public-notice';
import { beijingDay } from '../../../domain/registry';
import { calendarOf, MissingNoticeError } from '../../../domain/working-days';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import type { CampaignRow } from '../campaigns';
import * as repo from './repository';
import { campaignOf } from './service';

/** The period, or a field error saying which year's holiday notice is missing. */
function periodOf(campaign: CampaignRow, opensOn: string, workingDays: number): NoticePeriod {
  try {
    return noticePeriod(calendarOf(campaign.settings), opensOn, workingDays);
  } catch (e) {
    if (e instanceof MissingNoticeError)
      throw new AppError('VALIDATION_FAILED', {
        message: `${e.message}。请在活动管理中录入该年度的节假日安排`,
        details: [{ path: 'opensOn', message: e.message }],
      });
    throw e;
  }
}

const periodView = (p: NoticePeriod): NoticePeriodView => ({ ...p, text: noticePeriodText(p) });

/** previewPublicNoticePeriod: what a notice opened on that day would cover. */
export async function previewPeriod(
  deps: Deps,
  idOrCode: string,
  opensOn: string,
  workingDays: number,
): Promise<NoticePeriodView> {
  return periodView(periodOf(await campaignOf(deps, idOrCode), opensOn, workingDays));
}

/** openPublicNotice */
export async function openNotice(
  deps: Deps,
  idOrCode: string,
  input: OpenPublicNoticeInput,
  actor: Actor,
) {
  const campaign = await campaignOf(deps, idOrCode);
  const today = beijingDay(deps.clock.now());
  if (input.opensOn < today)
    throw new AppError('VALIDATION_FAILED', {
      message: '公示开始日期不能早于今天',
      details: [{ path: 'opensOn', message: '公示开始日期不能早于今天' }],
    });
  const period = periodOf(campaign, input.opensOn, input.workingDays);
  const moved = await deps.db.transaction(async (tx) => {
    const selection = await repo.lockSelection(tx, campaign.id);
    if (selection?.state !== 'frozen')
      throw new AppError('WRONG_STATE', { message: '请先冻结遴选结果，再开启公示' });
    if (await repo.findNotice(tx, campaign.id))
      throw new AppError('WRONG_STATE', { message: '本活动已开启公示' });
    const apps = await repo.listApplicationsToDecide(tx, campaign.id, 'update');
    const decisions = new Map(
      (await repo.listDecisions(tx, campaign.id)).map((d) => [d.applicationId, d.decision]),
    );
    const selected = apps.filter((a) => decisions.get(a.id) === 'selected').map((a) => a.id);
    const notSelected = apps.filter((a) => decisions.get(a.id) === 'not_selected').map((a) => a.id);
    const now = deps.clock.now();
    const inNotice = await repo.moveFromReview(tx, selected, 'in_public_notice', now);
    const out = await repo.moveFromReview(tx, notSelected, 'not_selected', now);
    for (const [ids, action, to] of [
      [inNotice, 'application.public_notice', 'in_public_notice'],
      [out, 'application.not_selected', 'not_selected'],
    ] as const)
      for (const id of ids)
        await recordAudit(tx, deps.clock, actor, {
          action,
          targetType: 'application',
          targetId: id,
          before: { state: 'under_review' },
          after: { state: to },
        });
    // each enterprise and its recommender learn the result now, as the public does
    const periodText = noticePeriodText(period);
    const byId = new Map(apps.map((a) => [a.id, a]));
    for (const [ids, result, note] of [
      [inNotice, '拟入选，进入公示', `拟入选名单公示期为${periodText}，公示期满无异议后正式发布。`],
      [out, '未入选', '感谢您参加本次征集遴选。'],
    ] as const)
      for (const id of ids) {
        const a = byId.get(id)!;
        const values = {
          活动名称: campaign.title,
          解决方案名称: a.solutionName,
          遴选结果: result,
          公示说明: note,
        };
        const base = { kind: 'application.selection_result' as const, campaignId: campaign.id };
        await notify(tx, deps, {
          ...base,
          to: { enterpriseIds: [a.enterpriseId] },
          link: `/applications/${id}`,
          values,
        });
        await notify(tx, deps, {
          ...base,
          to: { unitIds: [a.unitId] },
          link: `/desk/${campaign.id}/applications/${id}`,
          values,
        });
      }
    await repo.insertNotice(tx, {
      campaignId: campaign.id,
      fromDay: period.from,
      toDay: period.to,
      workingDays: period.workingDays,
      opensAt: new Date(period.opensAt),
      closesAt: new Date(period.closesAt),
      contact: input.contact,
      openedBy: actor.userId!,
      openedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'public_notice.open',
      targetType: 'public_notice',
      targetId: campaign.id,
      after: {
        from: period.from,
        to: period.to,
        workingDays: period.workingDays,
        inNotice: inNotice.length,
        notSelected: out.length,
      },
    });
    return {
      inNotice: inNotice.length,
      notSelected: out.length,
      undecided: apps.length - inNotice.length - out.length,
    };
  });
  return { ...moved, notice: await publicNoticeOf(deps, campaign.id) };
}

/** getPublicNotice (public): the list in 公示, its period and how to object. */
export async function publicNoticeOf(deps: Deps, idOrCode: string): Promise<PublicNoticeView> {
  const campaign = await campaignOf(deps, idOrCode);
  const notice = await repo.findNotice(deps.db, campaign.id);
  if (!notice) throw new AppError('NOT_FOUND', { message: '本活动暂无公示' });
  const names = new Map(campaign.settings.categories.map((c, i) => [c.code, { name: c.name, i }]));
  const items = (await repo.listInNotice(deps.db, campaign.id))
    .map((a) => ({
      itemId: a.id,
      solutionName: a.solutionName,
      applicantName: a.applicantName ?? '',
      categoryName: (a.category && names.get(a.category)?.name) ?? '未分类',
      order: (a.category ? names.get(a.category)?.i : undefined) ?? 99,
      unitName: a.unitName,
    }))
    .sort(
      (a, b) =>
        a.order - b.order ||
        a.applicantName.localeCompare(b.applicantName, 'zh-CN') ||
        a.solutionName.localeCompare(b.solutionName, 'zh-CN'),
    )
    .map(({ order: _order, ...item }, i) => ({ no: i + 1, ...item }));
  const now = deps.clock.now();
  const period = periodView({
    from: notice.fromDay,
    to: notice.toDay,
    workingDays: notice.workingDays,
    calendarDays: 0,
    daysOff: [],
    opensAt: notice.opensAt.toISOString(),
    closesAt: notice.closesAt.toISOString(),
  });
  // the stored period's days off, for the page (the calendar may not know every year any more)
  try {
    const p = noticePeriod(calendarOf(campaign.settings), notice.fromDay, notice.workingDays);
    Object.assign(period, { calendarDays: p.calendarDays, daysOff: p.daysOff });
  } catch (e) {
    if (!(e instanceof MissingNoticeError)) throw e;
  }
  return {
    campaignCode: campaign.code,
    campaignTitle: campaign.title,
    period,
    state: now < notice.opensAt ? 'upcoming' : now > notice.closesAt ? 'closed' : 'open',
    contact: notice.contact,
    publishedAt: notice.openedAt.toISOString(),
    items,
  };
}
