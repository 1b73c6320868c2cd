// 配套支持 (issue 15): a recommending unit records the policy, funding and resource support it
// gave its selected solutions (the day given not in the future, funding with its amount in whole
// 元, an optional document checked by its content); a record entered by mistake is withdrawn with
// a reason by the unit that recorded it, never deleted. Each change writes its audit row in its
// transaction. Organizers read everything and the totals per unit; an enterprise reads its own.
import { createHash, randomUUID } from 'node:crypto';
import type { SupportTotals } from '../../../domain/api/lifecycle';
import type {
  SupportList,
  SupportRecord,
  SupportTotalsList,
  SupportUnitTotals,
} from '../../../domain/api/support';
import {
  PUBLISHED_STATUS_LABELS,
  parsePublicId,
  publishedStatusOn,
} from '../../../domain/publication';
import { beijingDay } from '../../../domain/registry';
import {
  SUPPORT_KIND_LABELS,
  type RecordSupportInput,
  type SupportQuery,
} from '../../../domain/support';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { FileNotFoundError } from '../../lib/files';
import { checkProofUpload } from '../../lib/proof-file';
import { recordAudit } from '../audit';
import { authorizeRecord, authorizeTotals, supportScopeOf } from './policy';
import * as repo from './repository';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { message, details: [{ path, message }] });

const canonicalId = (input: string) => {
  const p = parsePublicId(input);
  return p ? `${p.year}-${p.series}-${String(p.seq).padStart(3, '0')}` : null;
};

const solutionNotFound = () =>
  new AppError('NOT_FOUND', { message: '没有这个公开编号的入选解决方案，请核对编号' });

type RecordRow = Awaited<ReturnType<typeof repo.recordsOf>>[number];

function recordView(r: RecordRow, user: SignedInUser): SupportRecord {
  const x = r.record;
  return {
    id: x.id,
    publicId: x.publicId,
    unitId: x.unitId,
    unitName: r.unitName,
    kind: x.kind,
    kindLabel: SUPPORT_KIND_LABELS[x.kind],
    title: x.title,
    amountYuan: x.amountYuan,
    day: x.day,
    documentNo: x.documentNo,
    document: x.documentId ? { id: x.documentId, filename: r.documentFilename ?? '文件' } : null,
    note: x.note,
    recordedBy: r.recordedByName,
    recordedAt: x.recordedAt.toISOString(),
    withdrawnAt: x.withdrawnAt?.toISOString() ?? null,
    withdrawReason: x.withdrawReason,
    canWithdraw:
      !x.withdrawnAt && user.role === 'recommender' && user.recommenderUnitId === x.unitId,
  };
}

/** listSupport */
export async function listSupport(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  query: SupportQuery,
): Promise<SupportList> {
  const scope = supportScopeOf(user);
  const today = beijingDay(deps.clock.now());
  const publicId = query.publicId ? (canonicalId(query.publicId) ?? '-') : undefined;
  const solutions = await repo.listSolutions(deps.db, scope, { ...query, publicId });
  const records = await repo.recordsOf(
    deps.db,
    solutions.map((s) => s.publicId),
  );
  return {
    solutions: solutions.map((s) => {
      const status = publishedStatusOn(s, today);
      return {
        ...s,
        status,
        statusLabel: PUBLISHED_STATUS_LABELS[status].zh,
        records: records
          .filter((r) => r.record.publicId === s.publicId)
          .map((r) => recordView(r, user)),
      };
    }),
    canRecord: user.role === 'recommender',
    today,
  };
}

/** recordSupport */
export async function recordSupport(
  deps: Deps,
  user: SignedInUser,
  input: RecordSupportInput,
  actor: Actor,
): Promise<SupportRecord> {
  authorizeRecord(user);
  const publicId = canonicalId(input.publicId);
  const s = publicId ? await repo.findSolution(deps.db, publicId) : undefined;
  if (!s) throw solutionNotFound();
  const unitId = authorizeRecord(user, s.unitId);
  const today = beijingDay(deps.clock.now());
  if (input.day > today) throw invalid('day', '支持日期不能晚于今天');
  if (input.documentId) {
    const doc = await repo.findDocument(deps.db, input.documentId);
    if (!doc || doc.purpose !== 'support_document' || doc.ownerUnitId !== unitId)
      throw invalid('documentId', '文件不存在，请重新上传');
  }
  const id = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.insertRecord(tx, {
      publicId: s.publicId,
      unitId,
      kind: input.kind,
      title: input.title,
      amountYuan: input.amountYuan ?? null,
      day: input.day,
      documentNo: input.documentNo,
      documentId: input.documentId ?? null,
      note: input.note,
      recordedBy: user.id,
      recordedAt: now,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'support.record',
      targetType: 'support_record',
      targetId: row.id,
      after: {
        publicId: s.publicId,
        kind: row.kind,
        title: row.title,
        amountYuan: row.amountYuan,
        day: row.day,
        documentNo: row.documentNo,
        documentId: row.documentId,
      },
    });
    return row.id;
  });
  return oneRecord(deps.db, user, s.publicId, id);
}

async function oneRecord(db: Db, user: SignedInUser, publicId: string, id: string) {
  const rows = await repo.recordsOf(db, [publicId]);
  return recordView(
    rows.find((r) => r.record.id === id)!,
    user,
  );
}

/** withdrawSupport: the recording unit only; the record stays, marked withdrawn with the reason. */
export async function withdrawSupport(
  deps: Deps,
  user: SignedInUser,
  id: string,
  reason: string,
  actor: Actor,
): Promise<SupportRecord> {
  authorizeRecord(user);
  const publicId = await deps.db.transaction(async (tx) => {
    const r = await repo.lockRecord(tx, id);
    if (!r) throw new AppError('NOT_FOUND', { message: '未找到该配套支持记录' });
    authorizeRecord(user, r.unitId);
    if (r.withdrawnAt) throw new AppError('WRONG_STATE', { message: '该记录已撤回' });
    const now = deps.clock.now();
    await repo.markWithdrawn(tx, id, now, reason);
    await recordAudit(tx, deps.clock, actor, {
      action: 'support.withdraw',
      targetType: 'support_record',
      targetId: id,
      before: { withdrawn: false },
      after: { withdrawn: true, publicId: r.publicId },
      note: reason,
    });
    return r.publicId;
  });
  return oneRecord(deps.db, user, publicId, id);
}

/** The standing records of these solutions, totalled (for 动态管理's list). */
export async function supportTotalsOf(
  db: Db,
  publicIds: string[],
): Promise<Map<string, SupportTotals>> {
  const rows = await repo.totalsBySolution(db, publicIds);
  return new Map(
    rows.map((r) => {
      const t = {
        policy: Number(r.policy),
        funding: Number(r.funding),
        resource: Number(r.resource),
        fundingYuan: Number(r.fundingYuan),
      };
      return [r.publicId, { ...t, count: t.policy + t.funding + t.resource }];
    }),
  );
}

/** listSupportTotals: per unit with solutions on the lists, by number of records. */
export async function listSupportTotals(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
): Promise<SupportTotalsList> {
  authorizeTotals(user);
  const [selected, totals] = await Promise.all([
    repo.selectedByUnit(deps.db),
    repo.totalsByUnit(deps.db),
  ]);
  const byUnit = new Map(totals.map((t) => [t.unitId, t]));
  const items: SupportUnitTotals[] = selected.map((u) => {
    const t = byUnit.get(u.unitId);
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      selected: Number(u.selected),
      supported: Number(t?.supported ?? 0),
      policy: Number(t?.policy ?? 0),
      funding: Number(t?.funding ?? 0),
      resource: Number(t?.resource ?? 0),
      fundingYuan: Number(t?.fundingYuan ?? 0),
    };
  });
  items.sort(
    (a, b) =>
      b.policy + b.funding + b.resource - (a.policy + a.funding + a.resource) ||
      b.fundingYuan - a.fundingYuan ||
      a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  const sum = (k: keyof Omit<SupportUnitTotals, 'unitId' | 'unitName'>) =>
    items.reduce((n, i) => n + i[k], 0);
  return {
    items,
    total: {
      selected: sum('selected'),
      supported: sum('supported'),
      policy: sum('policy'),
      funding: sum('funding'),
      resource: sum('resource'),
      fundingYuan: sum('fundingYuan'),
    },
  };
}

/** uploadSupportDocument: the recommender's file, owned by its unit until a record names it. */
export async function uploadSupportDocument(
  deps: Deps,
  user: SignedInUser,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  actor: Actor,
) {
  const unitId = authorizeRecord(user);
  const file = await readFile();
  const detected = checkProofUpload(deps, file, '支持文件');
  const id = randomUUID();
  const storageKey = `support-documents/${unitId}/${id}.${detected.ext}`;
  await deps.files.put(storageKey, file.bytes, detected.mime);
  const doc = await deps.db.transaction(async (tx) => {
    const row = await repo.insertDocument(tx, {
      id,
      purpose: 'support_document',
      ownerUnitId: unitId,
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
      action: 'support.document_upload',
      targetType: 'post_award_document',
      targetId: row.id,
      after: { filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    return row;
  });
  return { id: doc.id, filename: doc.filename, mime: doc.mime, size: doc.size };
}

/** getSupportDocument: organizers and the unit that uploaded it. */
export async function supportDocument(deps: Deps, user: SignedInUser, id: string) {
  if (user.role !== 'organizer' && user.role !== 'recommender') throw new AppError('FORBIDDEN');
  const doc = await repo.findDocument(deps.db, id);
  if (!doc || doc.purpose !== 'support_document')
    throw new AppError('NOT_FOUND', { message: '未找到该文件' });
  if (
    user.role !== 'organizer' &&
    !(user.role === 'recommender' && user.recommenderUnitId === doc.ownerUnitId)
  )
    throw new AppError('FORBIDDEN');
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '文件已丢失，请联系管理员' });
    throw e;
  }
}
