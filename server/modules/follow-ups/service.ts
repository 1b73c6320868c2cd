// 附件4 reports: the enterprise saves and submits, its recommender returns with a comment.
// State and deadline are re-checked inside the transaction that changes the state.
import type { FollowUpContext } from '../../../domain/follow-up-report';
import { applicationDataSchema, type FormMode } from '../../../domain/form';
import { formIssues } from '../../../domain/form-values';
import { followUpContextOf } from '../../../domain/forms';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { findAward, type AwardRow } from '../awards';
import { findCampaign, formOfCampaign, type CampaignRow } from '../campaigns';
import { findEnterprise } from '../enterprises';
import {
  authorizeEditFollowUp,
  authorizeExportFollowUps,
  authorizeReturnFollowUp,
  authorizeViewFollowUp,
  followUpScopeOf,
  type FollowUpScope,
} from './policy';
import * as repo from './repository';
import { followUpSummary } from './summary-data';

const EDITABLE = new Set(['draft', 'returned']);

export function contextOf(campaign: CampaignRow, award: AwardRow): FollowUpContext {
  return { awardYear: award.year, campaignYear: campaign.year };
}

/** The campaign's 附件4 declaration and the context a report of this award is checked in. */
async function declarationOf(db: Db, campaign: CampaignRow, award: AwardRow) {
  return {
    form: await formOfCampaign(db, campaign, 'followUp'),
    ctx: followUpContextOf(campaign.settings, contextOf(campaign, award)),
  };
}

/** Every problem with a report's data for the mode, each at its dotted path. */
export async function reportIssues(
  db: Db,
  campaign: CampaignRow,
  award: AwardRow,
  mode: FormMode,
  data: unknown,
) {
  const { form, ctx } = await declarationOf(db, campaign, award);
  return formIssues(form, ctx, mode, data);
}

/** Winners of the campaign's follow-up years report; others have nothing to file here. */
export function assertFollowUpDue(campaign: CampaignRow, award: AwardRow) {
  if (!campaign.settings.followUpAwardYears.includes(award.year))
    throw new AppError('NOT_FOUND', {
      message: `${award.year}年获奖的解决方案不在本次活动附件4的填报范围内`,
    });
}

function assertBeforeDeadline(deps: Deps, campaign: CampaignRow, what: string) {
  if (deps.clock.now() > campaign.paperDeadline)
    throw new AppError('DEADLINE_PASSED', { message: `附件4报送已截止，不能再${what}` });
}

const SUBMITTED = () =>
  new AppError('WRONG_STATE', {
    message: '统计表已提交，不能修改；如需修改，请联系推荐单位退回',
  });

export async function saveReport(
  deps: Deps,
  who: { userId: string; enterpriseId: string },
  campaign: CampaignRow,
  award: AwardRow,
  input: { draftVersion: number; data: Record<string, unknown> },
): Promise<repo.FollowUpReportRow> {
  assertBeforeDeadline(deps, campaign, '保存');
  const { form, ctx } = await declarationOf(deps.db, campaign, award);
  const parsed = applicationDataSchema(form, ctx, 'draft').safeParse(input.data);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const data = parsed.data as Record<string, unknown>;
  const now = deps.clock.now();
  const current = await repo.findReport(deps.db, campaign.id, award.id);
  // one statement each: it either applies over the version the user edited or changes nothing
  const saved =
    input.draftVersion === 0
      ? await repo.insertReport(deps.db, {
          campaignId: campaign.id,
          awardId: award.id,
          enterpriseId: who.enterpriseId,
          data,
          createdAt: now,
          updatedAt: now,
          updatedBy: who.userId,
        })
      : current &&
        (await repo.saveOverVersion(deps.db, current.id, input.draftVersion, {
          data,
          updatedAt: now,
          updatedBy: who.userId,
        }));
  if (saved) return saved;
  const latest = await repo.findReport(deps.db, campaign.id, award.id);
  if (latest?.state === 'submitted') throw SUBMITTED();
  throw new AppError('DRAFT_CONFLICT', {
    message:
      '统计表已在别处（另一个窗口或同事）修改并保存。为避免覆盖，本次保存未生效：请复制您的改动，刷新后再合并',
    details: {
      currentVersion: latest?.draftVersion ?? 0,
      updatedAt: latest?.updatedAt.toISOString() ?? null,
    },
  });
}

export async function submitReport(
  deps: Deps,
  campaign: CampaignRow,
  award: AwardRow,
  actor: Actor,
) {
  return deps.db.transaction(async (tx) => {
    const report = await repo.lockReport(tx, campaign.id, award.id);
    if (report && !EDITABLE.has(report.state))
      throw new AppError('WRONG_STATE', {
        message: '统计表已提交，请勿重复提交；如需修改，请联系推荐单位退回',
      });
    assertBeforeDeadline(deps, campaign, '提交');
    const issues = await reportIssues(tx, campaign, award, 'submit', report?.data ?? {});
    if (!report || issues.length) throw new AppError('FOLLOW_UP_INCOMPLETE', { details: issues });
    const now = deps.clock.now();
    const updated = await repo.updateReport(tx, report.id, {
      state: 'submitted',
      submittedAt: now,
      returnComment: null,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'follow_up.submit',
      targetType: 'follow_up_report',
      targetId: report.id,
      before: { state: report.state },
      after: {
        state: 'submitted',
        awardId: award.id,
        campaignId: campaign.id,
        draftVersion: report.draftVersion,
      },
    });
    return updated;
  });
}

export async function returnReport(
  deps: Deps,
  campaign: CampaignRow,
  award: AwardRow,
  comment: string,
  actor: Actor,
) {
  return deps.db.transaction(async (tx) => {
    const report = await repo.lockReport(tx, campaign.id, award.id);
    if (report?.state !== 'submitted')
      throw new AppError('WRONG_STATE', {
        message: '只能退回企业已提交的统计表',
      });
    assertBeforeDeadline(deps, campaign, '退回（企业将无法再修改提交）');
    const updated = await repo.updateReport(tx, report.id, {
      state: 'returned',
      returnComment: comment,
      updatedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'follow_up.return',
      targetType: 'follow_up_report',
      targetId: report.id,
      before: { state: 'submitted' },
      after: { state: 'returned', awardId: award.id, campaignId: campaign.id },
      note: comment,
    });
    // the winner (whoever holds its code now) is told what to fix
    await notify(tx, deps, {
      kind: 'follow_up.returned',
      to: { enterpriseUsccs: [award.uscc] },
      campaignId: campaign.id,
      link: `/follow-ups/${campaign.id}/${award.id}`,
      values: {
        活动名称: campaign.title,
        解决方案名称: award.solutionName,
        推荐单位: award.recommenderName,
        退回意见: comment,
      },
    });
    return updated;
  });
}

// What the routes ask, each in one call: the caller's scope, the campaign and the award are
// found (404) and authorized (403) in the order the routes always did, then the work is done.

async function scopeOf(deps: Pick<Deps, 'db'>, user: SignedInUser): Promise<FollowUpScope> {
  const enterprise =
    user.role === 'enterprise' && user.enterpriseId
      ? await findEnterprise(deps.db, user.enterpriseId)
      : undefined;
  return followUpScopeOf(user, enterprise);
}

async function campaignOf(deps: Pick<Deps, 'db'>, id: string) {
  const campaign = await findCampaign(deps.db, id);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

async function awardOf(deps: Pick<Deps, 'db'>, id: string) {
  const award = await findAward(deps.db, id);
  if (!award) throw new AppError('NOT_FOUND', { message: '未找到该获奖记录' });
  return award;
}

/** The campaign's 附件4 form (public, like the application form). */
export async function followUpFormOf(deps: Pick<Deps, 'db'>, idOrCode: string) {
  return formOfCampaign(deps.db, await campaignOf(deps, idOrCode), 'followUp');
}

/** The awards the caller sees in a campaign's 附件4 round, with their reports. */
export async function followUpRowsOf(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  campaignId: string,
) {
  const scope = await scopeOf(deps, user);
  const campaign = await campaignOf(deps, campaignId);
  const years = campaign.settings.followUpAwardYears;
  const rows = await repo.listFollowUpRows(deps.db, {
    campaignId: campaign.id,
    years,
    uscc: scope.kind === 'enterprise' ? scope.uscc : undefined,
    unitId: scope.kind === 'unit' ? scope.unitId : undefined,
  });
  return { rows, years };
}

/** The 附件4 summary workbook a unit (or the organizer) stamps. */
export async function followUpSummaryFile(deps: Deps, user: SignedInUser, campaignId: string) {
  const scope = await scopeOf(deps, user);
  authorizeExportFollowUps(scope);
  const campaign = await campaignOf(deps, campaignId);
  return followUpSummary(deps, campaign, scope);
}

/** One award's report (or none yet), with the campaign it is filed in. */
export async function followUpDetailOf(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  campaignId: string,
  awardId: string,
) {
  const scope = await scopeOf(deps, user);
  const campaign = await campaignOf(deps, campaignId);
  const award = await awardOf(deps, awardId);
  authorizeViewFollowUp(scope, award);
  assertFollowUpDue(campaign, award);
  const report = await repo.findReport(deps.db, campaign.id, award.id);
  return { campaign, award, report, context: contextOf(campaign, award) };
}

/** The enterprise saves its report of an award. */
export async function saveFollowUp(
  deps: Deps,
  user: SignedInUser,
  awardId: string,
  input: { campaignId: string; draftVersion: number; data: Record<string, unknown> },
) {
  const scope = await scopeOf(deps, user);
  const campaign = await campaignOf(deps, input.campaignId);
  const award = await awardOf(deps, awardId);
  const enterpriseId = authorizeEditFollowUp(scope, award);
  assertFollowUpDue(campaign, award);
  return saveReport(deps, { userId: user.id, enterpriseId }, campaign, award, input);
}

/** The enterprise submits its report of an award. */
export async function submitFollowUp(
  deps: Deps,
  user: SignedInUser,
  awardId: string,
  campaignId: string,
  actor: Actor,
) {
  const scope = await scopeOf(deps, user);
  const campaign = await campaignOf(deps, campaignId);
  const award = await awardOf(deps, awardId);
  authorizeEditFollowUp(scope, award);
  assertFollowUpDue(campaign, award);
  return submitReport(deps, campaign, award, actor);
}

/** The recommender returns a report with a comment. */
export async function returnFollowUp(
  deps: Deps,
  user: SignedInUser,
  awardId: string,
  input: { campaignId: string; comment: string },
  actor: Actor,
) {
  const scope = await scopeOf(deps, user);
  const campaign = await campaignOf(deps, input.campaignId);
  const award = await awardOf(deps, awardId);
  authorizeReturnFollowUp(scope, award);
  assertFollowUpDue(campaign, award);
  return returnReport(deps, campaign, award, input.comment, actor);
}
