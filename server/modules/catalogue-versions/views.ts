// The response shapes live in domain/api/catalogue-versions (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  catalogueImportSchema,
  cataloguePreviewSchema,
  catalogueVersionListSchema,
  catalogueViewSchema,
} from '../../../domain/api/catalogue-versions';

/** ?version=3 (absent: the latest) */
export const catalogueQuerySchema = z.object({
  version: z.coerce
    .number()
    .int('版本号应为正整数')
    .min(1, '版本号应为正整数')
    .max(1_000_000)
    .optional(),
});
