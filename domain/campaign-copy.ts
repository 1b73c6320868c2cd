import { instantSchema, z } from './zod';

const instant = instantSchema();

/** An organizer starts another year's call from an existing one. */
export const copyCampaignSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{3,60}$/, '活动代码为3–60位小写字母、数字或连字符'),
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(4).max(200),
    docNumber: z.string().trim().max(100).default(''),
    opensAt: instant,
    onlineDeadline: instant,
    paperDeadline: instant,
    isDemo: z.boolean().default(false),
  })
  .refine((c) => new Date(c.onlineDeadline) > new Date(c.opensAt), {
    message: '网上申报截止时间须晚于开始时间',
    path: ['onlineDeadline'],
  })
  .refine((c) => new Date(c.paperDeadline) >= new Date(c.opensAt), {
    message: '纸质材料截止时间须晚于开始时间',
    path: ['paperDeadline'],
  });
export type CopyCampaignInput = z.infer<typeof copyCampaignSchema>;
