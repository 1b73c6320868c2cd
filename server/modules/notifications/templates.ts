// 消息模板: organizers edit the Chinese subject and body of each kind of message, for one campaign
// (campaign data, copied with the campaign) or platform-wide (平台通用: kinds without a campaign,
// and the fallback of every campaign). notify() reads campaign → platform → shipped default. A
// template naming a variable its kind does not know is refused, nothing saved.
import { createHash } from 'node:crypto';
import type { NotificationTemplateView } from '../../../domain/api/notifications';
import {
  CAMPAIGNLESS_KINDS,
  NOTIFICATION_KIND_INFO,
  SAMPLE_VALUES,
  allowedVariables,
  defaultTemplate,
  renderTemplate,
  templateKindsOf,
  unknownVariables,
  type NotificationKind,
  type NotificationTemplate,
} from '../../../domain/notifications';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import * as repo from './admin-repository';

const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function templateView(
  kind: NotificationKind,
  campaignId: string | null,
  rows: repo.TemplateRow[],
): NotificationTemplateView {
  const info = NOTIFICATION_KIND_INFO[kind];
  const own = rows.find((r) => r.kind === kind && r.campaignId === campaignId);
  const platform = campaignId
    ? rows.find((r) => r.kind === kind && r.campaignId === null)
    : undefined;
  const used = own ?? platform;
  return {
    kind,
    label: info.label,
    audience: info.audience,
    variables: allowedVariables(kind),
    subject: used?.subject ?? info.subject,
    body: used?.body ?? info.body,
    customized: !!own,
    source: own ? (campaignId ? 'campaign' : 'platform') : platform ? 'platform' : 'default',
    updatedAt: used?.updatedAt.toISOString() ?? null,
  };
}

async function campaignOf(db: Db, campaignId: string | null) {
  if (!campaignId) return null;
  const c = await repo.findCampaignTitle(db, campaignId);
  if (!c)
    throw new AppError('NOT_FOUND', { message: '未找到该征集活动', messageEn: 'No such campaign' });
  return c;
}

function checkScope(campaignId: string | null, kind: NotificationKind) {
  if (campaignId && CAMPAIGNLESS_KINDS.includes(kind)) {
    const message = `“${NOTIFICATION_KIND_INFO[kind].label}”不属于某一征集活动，请在平台通用模板中修改`;
    throw new AppError('VALIDATION_FAILED', {
      message,
      messageEn: 'This kind of message has only a platform-wide template',
      details: [{ path: 'kind', message }],
    });
  }
}

/** Refuses a template that names variables its kind does not know, field by field. */
export function checkTemplate(kind: NotificationKind, t: NotificationTemplate, prefix = '') {
  const unknown = unknownVariables(kind, t);
  if (unknown.length === 0) return;
  const name = (v: string) => (v === '{{…}}' ? '不成对的“{{”或“}}”' : `{{${v}}}`);
  const allowed = `可用的变量：${allowedVariables(kind)
    .map((v) => `{{${v}}}`)
    .join('、')}`;
  const details = (['subject', 'body'] as const).flatMap((field) => {
    const own = unknownVariables(kind, { subject: '', body: '', [field]: t[field] });
    return own.length
      ? [
          {
            path: `${prefix}${field}`,
            message: `不认识的变量：${own.map(name).join('、')}。${allowed}`,
          },
        ]
      : [];
  });
  throw new AppError('VALIDATION_FAILED', {
    message: `模板中有不认识的变量：${unknown.map(name).join('、')}，未保存。${allowed}`,
    messageEn: `Unknown variables in the template: ${unknown.join(', ')}; nothing saved`,
    details,
  });
}

export async function listTemplates(deps: Pick<Deps, 'db'>, campaignId: string | null) {
  const campaign = await campaignOf(deps.db, campaignId);
  const rows = await repo.templatesOf(deps.db, campaignId);
  return {
    campaignId,
    campaignTitle: campaign?.title ?? null,
    items: templateKindsOf(campaignId).map((k) => templateView(k, campaignId, rows)),
  };
}

async function viewOf(db: Db, campaignId: string | null, kind: NotificationKind) {
  return templateView(kind, campaignId, await repo.templatesOf(db, campaignId));
}

export async function saveTemplate(
  deps: Pick<Deps, 'db' | 'clock'>,
  campaignId: string | null,
  kind: NotificationKind,
  input: NotificationTemplate,
  actor: Actor,
) {
  checkScope(campaignId, kind);
  checkTemplate(kind, input);
  await campaignOf(deps.db, campaignId);
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockTemplate(tx, campaignId, kind);
    if (before && before.subject === input.subject && before.body === input.body) return;
    const row = await repo.upsertTemplate(tx, {
      campaignId,
      kind,
      subject: input.subject,
      body: input.body,
      at: deps.clock.now(),
      by: actor.userId,
    });
    const was = before ?? defaultTemplate(kind);
    await recordAudit(tx, deps.clock, actor, {
      action: 'notification_template.update',
      targetType: 'notification_template',
      targetId: row.id,
      before: { subject: was.subject, bodyFingerprint: fingerprint(was.body) },
      after: {
        ...(campaignId ? { campaignId } : {}),
        template: NOTIFICATION_KIND_INFO[kind].label,
        kind,
        subject: input.subject,
        bodyFingerprint: fingerprint(input.body),
      },
    });
  });
  return viewOf(deps.db, campaignId, kind);
}

/** Back to the default: the campaign's own goes (the platform's or the shipped one applies). */
export async function resetTemplate(
  deps: Pick<Deps, 'db' | 'clock'>,
  campaignId: string | null,
  kind: NotificationKind,
  actor: Actor,
) {
  checkScope(campaignId, kind);
  await campaignOf(deps.db, campaignId);
  await deps.db.transaction(async (tx) => {
    const before = await repo.lockTemplate(tx, campaignId, kind);
    if (!before) return; // the default is in use already
    await repo.deleteTemplate(tx, before.id);
    await recordAudit(tx, deps.clock, actor, {
      action: 'notification_template.reset',
      targetType: 'notification_template',
      targetId: before.id,
      before: { subject: before.subject, bodyFingerprint: fingerprint(before.body) },
      after: {
        ...(campaignId ? { campaignId } : {}),
        template: NOTIFICATION_KIND_INFO[kind].label,
        kind,
      },
    });
  });
  return viewOf(deps.db, campaignId, kind);
}

/** The message as a recipient would read it, with sample values (and the campaign's title). */
export async function previewTemplate(
  deps: Pick<Deps, 'db'>,
  campaignId: string | null,
  kind: NotificationKind,
  input: Partial<NotificationTemplate>,
) {
  const campaign = await campaignOf(deps.db, campaignId);
  const current =
    input.subject !== undefined && input.body !== undefined
      ? null
      : await viewOf(deps.db, campaignId, kind);
  const template = {
    subject: input.subject ?? current!.subject,
    body: input.body ?? current!.body,
  };
  return renderTemplate(template, {
    ...SAMPLE_VALUES,
    ...(campaign ? { 活动名称: campaign.title } : {}),
  });
}

/** A campaign copy takes the source's own templates along (in the copy's transaction). */
export function copyCampaignTemplates(
  tx: Db,
  deps: Pick<Deps, 'clock'>,
  fromCampaignId: string,
  toCampaignId: string,
  actor: Actor,
): Promise<number> {
  return repo.copyTemplates(tx, fromCampaignId, toCampaignId, deps.clock.now(), actor.userId);
}

/** A campaign's own templates, for its configuration document. */
export async function exportCampaignTemplates(db: Db, campaignId: string) {
  return (await repo.campaignTemplates(db, campaignId)).map((r) => ({
    kind: r.kind as NotificationKind,
    subject: r.subject,
    body: r.body,
  }));
}

/** Templates of an imported configuration (already checked), in the import's transaction. */
export async function importCampaignTemplates(
  tx: Db,
  deps: Pick<Deps, 'clock'>,
  campaignId: string,
  templates: Array<{ kind: NotificationKind; subject: string; body: string }>,
  actor: Actor,
) {
  await repo.insertTemplates(
    tx,
    templates.map((t) => ({
      campaignId,
      kind: t.kind,
      subject: t.subject,
      body: t.body,
      updatedAt: deps.clock.now(),
      updatedBy: actor.userId,
    })),
  );
}
