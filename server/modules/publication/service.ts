// 发布 (issue 14): once the 公示 has ended and every objection is handled, the organizer publishes
// the final list (优秀解决方案名单) with its 文号 and day. In one transaction — the campaign's 公示
// row locked, everything re-checked — each application still in 公示 becomes 已入选 (audited) and a
// published solution under a stable public id, valid two years (the campaign's awardValidityYears)
// from the publication day, with its history's first event, an 入选证明 verification code and an
// entry in the awards registry with the full text the duplicate check compares; the list is stored
// and audited, and each enterprise and its recommender told.
import type { ApplicationPublication, PublishedListView } from '../../../domain/api/publication';
import type { ApplicationFacts } from '../../../domain/facts';
import { noticePeriodText } from '../../../domain/public-notice';
import {
  chineseDate,
  defaultListTitle,
  earliestPublishDay,
  publicIdOf,
  publicIdSeriesOf,
  publishedNote,
  publishedStatusOn,
  regionLabelOf,
  validityText,
  validUntilOf,
  type PublishListInput,
} from '../../../domain/publication';
import { PUBLISHED_EVENT_LABELS } from '../../../domain/api/catalogue';
import {
  REVOCATION_REASON_LABELS,
  expiresOnOf,
  type RevocationReason,
} from '../../../domain/award-lifecycle';
import { beijingDay } from '../../../domain/registry';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { recordPlatformAward } from '../awards';
import { findCampaign, type CampaignRow } from '../campaigns';
import { comparableTextOf } from '../duplicates';
import { notify } from '../notifications';
import { industryNames, regionNames } from '../reference';
import { certificateCodeOf, type CertificateFacts } from './certificate';
import { authorizeCertificate } from './policy';
import * as repo from './repository';

async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '活动不存在' });
  return campaign;
}

const facts = (c: { facts: unknown }) => (c.facts ?? {}) as Partial<ApplicationFacts>;

/** A candidate as the list names it: the facts first, the account's records where a fact is empty. */
function listed(campaign: CampaignRow, c: Awaited<ReturnType<typeof repo.listInNotice>>[number]) {
  const f = facts(c);
  const categories = campaign.settings.categories;
  const i = categories.findIndex((x) => x.code === f.category);
  return {
    row: c,
    solutionName: f.solutionName || c.solutionName,
    enterpriseName: f.applicantName || c.enterpriseName,
    uscc: f.uscc || c.enterpriseUscc,
    category: f.category ?? '',
    categoryName: i >= 0 ? categories[i]!.name : (f.category ?? '未分类'),
    order: i >= 0 ? i : categories.length,
  };
}
type Listed = ReturnType<typeof listed>;

/** The list's order: the campaign's categories in order, then enterprise, then solution (zh-CN). */
function inListOrder(campaign: CampaignRow, rows: Awaited<ReturnType<typeof repo.listInNotice>>) {
  return rows
    .map((r) => listed(campaign, r))
    .sort(
      (a, b) =>
        a.order - b.order ||
        a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') ||
        a.solutionName.localeCompare(b.solutionName, 'zh-CN') ||
        a.row.id.localeCompare(b.row.id),
    );
}

/** The same enterprise twice with one solution name: the awards registry holds one of them. */
function sameNamePairs(items: Listed[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const i of items) {
    const key = `${i.uscc}\u0000${i.solutionName}`;
    if (seen.has(key)) dupes.add(`${i.enterpriseName}“${i.solutionName}”`);
    seen.add(key);
  }
  return [...dupes];
}

interface Readiness {
  notice: repo.NoticeRow | undefined;
  objections: { received: number; upheld: number; dismissed: number };
  items: Listed[];
  ids: string[];
  takenIds: string[];
}

/** What stops the list from being published now, in Chinese (empty: ready). */
function problemsOf(r: Readiness, now: Date): string[] {
  if (!r.notice) return ['尚未开启公示：公示期满且异议处理完毕后方可发布名单'];
  const out: string[] = [];
  if (now <= r.notice.closesAt)
    out.push(`公示期未结束（至${chineseDate(r.notice.toDay)}），期满后方可发布名单`);
  if (r.objections.received > 0)
    out.push(`尚有${r.objections.received}件异议未处理，请先处理异议再发布名单`);
  if (!r.items.length) out.push('公示名单中已没有可发布的项目');
  const dupes = sameNamePairs(r.items);
  if (dupes.length) out.push(`同一申报单位有同名解决方案：${dupes.join('、')}，请先核实`);
  if (r.takenIds.length)
    out.push(
      `公开编号 ${r.takenIds.slice(0, 3).join('、')}${r.takenIds.length > 3 ? ' 等' : ''} 已被其他名单使用，` +
        '请在活动配置中为本活动设定另一个公开编号系列（publicIdSeries）',
    );
  return out;
}

async function readinessOf(
  db: Db,
  campaign: CampaignRow,
  notice: repo.NoticeRow | undefined,
  lock = false,
): Promise<Readiness> {
  // one after the other: inside the publication these run on its transaction
  const objections = await repo.objectionCounts(db, campaign.id);
  const rows = await repo.listInNotice(db, campaign.id, lock);
  const items = inListOrder(campaign, rows);
  const series = publicIdSeriesOf(campaign.settings);
  const ids = items.map((_, i) => publicIdOf(campaign.year, series, i + 1));
  const taken = new Set(await repo.takenPublicIds(db, ids));
  return { notice, objections, items, ids, takenIds: ids.filter((id) => taken.has(id)) };
}

function noticeView(n: repo.NoticeRow | undefined): PublishedListView['notice'] {
  return n
    ? {
        from: n.fromDay,
        to: n.toDay,
        closesAt: n.closesAt.toISOString(),
        text: noticePeriodText({ from: n.fromDay, to: n.toDay, workingDays: n.workingDays }),
      }
    : null;
}

/** getPublishedList: before publishing, what is ready and what stops it; after, the list. */
export async function publishedListOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  idOrCode: string,
): Promise<PublishedListView> {
  const campaign = await campaignOf(deps, idOrCode);
  const [notice, found] = await Promise.all([
    repo.findNotice(deps.db, campaign.id),
    repo.findList(deps.db, campaign.id),
  ]);
  const base = {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    year: campaign.year,
    notice: noticeView(notice),
    defaultTitle: defaultListTitle(campaign.year),
    earliestPublishedOn: notice ? earliestPublishDay(notice.toDay) : null,
    objections: await repo.objectionCounts(deps.db, campaign.id),
  };
  if (found) {
    const today = beijingDay(deps.clock.now());
    const rows = await repo.listPublished(deps.db, campaign.id);
    return {
      ...base,
      list: {
        title: found.list.title,
        documentNo: found.list.documentNo,
        publishedOn: found.list.publishedOn,
        validUntil: found.list.validUntil,
        publishedAt: found.list.publishedAt.toISOString(),
        publishedBy: found.publishedByName,
      },
      problems: [],
      items: rows.map((s) => ({
        applicationId: s.applicationId,
        seq: s.seq,
        publicId: s.publicId,
        solutionName: s.solutionName,
        enterpriseName: s.enterpriseName,
        categoryName: s.categoryName,
        unitName: s.unitName,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
        status: publishedStatusOn(s, today),
      })),
    };
  }
  const r = await readinessOf(deps.db, campaign, notice);
  return {
    ...base,
    list: null,
    problems: problemsOf(r, deps.clock.now()),
    items: r.items.map((i, n) => ({
      applicationId: i.row.id,
      seq: n + 1,
      publicId: r.ids[n]!,
      solutionName: i.solutionName,
      enterpriseName: i.enterpriseName,
      categoryName: i.categoryName,
      unitName: i.row.unitName,
      validFrom: null,
      validUntil: null,
      status: null,
    })),
  };
}

const dayError = (message: string) =>
  new AppError('VALIDATION_FAILED', { message, details: [{ path: 'publishedOn', message }] });

/** Certificate codes for the list, none already used by a certificate or a printed version. */
async function uniqueCodes(db: Db, facts: CertificateFacts[]): Promise<string[]> {
  const salts = facts.map(() => 0);
  for (;;) {
    const codes = facts.map((f, i) => certificateCodeOf(f, salts[i]));
    const taken = await repo.takenCodes(db, codes);
    const seen = new Set<string>();
    let clash = false;
    codes.forEach((c, i) => {
      if (taken.has(c) || seen.has(c)) {
        salts[i]! += 1;
        clash = true;
      }
      seen.add(c);
    });
    if (!clash) return codes;
  }
}

/** publishList */
export async function publish(deps: Deps, idOrCode: string, input: PublishListInput, actor: Actor) {
  const campaign = await campaignOf(deps, idOrCode);
  const title = input.title ?? defaultListTitle(campaign.year);
  const { documentNo, publishedOn } = input;
  const validUntil = validUntilOf(publishedOn, campaign.settings.awardValidityYears);

  await deps.db.transaction(async (tx) => {
    const notice = await repo.lockNotice(tx, campaign.id);
    if (!notice)
      throw new AppError('WRONG_STATE', {
        message: '尚未开启公示：公示期满且异议处理完毕后方可发布名单',
      });
    const existing = await repo.findList(tx, campaign.id);
    if (existing)
      throw new AppError('WRONG_STATE', {
        message: `名单已于${chineseDate(existing.list.publishedOn)}发布（${existing.list.documentNo}），不能再次发布`,
      });
    const now = deps.clock.now();
    if (now <= notice.closesAt)
      throw new AppError('WRONG_STATE', {
        message: `公示期未结束（至${chineseDate(notice.toDay)}），期满后方可发布名单`,
      });
    const r = await readinessOf(tx, campaign, notice, true);
    if (r.objections.received > 0)
      throw new AppError('WRONG_STATE', {
        message: `尚有${r.objections.received}件异议未处理，请先处理异议再发布名单`,
      });
    const first = earliestPublishDay(notice.toDay);
    if (publishedOn < first)
      throw dayError(`发布日期不能早于公示期满后的第一天（${chineseDate(first)}）`);
    if (publishedOn > beijingDay(now)) throw dayError('发布日期不能晚于今天');
    const problems = problemsOf(r, now);
    if (problems.length) throw new AppError('WRONG_STATE', { message: problems.join('；') });

    // in 公示 → 已入选 (those an upheld objection withdrew meanwhile stay out)
    const moved = new Set(
      await repo.markAwarded(
        tx,
        r.items.map((i) => i.row.id),
        now,
      ),
    );
    const items = r.items.filter((i) => moved.has(i.row.id));
    const data = await repo.dataOf(
      tx,
      items.map((i) => i.row.id),
    );
    const regions = await regionNames(tx);
    const allIndustries = await industryNames(tx, [
      ...new Set(items.flatMap((i) => facts(i.row).industries ?? [])),
    ]);
    const series = publicIdSeriesOf(campaign.settings);
    const certificates: CertificateFacts[] = items.map((i, n) => ({
      publicId: publicIdOf(campaign.year, series, n + 1),
      solutionName: i.solutionName,
      enterpriseName: i.enterpriseName,
      uscc: i.uscc,
      categoryName: i.categoryName,
      unitName: i.row.unitName,
      listTitle: title,
      documentNo,
      validFrom: publishedOn,
      validUntil,
    }));
    const codes = await uniqueCodes(tx, certificates);

    await repo.insertList(tx, {
      campaignId: campaign.id,
      year: campaign.year,
      title,
      documentNo,
      publishedOn,
      validUntil,
      publishedBy: actor.userId!,
      publishedAt: now,
    });
    const note = publishedNote(title, documentNo);
    const validity = validityText(publishedOn, validUntil);
    for (const [n, i] of items.entries()) {
      const cert = certificates[n]!;
      const f = facts(i.row);
      const award = await recordPlatformAward(tx, {
        year: campaign.year,
        solutionName: i.solutionName,
        enterpriseName: i.enterpriseName,
        uscc: i.uscc,
        category: i.categoryName,
        recommenderName: i.row.unitName,
        recommenderUnitId: i.row.unitId,
        applicationId: i.row.id,
        text: await comparableTextOf(tx, campaign, data.get(i.row.id)),
        importedBy: actor.userId,
        createdAt: now,
      });
      if (!award)
        throw new AppError('WRONG_STATE', {
          message: `往届入选名单中已有${campaign.year}年${i.enterpriseName}“${i.solutionName}”的入选记录，请先核实`,
        });
      await repo.insertSolution(tx, {
        publicId: cert.publicId,
        campaignId: campaign.id,
        applicationId: i.row.id,
        year: campaign.year,
        seq: n + 1,
        solutionName: i.solutionName,
        enterpriseId: i.row.enterpriseId,
        enterpriseName: i.enterpriseName,
        uscc: i.uscc,
        category: i.category,
        categoryName: i.categoryName,
        regionCode: f.region ?? null,
        regionName: regionLabelOf(f.region ?? null, regions),
        industries: (f.industries ?? []).map((code) => ({
          code,
          name: allIndustries[code] ?? code,
        })),
        unitId: i.row.unitId,
        unitName: i.row.unitName,
        summary: f.summary ?? '',
        apps: (f.apps ?? []).map((a) => ({ name: a.name, version: a.version })),
        validFrom: publishedOn,
        validUntil,
        status: 'valid',
        statusChangedAt: now,
        certificateCode: codes[n]!,
        awardId: award.id,
      });
      await repo.insertEvent(tx, {
        publicId: cert.publicId,
        kind: 'published',
        day: publishedOn,
        note,
        at: now,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'application.awarded',
        targetType: 'application',
        targetId: i.row.id,
        before: { state: 'in_public_notice' },
        after: { state: 'awarded', publicId: cert.publicId, validFrom: publishedOn, validUntil },
        note,
      });
      const values = {
        活动名称: campaign.title,
        解决方案名称: i.solutionName,
        名单名称: title,
        发布文号: documentNo,
        公开编号: cert.publicId,
        入选有效期: validity,
      };
      const base = { kind: 'application.awarded' as const, campaignId: campaign.id, values };
      await notify(tx, deps, {
        ...base,
        to: { enterpriseIds: [i.row.enterpriseId] },
        link: `/applications/${i.row.id}`,
      });
      await notify(tx, deps, {
        ...base,
        to: { unitIds: [i.row.unitId] },
        link: `/desk/${campaign.id}/applications/${i.row.id}`,
      });
    }
    await recordAudit(tx, deps.clock, actor, {
      action: 'published_list.publish',
      targetType: 'published_list',
      targetId: campaign.id,
      after: { listTitle: title, documentNo, publishedOn, validUntil, solutions: items.length },
    });
  });
  return publishedListOf(deps, campaign.id);
}

// ---------------------------------------------------------------- an application's result

/** An application's published solution as its enterprise and recommender read it; null before. */
export async function publicationOfApplication(
  deps: Pick<Deps, 'db' | 'clock'>,
  applicationId: string,
): Promise<ApplicationPublication | null> {
  const hit = await repo.findPublishedOfApplication(deps.db, applicationId);
  if (!hit) return null;
  const { solution: s, list } = hit;
  return {
    publicId: s.publicId,
    listTitle: list.title,
    documentNo: list.documentNo,
    publishedOn: list.publishedOn,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    status: publishedStatusOn(s, beijingDay(deps.clock.now())),
    certificateCode: s.certificateCode,
    history: (await repo.eventsOf(deps.db, s.publicId)).map((e) => ({
      kind: e.kind,
      kindLabel: PUBLISHED_EVENT_LABELS[e.kind],
      day: e.day,
      note: e.note,
      reasonLabel: reasonLabelOf(e.reasonCode),
    })),
  };
}

const reasonLabelOf = (code: string | null) =>
  code ? (REVOCATION_REASON_LABELS[code as RevocationReason] ?? code) : null;

/** getSelectionCertificatePdf: the owning enterprise, its recommender, organizers; once published. */
export async function certificatePdfOf(deps: Deps, user: SignedInUser, applicationId: string) {
  const app = await repo.findApplicationOwner(deps.db, applicationId);
  if (!app) throw new AppError('NOT_FOUND', { message: '未找到该申报书' });
  authorizeCertificate(user, app);
  const hit = await repo.findPublishedOfApplication(deps.db, applicationId);
  if (!hit)
    throw new AppError('WRONG_STATE', {
      message: '该申报书尚未列入已发布的优秀解决方案名单，暂无入选证明',
    });
  const { solution: s, list } = hit;
  const bytes = await runInWorker(deps.config, 'print', 'certificatePdf', {
    publicId: s.publicId,
    solutionName: s.solutionName,
    enterpriseName: s.enterpriseName,
    uscc: s.uscc,
    categoryName: s.categoryName,
    unitName: s.unitName,
    listTitle: list.title,
    documentNo: list.documentNo,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    publishedOn: list.publishedOn,
    issuer: await repo.campaignIssuer(deps.db, s.campaignId),
    certificateCode: s.certificateCode,
    verifyUrl: `${deps.config.publicUrl}/verify/${encodeURIComponent(s.certificateCode)}`,
  });
  return { bytes, filename: `入选证明-${s.publicId}.pdf` };
}

/** /verify: the 入选证明 carrying this (normalised) code, as anyone may see it; undefined if none. */
export async function certificateByCode(deps: Pick<Deps, 'db' | 'clock'>, code: string) {
  const hit = await repo.findByCertificateCode(deps.db, code);
  if (!hit) return undefined;
  const { solution: s, list } = hit;
  const status = publishedStatusOn(s, beijingDay(deps.clock.now()));
  const change =
    status === 'valid'
      ? undefined
      : (await repo.eventsOf(deps.db, s.publicId)).findLast((e) => e.kind === status);
  return {
    kind: 'certificate' as const,
    publicId: s.publicId,
    solutionName: s.solutionName,
    enterpriseName: s.enterpriseName,
    categoryName: s.categoryName,
    channelName: s.unitName,
    campaignTitle: hit.campaignTitle,
    listTitle: list.title,
    documentNo: list.documentNo,
    validFrom: s.validFrom,
    validUntil: s.validUntil,
    status,
    statusChangedOn:
      status === 'valid'
        ? null
        : (change?.day ?? (status === 'expired' ? expiresOnOf(s.validUntil) : null)),
    statusReason: reasonLabelOf(change?.reasonCode ?? null),
  };
}
