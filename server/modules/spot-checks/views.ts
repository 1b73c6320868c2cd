// The request and response shapes live in domain/api/spot-checks (the web infers its types there).
import { z } from '../../../domain/zod';
export {
  assignSpotCheckTaskSchema,
  commitSpotCheckSchema,
  drawSpotCheckSchema,
  mySpotCheckTaskDetailSchema,
  mySpotCheckTaskListSchema,
  mySpotCheckTaskSchema,
  publicSpotCheckListSchema,
  publicSpotCheckSchema,
  recomputeSpotCheckSchema,
  recordFindingSchema,
  spotCheckDetailSchema,
  spotCheckRecomputationSchema,
  spotCheckVerificationSchema,
} from '../../../domain/api/spot-checks';

const uuid = (what: string) => z.string().uuid(`${what}编号格式不正确`);
export const spotCheckParamsSchema = z.object({ id: uuid('抽查') });
export const taskParamsSchema = z.object({ taskId: uuid('核查任务') });
export const attachmentParamsSchema = taskParamsSchema.extend({ attachmentId: uuid('附件') });

export const sourcesSchema = z.object({
  lists: z.array(z.object({ campaignId: z.string(), year: z.number(), title: z.string() })),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
});
