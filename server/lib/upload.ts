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

/**
 * A multipart form of text fields and one file (field "file"), within the per-file size limit.
 * The fields may come before or after the file; no file → 400.
 */
export async function readUploadedForm(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart())
    throw new AppError('BAD_REQUEST', {
      message: '请以 multipart/form-data 提交（文件字段名 file）',
    });
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | undefined;
  for await (const part of req.parts({
    limits: { files: 1, fields: 12, fileSize: maxBytes + 1 },
  })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    const bytes = await part.toBuffer().catch(() => null);
    if (!bytes || part.file.truncated || bytes.length > maxBytes)
      throw new AppError('FILE_TOO_LARGE', {
        message: `单个文件不能超过 ${Math.round(maxBytes / 1048576)} MB`,
      });
    if (part.fieldname === 'file' && !file) file = { filename: part.filename.slice(0, 200), bytes };
  }
  if (!file) throw new AppError('BAD_REQUEST', { message: '没有收到文件' });
  return { fields, file };
}
