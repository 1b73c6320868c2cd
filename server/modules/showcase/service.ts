// 成果展示 (issue 14, 宣传推广). The enterprise of a published solution keeps one draft: its text
// and its images in order (uploaded one by one, checked by content, stored as documents). Saving
// carries the version read, so a change made meanwhile elsewhere is not overwritten.
// Submitting puts the draft before the organizers (pending; no edits until reviewed or withdrawn);
// approving copies the text and images to what the public sees, returning keeps the public copy as
// it was. Each change locks the solution's row, re-checks in its transaction and writes its audit
// row and messages there. A revoked solution's showcase is frozen.
import { createHash, randomUUID } from 'node:crypto';
import type {
  ShowcaseImage,
  ShowcaseSubmissionList,
  ShowcaseSummaryList,
  ShowcaseView,
} from '../../../domain/api/showcase';
import { countWords } from '../../../domain/word-count';
import {
  SHOWCASE_MAX_IMAGES,
  showcaseTextProblem,
  type ReviewShowcaseInput,
  type SaveShowcaseInput,
  type ShowcaseSubmissionQuery,
} from '../../../domain/showcase';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import { checkShowcaseImage } from './images';
import {
  authorizeEnterprise,
  authorizeOwner,
  authorizeRead,
  authorizeReaderRole,
  authorizeReview,
} from './policy';
import * as repo from './repository';
import { previewUrl, publicImageUrl } from './views';

const notFound = () => new AppError('NOT_FOUND', { message: '未找到该入选解决方案' });

async function solutionOf(db: Db, publicId: string, lock = false) {
  const s = lock ? await repo.lockSolution(db, publicId) : await repo.findSolution(db, publicId);
  if (!s) throw notFound();
  return s;
}

function assertNotRevoked(s: repo.SolutionRow) {
  if (s.status === 'revoked')
    throw new AppError('WRONG_STATE', {
      message: '该解决方案的入选资格已撤销，成果展示不能再修改或提交',
      messageEn: 'The award was revoked: the showcase can no longer change',
    });
}

function assertNotPending(e: repo.EntryRow | undefined) {
  if (e?.state === 'pending')
    throw new AppError('WRONG_STATE', {
      message: '成果展示正在审核中，不能修改；如需修改，请先撤回',
      messageEn: 'The showcase is awaiting review; withdraw it to change it',
    });
}

/** The version the client read must still be the stored one. */
function assertVersion(e: repo.EntryRow | undefined, version: number | null) {
  if ((e?.version ?? null) !== version)
    throw new AppError('CONFLICT', {
      message:
        '成果展示已在其他页面或由其他人修改，请刷新后再操作（您的修改尚未保存，请先复制留存）',
      messageEn: 'The showcase changed meanwhile; reload it before changing it',
    });
}

function imageViews(
  publicId: string,
  ids: string[],
  docs: Map<string, repo.DocumentRow>,
): ShowcaseImage[] {
  return ids.flatMap((id) => {
    const d = docs.get(id);
    return d
      ? [{ id, filename: d.filename, mime: d.mime, size: d.size, url: previewUrl(publicId, id) }]
      : [];
  });
}

async function viewOf(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  s: repo.SolutionRow,
  e?: repo.EntryRow,
): Promise<ShowcaseView> {
  const entry = e ?? (await repo.findEntry(deps.db, s.publicId));
  const approvedIds = entry?.approvedImageIds ?? [];
  const docs = new Map(
    (await repo.findImages(deps.db, [...(entry?.imageIds ?? []), ...approvedIds])).map((d) => [
      d.id,
      d,
    ]),
  );
  return {
    publicId: s.publicId,
    applicationId: s.applicationId,
    solutionName: s.solutionName,
    enterpriseName: s.enterpriseName,
    unitName: s.unitName,
    status: s.status,
    state: entry?.state ?? null,
    text: entry?.text ?? '',
    images: imageViews(s.publicId, entry?.imageIds ?? [], docs),
    reviewNote: entry?.reviewNote ?? null,
    submittedAt: entry?.submittedAt?.toISOString() ?? null,
    reviewedAt: entry?.reviewedAt?.toISOString() ?? null,
    updatedAt: entry?.updatedAt.toISOString() ?? null,
    version: entry?.version ?? null,
    public:
      entry?.approvedAt && entry.approvedText !== null
        ? {
            text: entry.approvedText,
            images: imageViews(s.publicId, approvedIds, docs),
            approvedAt: entry.approvedAt.toISOString(),
            publicUrls: approvedIds.map((id) => publicImageUrl(s.publicId, id)),
          }
        : null,
    canEdit:
      user.role === 'enterprise' && user.enterpriseId === s.enterpriseId && s.status !== 'revoked',
  };
}

/** listMyShowcases */
export async function listMine(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
): Promise<ShowcaseSummaryList> {
  const enterpriseId = authorizeEnterprise(user);
  const rows = await repo.listOfEnterprise(deps.db, enterpriseId);
  return {
    items: rows.map(({ solution: s, entry: e }) => ({
      publicId: s.publicId,
      applicationId: s.applicationId,
      solutionName: s.solutionName,
      status: s.status,
      state: e?.state ?? null,
      isPublic: !!e?.approvedAt,
      updatedAt: e?.updatedAt.toISOString() ?? null,
    })),
  };
}

/** getShowcase */
export async function get(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  publicId: string,
): Promise<ShowcaseView> {
  authorizeReaderRole(user);
  const s = await solutionOf(deps.db, publicId);
  authorizeRead(user, s);
  return viewOf(deps, user, s);
}

/** A change of the draft by its enterprise: the solution locked, owned, not revoked. */
async function changeDraft(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  publicId: string,
  change: (tx: Db, s: repo.SolutionRow, e: repo.EntryRow | undefined) => Promise<repo.EntryRow>,
): Promise<ShowcaseView> {
  authorizeEnterprise(user);
  const { s, e } = await deps.db.transaction(async (tx) => {
    const s = await solutionOf(tx, publicId, true);
    authorizeOwner(user, s);
    assertNotRevoked(s);
    const e = await change(tx, s, await repo.findEntry(tx, publicId, true));
    return { s, e };
  });
  return viewOf(deps, user, s, e);
}

/** Writes the draft: a new entry, or the old one back to 草稿 (what is public stays). */
async function writeDraft(
  tx: Db,
  publicId: string,
  e: repo.EntryRow | undefined,
  draft: { text: string; imageIds: string[] },
  now: Date,
) {
  return e
    ? repo.updateEntry(tx, publicId, {
        ...draft,
        state: 'draft',
        updatedAt: now,
        version: e.version + 1,
      })
    : repo.insertEntry(tx, { publicId, ...draft, state: 'draft', updatedAt: now, version: 1 });
}

/** saveShowcase */
export function save(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  publicId: string,
  input: SaveShowcaseInput,
): Promise<ShowcaseView> {
  return changeDraft(deps, user, publicId, async (tx, _s, e) => {
    assertVersion(e, input.version);
    assertNotPending(e);
    const known = new Set(e?.imageIds ?? []);
    const unknown = input.imageIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        message: '图片不属于本成果展示，请先上传图片',
        details: [{ path: 'imageIds', message: '图片不属于本成果展示' }],
      });
    const draft = { text: input.text, imageIds: input.imageIds };
    return writeDraft(tx, publicId, e, draft, deps.clock.now());
  });
}

export interface ShowcaseFile {
  filename: string;
  bytes: Buffer;
}

const tooMany = () =>
  new AppError('VALIDATION_FAILED', {
    message: `成果展示最多${SHOWCASE_MAX_IMAGES}张图片，请先删除不需要的图片`,
    details: [{ path: 'file', message: `最多${SHOWCASE_MAX_IMAGES}张图片` }],
  });

/** uploadShowcaseImage: checked first (nothing stored when refused), then added to the draft's end. */
export async function uploadImage(
  deps: Deps,
  user: SignedInUser,
  publicId: string,
  file: ShowcaseFile,
): Promise<ShowcaseView> {
  authorizeEnterprise(user);
  const s = await solutionOf(deps.db, publicId);
  authorizeOwner(user, s);
  assertNotRevoked(s);
  const before = await repo.findEntry(deps.db, publicId);
  assertNotPending(before);
  if ((before?.imageIds.length ?? 0) >= SHOWCASE_MAX_IMAGES) throw tooMany();
  const type = checkShowcaseImage(file.bytes, file.filename);
  const docId = randomUUID();
  const storageKey = `showcase/${s.campaignId}/${docId}.${type.ext}`;
  await deps.files.put(storageKey, file.bytes, type.mime);
  try {
    return await changeDraft(deps, user, publicId, async (tx, _s, e) => {
      assertNotPending(e);
      if ((e?.imageIds.length ?? 0) >= SHOWCASE_MAX_IMAGES) throw tooMany();
      const now = deps.clock.now();
      await repo.insertDocument(tx, {
        id: docId,
        purpose: 'showcase_image',
        ownerEnterpriseId: s.enterpriseId,
        campaignId: s.campaignId,
        filename: file.filename,
        kind: 'image',
        mime: type.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: user.id,
        createdAt: now,
      });
      return writeDraft(
        tx,
        publicId,
        e,
        { text: e?.text ?? '', imageIds: [...(e?.imageIds ?? []), docId] },
        now,
      );
    });
  } catch (err) {
    await deps.files.delete(storageKey);
    throw err;
  }
}

/** deleteShowcaseImage: out of the draft (an approved copy keeps it until replaced). */
export function deleteImage(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  publicId: string,
  imageId: string,
): Promise<ShowcaseView> {
  return changeDraft(deps, user, publicId, async (tx, _s, e) => {
    if (!e?.imageIds.includes(imageId))
      throw new AppError('NOT_FOUND', { message: '草稿中没有这张图片' });
    assertNotPending(e);
    return writeDraft(
      tx,
      publicId,
      e,
      { text: e.text, imageIds: e.imageIds.filter((id) => id !== imageId) },
      deps.clock.now(),
    );
  });
}

/** submitShowcase: the saved draft (the version the enterprise saw) goes to the organizers. */
export async function submit(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  user: SignedInUser,
  publicId: string,
  version: number | null,
  actor: Actor,
): Promise<ShowcaseView> {
  return changeDraft(deps, user, publicId, async (tx, s, e) => {
    if (!e)
      throw new AppError('WRONG_STATE', {
        message: '请先填写并保存成果展示，再提交审核',
        messageEn: 'Write and save the showcase first',
      });
    assertVersion(e, version);
    assertNotPending(e);
    if (e.state === 'approved')
      throw new AppError('WRONG_STATE', {
        message: '成果展示已审核通过且未作修改，无需再次提交',
        messageEn: 'Approved and unchanged: nothing to submit',
      });
    const problem = showcaseTextProblem(e.text);
    if (problem)
      throw new AppError('VALIDATION_FAILED', {
        message: problem,
        details: [{ path: 'text', message: problem }],
      });
    const now = deps.clock.now();
    const entry = await repo.updateEntry(tx, publicId, {
      state: 'pending',
      submittedAt: now,
      updatedAt: now,
      version: e.version + 1,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'showcase.submit',
      targetType: 'showcase',
      targetId: publicId,
      before: { state: e.state },
      after: { state: 'pending', words: countWords(e.text), images: e.imageIds.length },
    });
    await notify(tx, deps, {
      kind: 'showcase.submitted',
      campaignId: s.campaignId,
      to: { roles: ['organizer'] },
      link: '/admin/showcase',
      values: {
        活动名称: await repo.campaignTitle(tx, s.campaignId),
        公开编号: publicId,
        解决方案名称: s.solutionName,
        企业名称: s.enterpriseName,
      },
    });
    return entry;
  });
}

/** withdrawShowcase: a submission not yet reviewed back to 草稿, to edit it. */
export function withdraw(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: SignedInUser,
  publicId: string,
  version: number | null,
  actor: Actor,
): Promise<ShowcaseView> {
  return changeDraft(deps, user, publicId, async (tx, _s, e) => {
    assertVersion(e, version);
    if (e?.state !== 'pending')
      throw new AppError('WRONG_STATE', {
        message: '成果展示不在审核中，无需撤回',
        messageEn: 'The showcase is not awaiting review',
      });
    const entry = await repo.updateEntry(tx, publicId, {
      state: 'draft',
      updatedAt: deps.clock.now(),
      version: e.version + 1,
    });
    await recordAudit(tx, deps.clock, actor, {
      action: 'showcase.withdraw',
      targetType: 'showcase',
      targetId: publicId,
      before: { state: 'pending' },
      after: { state: 'draft' },
    });
    return entry;
  });
}

/** listShowcaseSubmissions */
export async function listSubmissions(
  deps: Pick<Deps, 'db'>,
  user: SignedInUser,
  query: ShowcaseSubmissionQuery,
): Promise<ShowcaseSubmissionList> {
  authorizeReview(user);
  const { rows, total } = await repo.listSubmissions(deps.db, query);
  return {
    items: rows.map(({ solution: s, entry: e, reviewedByName }) => ({
      publicId: s.publicId,
      solutionName: s.solutionName,
      enterpriseName: s.enterpriseName,
      unitName: s.unitName,
      status: s.status,
      state: e.state,
      imageCount: e.imageIds.length,
      isPublic: !!e.approvedAt,
      reviewNote: e.reviewNote,
      submittedAt: e.submittedAt?.toISOString() ?? null,
      reviewedAt: e.reviewedAt?.toISOString() ?? null,
      reviewedBy: reviewedByName,
      version: e.version,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const REVIEW_TEXT = {
  approve: '已审核通过，现已在公开页面展示',
  reject: '未通过审核，已退回修改',
} as const;

/**
 * reviewShowcase: the submission named by its version, still pending (else 409, nothing
 * changed). Approved: its text and images become what the public sees. Returned: the reason is
 * kept for the enterprise; what was public stays public.
 */
export async function review(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  user: SignedInUser,
  publicId: string,
  input: ReviewShowcaseInput,
  actor: Actor,
): Promise<ShowcaseView> {
  authorizeReview(user);
  const { s, e } = await deps.db.transaction(async (tx) => {
    const s = await solutionOf(tx, publicId, true);
    const e = await repo.findEntry(tx, publicId, true);
    if (e?.state !== 'pending' || e.version !== input.version)
      throw new AppError('CONFLICT', {
        message: '该成果展示已被审核、撤回或重新提交，请刷新后再审核',
        messageEn: 'The submission was reviewed, withdrawn or resubmitted meanwhile; reload it',
      });
    const now = deps.clock.now();
    const note = input.note?.trim() ? input.note.trim() : null;
    if (input.decision === 'approve') assertNotRevoked(s);
    const entry = await repo.updateEntry(tx, publicId, {
      state: input.decision === 'approve' ? 'approved' : 'rejected',
      reviewNote: note,
      reviewedBy: user.id,
      reviewedAt: now,
      updatedAt: now,
      version: e.version + 1,
      ...(input.decision === 'approve'
        ? { approvedText: e.text, approvedImageIds: e.imageIds, approvedAt: now }
        : {}),
    });
    await recordAudit(tx, deps.clock, actor, {
      action: input.decision === 'approve' ? 'showcase.approve' : 'showcase.reject',
      targetType: 'showcase',
      targetId: publicId,
      before: { state: 'pending' },
      after: { state: entry.state, words: countWords(e.text), images: e.imageIds.length },
      ...(note ? { note } : {}),
    });
    await notify(tx, deps, {
      kind: 'showcase.reviewed',
      campaignId: s.campaignId,
      to: { enterpriseIds: [s.enterpriseId] },
      link: `/showcase/${encodeURIComponent(publicId)}`,
      values: {
        活动名称: await repo.campaignTitle(tx, s.campaignId),
        公开编号: publicId,
        解决方案名称: s.solutionName,
        审核结果: REVIEW_TEXT[input.decision],
        审核意见: note ? `${input.decision === 'approve' ? '审核意见' : '退回理由'}：${note}` : '',
      },
    });
    return { s, e: entry };
  });
  return viewOf(deps, user, s, e);
}

async function imageBytes(deps: Pick<Deps, 'db' | 'files'>, imageId: string) {
  const [doc] = await repo.findImages(deps.db, [imageId]);
  if (!doc) throw new AppError('NOT_FOUND', { message: '图片不存在' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (err) {
    if (err instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '图片文件不存在' });
    throw err;
  }
}

/** getShowcaseImage (public): only an image of what was approved for this solution. */
export async function publicImage(
  deps: Pick<Deps, 'db' | 'files'>,
  publicId: string,
  imageId: string,
) {
  const e = await repo.findEntry(deps.db, publicId);
  if (!e?.approvedAt || !(e.approvedImageIds ?? []).includes(imageId))
    throw new AppError('NOT_FOUND', { message: '图片不存在或尚未审核通过' });
  return imageBytes(deps, imageId);
}

/** getShowcaseImagePreview: the draft's and the approved images, for those who may read it. */
export async function previewImage(
  deps: Pick<Deps, 'db' | 'files'>,
  user: SignedInUser,
  publicId: string,
  imageId: string,
) {
  authorizeReaderRole(user);
  const s = await solutionOf(deps.db, publicId);
  authorizeRead(user, s);
  const e = await repo.findEntry(deps.db, publicId);
  if (!e || (!e.imageIds.includes(imageId) && !(e.approvedImageIds ?? []).includes(imageId)))
    throw new AppError('NOT_FOUND', { message: '图片不存在' });
  return imageBytes(deps, imageId);
}
