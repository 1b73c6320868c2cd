// A showcase image is checked by its content: PNG and JPEG as every upload (server/lib/files),
// WebP by its RIFF container (size, the WEBP form and a VP8/VP8L/VP8X first chunk), and named for
// what it is. Anything else — a text file named .png, a PDF, an SVG — is refused.
import { checkUploadedFile } from '../../lib/files';
import { AppError } from '../../lib/errors';

export interface ShowcaseImageType {
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  ext: 'png' | 'jpg' | 'webp';
}

const refused = (message: string, messageEn: string) =>
  new AppError('FILE_REJECTED', { message, messageEn, details: [{ path: 'file', message }] });

const ONLY = '成果展示图片须为 PNG、JPEG 或 WebP 图片';

function isWebp(b: Buffer): boolean {
  if (b.length < 20) return false;
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false;
  return ['VP8 ', 'VP8L', 'VP8X'].includes(b.toString('latin1', 12, 16));
}

export function checkShowcaseImage(bytes: Buffer, filename: string): ShowcaseImageType {
  const ext = (/\.([^.]+)$/.exec(filename)?.[1] ?? '').toLowerCase();
  if (isWebp(bytes)) {
    if (bytes.readUInt32LE(4) + 8 > bytes.length)
      throw refused(
        'WebP图片不完整，可能上传中断或文件已损坏',
        'Incomplete WebP image (interrupted upload or damaged file)',
      );
    if (ext !== 'webp')
      throw refused(
        `文件内容是WebP图片，但文件名为“${filename}”，请将扩展名改为 .webp 后再上传`,
        'The content is a WebP image; name the file .webp',
      );
    return { mime: 'image/webp', ext: 'webp' };
  }
  if (ext === 'webp')
    throw refused(
      '文件名为 .webp，但内容不是WebP图片',
      'Named .webp, but the content is not a WebP image',
    );
  const check = checkUploadedFile(bytes, filename);
  if (!check.ok) throw refused(`${check.reason}。${ONLY}`, check.reasonEn);
  if (check.detected.mime === 'image/png') return { mime: 'image/png', ext: 'png' };
  if (check.detected.mime === 'image/jpeg') return { mime: 'image/jpeg', ext: 'jpg' };
  throw refused(ONLY, 'Only PNG, JPEG or WebP images are accepted');
}
