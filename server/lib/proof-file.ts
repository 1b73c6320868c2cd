import type { Deps } from './deps';
import { AppError } from './errors';
import { checkUploadedFile } from './files';

/**
 * An uploaded proof (evidence of a revocation, a support document): a PDF or a PNG/JPEG image,
 * checked by its content whatever its name says, within the size limit.
 */
export function checkProofUpload(
  deps: Pick<Deps, 'config'>,
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
