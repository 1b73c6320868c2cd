// 动态管理 (issue 15): published solutions over their validity. The schedule's run (runLifecycle)
// does what domain/award-lifecycle.ts says is due on the Beijing day — each expiry and reminder in
// its own short transaction that first claims its idempotence key, so it happens once however many
// runs and processes ask; the organizer revokes a solution or records its withdrawal (one
// transaction: the row locked, its status re-checked, the public history, the audit row and the
// messages); everyone concerned reads the validity, the history and the support recorded.
import { createHash, randomUUID } from 'node:crypto';
import type { AwardLifecycleItem, AwardLifecyclePage } from '../../../domain/api/lifecycle';
import { PUBLISHED_EVENT_LABELS } from '../../../domain/api/catalogue';
import {
  REVOCATION_REASON_LABELS,
  calendarDaysBetween,
  dueLifecycleActions,
  expiredNote,
  nextLifecycleDay,
  revokedNote,
  type AwardLifecycleQuery,
  type LifecycleAction,
  type RevocationReason,
  type RevokeAwardInput,
} from '../../../domain/award-lifecycle';
import {
  PUBLISHED_STATUS_LABELS,
  chineseDate,
  parsePublicId,
  publishedStatusOn,
} from '../../../domain/publication';
import { beijingDay } from '../../../domain/registry';
import { SYSTEM_ACTOR, type Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { FileNotFoundError } from '../../lib/files';
import { checkProofUpload } from '../../lib/proof-file';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { supportTotalsOf } from '../support';
import { authorizeRevoke, lifecycleScopeOf } from './policy';
import * as repo from './repository';

type RunDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export interface LifecycleRunResult {
  expired: number;
  reminded: number;
}

const unitLink = (s: { campaignId: string; applicationId: string }) =>
  `/desk/${s.campaignId}/applications/${s.applicationId}`;

/** One expiry or reminder, in its own transaction; false when another run did it first. */
async function perform(deps: RunDeps, a: LifecycleAction, today: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const day = a.kind === 'expire' ? a.expiresOn : today;
    const claimed = await repo.claimAction(tx, {
      key: a.key,
      publicId: a.publicId,
      kind: a.kind,
      day,
      doneAt: deps.clock.now(),
    });
    if (!claimed) return false;
    const s = await repo.lockSolution(tx, a.publicId);
    // revoked or withdrawn meanwhile: nothing more falls due (the key stays: it is settled)
    if (!s || s.status !== 'valid') return false;
    const now = deps.clock.now();
    if (a.kind === 'expire') {
      await repo.setStatus(tx, s.publicId, 'expired', now);
      await repo.insertEvent(tx, {
        publicId: s.publicId,
        kind: 'expired',
        day: a.expiresOn,
        note: expiredNote(s.validUntil),
        at: now,
      });
      await recordAudit(tx, deps.clock, SYSTEM_ACTOR, {
        action: 'published_solution.expire',
        targetType: 'published_solution',
        targetId: s.publicId,
        before: { status: 'valid' },
        after: { status: 'expired', validUntil: s.validUntil, expiresOn: a.expiresOn },
      });
      return true;
    }
    const values = {
      解决方案名称: s.solutionName,
      公开编号: s.publicId,
      企业名称: s.enterpriseName,
      有效期至: chineseDate(s.validUntil),
      到期日期: chineseDate(a.expiresOn),
      剩余天数: String(Math.max(1, calendarDaysBetween(today, a.expiresOn))),
    };
    const base = {
      kind: 'award.expiry_reminder' as const,
      campaignId: s.campaignId,
      values,
      dedupeKey: `lifecycle:${a.key}`,
    };
    await notify(tx, deps, {
      ...base,
      to: { enterpriseIds: [s.enterpriseId] },
      link: `/applications/${s.applicationId}`,
    });
    await notify(tx, deps, { ...base, to: { unitIds: [s.unitId] }, link: unitLink(s) });
    return true;
  });
}

/**
 * One run of the schedule (every 30 minutes, and once at start): what is due on today's Beijing
 * day and not yet done — a missed midnight is made up here, a second run finds nothing.
 */
export async function runLifecycle(deps: RunDeps): Promise<LifecycleRunResult> {
  const today = beijingDay(deps.clock.now());
  const subjects = await repo.listValidSubjects(deps.db);
  const done = await repo.doneKeys(
    deps.db,
    subjects.map((s) => s.publicId),
  );
  const result: LifecycleRunResult = { expired: 0, reminded: 0 };
  for (const a of dueLifecycleActions(subjects, today, done)) {
    if (await perform(deps, a, today)) {
      if (a.kind === 'expire') result.expired += 1;
      else result.reminded += 1;
    }
  }
  return result;
}

// ------------------------------------------------------------------ the list

const textMatches = (s: repo.LifecycleSolution, q: string) => {
  const t = `${s.publicId}\n${s.solutionName}\n${s.enterpriseName}`.normalize('NFKC').toLowerCase();
  return q
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => t.includes(w));
};

async function itemsOf(
  deps: Pick<Deps, 'db'>,
  rows: repo.LifecycleSolution[],
  today: string,
  withEvidence: boolean,
): Promise<AwardLifecycleItem[]> {
  const ids = rows.map((r) => r.publicId);
  const [events, support] = await Promise.all([
    repo.eventsOf(deps.db, ids),
    supportTotalsOf(deps.db, ids),
  ]);
  return rows.map((s) => {
    const status = publishedStatusOn(s, today);
    return {
      publicId: s.publicId,
      applicationId: s.applicationId,
      campaignId: s.campaignId,
      listTitle: s.listTitle,
      year: s.year,
      solutionName: s.solutionName,
      enterpriseName: s.enterpriseName,
      unitId: s.unitId,
      unitName: s.unitName,
      category: s.category,
      categoryName: s.categoryName,
      validFrom: s.validFrom,
      validUntil: s.validUntil,
      status,
      statusLabel: PUBLISHED_STATUS_LABELS[status].zh,
      daysLeft: status === 'valid' ? calendarDaysBetween(today, s.validUntil) : null,
      nextDueOn: status === 'valid' ? nextLifecycleDay(s, today) : null,
      events: events
        .filter((e) => e.publicId === s.publicId)
        .map((e) => {
          const reason = e.reasonCode as RevocationReason | null;
          return {
            kind: e.kind,
            kindLabel: PUBLISHED_EVENT_LABELS[e.kind],
            day: e.day,
            note: e.note,
            reasonCode: reason,
            reasonLabel: reason ? (REVOCATION_REASON_LABELS[reason] ?? reason) : null,
            evidence:
              withEvidence && e.evidenceId
                ? { id: e.evidenceId, filename: e.evidenceFilename ?? '证明材料' }
                : null,
            at: e.at.toISOString(),
          };
        }),
      support: support.get(s.publicId) ?? {
        count: 0,
        policy: 0,
        funding: 0,
        resource: 0,
        fundingYuan: 0,
      },
    };
  });
}

/** listAwardLifecycle */
export async function listAwardLifecycle(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  query: AwardLifecycleQuery,
): Promise<AwardLifecyclePage> {
  const scope = lifecycleScopeOf(user);
  const today = beijingDay(deps.clock.now());
  const all = await repo.listSolutions(deps.db, scope);
  const matched = all.filter((s) => {
    const status = publishedStatusOn(s, today);
    if (query.campaignId && s.campaignId !== query.campaignId) return false;
    if (query.unitId && s.unitId !== query.unitId) return false;
    if (query.status && status !== query.status) return false;
    if (
      query.expiringWithinDays !== undefined &&
      (status !== 'valid' || calendarDaysBetween(today, s.validUntil) > query.expiringWithinDays)
    )
      return false;
    if (query.q && !textMatches(s, query.q)) return false;
    return true;
  });
  const start = (query.page - 1) * query.pageSize;
  const page = matched.slice(start, start + query.pageSize);
  const options = (pairs: [string, string][]) =>
    [...new Map(pairs)].map(([value, label]) => ({ value, label }));
  return {
    items: await itemsOf(deps, page, today, user.role === 'organizer'),
    total: matched.length,
    page: query.page,
    pageSize: query.pageSize,
    lists: options(all.map((s) => [s.campaignId, s.listTitle])),
    units: options(all.map((s) => [s.unitId, s.unitName])).sort((a, b) =>
      a.label.localeCompare(b.label, 'zh-CN'),
    ),
    today,
  };
}

// ------------------------------------------------------------------ 撤销 and 退出

const notFound = () =>
  new AppError('NOT_FOUND', {
    message: '没有这个公开编号的入选解决方案，请核对编号（如 2021-IIAPP-001）',
    messageEn: 'No published solution has this public id',
  });

const canonicalId = (input: string) => {
  const p = parsePublicId(input);
  return p ? `${p.year}-${p.series}-${String(p.seq).padStart(3, '0')}` : null;
};

const CHANGE_TEXT = { revoke: '撤销入选资格', withdraw: '登记企业退出，入选资格终止' } as const;

/** revokeAward: 撤销 (已撤销) or the enterprise's withdrawal (已退出), from valid or expired. */
export async function revokeAward(
  deps: Deps,
  user: SignedInUser,
  input: RevokeAwardInput,
  actor: Actor,
): Promise<AwardLifecycleItem> {
  authorizeRevoke(user);
  const publicId = canonicalId(input.publicId);
  if (!publicId) throw notFound();
  if (input.evidenceDocumentId) {
    const doc = await repo.findDocument(deps.db, input.evidenceDocumentId);
    if (!doc || doc.purpose !== 'revocation_evidence') {
      const message = '证明材料不存在，请重新上传';
      throw new AppError('VALIDATION_FAILED', {
        message,
        details: [{ path: 'evidenceDocumentId', message }],
      });
    }
  }
  const status = input.action === 'revoke' ? 'revoked' : 'withdrawn';
  await deps.db.transaction(async (tx) => {
    const s = await repo.lockSolution(tx, publicId);
    if (!s) throw notFound();
    if (s.status === 'revoked')
      throw new AppError('ALREADY_REVOKED', {
        message: `${s.publicId}“${s.solutionName}”的入选资格已撤销，不能再次撤销或登记退出`,
      });
    if (s.status === 'withdrawn')
      throw new AppError('ALREADY_WITHDRAWN', {
        message: `${s.publicId}“${s.solutionName}”已登记为企业退出，不能再次撤销或登记退出`,
      });
    const now = deps.clock.now();
    const today = beijingDay(now);
    const reasonLabel = REVOCATION_REASON_LABELS[input.reasonCode];
    await repo.setStatus(tx, publicId, status, now);
    await repo.insertEvent(tx, {
      publicId,
      kind: status,
      day: today,
      note: revokedNote(input.action, input.reasonCode),
      reasonCode: input.reasonCode,
      evidenceId: input.evidenceDocumentId ?? null,
      actorId: user.id,
      at: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action:
        input.action === 'revoke' ? 'published_solution.revoke' : 'published_solution.withdraw',
      targetType: 'published_solution',
      targetId: publicId,
      before: { status: s.status },
      after: {
        status,
        reasonCode: input.reasonCode,
        evidenceId: input.evidenceDocumentId ?? null,
        day: today,
      },
      note: input.note,
    });
    const base = {
      kind: 'award.status_changed' as const,
      campaignId: s.campaignId,
      values: {
        解决方案名称: s.solutionName,
        公开编号: s.publicId,
        企业名称: s.enterpriseName,
        变动类型: CHANGE_TEXT[input.action],
        变动原因: reasonLabel,
        变动说明: input.note,
      },
    };
    await notify(tx, deps, {
      ...base,
      to: { enterpriseIds: [s.enterpriseId] },
      link: `/applications/${s.applicationId}`,
    });
    await notify(tx, deps, { ...base, to: { unitIds: [s.unitId] }, link: unitLink(s) });
  });
  const rows = (await repo.listSolutions(deps.db, {})).filter((r) => r.publicId === publicId);
  const [item] = await itemsOf(deps, rows, beijingDay(deps.clock.now()), true);
  return item!;
}

// ------------------------------------------------------------------ evidence

/** uploadRevocationEvidence: stored first, referenced by the revocation that follows. */
export async function uploadEvidence(
  deps: Deps,
  user: SignedInUser,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  actor: Actor,
) {
  authorizeRevoke(user);
  const file = await readFile();
  const detected = checkProofUpload(deps, file, '证明材料');
  const id = randomUUID();
  const storageKey = `revocation-evidence/${id}.${detected.ext}`;
  await deps.files.put(storageKey, file.bytes, detected.mime);
  const doc = await deps.db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      id,
      purpose: 'revocation_evidence',
      filename: file.filename.slice(0, 200),
      kind: detected.kind,
      mime: detected.mime,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      storageKey,
      uploadedBy: user.id,
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'published_solution.evidence_upload',
      targetType: 'post_award_document',
      targetId: row.id,
      after: { filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
  return { id: doc.id, filename: doc.filename, mime: doc.mime, size: doc.size };
}

/** getRevocationEvidence: organizers only. */
export async function evidenceFile(deps: Deps, user: SignedInUser, id: string) {
  authorizeRevoke(user);
  const doc = await repo.findDocument(deps.db, id);
  if (!doc || doc.purpose !== 'revocation_evidence')
    throw new AppError('NOT_FOUND', { message: '未找到该证明材料' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '证明材料文件已丢失，请联系管理员' });
    throw e;
  }
}
