// The response shapes live in domain/api/support (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  supportListSchema,
  supportRecordSchema,
  supportTotalsListSchema,
} from '../../../domain/api/support';
export { uploadedDocumentSchema } from '../../../domain/api/lifecycle';

export const idParamsSchema = z.object({ id: z.string().uuid('编号格式不正确') });
