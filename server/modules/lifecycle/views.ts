// The response shapes live in domain/api/lifecycle (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  awardLifecycleItemSchema,
  awardLifecyclePageSchema,
  uploadedDocumentSchema,
} from '../../../domain/api/lifecycle';

export const documentParamsSchema = z.object({ id: z.string().uuid('文件编号格式不正确') });
