import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { truncateText, unstorableText, unstorableTextError } from './input-text';

const NOT_MULTIPART = '请以 multipart/form-data 上传文件（字段名 file）';

/**
 * The one file of a multipart request (field "file"), within the per-file size limit. A request
 * that is not well-formed multipart (no boundary, cut off), a file name or text field the database
 * could not store, is refused before anything is stored.
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('BAD_REQUEST', { message: NOT_MULTIPART });
  const part = await req.file().catch((err: unknown) => {
    throw multipartError(err);
  });
  if (!part) throw new AppError('BAD_REQUEST', { message: '没有收到文件' });
  const bytes = await part.toBuffer().catch((err: unknown) => {
    const e = multipartError(err);
    if (e.code !== 'BAD_REQUEST') return null;
    throw e;
  });
  if (!bytes || part.file.truncated || bytes.length > maxBytes)
    throw new AppError('FILE_TOO_LARGE', {
      message: `单个文件不能超过 ${Math.round(maxBytes / 1048576)} MB`,
    });
  for (const field of Object.values(part.fields).flat()) {
    if (field && field.type === 'field' && typeof field.value === 'string') {
      const problem = unstorableText(field.value) ?? unstorableText(field.fieldname);
      if (problem) throw unstorableTextError({ path: field.fieldname, problem });
    }
  }
  return { filename: storableFilename(part.filename), bytes };
}

/** A file name the database can store, cut at 200 without splitting a character; else 400. */
function storableFilename(filename: string): string {
  const problem =
    unstorableText(filename) ??
    // eslint-disable-next-line no-control-regex
    (/[\u0001-\u001f\u007f]/.test(filename) ? '控制字符' : null);
  if (problem)
    throw new AppError('FILE_REJECTED', {
      message: `文件名中含有无法保存的字符：${problem}，请重命名文件后再上传`,
      messageEn: 'The file name contains characters that cannot be stored; rename the file',
      details: [{ path: 'file', message: `文件名中含有${problem}` }],
    });
  return truncateText(filename, 200);
}

/** A multipart parse failure is the client's: 4xx as the parser says, else 400 BAD_REQUEST. */
function multipartError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; message?: string };
  if (e.statusCode === 413)
    return new AppError('FILE_TOO_LARGE', { messageEn: e.message ?? 'Too large' });
  return new AppError('BAD_REQUEST', {
    message: `${NOT_MULTIPART}：请求内容不是完整的 multipart/form-data`,
    messageEn: `Malformed multipart request: ${e.message ?? 'unreadable'}`,
  });
}

/**
 * A multipart form of text fields and one file (field "file"), within the per-file size limit.
 * The fields may come before or after the file; no file → 400.
 */
export async function readUploadedForm(req: FastifyRequest, maxBytes: number) {
  const { fields, file } = await readFormWithOptionalFile(req, maxBytes);
  if (!file) throw new AppError('BAD_REQUEST', { message: '没有收到文件' });
  return { fields, file };
}

/**
 * A multipart form of text fields (at most `maxFields`) and at most one file (field "file"),
 * which may be left out: `file` is then undefined. The same checks as readUploadedForm: a file
 * over the size limit, text the database cannot store, a malformed request are refused.
 */
export async function readFormWithOptionalFile(
  req: FastifyRequest,
  maxBytes: number,
  maxFields = 12,
) {
  if (!req.isMultipart())
    throw new AppError('BAD_REQUEST', {
      message: '请以 multipart/form-data 提交（文件字段名 file）',
    });
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts({
      limits: { files: 1, fields: maxFields, fileSize: maxBytes + 1 },
    })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') {
          const problem = unstorableText(part.value) ?? unstorableText(part.fieldname);
          if (problem) throw unstorableTextError({ path: part.fieldname, problem });
          fields[part.fieldname] = part.value;
        }
        continue;
      }
      const bytes = await part.toBuffer().catch(() => null);
      if (!bytes || part.file.truncated || bytes.length > maxBytes)
        throw new AppError('FILE_TOO_LARGE', {
          message: `单个文件不能超过 ${Math.round(maxBytes / 1048576)} MB`,
        });
      // a browser sends an empty part for a file input left empty
      if (part.fieldname === 'file' && !file && (bytes.length > 0 || part.filename))
        file = { filename: storableFilename(part.filename), bytes };
    }
  } catch (err) {
    throw multipartError(err); // no boundary, cut off, too many parts: the client's, never a 500
  }
  return { fields, file };
}
