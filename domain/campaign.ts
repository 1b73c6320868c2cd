import { z } from './zod';
import { QUOTA_GROUPS } from './recommender-units';
import { duplicateSettingsSchema } from './duplicate-settings';

export const CATEGORY_CODES = [
  'secure_reliable',
  'basic_common',
  'industry_general',
  'enterprise_specific',
] as const;

export const categorySchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1), // e.g. 安全可靠工业APP
  noticeText: z.string().min(1), // the notice's own words
  focusAreas: z.array(z.string().min(1)).min(1),
});
export type Category = z.infer<typeof categorySchema>;

export const rubricDimensionSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  weight: z.number().positive(),
  guidance: z.string(),
});

/** Everything about a call that varies from year to year (DESIGN §2). */
export const campaignSettingsSchema = z.object({
  formId: z.string().min(1), // which declared application form (domain/forms)
  categories: z.array(categorySchema).min(1),
  wordLimit: z.number().int().positive(),
  quotas: z.object(
    Object.fromEntries(QUOTA_GROUPS.map((g) => [g, z.number().int().min(0)])) as {
      [K in (typeof QUOTA_GROUPS)[number]]: z.ZodNumber;
    },
  ),
  awardValidityYears: z.number().int().positive(),
  businessStages: z.array(z.string().min(1)),
  rubric: z.array(rubricDimensionSchema).min(1),
  postAwardDimensions: z.array(z.string().min(1)),
  followUpAwardYears: z.array(z.number().int()), // 附件4: winners of these years report
  contact: z.string(),
  /** 不得重复上报 / 多头申报: the duplicate detector's thresholds; absent → its defaults. */
  duplicates: duplicateSettingsSchema.optional(), // 重复申报 thresholds; absent: the defaults
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

export const campaignDeclarationSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  docNumber: z.string(),
  issuer: z.string(),
  publishedOn: z.string(), // YYYY-MM-DD
  opensAt: z.string().datetime({ offset: true }),
  onlineDeadline: z.string().datetime({ offset: true }),
  paperDeadline: z.string().datetime({ offset: true }),
  settings: campaignSettingsSchema,
});
export type CampaignDeclaration = z.infer<typeof campaignDeclarationSchema>;

export type CampaignPhase = 'upcoming' | 'open' | 'closed';

export function campaignPhase(
  c: { opensAt: Date; onlineDeadline: Date },
  now: Date,
): CampaignPhase {
  if (now < c.opensAt) return 'upcoming';
  if (now > c.onlineDeadline) return 'closed';
  return 'open';
}

/** The last instant of a calendar day in Asia/Shanghai (UTC+8, no DST), e.g. 2021-10-20 → 2021-10-20T23:59:59.999+08:00. */
export function endOfDayShanghai(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`not a date: ${isoDate}`);
  return `${isoDate}T23:59:59.999+08:00`;
}
