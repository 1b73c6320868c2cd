// The response shapes live in domain/api/formal-check (the web infers its types from them).
import { z } from '../../../domain/zod';

export {
  bulkPassResultSchema,
  bulkPassSchema,
  formalCheckListQuerySchema,
  formalCheckListSchema,
  formalCheckOutcomeSchema,
  formalCheckViewSchema,
  recordFormalCheckSchema,
} from '../../../domain/api/formal-check';

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });
