// 企业认证: the enterprise's 营业执照 and 授权书, and its recommender's (or an organizer's) check.
import { createHash, randomUUID } from 'node:crypto';
import {
  describeMissing,
  missingVerificationDocuments,
  statusOfDocuments,
  VERIFICATION_DOCUMENT_LABELS,
  type VerificationDocumentKind,
} from '../../../domain/enterprise-verification';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import {
  authorizeDecideVerification,
  authorizeEditVerification,
  verificationAccessOf,
} from './policy';
import * as repo from './repository';

const COLUMN = {
  licence: 'licenceDocumentId',
  authorisation: 'authorisationDocumentId',
} as const satisfies Record<VerificationDocumentKind, keyof repo.EnterpriseRow>;
const PURPOSE = {
  licence: 'business_licence',
  authorisation: 'authorisation_letter',
} as const satisfies Record<VerificationDocumentKind, repo.DocumentRow['purpose']>;

async function enterpriseOf(db: Db, id: string) {
  const e = await repo.findHolderById(db, id);
  if (!e) throw new AppError('NOT_FOUND', { message: '未找到该企业' });
  return e;
}

/** Whether the caller's unit deals with the enterprise: it filed through the unit, or won through it. */
async function isRelated(db: Db, user: SignedInUser, e: repo.EnterpriseRow) {
  if (user.role !== 'recommender' || !user.recommenderUnitId) return false;
  return (
    (await repo.hasFiledThrough(db, e.id, user.recommenderUnitId)) ||
    (await repo.hasAwardOf(db, e.uscc, user.recommenderUnitId))
  );
}

async function accessOf(db: Db, user: SignedInUser, e: repo.EnterpriseRow) {
  return verificationAccessOf(user, e.id, await isRelated(db, user, e));
}

export function documentView(d: repo.DocumentRow | undefined) {
  return d
    ? {
        id: d.id,
        filename: d.filename,
        mime: d.mime,
        size: d.size,
        uploadedAt: d.createdAt.toISOString(),
      }
    : null;
}

async function viewOf(db: Db, e: repo.EnterpriseRow, mayDecide: boolean) {
  const [licence, authorisation, verifiedBy] = await Promise.all([
    repo.findDocument(db, e.licenceDocumentId),
    repo.findDocument(db, e.authorisationDocumentId),
    repo.nameOfVerifier(db, e),
  ]);
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    uscc: e.uscc,
    status: e.verificationStatus,
    filerIsLegalRep: e.filerIsLegalRep,
    missing: missingVerificationDocuments(e),
    licence: documentView(licence),
    authorisation: documentView(authorisation),
    verifiedAt: e.verifiedAt?.toISOString() ?? null,
    verifiedBy,
    reason: e.verificationReason,
    mayDecide,
  };
}

/** The verification of an enterprise, as its caller may see it. */
export async function verificationOf(deps: Pick<Deps, 'db'>, user: SignedInUser, id: string) {
  const e = await enterpriseOf(deps.db, id);
  const { mayDecide } = await accessOf(deps.db, user, e);
  return viewOf(deps.db, e, mayDecide);
}

/** A change of the documents undoes an earlier decision: they must be checked again. */
function undecided(e: repo.EnterpriseRow, patch: Partial<repo.EnterpriseRow>) {
  const next = { ...e, ...patch };
  return {
    ...patch,
    verificationStatus: statusOfDocuments(next),
    verifiedBy: null,
    verifiedByUnitId: null,
    verifiedAt: null,
    verificationReason: null,
  };
}

export async function setFiler(
  deps: Deps,
  user: SignedInUser,
  id: string,
  filerIsLegalRep: boolean,
  actor: Actor,
) {
  authorizeEditVerification(user, id);
  const updated = await deps.db.transaction(async (tx) => {
    const e = await repo.lockEnterprise(tx, id);
    if (!e || e.releasedAt) throw new AppError('NOT_FOUND', { message: '未找到该企业' });
    if (e.filerIsLegalRep === filerIsLegalRep) return e;
    const row = await repo.updateEnterprise(tx, id, undecided(e, { filerIsLegalRep }));
    await recordAudit(tx, deps.clock, actor, {
      action: 'enterprise.verification_filer',
      targetType: 'enterprise',
      targetId: id,
      before: { filerIsLegalRep: e.filerIsLegalRep, verificationStatus: e.verificationStatus },
      after: { filerIsLegalRep, verificationStatus: row.verificationStatus },
    });
    return row;
  });
  return viewOf(deps.db, updated, user.role === 'organizer');
}

/** The file checked by its content: a PDF or a PNG/JPEG image, within the size limit. */
export function checkProofFile(
  deps: Deps,
  file: { filename: string; bytes: Buffer },
  what: string,
) {
  if (file.bytes.length > deps.config.maxFileBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(deps.config.maxFileBytes / 1048576)} MB`,
    });
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', { message: check.reason, messageEn: check.reasonEn });
  if (check.detected.kind !== 'pdf' && check.detected.kind !== 'image')
    throw new AppError('FILE_REJECTED', {
      message: `${what}须为PDF文件或图片（PNG、JPEG）`,
      messageEn: 'Only a PDF or a PNG/JPEG image is accepted',
    });
  return check.detected;
}

export async function uploadVerificationDocument(
  deps: Deps,
  user: SignedInUser,
  id: string,
  kind: VerificationDocumentKind,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  actor: Actor,
) {
  authorizeEditVerification(user, id);
  const existing = await enterpriseOf(deps.db, id);
  if (existing.releasedAt) throw new AppError('NOT_FOUND', { message: '未找到该企业' });
  const file = await readFile();
  const detected = checkProofFile(deps, file, VERIFICATION_DOCUMENT_LABELS[kind]);
  const docId = randomUUID();
  const storageKey = `enterprises/${id}/${docId}.${detected.ext}`;
  await deps.files.put(storageKey, file.bytes, detected.mime);
  const updated = await deps.db
    .transaction(async (tx) => {
      const e = await repo.lockEnterprise(tx, id);
      if (!e || e.releasedAt) throw new AppError('NOT_FOUND', { message: '未找到该企业' });
      const now = deps.clock.now();
      const doc = await repo.insertDocument(tx, {
        id: docId,
        purpose: PURPOSE[kind],
        ownerEnterpriseId: id,
        filename: file.filename.slice(0, 200),
        kind: detected.kind,
        mime: detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: user.id,
        createdAt: now,
      });
      const row = await repo.updateEnterprise(tx, id, undecided(e, { [COLUMN[kind]]: doc.id }));
      await recordAudit(tx, deps.clock, actor, {
        action: 'enterprise.verification_document_upload',
        targetType: 'enterprise',
        targetId: id,
        before: { [COLUMN[kind]]: e[COLUMN[kind]], verificationStatus: e.verificationStatus },
        after: {
          [COLUMN[kind]]: doc.id,
          filename: doc.filename,
          size: doc.size,
          sha256: doc.sha256,
          verificationStatus: row.verificationStatus,
        },
      });
      return row;
    })
    .catch(async (err: unknown) => {
      await deps.files.delete(storageKey).catch(() => undefined);
      throw err;
    });
  return viewOf(deps.db, updated, user.role === 'organizer');
}

export async function readVerificationDocument(
  deps: Deps,
  user: SignedInUser,
  id: string,
  kind: VerificationDocumentKind,
) {
  const e = await enterpriseOf(deps.db, id);
  await accessOf(deps.db, user, e);
  const doc = await repo.findDocument(deps.db, e[COLUMN[kind]]);
  if (!doc)
    throw new AppError('NOT_FOUND', { message: `尚未上传${VERIFICATION_DOCUMENT_LABELS[kind]}` });
  return { doc, bytes: await bytesOf(deps, doc) };
}

export async function bytesOf(deps: Deps, doc: repo.DocumentRow) {
  try {
    return await deps.files.get(doc.storageKey);
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '文件已丢失，请重新上传' });
    throw e;
  }
}

/** 核验通过 / 核验不通过 (with a reason): the enterprise's recommender or an organizer. */
export async function decideVerification(
  deps: Deps,
  user: SignedInUser,
  id: string,
  input: { decision: 'verified' | 'rejected'; reason?: string },
  actor: Actor,
) {
  const found = await enterpriseOf(deps.db, id);
  authorizeDecideVerification(await accessOf(deps.db, user, found));
  const updated = await deps.db.transaction(async (tx) => {
    const e = await repo.lockEnterprise(tx, id);
    if (!e || e.releasedAt) throw new AppError('NOT_FOUND', { message: '未找到该企业' });
    const missing = missingVerificationDocuments(e);
    if (missing.length)
      throw new AppError('VERIFICATION_DOCUMENTS_MISSING', {
        message: `该企业尚未上传${describeMissing(missing)}，不能核验；请联系企业在“企业认证”中上传`,
        details: { missing },
      });
    const row = await repo.updateEnterprise(tx, id, {
      verificationStatus: input.decision,
      verifiedBy: user.id,
      verifiedByUnitId: user.role === 'recommender' ? user.recommenderUnitId : null,
      verifiedAt: deps.clock.now(),
      verificationReason: input.decision === 'rejected' ? input.reason! : null,
    });
    await recordAudit(tx, deps.clock, actor, {
      action:
        input.decision === 'verified' ? 'enterprise.verify' : 'enterprise.verification_reject',
      targetType: 'enterprise',
      targetId: id,
      before: { verificationStatus: e.verificationStatus },
      after: {
        verificationStatus: row.verificationStatus,
        verifiedByUnitId: row.verifiedByUnitId,
        licenceDocumentId: row.licenceDocumentId,
        authorisationDocumentId: row.authorisationDocumentId,
      },
      note: input.decision === 'rejected' ? input.reason : undefined,
    });
    return row;
  });
  return viewOf(deps.db, updated, true);
}

/**
 * An enterprise verified by an organizer's hand with its licence on file (the demo seed; a
 * migration from a register kept elsewhere). `verifiedBy` null: nobody signed in did it.
 */
export async function recordVerifiedLicence(
  deps: Deps,
  enterpriseId: string,
  licence: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  const detected = checkProofFile(deps, licence, '营业执照');
  const docId = randomUUID();
  const storageKey = `enterprises/${enterpriseId}/${docId}.${detected.ext}`;
  await deps.files.put(storageKey, licence.bytes, detected.mime);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await repo.insertDocument(tx, {
      id: docId,
      purpose: 'business_licence',
      ownerEnterpriseId: enterpriseId,
      filename: licence.filename,
      kind: detected.kind,
      mime: detected.mime,
      size: licence.bytes.length,
      sha256: createHash('sha256').update(licence.bytes).digest('hex'),
      storageKey,
      uploadedBy: '00000000-0000-0000-0000-000000000000',
      createdAt: now,
    });
    await repo.updateEnterprise(tx, enterpriseId, {
      licenceDocumentId: docId,
      verificationStatus: 'verified',
      verifiedBy: null,
      verifiedByUnitId: null,
      verifiedAt: now,
      verificationReason: null,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'enterprise.verify',
      targetType: 'enterprise',
      targetId: enterpriseId,
      after: { verificationStatus: 'verified', licenceDocumentId: docId },
    });
  });
}
