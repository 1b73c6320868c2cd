// 纸质材料签收: staff scan the QR code (or type the verification code) of each arriving paper
// 申报书, or pick the unit of an arriving stamped 附件3; the platform says at once what the copy is
// and records its arrival, never changing or removing a receipt.
import type {
  PaperReceiptAnswer,
  PaperReceiptList,
  PaperReceiptQuery,
  PaperStanding,
  ReceivePaperCopyBody,
} from '../../../domain/api/registry';
import {
  beijingDay,
  codeTextOf,
  isLate,
  paperDeadlineDay,
  paperStatusOfCopy,
  type PaperReceiptStatus,
} from '../../../domain/registry';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { truncateText } from '../../lib/input-text';
import { recordAudit } from '../audit';
import { findCampaign, type CampaignRow } from '../campaigns';
import { normaliseVerificationCode } from '../printing';
import * as repo from './repository';
import { receiptView } from './views';

/**
 * Each application's paper 申报书 as it stands, for the registry and 形式审查's `paper_received`
 * rule. `received`: a copy of the application's current frozen version arrived; `late`: received,
 * but every such copy was postmarked (or, without a postmark, received) after the paper deadline;
 * `mismatch`: a copy of another version (since superseded) arrived; `receivedOn`: the day the first
 * on-time copy of the current version (else the first) arrived; `copies`: 申报书 copies of any
 * version. Read against the application's current version now, so a copy that arrived before the
 * sign-off counts once the application is forwarded, and a resubmission makes earlier copies
 * mismatched. One entry per existing application asked about.
 */
export async function paperStatusOf(
  db: Db,
  applicationIds: readonly string[],
): Promise<Map<string, PaperStanding>> {
  const out = new Map<string, PaperStanding>();
  const ids = [...new Set(applicationIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await repo.listPaperCopies(db, ids.slice(i, i + 1000));
    const byApp = new Map<string, typeof rows>();
    for (const r of rows) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
    for (const [id, list] of byApp) {
      const copies = list.filter((r) => r.versionNo !== null);
      const current = copies.filter((r) => r.versionNo === r.currentVersionNo);
      const onTime = current.find((r) => !r.late);
      out.set(id, {
        received: current.length > 0,
        late: current.length > 0 && !onTime,
        mismatch: copies.some((r) => r.versionNo !== r.currentVersionNo),
        receivedOn: (onTime ?? current[0])?.receivedOn ?? null,
        copies: copies.length,
      });
    }
  }
  return out;
}

async function campaignOf(db: Db, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

function invalid(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });
}

/** The dates of a receipt, checked: received today or before, postmarked on or before that. */
function datesOf(body: ReceivePaperCopyBody, now: Date) {
  const today = beijingDay(now);
  const receivedOn = body.receivedOn ?? today;
  if (receivedOn > today) throw invalid('receivedOn', `收到日期不能晚于今天（${today}）`);
  const postmarkedOn = body.postmarkedOn || null;
  if (postmarkedOn && postmarkedOn > receivedOn)
    throw invalid('postmarkedOn', '邮戳日期不能晚于收到日期');
  return { receivedOn, postmarkedOn };
}

function verdictText(
  kind: 'application' | 'summary_table',
  status: PaperReceiptStatus,
  v: { versionNo?: number | null; currentVersionNo?: number | null; late: boolean; day: string },
): string {
  const parts: string[] = [];
  if (kind === 'summary_table') {
    parts.push(
      status === 'current'
        ? '已签收该推荐单位盖章的附件3汇总表，其报送批次已确认报送'
        : '已签收，但该推荐单位尚未在网上确认报送：请核对附件3是否为最终版本',
    );
  } else if (status === 'current') {
    parts.push(`已签收：与网上报送的第${v.versionNo}版（当前版本）一致`);
  } else if (status === 'superseded') {
    parts.push(
      `版本不符：纸质材料为第${v.versionNo}版，网上当前为第${v.currentVersionNo}版，请联系申报单位寄送当前版本`,
    );
  } else {
    parts.push('该申报书尚未由推荐单位报送至主管部门：已记录签收，请核实');
  }
  if (v.late) parts.push(`逾期：晚于纸质材料截止日期（${v.day}）`);
  return parts.join('；');
}

/**
 * Records one arriving copy. A 申报书 by its code (typed or the QR code's address): unknown codes
 * and codes of another call are refused with nothing written. A 附件3 by its unit. The receipt and
 * its audit row are written in one transaction, the application's (or unit's) row share-locked so
 * that what the receipt says about it is what it was.
 */
export async function receivePaperCopy(
  deps: Deps,
  user: SignedInUser,
  idOrCode: string,
  body: ReceivePaperCopyBody,
  actor: Actor,
): Promise<PaperReceiptAnswer> {
  const campaign = await campaignOf(deps.db, idOrCode);
  const now = deps.clock.now();
  const { receivedOn, postmarkedOn } = datesOf(body, now);
  const late = isLate({ receivedOn, postmarkedOn }, campaign.paperDeadline);
  const day = paperDeadlineDay(campaign.paperDeadline);
  const note = truncateText(body.note ?? '', 500);
  const code =
    body.kind === 'application' ? normaliseVerificationCode(codeTextOf(body.code)) : null;
  if (body.kind === 'application' && !code)
    throw new AppError('VERIFICATION_CODE_INVALID', {
      message:
        '验证码格式不正确：应为12位字母和数字（如 ABCD-EFGH-JKMN），或扫描申报书封面的二维码',
    });

  const { id, copies, message } = await deps.db.transaction(async (tx) => {
    if (body.kind === 'application') {
      const hit = await repo.lockVersionByCode(tx, code!);
      if (!hit)
        throw new AppError('PAPER_CODE_UNKNOWN', {
          message: `未找到验证码 ${code} 对应的申报书：请核对纸质申报书封面或页脚上的12位验证码`,
          details: { code },
        });
      if (hit.campaignId !== campaign.id)
        throw new AppError('PAPER_CODE_UNKNOWN', {
          message: `验证码 ${code} 属于另一征集活动“${hit.campaignTitle}”的申报书，不属于本活动`,
          details: { code, campaignId: hit.campaignId },
        });
      const status = paperStatusOfCopy(hit.versionNo, hit);
      const receiptId = await repo.insertReceipt(tx, {
        campaignId: campaign.id,
        unitId: hit.channelUnitId,
        applicationId: hit.applicationId,
        versionNo: hit.versionNo,
        code: code!,
        kind: 'application',
        status,
        receivedOn,
        postmarkedOn,
        late,
        note,
        receivedBy: user.id,
        createdAt: now,
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'paper.receive',
        targetType: 'application',
        targetId: hit.applicationId,
        after: {
          receiptId,
          kind: 'application',
          verificationCode: code,
          versionNo: hit.versionNo,
          paperStatus: status,
          receivedOn,
          ...(postmarkedOn ? { postmarkedOn } : {}),
          late,
        },
        note: note || undefined,
      });
      return {
        id: receiptId,
        copies: await repo.countCopies(tx, { applicationId: hit.applicationId }),
        message: verdictText('application', status, {
          versionNo: hit.versionNo,
          currentVersionNo: hit.currentVersionNo,
          late,
          day,
        }),
      };
    }
    const found = await repo.lockUnitBatch(tx, campaign.id, body.unitId);
    if (!found) throw new AppError('NOT_FOUND', { message: '未找到该推荐单位' });
    const status: PaperReceiptStatus =
      found.batch?.state === 'signed_off' ? 'current' : 'not_forwarded';
    const receiptId = await repo.insertReceipt(tx, {
      campaignId: campaign.id,
      unitId: found.unit.id,
      kind: 'summary_table',
      status,
      receivedOn,
      postmarkedOn,
      late,
      note,
      receivedBy: user.id,
      createdAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'paper.receive',
      targetType: 'recommender_unit',
      targetId: found.unit.id,
      after: {
        receiptId,
        kind: 'summary_table',
        campaignId: campaign.id,
        ...(found.batch ? { batchId: found.batch.id } : {}),
        paperStatus: status,
        receivedOn,
        ...(postmarkedOn ? { postmarkedOn } : {}),
        late,
      },
      note: note || undefined,
    });
    return {
      id: receiptId,
      copies: await repo.countCopies(tx, { campaignId: campaign.id, unitId: found.unit.id }),
      message: verdictText('summary_table', status, { late, day }),
    };
  });
  const [row] = await repo.listReceipts(deps.db, campaign.id, { id }, { limit: 1, offset: 0 });
  return {
    receipt: receiptView(row!),
    message: copies > 1 ? `${message}（已签收${copies}份）` : message,
    copies,
    paperDeadline: day,
  };
}

/** A page of a campaign's receipts, newest first. */
export async function paperReceiptsPage(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
  q: PaperReceiptQuery,
): Promise<PaperReceiptList> {
  const campaign = await campaignOf(deps.db, idOrCode);
  const { page, pageSize, ...f } = q;
  const [rows, total] = await Promise.all([
    repo.listReceipts(deps.db, campaign.id, f, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    repo.countReceipts(deps.db, campaign.id, f),
  ]);
  return { items: rows.map(receiptView), total, page, pageSize };
}
