import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/actor';
import type { SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { truncateText } from '../../lib/input-text';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import { editableApplication, viewableApplication } from './load';
import * as repo from './repository';

const EDITABLE = new Set(['draft', 'returned']);

function mb(bytes: number) {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function assertRoom(used: number, size: number, max: number) {
  if (used + size > max)
    throw new AppError('FILE_TOO_LARGE', {
      message: `每份申报书的附件合计不能超过 ${mb(max)}（已用 ${mb(used)}）`,
      messageEn: `Attachments of one application may not exceed ${mb(max)}`,
    });
}

/** Checks the file by its content, stores it, then records it; the file is referenced from the form's data. */
export async function uploadAttachment(
  deps: Deps,
  user: SignedInUser,
  app: repo.ApplicationRow,
  file: { filename: string; bytes: Buffer },
  actor: Actor,
) {
  if (!EDITABLE.has(app.state))
    throw new AppError('WRONG_STATE', {
      message: '申报书已提交，不能再上传附件；如需修改请先撤回',
    });
  const { maxFileBytes, maxApplicationFileBytes } = deps.config;
  if (file.bytes.length > maxFileBytes) {
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${mb(maxFileBytes)}`,
      messageEn: `A file may not exceed ${mb(maxFileBytes)}`,
    });
  }
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', { message: check.reason, messageEn: check.reasonEn });
  // a quick refusal before storing anything; the count that decides is the one under the lock below
  assertRoom(
    await repo.attachmentBytesTotal(deps.db, app.id),
    file.bytes.length,
    maxApplicationFileBytes,
  );
  const id = randomUUID();
  const storageKey = `applications/${app.id}/${id}.${check.detected.ext}`;
  await deps.files.put(storageKey, file.bytes, check.detected.mime);
  try {
    return await deps.db.transaction(async (tx) => {
      // the application's row lock queues concurrent uploads, so the total is counted one at a time
      const current = await repo.lockApplication(tx, app.id);
      if (!current || !EDITABLE.has(current.state)) throw new AppError('WRONG_STATE');
      assertRoom(
        await repo.attachmentBytesTotal(tx, app.id),
        file.bytes.length,
        maxApplicationFileBytes,
      );
      const row = await repo.insertAttachment(tx, {
        id,
        applicationId: app.id,
        filename: truncateText(file.filename, 200),
        kind: check.detected.kind,
        mime: check.detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: user.id,
        createdAt: deps.clock.now(),
      });
      await recordAudit(tx, deps.clock, actor, {
        action: 'application.attachment_upload',
        targetType: 'application',
        targetId: app.id,
        after: {
          attachmentId: row.id,
          filename: row.filename,
          kind: row.kind,
          size: row.size,
          sha256: row.sha256,
        },
      });
      return row;
    });
  } catch (e) {
    await deps.files.delete(storageKey).catch(() => undefined); // refused: no file without a row
    throw e;
  }
}

export async function readAttachment(deps: Deps, appId: string, attachmentId: string) {
  const row = await repo.findAttachment(deps.db, appId, attachmentId);
  if (!row) throw new AppError('NOT_FOUND', { message: '未找到该附件' });
  try {
    return { row, bytes: await deps.files.get(row.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '附件文件已丢失，请联系主管部门' });
    throw e;
  }
}

/** Uploads to an application the caller may edit; the file is read only once that is known. */
export async function uploadAttachmentTo(
  deps: Deps,
  user: SignedInUser,
  id: string,
  readFile: () => Promise<{ filename: string; bytes: Buffer }>,
  actor: Actor,
) {
  const found = await editableApplication(deps, user, id);
  const file = await readFile();
  return uploadAttachment(deps, user, found, file, actor);
}

/** An attachment of an application the caller may read. */
export async function downloadAttachment(
  deps: Deps,
  user: SignedInUser,
  id: string,
  attachmentId: string,
) {
  const found = await viewableApplication(deps, user, id);
  return readAttachment(deps, found.id, attachmentId);
}
