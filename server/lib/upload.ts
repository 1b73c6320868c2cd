import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** The one file of a multipart request (field "file"), within the per-file size limit. */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart())
    throw new AppError('BAD_REQUEST', {
      message: '请以 multipart/form-data 上传文件（字段名 file）',
    });
  const part = await req.file();
  if (!part) throw new AppError('BAD_REQUEST', { message: '没有收到文件' });
  const bytes = await part.toBuffer().catch(() => null);
  if (!bytes || part.file.truncated || bytes.length > maxBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(maxBytes / 1048576)} MB`,
    });
  return { filename: part.filename.slice(0, 200), bytes };
}
