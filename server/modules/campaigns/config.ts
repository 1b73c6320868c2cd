// 活动管理: a campaign's whole configuration — its own fields, settings (categories, quotas, word
// limit, 附件3…) and forms — read, created from a template or a past campaign, changed over the
// revision the editor loaded, exported as one document and imported under a new code.
import { createHash } from 'node:crypto';
import {
  campaignSettingsSchema,
  postAwardRubricFromNames,
  type CampaignSettings,
} from '../../../domain/campaign';
import {
  CONFIG_FORMAT,
  campaignConfigDocumentSchema,
  formsForYear,
  parseForms,
  type CampaignConfigDocument,
  type CampaignFields,
  type CampaignForms,
  type CreateCampaignInput,
  type UpdateCampaignInput,
} from '../../../domain/campaign-config';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { formalChecklistOf } from '../../../domain/formal-check';
import { reviewSettingsSchema } from '../../../domain/review';
import {
  FORM_KINDS,
  declarationIssues,
  formDeclarationSchema,
  type FormKind,
} from '../../../domain/form-declaration';
import {
  applicationFormTemplate,
  followUpFormTemplate,
  postAwardFormTemplate,
} from '../../../domain/forms';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, isUniqueViolation } from '../../lib/errors';
import type { Db } from '../../db/client';
import { canonicalJson, recordAudit } from '../audit';
import {
  copyCampaignTemplates,
  exportCampaignTemplates,
  importCampaignTemplates,
} from '../notifications';
import { formOfCampaign } from './forms';
import * as repo from './repository';
import { campaignView } from './views';

/** Built-in templates a new campaign can start from: the declaration with its forms. */
export const CAMPAIGN_TEMPLATES = {
  [MIIT_2021.settings.formId ?? 'miit-iiapp-2021']: {
    label: `${MIIT_2021.title}（${MIIT_2021.docNumber}）`,
    campaign: MIIT_2021,
    forms: (): CampaignForms => ({
      application: applicationFormTemplate(MIIT_2021.settings),
      followUp: followUpFormTemplate(),
      monitoring: postAwardFormTemplate('monitoring'),
      selfEvaluation: postAwardFormTemplate('selfEvaluation'),
    }),
  },
};

export function listTemplates() {
  return Object.entries(CAMPAIGN_TEMPLATES).map(([id, t]) => ({ id, label: t.label }));
}

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

function invalid(
  problems: {
    kind?: FormKind;
    input: unknown;
    issues: { path: PropertyKey[]; message: string }[];
  }[],
) {
  return new AppError('INVALID_DECLARATION', {
    details: problems.flatMap((p) =>
      declarationIssues(p.input, p.issues, p.kind ? `forms.${p.kind}` : ''),
    ),
  });
}

/** Settings as they must be to be stored: complete, and valid against the schema. */
function checkSettings(settings: unknown, prefix = 'settings'): CampaignSettings {
  const r = campaignSettingsSchema.safeParse(settings);
  if (!r.success)
    throw new AppError('INVALID_DECLARATION', {
      details: r.error.issues.map((i) => ({
        path: [prefix, ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  return r.data;
}

function checkForms(input: Partial<Record<FormKind, unknown>>): CampaignForms {
  const r = parseForms({
    application: input.application,
    followUp: input.followUp,
    monitoring: input.monitoring,
    selfEvaluation: input.selfEvaluation,
  });
  if (!r.ok) throw invalid(r.issues);
  return r.forms;
}

async function formsOf(db: Db, c: repo.CampaignRow): Promise<CampaignForms> {
  const application = await formOfCampaign(db, c, 'application');
  const followUp = await repo.findCurrentForm(db, c.id, 'followUp');
  const monitoring = await repo.findCurrentForm(db, c.id, 'monitoring');
  const selfEvaluation = await repo.findCurrentForm(db, c.id, 'selfEvaluation');
  return {
    application,
    ...(followUp ? { followUp: followUp.declaration } : {}),
    ...(monitoring ? { monitoring: monitoring.declaration } : {}),
    ...(selfEvaluation ? { selfEvaluation: selfEvaluation.declaration } : {}),
  };
}

async function lockOf(db: Db, campaignId: string) {
  const counts = await repo.countApplicationsOf(db, campaignId);
  const reports = await repo.countSubmittedFollowUpsOf(db, campaignId);
  const rounds = await repo.countPublishedRoundsOf(db, campaignId);
  return {
    reviewLocked: rounds > 0,
    reviewReason:
      rounds > 0
        ? '已发布评审分配，形式审查清单、评分标准和评审设置不能再修改；如需调整，请新建活动'
        : null,
    formsLocked: counts.submitted > 0,
    followUpLocked: reports > 0,
    followUpReason:
      reports > 0
        ? `已有${reports}份附件4统计信息表提交，附件4表单不能再修改；如需调整，请新建活动`
        : null,
    applications: counts.all,
    submitted: counts.submitted,
    reason:
      counts.submitted > 0
        ? `已有${counts.submitted}份申报书提交，表单不能再修改；如需调整表单，请新建活动（可从本活动复制）`
        : counts.all > 0
          ? `已有${counts.all}份草稿：删除或改名的字段中已填写的内容将不再保留`
          : null,
  };
}

export async function getCampaignConfig(deps: Pick<Deps, 'db' | 'clock'>, idOrCode: string) {
  const c = await repo.findCampaign(deps.db, idOrCode);
  if (!c) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return {
    campaign: campaignView(c, deps.clock.now()),
    revision: c.configRevision,
    forms: await formsOf(deps.db, c),
    lock: await lockOf(deps.db, c.id),
  };
}

/** Inserts a campaign with its forms at revision 1, audited, in the caller's transaction. */
async function insertWithForms(
  tx: Db,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  row: Parameters<typeof repo.insertCampaign>[1],
  forms: CampaignForms,
  audit: {
    action: 'campaign.create' | 'campaign.copy' | 'campaign.import';
    after: Record<string, unknown>;
  },
) {
  const created = await repo.insertCampaign(tx, row);
  for (const kind of FORM_KINDS) {
    const form = forms[kind];
    if (form)
      await repo.insertForm(tx, {
        campaignId: created.id,
        kind,
        revision: 1,
        declaration: form,
        createdBy: actor.userId,
      });
  }
  await recordAudit(tx, deps.clock, actor, {
    action: audit.action,
    targetType: 'campaign',
    targetId: created.id,
    after: {
      code: created.code,
      year: created.year,
      title: created.title,
      forms: Object.fromEntries(
        FORM_KINDS.filter((k) => forms[k]).map((k) => [k, sha(forms[k]).slice(0, 16)]),
      ),
      ...audit.after,
    },
  });
  return created;
}

function rowOf(code: string, f: CampaignFields, settings: CampaignSettings, isDemo = false) {
  return {
    code,
    year: f.year,
    title: f.title,
    docNumber: f.docNumber,
    issuer: f.issuer,
    publishedOn: f.publishedOn ?? f.opensAt.slice(0, 10),
    opensAt: new Date(f.opensAt),
    onlineDeadline: new Date(f.onlineDeadline),
    paperDeadline: new Date(f.paperDeadline),
    isDemo,
    settings,
  };
}

/** Next year's wording: "2021年…" in the 附件3 title becomes the new year's. */
function settingsForYear(settings: CampaignSettings, fromYear: number, year: number) {
  return {
    ...settings,
    summaryTable: {
      ...settings.summaryTable,
      title: settings.summaryTable.title.replaceAll(`${fromYear}年`, `${year}年`),
    },
  };
}

async function created<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e, 'campaigns_code')) throw new AppError('CAMPAIGN_CODE_TAKEN');
    throw e;
  }
}

export async function createCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: CreateCampaignInput,
  actor: Actor,
) {
  let source: { settings: CampaignSettings; year: number; issuer: string; forms: CampaignForms };
  let copiedFromId: string | null = null;
  let from: string;
  if (input.from.kind === 'template') {
    const t = CAMPAIGN_TEMPLATES[input.from.id];
    if (!t) throw new AppError('NOT_FOUND', { message: `没有名为“${input.from.id}”的模板` });
    source = { ...t.campaign, forms: t.forms() };
    from = `template:${input.from.id}`;
  } else {
    const c = await repo.findCampaign(deps.db, input.from.idOrCode);
    if (!c)
      throw new AppError('NOT_FOUND', {
        message: '未找到要复制的征集活动',
        messageEn: 'No such campaign',
      });
    source = { ...c, forms: await formsOf(deps.db, c) };
    copiedFromId = c.id;
    from = `campaign:${c.code}`;
  }
  const settings = settingsForYear(source.settings, source.year, input.year);
  const forms = formsForYear(source.forms, source.year, input.year);
  const fields = { ...input, issuer: input.issuer || source.issuer };
  const row = await created(() =>
    deps.db.transaction(async (tx) => {
      const inserted = await insertWithForms(
        tx,
        deps,
        actor,
        { ...rowOf(input.code, fields, settings, input.isDemo), copiedFromId },
        forms,
        {
          action: copiedFromId ? 'campaign.copy' : 'campaign.create',
          after: {
            from,
            ...(copiedFromId ? { copiedFrom: from.slice('campaign:'.length) } : {}),
            onlineDeadline: input.onlineDeadline,
          },
        },
      );
      // the source's message templates are campaign data too
      if (copiedFromId) await copyCampaignTemplates(tx, deps, copiedFromId, inserted.id, actor);
      return inserted;
    }),
  );
  return getCampaignConfig(deps, row.id);
}

/** What changed, for the audit row: small fields as they were and are; forms by their hash. */
function changes(before: repo.CampaignRow, patch: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const old = (before as Record<string, unknown>)[k];
    const norm = (x: unknown) => (x instanceof Date ? x.toISOString() : x);
    if (JSON.stringify(norm(old)) === JSON.stringify(norm(v))) continue;
    b[k] = k === 'settings' ? sha(old).slice(0, 16) : norm(old);
    a[k] = k === 'settings' ? sha(v).slice(0, 16) : norm(v);
  }
  return { before: b, after: a };
}

/** The checklist, the rubric or the review settings differ (an absent one is its default). */
function reviewPartsChanged(before: CampaignSettings, after: CampaignSettings) {
  // canonical: the stored settings come back from jsonb with their keys in another order
  const parts = (x: CampaignSettings) =>
    canonicalJson([formalChecklistOf(x), x.rubric, reviewSettingsSchema.parse(x.review ?? {})]);
  return parts(before) !== parts(after);
}

export async function updateCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  input: UpdateCampaignInput,
  actor: Actor,
) {
  const forms: Partial<CampaignForms> = {};
  const problems: Parameters<typeof invalid>[0] = [];
  for (const kind of FORM_KINDS) {
    const value = input.forms?.[kind];
    if (value === undefined) continue;
    const r = formDeclarationSchema(kind).safeParse(value);
    if (r.success) forms[kind] = r.data;
    else problems.push({ kind, input: value, issues: r.error.issues });
  }
  if (problems.length) throw invalid(problems);
  const current = await repo.findCampaign(deps.db, id);
  if (!current) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  await deps.db.transaction(async (tx) => {
    const c = await repo.lockCampaign(tx, current.id);
    if (!c) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
    if (c.configRevision !== input.baseRevision)
      throw new AppError('CONFIG_CONFLICT', {
        details: { currentRevision: c.configRevision },
      });
    const changedForms: string[] = [];
    for (const [kind, form] of Object.entries(forms)) {
      if (!form) continue;
      const now = await repo.findCurrentForm(tx, c.id, kind);
      if (now && sha(now.declaration) === sha(form)) continue;
      changedForms.push(kind);
    }
    if (changedForms.length) {
      const lock = await lockOf(tx, c.id);
      if (changedForms.includes('application') && lock.formsLocked)
        throw new AppError('FORM_LOCKED', { message: lock.reason ?? undefined });
      if (changedForms.includes('followUp') && lock.followUpLocked)
        throw new AppError('FORM_LOCKED', { message: lock.followUpReason ?? undefined });
    }
    const patch: Record<string, unknown> = {};
    if (input.fields) {
      const f = input.fields;
      Object.assign(patch, {
        year: f.year,
        title: f.title,
        docNumber: f.docNumber,
        issuer: f.issuer,
        publishedOn: f.publishedOn ?? c.publishedOn,
        opensAt: new Date(f.opensAt),
        onlineDeadline: new Date(f.onlineDeadline),
        paperDeadline: new Date(f.paperDeadline),
      });
    }
    if (input.settings) {
      patch.settings = checkSettings(input.settings);
      // 形式审查 and 评分: changeable until a review round is published (experts score on them)
      if (reviewPartsChanged(c.settings, patch.settings as CampaignSettings)) {
        const lock = await lockOf(tx, c.id);
        if (lock.reviewLocked)
          throw new AppError('REVIEW_SETTINGS_LOCKED', { message: lock.reviewReason ?? undefined });
      }
    }
    const diff = changes(c, patch);
    if (!Object.keys(diff.after).length && !changedForms.length) return; // nothing to change
    const updated = await repo.updateCampaignRow(tx, c.id, patch);
    for (const kind of changedForms) {
      await repo.insertForm(tx, {
        campaignId: c.id,
        kind,
        revision: updated.configRevision,
        declaration: forms[kind as FormKind]!,
        createdBy: actor.userId,
      });
    }
    await recordAudit(tx, deps.clock, actor, {
      action: 'campaign.update',
      targetType: 'campaign',
      targetId: c.id,
      before: { revision: c.configRevision, ...diff.before },
      after: {
        revision: updated.configRevision,
        ...diff.after,
        ...(changedForms.length
          ? {
              forms: Object.fromEntries(
                changedForms.map((k) => [k, sha(forms[k as FormKind]).slice(0, 16)]),
              ),
            }
          : {}),
      },
    });
  });
  return getCampaignConfig(deps, current.id);
}

export async function exportCampaignConfig(
  deps: Pick<Deps, 'db' | 'clock'>,
  idOrCode: string,
): Promise<CampaignConfigDocument> {
  const c = await repo.findCampaign(deps.db, idOrCode);
  if (!c) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return {
    format: CONFIG_FORMAT,
    formatVersion: 1,
    exportedAt: deps.clock.now().toISOString(),
    campaign: {
      code: c.code,
      year: c.year,
      title: c.title,
      docNumber: c.docNumber,
      issuer: c.issuer,
      publishedOn: c.publishedOn,
      opensAt: c.opensAt.toISOString(),
      onlineDeadline: c.onlineDeadline.toISOString(),
      paperDeadline: c.paperDeadline.toISOString(),
    },
    settings: c.settings,
    forms: await formsOf(deps.db, c),
    notificationTemplates: await exportCampaignTemplates(deps.db, c.id),
  };
}

export async function importCampaignConfig(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { config: unknown; code: string; title?: string },
  actor: Actor,
) {
  const r = campaignConfigDocumentSchema.safeParse(input.config);
  if (!r.success)
    throw new AppError('INVALID_DECLARATION', {
      message: '配置文件有误，未导入任何内容',
      details: r.error.issues.map((i) => ({
        path: ['config', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  const doc = r.data;
  const settings = checkSettings(doc.settings, 'config.settings');
  const forms = checkForms(doc.forms);
  const templates = doc.notificationTemplates ?? [];
  const fields = { ...doc.campaign, title: input.title ?? doc.campaign.title };
  const row = await created(() =>
    deps.db.transaction(async (tx) => {
      const inserted = await insertWithForms(
        tx,
        deps,
        actor,
        rowOf(input.code, fields, settings),
        forms,
        {
          action: 'campaign.import',
          after: { importedFrom: doc.campaign.code },
        },
      );
      await importCampaignTemplates(tx, deps, inserted.id, templates, actor);
      return inserted;
    }),
  );
  return getCampaignConfig(deps, row.id);
}

/**
 * A campaign that holds no stored form of a kind yet (made before forms were data) gets its
 * template's, and settings made before 附件3 was configurable get the 2021 table. Idempotent.
 */
export async function backfillCampaignConfig(db: Db) {
  const templates: Record<FormKind, (c: repo.CampaignRow) => CampaignForms[FormKind]> = {
    application: (c) => applicationFormTemplate(c.settings),
    followUp: () => followUpFormTemplate(),
    monitoring: () => postAwardFormTemplate('monitoring'),
    selfEvaluation: () => postAwardFormTemplate('selfEvaluation'),
  };
  for (const kind of FORM_KINDS) {
    for (const c of await repo.listCampaignsWithoutForm(db, kind)) {
      await db.transaction(async (tx) => {
        if (!c.settings.summaryTable) {
          const withTable = { ...c.settings, summaryTable: MIIT_2021.settings.summaryTable };
          await repo.replaceSettings(tx, c.id, settingsForYear(withTable, MIIT_2021.year, c.year));
        }
        await repo.insertForm(tx, {
          campaignId: c.id,
          kind,
          revision: c.configRevision,
          declaration: templates[kind](c)!,
          createdBy: null,
        });
      });
    }
  }
  // 系统评价 (issue 15): dimensions stored as bare names become the rubric
  for (const c of await repo.listCampaignsWithNamedDimensions(db)) {
    const names = (c.settings.postAwardDimensions as unknown[]).map(String);
    await repo.replaceSettings(db, c.id, {
      ...c.settings,
      postAwardDimensions: postAwardRubricFromNames(names),
    });
  }
}
