// The stamped scan of 附件3 (盖章扫描件): a PDF or an image, checked by its content.
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { truncateText } from '../../lib/input-text';
import { checkUploadedFile, FileNotFoundError } from '../../lib/files';
import { recordAudit } from '../audit';
import { assertBeforePaperDeadline, lockOpenDesk } from './desk';
import { findBatch, findDocument, insertDocument, lockBatch, updateBatch } from './repository';
import type { Desk } from './service';

const NOT_A_SCAN = '盖章扫描件须为PDF文件或图片（PNG、JPEG）';

export async function uploadStampedScan(
  deps: Deps,
  desk: Desk,
  file: { filename: string; bytes: Buffer },
  uploadedBy: string,
  actor: Actor,
) {
  const { campaign, unitId } = desk;
  if (file.bytes.length > deps.config.maxFileBytes) {
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(deps.config.maxFileBytes / 1048576)} MB`,
    });
  }
  const check = checkUploadedFile(file.bytes, file.filename);
  if (!check.ok)
    throw new AppError('FILE_REJECTED', { message: check.reason, messageEn: check.reasonEn });
  if (check.detected.kind !== 'pdf' && check.detected.kind !== 'image')
    throw new AppError('FILE_REJECTED', { message: NOT_A_SCAN });
  // refuse early what the transaction would refuse, so no file is stored for nothing
  if ((await findBatch(deps.db, campaign.id, unitId))?.state === 'signed_off')
    throw new AppError('BATCH_SIGNED_OFF');
  const { detected } = check;
  const id = randomUUID();
  const storageKey = `documents/${campaign.id}/${unitId}/${id}.${detected.ext}`;
  await deps.files.put(storageKey, file.bytes, detected.mime);
  // a refusal inside the transaction (deadline, a sign-off meanwhile) leaves no stray file
  await recordScan().catch(async (err: unknown) => {
    await deps.files.delete(storageKey).catch(() => undefined);
    throw err;
  });

  async function recordScan() {
    await deps.db.transaction(async (tx) => {
      await lockOpenDesk(tx, unitId, campaign.id);
      const now = deps.clock.now();
      assertBeforePaperDeadline(campaign, now, '推荐报送已截止，不能再上传盖章扫描件');
      const batch = await lockBatch(tx, campaign.id, unitId, now);
      const doc = await insertDocument(tx, {
        id,
        purpose: 'summary_table_scan',
        ownerUnitId: unitId,
        campaignId: campaign.id,
        filename: truncateText(file.filename, 200),
        kind: detected.kind,
        mime: detected.mime,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy,
        createdAt: now,
      });
      await updateBatch(tx, batch.id, { stampedScanId: doc.id, updatedAt: now });
      await recordAudit(tx, deps.clock, actor, {
        action: 'batch.stamped_scan_upload',
        targetType: 'recommendation_batch',
        targetId: batch.id,
        before: { stampedScanId: batch.stampedScanId },
        after: {
          stampedScanId: doc.id,
          filename: doc.filename,
          size: doc.size,
          sha256: doc.sha256,
        },
      });
    });
  }
}

export async function readStampedScan(deps: Deps, desk: Desk) {
  const batch = await findBatch(deps.db, desk.campaign.id, desk.unitId);
  const doc = batch?.stampedScanId ? await findDocument(deps.db, batch.stampedScanId) : undefined;
  if (!doc) throw new AppError('NOT_FOUND', { message: '尚未上传盖章扫描件' });
  try {
    return { doc, bytes: await deps.files.get(doc.storageKey) };
  } catch (e) {
    if (e instanceof FileNotFoundError)
      throw new AppError('NOT_FOUND', { message: '扫描件文件已丢失，请重新上传' });
    throw e;
  }
}
