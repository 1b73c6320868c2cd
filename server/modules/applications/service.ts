import { attachmentIdsOf, type FormDeclaration } from '../../../domain/form';
import { dataWithFacts, factsOf, withAccountFacts } from '../../../domain/facts';
import {
  describeMissing,
  missingVerificationDocuments,
} from '../../../domain/enterprise-verification';
import { campaignPhase, maxDraftsOf } from '../../../domain/campaign';
import { defaultChannel, isChannelAllowed } from '../../../domain/channels';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { onApplicationChanged } from '../duplicates';
import {
  dataSchemaAtRevision,
  dataSchemaOf,
  findCampaign,
  findCampaignForShare,
  formOfCampaign,
} from '../campaigns';
import { findEnterprise } from '../enterprises';
import { findRecommenderUnit, listRecommenderUnitRows } from '../recommender-units';
import { refreshStatKeys } from '../statistics';
import { verificationCodeOf } from '../printing';
import { draftSaveTargetOf, editableApplication } from './load';
import { authorizeEditApplication } from './policy';
import * as repo from './repository';

const EDITABLE = new Set(['draft', 'returned']);

/** The columns a save or submit keeps beside the data: its facts, 字数 and name. */
function factColumns(form: FormDeclaration, data: Record<string, unknown>) {
  const facts = factsOf(form, data);
  return { facts, wordCount: facts.wordCount, solutionName: facts.solutionName };
}

async function checkChannel(deps: Pick<Deps, 'db'>, enterpriseId: string, unitId: string) {
  const [enterprise, unit] = await Promise.all([
    findEnterprise(deps.db, enterpriseId),
    findRecommenderUnit(deps.db, unitId),
  ]);
  if (!enterprise) throw new AppError('NOT_FOUND');
  const units = (await listRecommenderUnitRows(deps.db, { type: 'plan_separate_city' })).map(
    (r) => r.unit,
  );
  const cityIsPlanSeparate = units.some((u) => u.regionCode === enterprise.cityCode);
  if (!unit || !isChannelAllowed(unit, enterprise, cityIsPlanSeparate)) {
    throw new AppError('CHANNEL_NOT_ALLOWED', {
      message: unit
        ? `不能通过“${unit.name}”申报：地方推荐须由企业注册地的主管部门（计划单列市企业由计划单列市）推荐`
        : '所选推荐单位不存在',
      details: [
        {
          path: 'channelUnitId',
          message: '请选择本地区主管部门、所属中央企业集团或所在全国性行业协会',
        },
      ],
    });
  }
  return unit;
}

export async function createApplication(
  deps: Deps,
  user: SignedInUser,
  input: { campaignId: string; channelUnitId?: string },
  actor: Actor,
) {
  const campaign = await findCampaign(deps.db, input.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  const enterprise = (await findEnterprise(deps.db, user.enterpriseId!))!;
  let channelUnitId = input.channelUnitId;
  if (!channelUnitId) {
    const regional = (await listRecommenderUnitRows(deps.db, {})).map((r) => r.unit);
    channelUnitId = defaultChannel(regional, enterprise)?.id;
    if (!channelUnitId)
      throw new AppError('CHANNEL_NOT_ALLOWED', {
        message: '未找到本地区的推荐单位，请选择推荐渠道',
      });
  }
  await checkChannel(deps, enterprise.id, channelUnitId);
  const form = await formOfCampaign(deps.db, campaign);
  // the account's own name, code, region and contact, wherever this campaign's form keeps them
  const data = dataWithFacts(form, {
    applicantName: enterprise.name,
    uscc: enterprise.uscc,
    region: enterprise.cityCode,
    contactName: enterprise.contactName,
    phone: enterprise.phone,
    email: enterprise.email,
  });
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const fresh = (await findCampaign(tx, campaign.id))!;
    if (campaignPhase(fresh, now) !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN');
    await repo.lockDraftSlots(tx, enterprise.id, campaign.id);
    const limit = maxDraftsOf(fresh.settings);
    if ((await repo.countUnsubmittedDrafts(tx, enterprise.id, campaign.id)) >= limit)
      throw new AppError('DRAFT_LIMIT_REACHED', {
        message: `本活动中未提交的申报书草稿最多 ${limit} 份，请先提交或删除不再需要的草稿`,
        messageEn: `At most ${limit} unsubmitted drafts per enterprise in this call`,
      });
    const app = await repo.insertApplication(tx, {
      campaignId: campaign.id,
      enterpriseId: enterprise.id,
      channelUnitId: channelUnitId!,
      formId: form.id,
      data,
      ...factColumns(form, data),
      createdAt: now,
      updatedAt: now,
      updatedBy: user.id,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'application.create',
      targetType: 'application',
      targetId: app.id,
      after: { campaign: campaign.code, channelUnitId: app.channelUnitId },
    });
    return app;
  });
}

/**
 * Checks and writes one save against `target` (the head, the campaign revision and the
 * enterprise's name and code it was read with). Nothing is written, and nothing returned, when
 * the UPDATE finds any of those changed (or the version or state): the caller reads again.
 */
async function saveDraft(
  deps: Deps,
  user: SignedInUser,
  target: repo.DraftSaveTarget,
  input: { baseVersion: number; data: Record<string, unknown>; channelUnitId?: string },
): Promise<repo.ApplicationRow | undefined> {
  const app = target.head;
  const { form, schema } = await dataSchemaAtRevision(
    deps.db,
    app.campaignId,
    target.configRevision,
    'draft',
  );
  // the applicant's name and code are the account's own, whatever the client sent
  const data = withAccountFacts(form, input.data, {
    name: target.enterpriseName,
    uscc: target.enterpriseUscc,
  });
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const channelUnitId = input.channelUnitId ?? null;
  if (channelUnitId !== null && channelUnitId !== app.channelUnitId)
    await checkChannel(deps, app.enterpriseId, channelUnitId);
  // one conditional UPDATE: it either applies over the base version or changes nothing
  const saved = await repo.updateDraft(deps.db, app.id, input.baseVersion, target, {
    data,
    ...factColumns(form, data),
    channelUnitId,
    updatedAt: deps.clock.now(),
    updatedBy: user.id,
  });
  return saved && { ...saved, data };
}

/** Freezes a numbered version and sends it to the chosen recommender. */
export async function submitApplication(
  deps: Deps,
  user: SignedInUser,
  appId: string,
  input: { draftVersion: number },
  actor: Actor,
) {
  const submitted = await deps.db.transaction(async (tx) => {
    const app = await repo.lockApplication(tx, appId);
    if (!app) throw new AppError('NOT_FOUND');
    if (!EDITABLE.has(app.state))
      throw new AppError('WRONG_STATE', { message: '申报书已提交，请勿重复提交' });
    if (app.draftVersion !== input.draftVersion) throw new AppError('DRAFT_CONFLICT');
    // shared: a configuration change (which locks it for update) waits, so the form stays put
    const campaign = (await findCampaignForShare(tx, app.campaignId))!;
    const now = deps.clock.now();
    if (now > campaign.onlineDeadline) throw new AppError('DEADLINE_PASSED');
    if (now < campaign.opensAt) throw new AppError('CAMPAIGN_NOT_OPEN');
    // 企业认证: the licence (and letter) uploaded; verifying them is the recommender's, later
    const enterprise = (await findEnterprise(tx, app.enterpriseId))!;
    const missing = missingVerificationDocuments(enterprise);
    if (missing.length)
      throw new AppError('VERIFICATION_DOCUMENTS_MISSING', {
        message: `提交前请先在“企业认证”中上传${describeMissing(missing)}（无需等待核验）`,
        messageEn: `Upload ${missing.join(' and ')} under 企业认证 before submitting`,
        details: { missing },
      });
    const { form, schema } = await dataSchemaOf(tx, campaign, 'submit');
    // a draft saved before the name or code was bound takes the account's own now
    app.data = withAccountFacts(form, app.data, enterprise);
    const parsed = schema.safeParse(app.data);
    if (!parsed.success) {
      throw new AppError('APPLICATION_INCOMPLETE', {
        details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const unit = await findRecommenderUnit(tx, app.channelUnitId);
    if (!unit?.active)
      throw new AppError('CHANNEL_NOT_ALLOWED', {
        message: '所选推荐单位已停用，请重新选择推荐渠道',
      });
    const columns = factColumns(form, app.data);
    const files = await referencedAttachments(tx, app, form);
    const versionNo = (app.currentVersionNo ?? 0) + 1;
    const frozen = files.map((f) => ({
      id: f.id,
      filename: f.filename,
      kind: f.kind,
      size: f.size,
      sha256: f.sha256,
    }));
    const verificationCode = verificationCodeOf({
      applicationId: app.id,
      versionNo,
      campaignId: app.campaignId,
      enterpriseId: app.enterpriseId,
      channelUnitId: app.channelUnitId,
      data: app.data,
      attachments: frozen,
    });
    const version = await repo.insertVersion(tx, {
      applicationId: app.id,
      versionNo,
      data: app.data,
      attachments: frozen,
      channelUnitId: app.channelUnitId,
      wordCount: columns.wordCount,
      verificationCode,
      submittedAt: now,
      submittedBy: user.id,
    });
    await repo.updateApplication(tx, app.id, {
      ...columns,
      data: app.data,
      state: 'submitted',
      currentVersionNo: versionNo,
      submittedAt: now,
      returnComment: null,
      updatedAt: now,
    });
    await refreshStatKeys(tx, [app.id]); // 监测分析 counts the submitted facts
    await recordAudit(tx, deps.clock, actor, {
      action: 'application.submit',
      targetType: 'application',
      targetId: app.id,
      before: { state: app.state },
      after: { state: 'submitted', versionNo, verificationCode, channelUnitId: app.channelUnitId },
    });
    // the recommender learns that an application reached its desk
    await notify(tx, deps, {
      kind: 'application.submitted',
      to: { unitIds: [app.channelUnitId] },
      campaignId: app.campaignId,
      link: `/desk/${app.campaignId}/applications/${app.id}`,
      values: {
        活动名称: campaign.title,
        解决方案名称: columns.solutionName || '（未命名）',
        企业名称: enterprise.name,
        推荐单位: unit.name,
      },
    });
    return version;
  });
  await onApplicationChanged(deps, appId); // 不得重复上报: findings on both sides
  return submitted;
}

/** Every attachment the data names must be this application's own upload. */
async function referencedAttachments(
  tx: Deps['db'],
  app: repo.ApplicationRow,
  form: FormDeclaration,
) {
  const ids = attachmentIdsOf(form, app.data);
  const uploaded = new Map((await repo.listAttachments(tx, app.id)).map((a) => [a.id, a]));
  const missing = ids.filter((id) => !uploaded.has(id));
  if (missing.length) {
    throw new AppError('APPLICATION_INCOMPLETE', {
      message: '申报书引用了不存在或不属于本申报的附件，请重新上传',
      details: missing.map((id) => ({ path: 'attachments', message: `附件 ${id} 不存在` })),
    });
  }
  return ids.map((id) => uploaded.get(id)!);
}

/** The enterprise takes a submitted application back until its recommender acts. */
export async function withdrawApplication(deps: Deps, appId: string, actor: Actor) {
  const withdrawn = await deps.db.transaction(async (tx) => {
    const app = await repo.lockApplication(tx, appId);
    if (!app) throw new AppError('NOT_FOUND');
    if (app.state !== 'submitted') {
      throw new AppError('WRONG_STATE', { message: '推荐单位已处理该申报书，不能撤回' });
    }
    const now = deps.clock.now();
    const updated = await repo.updateApplication(tx, app.id, { state: 'draft', updatedAt: now });
    await refreshStatKeys(tx, [app.id]); // a draft again: 监测分析 no longer counts it
    await recordAudit(tx, deps.clock, actor, {
      action: 'application.withdraw',
      targetType: 'application',
      targetId: app.id,
      before: { state: 'submitted', versionNo: app.currentVersionNo },
      after: { state: 'draft' },
    });
    return updated;
  });
  await onApplicationChanged(deps, appId); // its open findings go
  return withdrawn;
}

/** The frozen version a printed verification code names, with the facts it carried then. */
export async function findVersionByCode(deps: Pick<Deps, 'db'>, code: string) {
  const hit = await repo.findVersionByCode(deps.db, code);
  if (!hit) return undefined;
  const form = await formOfCampaign(deps.db, hit.campaign);
  return { ...hit, facts: factsOf(form, hit.version.data) };
}

/** Facts for applications saved before facts were kept (a migration's backfill). Idempotent. */
export async function backfillFacts(db: Deps['db']) {
  for (;;) {
    const rows = await repo.listApplicationsWithoutFacts(db, 500);
    if (!rows.length) return;
    for (const r of rows) {
      const form = await formOfCampaign(db, r.campaign);
      await repo.setFacts(db, r.id, factColumns(form, r.data).facts);
    }
    await refreshStatKeys(
      db,
      rows.map((r) => r.id),
    ); // a submitted one's 监测分析 keys
  }
}

// What the last save of each application in this process was checked against (its campaign and
// enterprise never change; the revision and the enterprise's name and code are re-checked by the
// UPDATE itself). An autosave then costs the session's read and one UPDATE.
const saveTargets = new Map<string, repo.DraftSaveTarget>();
function rememberSaveTarget(target: repo.DraftSaveTarget) {
  if (saveTargets.size >= 20_000) saveTargets.clear();
  saveTargets.set(target.head.id, target);
}

/**
 * Saves the working copy of an application the caller may edit. The save is checked against the
 * target this process last read for it; when the UPDATE does not apply, the target is read
 * again: a changed form or enterprise name is checked once more, anything else is answered
 * (someone saved meanwhile: DRAFT_CONFLICT; submitted meanwhile: WRONG_STATE).
 */
export async function saveDraftOf(
  deps: Deps,
  user: SignedInUser,
  id: string,
  input: { baseVersion: number; data: Record<string, unknown>; channelUnitId?: string },
) {
  // a change of channel is checked against the channel as it is now
  let target = input.channelUnitId === undefined ? saveTargets.get(id) : undefined;
  if (target) authorizeEditApplication(user, target.head);
  else target = await draftSaveTargetOf(deps, user, id);
  for (let attempt = 0; ; attempt++) {
    const saved = await saveDraft(deps, user, target, input);
    if (saved) {
      rememberSaveTarget({ ...target, head: saved });
      return saved;
    }
    const current = await draftSaveTargetOf(deps, user, id);
    rememberSaveTarget(current);
    const head = current.head;
    if (!EDITABLE.has(head.state))
      throw new AppError('WRONG_STATE', { message: '申报书已提交，不能再修改；如需修改请先撤回' });
    const checkedAgainstChanged =
      current.configRevision !== target.configRevision ||
      current.enterpriseName !== target.enterpriseName ||
      current.enterpriseUscc !== target.enterpriseUscc;
    if (head.draftVersion !== input.baseVersion || !checkedAgainstChanged || attempt > 0)
      throw new AppError('DRAFT_CONFLICT', {
        details: { currentVersion: head.draftVersion, updatedAt: head.updatedAt.toISOString() },
      });
    target = current;
  }
}

/** Submits an application the caller may edit. */
export async function submitApplicationOf(
  deps: Deps,
  user: SignedInUser,
  id: string,
  input: { draftVersion: number },
  actor: Actor,
) {
  const found = await editableApplication(deps, user, id);
  return submitApplication(deps, user, found.id, input, actor);
}

/** Withdraws an application the caller may edit. */
export async function withdrawApplicationOf(
  deps: Deps,
  user: SignedInUser,
  id: string,
  actor: Actor,
) {
  const found = await editableApplication(deps, user, id);
  return withdrawApplication(deps, found.id, actor);
}

/**
 * The enterprise deletes a draft it abandoned. Only a draft that was never submitted goes: a
 * submitted one has frozen versions and a history the recommender may have seen, and stays.
 */
export async function deleteApplicationDraftOf(
  deps: Deps,
  user: SignedInUser,
  id: string,
  actor: Actor,
) {
  const found = await editableApplication(deps, user, id);
  const storageKeys = await deps.db.transaction(async (tx) => {
    const app = await repo.lockApplication(tx, found.id);
    if (!app) throw new AppError('NOT_FOUND');
    if (app.state !== 'draft' || app.currentVersionNo !== null)
      throw new AppError('WRONG_STATE', {
        message: '只能删除从未提交过的草稿；提交过的申报书会保留其版本和处理记录',
        messageEn: 'Only a draft that was never submitted can be deleted',
      });
    const keys = await repo.deleteDraftApplication(tx, app.id);
    await recordAudit(tx, deps.clock, actor, {
      action: 'application.delete',
      targetType: 'application',
      targetId: app.id,
      before: {
        state: 'draft',
        solutionName: app.solutionName,
        campaignId: app.campaignId,
        attachments: keys.length,
      },
    });
    return keys;
  });
  // the rows are gone; the files follow (a failure here leaves only an unreferenced file)
  await Promise.all(storageKeys.map((k) => deps.files.delete(k).catch(() => undefined)));
}
