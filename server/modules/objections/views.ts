// The response shapes live in domain/api/objections (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  challengeSchema,
  objectionListSchema,
  objectionReceiptSchema,
  resolvedObjectionSchema,
} from '../../../domain/api/objections';

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });
export const objectionParamsSchema = campaignParamsSchema.extend({
  objectionId: z.string().uuid('编号格式不正确'),
});
