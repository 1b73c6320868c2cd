import { z } from '../../../domain/zod';

// The response shapes live in domain/api/batches (the web infers its types from them).
export {
  batchViewSchema,
  stampedScanSchema,
  summaryRowSchema,
  type BatchView,
} from '../../../domain/api/batches';

// `idOrCode`, as every /campaigns/:idOrCode route names it: one path segment has one name
export const batchParamsSchema = z.object({
  idOrCode: z.string().min(1).max(80),
  unitId: z.string().uuid('编号格式不正确'),
});
