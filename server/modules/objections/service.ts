// 异议 (issue 14). Filing (public, no account): only during the 公示's period, for a solution on
// its list, with the challenge answered and the honeypot empty; a refusal stores nothing (no row,
// no file). A filing gets a reference number (2021-YY-0001: the campaign's year and the order in
// that year), an audit row, a message to the organizers and, when an e-mail was given, a receipt.
// Resolving (organizers): upheld withdraws the solution from the list (公示中 → 未入选, audited, its
// enterprise and recommender told); either way the objector is told by e-mail when they gave one,
// else the organizer is told to telephone. Each change locks its row and re-checks its state in
// its transaction, with its audit row and messages there.
import { createHash, randomUUID } from 'node:crypto';
import {
  HONEYPOT_FIELD,
  OBJECTION_STATE_LABELS,
  objectionReferenceNo,
  submitObjectionSchema,
  type ObjectionState,
  type ResolveObjectionInput,
} from '../../../domain/objections';
import type {
  ObjectionReceipt,
  ObjectionView,
  ResolvedObjection,
} from '../../../domain/api/objections';
import { formatBeijingDeadline } from '../../../domain/notifications';
import { noticePeriodText } from '../../../domain/public-notice';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import { findCampaign, type CampaignRow } from '../campaigns';
import { emailAddress, notify } from '../notifications';
import { checkChallenge } from './challenge';
import * as repo from './repository';

/** Anonymous uploads have no user: the nil id (as 代码申诉's licences). */
const ANONYMOUS = '00000000-0000-0000-0000-000000000000';

async function campaignOf(deps: Pick<Deps, 'db'>, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '活动不存在' });
  return campaign;
}

const noticePage = (campaign: CampaignRow) =>
  `/campaigns/${encodeURIComponent(campaign.code)}/public-notice`;

/** The period in words, from the stored notice. */
const periodTextOf = (n: repo.NoticeRow) =>
  noticePeriodText({ from: n.fromDay, to: n.toDay, workingDays: n.workingDays });

/** Objections are taken only while the 公示 runs: 00:00 of its first day to 24:00 of its last. */
function assertInPeriod(notice: repo.NoticeRow, now: Date) {
  const period = periodTextOf(notice);
  if (now < notice.opensAt)
    throw new AppError('WRONG_STATE', {
      message: `公示尚未开始，暂不受理异议。公示期为${period}，请在公示期内提出`,
      messageEn: 'The public notice has not begun; objections are taken during its period',
    });
  if (now > notice.closesAt)
    throw new AppError('WRONG_STATE', {
      message: `公示期（${period}）已结束，不再受理异议`,
      messageEn: 'The public notice period has ended; objections are no longer taken',
    });
}

const notOnList = () =>
  new AppError('VALIDATION_FAILED', {
    message: '所选解决方案不在本次公示名单中，请从公示名单中选择',
    details: [{ path: 'itemId', message: '所选解决方案不在本次公示名单中' }],
  });

export interface ObjectionFile {
  filename: string;
  bytes: Buffer;
}

/** The attachment: a PDF or an image (PNG, JPEG), by its content. */
function checkAttachment(deps: Deps, file: ObjectionFile) {
  if (file.bytes.length > deps.config.maxFileBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(deps.config.maxFileBytes / 1048576)} MB`,
    });
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', {
      message: check.reason,
      messageEn: check.reasonEn,
      details: [{ path: 'file', message: check.reason }],
    });
  if (check.detected.kind !== 'pdf' && check.detected.kind !== 'image')
    throw new AppError('FILE_REJECTED', {
      message: '证明材料须为PDF文件或图片（PNG、JPEG）',
      messageEn: 'Only a PDF or a PNG/JPEG image is accepted',
      details: [{ path: 'file', message: '证明材料须为PDF文件或图片（PNG、JPEG）' }],
    });
  return check.detected;
}

/** submitObjection: checks everything first, then stores the file and files it in one transaction. */
export async function submit(
  deps: Deps,
  idOrCode: string,
  fields: Record<string, string>,
  file: ObjectionFile | undefined,
  actor: Actor,
): Promise<ObjectionReceipt> {
  // a program fills the field no person sees: refused without saying which
  if ((fields[HONEYPOT_FIELD] ?? '').trim() !== '')
    throw new AppError('BAD_REQUEST', {
      message: '提交未通过校验，请刷新页面后重新填写',
      messageEn: 'The submission did not pass the check; reload the page and fill it in again',
    });
  const parsed = submitObjectionSchema.safeParse(fields);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const input = parsed.data;
  await checkChallenge(deps, input.challengeToken, input.challengeAnswer);

  const campaign = await campaignOf(deps, idOrCode);
  const notice = await repo.findNotice(deps.db, campaign.id);
  if (!notice) throw new AppError('NOT_FOUND', { message: '本活动暂无公示' });
  const now = deps.clock.now();
  assertInPeriod(notice, now);
  if (await repo.isPublished(deps.db, campaign.id))
    throw new AppError('WRONG_STATE', { message: '名单已正式发布，不再受理异议' });
  const item = await repo.findApplication(deps.db, input.itemId);
  if (!item || item.campaignId !== campaign.id || item.state !== 'in_public_notice')
    throw notOnList();
  const detected = file ? checkAttachment(deps, file) : null;

  // refused above: nothing stored. From here a refusal inside the transaction removes the file.
  const docId = randomUUID();
  const storageKey = detected ? `objections/${campaign.id}/${docId}.${detected.ext}` : null;
  if (file && detected && storageKey) await deps.files.put(storageKey, file.bytes, detected.mime);
  try {
    return await deps.db.transaction(async (tx) => {
      const app = await repo.findApplication(tx, input.itemId, true);
      if (app?.state !== 'in_public_notice') throw notOnList();
      const doc =
        file && detected && storageKey
          ? await repo.insertDocument(tx, {
              id: docId,
              purpose: 'objection_attachment',
              campaignId: campaign.id,
              filename: file.filename.slice(0, 200),
              kind: detected.kind,
              mime: detected.mime,
              size: file.bytes.length,
              sha256: createHash('sha256').update(file.bytes).digest('hex'),
              storageKey,
              uploadedBy: ANONYMOUS,
              createdAt: now,
            })
          : null;
      const referenceNo = objectionReferenceNo(
        campaign.year,
        await repo.nextReferenceSeq(tx, campaign.year),
      );
      const objection = await repo.insertObjection(tx, {
        referenceNo,
        campaignId: campaign.id,
        applicationId: app.id,
        name: input.name,
        organisation: input.organisation,
        phone: input.phone,
        email: input.email ?? null,
        reasons: input.reasons,
        attachmentId: doc?.id ?? null,
        state: 'received',
        submittedAt: now,
      });
      await recordAudit(
        tx,
        deps.clock,
        { ...actor, label: `异议人（${input.organisation}）` },
        {
          action: 'objection.submit',
          targetType: 'objection',
          targetId: objection.id,
          after: {
            referenceNo,
            applicationId: app.id,
            solutionName: app.solutionName,
            hasAttachment: !!doc,
            ...(doc ? { sha256: doc.sha256 } : {}),
          },
        },
      );
      const values = {
        活动名称: campaign.title,
        异议编号: referenceNo,
        解决方案名称: app.solutionName,
        申报单位: app.applicantName ?? '',
        异议人单位: input.organisation,
      };
      await notify(tx, deps, {
        kind: 'objection.received',
        campaignId: campaign.id,
        to: { roles: ['organizer'] },
        link: `/admin/objections/${campaign.id}`,
        values,
      });
      const emailed = input.email
        ? await emailAddress(tx, deps, {
            kind: 'objection.receipt',
            campaignId: campaign.id,
            to: { address: input.email, name: input.name },
            link: noticePage(campaign),
            values: { ...values, 提交时间: formatBeijingDeadline(now) },
          })
        : false;
      return {
        referenceNo,
        solutionName: app.solutionName,
        submittedAt: now.toISOString(),
        emailed,
      };
    });
  } catch (e) {
    if (storageKey) await deps.files.delete(storageKey).catch(() => undefined);
    throw e;
  }
}

function objectionView(r: repo.ObjectionListing): ObjectionView {
  const o = r.objection;
  return {
    id: o.id,
    referenceNo: o.referenceNo,
    applicationId: o.applicationId,
    solutionName: r.solutionName,
    applicantName: r.applicantName ?? '',
    unitName: r.unitName,
    applicationState: r.applicationState,
    name: o.name,
    organisation: o.organisation,
    phone: o.phone,
    email: o.email,
    reasons: o.reasons,
    attachment: o.attachmentId && r.attachment ? r.attachment : null,
    state: o.state,
    resolution: o.resolution,
    resolvedBy: r.resolvedBy,
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
    submittedAt: o.submittedAt.toISOString(),
  };
}

/** listObjections */
export async function list(deps: Deps, idOrCode: string, state?: ObjectionState) {
  const campaign = await campaignOf(deps, idOrCode);
  return { items: (await repo.listObjections(deps.db, campaign.id, state)).map(objectionView) };
}

async function listingOf(deps: Pick<Deps, 'db'>, campaignId: string, id: string) {
  const row = await repo.findListing(deps.db, campaignId, id);
  if (!row) throw new AppError('NOT_FOUND', { message: '未找到该异议' });
  return row;
}

/** getObjectionAttachment */
export async function attachment(deps: Deps, idOrCode: string, id: string) {
  const campaign = await campaignOf(deps, idOrCode);
  const row = await listingOf(deps, campaign.id, id);
  const doc = row.objection.attachmentId
    ? await repo.findDocument(deps.db, row.objection.attachmentId)
    : undefined;
  if (!doc) throw new AppError('NOT_FOUND', { message: '该异议没有附件' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '附件文件已丢失' });
    throw e;
  }
}

const OUTCOME_TEXT = {
  upheld: '异议成立，该解决方案撤销入选',
  dismissed: '不予采纳',
} as const;

/** resolveObjection */
export async function resolve(
  deps: Deps,
  idOrCode: string,
  id: string,
  input: ResolveObjectionInput,
  actor: Actor,
): Promise<ResolvedObjection> {
  const campaign = await campaignOf(deps, idOrCode);
  const { withdrawn, toldBy } = await deps.db.transaction(async (tx) => {
    const o = await repo.lockObjection(tx, campaign.id, id);
    if (!o) throw new AppError('NOT_FOUND', { message: '未找到该异议' });
    if (o.state !== 'received')
      throw new AppError('WRONG_STATE', {
        message: `该异议已处理（${OBJECTION_STATE_LABELS[o.state]}），不能再次处理`,
      });
    if (await repo.isPublished(tx, campaign.id))
      throw new AppError('WRONG_STATE', { message: '名单已正式发布，不能再处理异议' });
    const now = deps.clock.now();
    const app = (await repo.findApplication(tx, o.applicationId, true))!;
    let moved = false;
    if (input.outcome === 'upheld') {
      moved = await repo.withdrawFromNotice(tx, app.id, now);
      if (moved) {
        await recordAudit(tx, deps.clock, actor, {
          action: 'application.withdrawn',
          targetType: 'application',
          targetId: app.id,
          before: { state: 'in_public_notice' },
          after: { state: 'not_selected', objectionId: o.id, referenceNo: o.referenceNo },
          note: input.resolution,
        });
        const values = {
          活动名称: campaign.title,
          解决方案名称: app.solutionName,
          撤销理由: input.resolution,
        };
        const base = { kind: 'application.objection_upheld' as const, campaignId: campaign.id };
        await notify(tx, deps, {
          ...base,
          to: { enterpriseIds: [app.enterpriseId] },
          link: `/applications/${app.id}`,
          values,
        });
        await notify(tx, deps, {
          ...base,
          to: { unitIds: [app.unitId] },
          link: `/desk/${campaign.id}/applications/${app.id}`,
          values,
        });
      }
    }
    await repo.updateObjection(tx, o.id, {
      state: input.outcome,
      resolution: input.resolution,
      resolvedBy: actor.userId,
      resolvedAt: now,
    });
    const emailed = o.email
      ? await emailAddress(tx, deps, {
          kind: 'objection.outcome',
          campaignId: campaign.id,
          to: { address: o.email, name: o.name },
          link: noticePage(campaign),
          values: {
            活动名称: campaign.title,
            异议编号: o.referenceNo,
            解决方案名称: app.solutionName,
            处理结果: OUTCOME_TEXT[input.outcome],
            处理理由: input.resolution,
          },
        })
      : false;
    const told = emailed ? ('email' as const) : ('phone' as const);
    await recordAudit(tx, deps.clock, actor, {
      action: 'objection.resolve',
      targetType: 'objection',
      targetId: o.id,
      before: { state: 'received' },
      after: {
        state: input.outcome,
        referenceNo: o.referenceNo,
        applicationId: app.id,
        withdrawn: moved,
        toldBy: told,
      },
      note: input.resolution,
    });
    return { withdrawn: moved, toldBy: told };
  });
  return {
    objection: objectionView(await listingOf(deps, campaign.id, id)),
    outcome: input.outcome,
    withdrawn,
    toldBy,
  };
}
