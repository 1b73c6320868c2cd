// 通知公告: an organizer writes to chosen roles and/or recommender units, optionally within a
// campaign; the announcement, its in-app messages, its e-mails (when asked) and the audit row are
// written in one transaction. A public one is also listed on the campaign's page.
import { randomUUID } from 'node:crypto';
import type { z } from '../../../domain/zod';
import type { announcementInputSchema } from '../../../domain/api/notifications';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { findCampaign } from '../campaigns';
import { notify } from '../notifications';
import type { AnnouncementScope } from './policy';
import * as repo from './repository';
import { announcementView, publicAnnouncementView } from './views';

export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

/** Messages written per notify call (each takes its recipients in one IN list). */
const RECIPIENTS_PER_CALL = 5000;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, message }] });

/**
 * Writes an announcement and sends it. Whom it reaches (active accounts only):
 * - a role: all its accounts; with a campaign, 申报企业 means enterprises with an application in it;
 * - units: their recommenders; with 申报企业 among the roles, the enterprises filing through those
 *   units (in the campaign, if one is chosen) instead of all enterprises. Units narrow the roles
 *   bound to units (申报企业, 推荐单位); 评审专家 and 主管部门 stay whole.
 * Nobody to reach is refused, unless the announcement is public (then it is only published).
 */
export async function createAnnouncement(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: AnnouncementInput,
  actor: Actor,
) {
  const roles = [...new Set(input.roles)];
  const unitIds = [...new Set(input.unitIds)];
  return deps.db.transaction(async (tx) => {
    const campaign = input.campaignId ? await findCampaign(tx, input.campaignId) : undefined;
    if (input.campaignId && !campaign) throw invalid('campaignId', '未找到该征集活动');
    const units = await repo.findUnits(tx, unitIds);
    if (units.length !== unitIds.length)
      throw invalid('unitIds', '所选推荐单位不存在，请刷新后重新选择');

    const audience = await repo.findAudience(tx, {
      roles,
      unitIds,
      campaignId: campaign?.id ?? null,
    });
    if (audience.length === 0 && !input.public)
      throw invalid('roles', '所选对象中没有可接收公告的账号，请调整公告对象');

    const id = randomUUID();
    let recipients = 0;
    for (let i = 0; i < audience.length; i += RECIPIENTS_PER_CALL) {
      recipients += await notify(tx, deps, {
        kind: 'announcement',
        to: { userIds: audience.slice(i, i + RECIPIENTS_PER_CALL) },
        campaignId: campaign?.id ?? null,
        link: `/announcements?id=${id}`,
        values: { 活动名称: campaign?.title ?? '', 标题: input.title, 正文: input.body },
        dedupeKey: repo.announcementKey(id),
        email: input.email,
      });
    }
    const row = await repo.insertAnnouncement(tx, {
      id,
      campaignId: campaign?.id ?? null,
      title: input.title,
      body: input.body,
      roles,
      unitIds,
      email: input.email,
      isPublic: input.public,
      recipients,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'announcement.create',
      targetType: 'announcement',
      targetId: id,
      after: {
        announcementTitle: input.title,
        campaignId: campaign?.id ?? null,
        roles,
        unitIds,
        emailed: input.email,
        isPublic: input.public,
        recipients,
      },
    });
    return announcementView(row, new Map(units.map((u) => [u.id, u.name])));
  });
}

export async function listAnnouncements(
  deps: Pick<Deps, 'db'>,
  scope: AnnouncementScope,
  q: { campaignId?: string; page: number; pageSize: number },
) {
  const page = { campaignId: q.campaignId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  if (scope.kind === 'addressed') {
    const { items, total } = await repo.listAnnouncementsTo(deps.db, scope.userId, page);
    return { items: items.map((a) => announcementView(a, undefined)), total };
  }
  const { items, total } = await repo.listAllAnnouncements(deps.db, page);
  const units = await repo.findUnits(deps.db, [...new Set(items.flatMap((a) => a.unitIds))]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return { items: items.map((a) => announcementView(a, names)), total };
}

/** A campaign's public announcements (anyone, signed in or not). */
export async function listPublicAnnouncements(deps: Pick<Deps, 'db'>, idOrCode: string) {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  const rows = await repo.listPublicAnnouncementRows(deps.db, campaign.id);
  return { items: rows.map(publicAnnouncementView) };
}
