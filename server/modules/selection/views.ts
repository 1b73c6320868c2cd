// The response shapes live in domain/api/selection (the web infers its types from them).
import { z } from '../../../domain/zod';
export {
  preselectResultSchema,
  selectionRowSchema,
  selectionViewSchema,
} from '../../../domain/api/selection';

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });
export const decisionParamsSchema = campaignParamsSchema.extend({
  applicationId: z.string().uuid('编号格式不正确'),
});
