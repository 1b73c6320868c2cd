// The response shapes live in domain/api/publication (the web infers its types from them).
import { z } from '../../../domain/zod';
export { publishedListViewSchema } from '../../../domain/api/publication';

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });
export const applicationParamsSchema = z.object({ id: z.string().uuid('编号格式不正确') });
