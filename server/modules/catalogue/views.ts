// The response shapes live in domain/api/catalogue (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  catalogueDetailSchema,
  cataloguePageSchema,
  catalogueQuerySchema,
  openDataFileSchema,
} from '../../../domain/api/catalogue';

/** Any text up to 100 characters: a malformed public id is answered 404 like an unknown one. */
export const publicIdParamsSchema = z.object({ publicId: z.string().min(1).max(100) });

/** 2026.csv, 2026.json */
export const listFileParamsSchema = z.object({
  file: z.string().regex(/^\d{4}\.(csv|json)$/, '文件名应为 年度.csv 或 年度.json，如 2021.csv'),
});
