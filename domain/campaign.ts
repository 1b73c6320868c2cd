import { instantSchema, z } from './zod';
import { QUOTA_GROUPS } from './recommender-units';
import { duplicateSettingsSchema } from './duplicate-settings';
import { formalChecklistSchema, reviewSettingsSchema } from './review';
import { holidayNoticesSchema } from './working-days';
import { PUBLIC_ID_SERIES_PATTERN } from './publication';

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
  /** the highest score an expert may give (absent: the weight, so weights of 100 make 百分制) */
  maxScore: z.number().positive().max(1000).optional(),
  guidance: z.string(),
});

export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

/**
 * 系统评价's four dimensions as the notice names them (§四(三)4), 25 points each (百分制). A
 * campaign stored when they were bare names gets these (by name; any other name 25 points, no
 * guidance) — see postAwardRubricFromNames.
 */
export const DEFAULT_POST_AWARD_DIMENSIONS: RubricDimension[] = [
  {
    code: 'strength',
    name: '综合实力',
    weight: 25,
    guidance: '企业的研发投入、团队、资质与经营状况，解决方案的持续运营和服务能力',
  },
  {
    code: 'innovation',
    name: '关键技术创新',
    weight: 25,
    guidance: '关键技术的自主可控和先进性，入选以来的版本迭代与新增知识产权',
  },
  {
    code: 'benefit',
    name: '经济社会效益',
    weight: 25,
    guidance: '应用带来的降本增效、营收与节能减排等可量化成效，以及对行业和社会的带动作用',
  },
  {
    code: 'promotion',
    name: '产业化推广价值',
    weight: 25,
    guidance: '入选以来新增的用户、行业和地区，复制推广的模式与前景',
  },
];

/** Bare dimension names (settings stored before the rubric was data) as a rubric. */
export function postAwardRubricFromNames(names: readonly string[]): RubricDimension[] {
  return names.map((name, i) => {
    const known = DEFAULT_POST_AWARD_DIMENSIONS.find((d) => d.name === name);
    return known ?? { code: `dimension${i + 1}`, name, weight: 25, guidance: '' };
  });
}

/** What a column of 附件3 (报送信息汇总表) shows: a fact of the application, or its rank. */
export const SUMMARY_COLUMN_FACTS = [
  'rank',
  'solutionName',
  'category',
  'focusAreas',
  'applicantName',
  'uscc',
  'region',
  'industries',
  'businessStages',
  'appCount',
  'appNames',
  'platform',
  'ownership',
  'size',
  'contactName',
  'phone',
  'email',
  'wordCount',
] as const;
export type SummaryColumnFact = (typeof SUMMARY_COLUMN_FACTS)[number];

export const SUMMARY_COLUMN_FACT_LABELS: Record<SummaryColumnFact, string> = {
  rank: '推荐排序',
  solutionName: '解决方案名称',
  category: '申报类别',
  focusAreas: '聚焦领域',
  applicantName: '申报单位',
  uscc: '统一社会信用代码',
  region: '所在地区',
  industries: '所属行业',
  businessStages: '业务环节',
  appCount: 'APP数量',
  appNames: 'APP名称',
  platform: '依托平台',
  ownership: '企业性质',
  size: '企业规模',
  contactName: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  wordCount: '正文字数',
};

export const summaryTableSchema = z.object({
  /** the printed title, e.g. 2021年工业互联网APP应用解决方案报送信息汇总表 */
  title: z.string().trim().min(1, '请填写附件3标题').max(200),
  columns: z
    .array(
      z.object({
        fact: z.enum(SUMMARY_COLUMN_FACTS, { error: '未知的汇总表列' }),
        header: z.string().trim().min(1, '请填写列标题').max(40, '列标题最长40字'),
        /** width in characters (XLSX); the PDF shares the page in proportion */
        width: z.number().int().min(4, '列宽至少为4').max(80, '列宽最多为80'),
      }),
    )
    .min(1, '附件3至少要有一列')
    .max(20, '附件3最多20列'),
});
export type SummaryTableSettings = z.infer<typeof summaryTableSchema>;

/** Everything about a call that varies from year to year (DESIGN §2). */
export const campaignSettingsSchema = z.object({
  /** the template the campaign's forms were first made from (its forms are stored with it) */
  formId: z.string().min(1).optional(),
  categories: z.array(categorySchema).min(1),
  wordLimit: z.number().int().positive(),
  /** unsubmitted drafts one enterprise may keep in this call; absent: DEFAULT_MAX_DRAFTS */
  maxDraftsPerEnterprise: z.number().int().min(1).max(100).optional(),
  quotas: z.object(
    Object.fromEntries(QUOTA_GROUPS.map((g) => [g, z.number().int().min(0)])) as {
      [K in (typeof QUOTA_GROUPS)[number]]: z.ZodNumber;
    },
  ),
  /** per-unit quotas for this campaign (unit id → quota), over the group's */
  quotaOverrides: z.record(z.uuid(), z.number().int().min(0).max(1000)).optional(),
  awardValidityYears: z.number().int().positive().max(100),
  businessStages: z.array(z.string().min(1)),
  rubric: z
    .array(rubricDimensionSchema)
    .min(1)
    .refine((r) => new Set(r.map((c) => c.code)).size === r.length, {
      message: '评分项代码不能重复',
    }),
  /** 形式审查's checklist; absent: the notice's (domain/review MIIT_2021_FORMAL_CHECKLIST) */
  formalChecklist: formalChecklistSchema.optional(),
  /** reviews per application, the comment's minimum, the recommendations; absent: the defaults */
  review: reviewSettingsSchema.optional(),
  /**
   * 系统评价 (issue 15): the post-award rubric — each dimension with its code, name, weight, highest
   * score and the experts' guidance, the review rubric's shape (scored and totalled alike).
   */
  postAwardDimensions: z
    .array(rubricDimensionSchema)
    .refine((r) => new Set(r.map((c) => c.code)).size === r.length, {
      message: '评价维度代码不能重复',
    }),
  followUpAwardYears: z.array(z.number().int().min(2000).max(2100)), // 附件4: winners of these years report
  contact: z.string(),
  /** 不得重复上报 / 多头申报: the duplicate detector's thresholds; absent → its defaults. */
  duplicates: duplicateSettingsSchema.optional(), // 重复申报 thresholds; absent: the defaults
  /** 附件3: its title and columns */
  summaryTable: summaryTableSchema,
  /**
   * 工作日 (公示期 and other periods in working days): the campaign's own holiday notices over the
   * State Council's built in (domain/working-days); absent: those alone.
   */
  holidayNotices: holidayNoticesSchema.optional(),
  /**
   * 发布: the series code in the published solutions' public ids (2021-IIAPP-001); absent: IIAPP.
   * Two campaigns of one year need different series.
   */
  publicIdSeries: z
    .string()
    .regex(PUBLIC_ID_SERIES_PATTERN, '公开编号系列应为2至16位大写字母或数字，以字母开头，如 IIAPP')
    .optional(),
  /**
   * 年度运行监测 (issue 15): the day (MM-DD, Beijing) each year's round opens by itself, reporting on
   * the year before; absent: only an organizer opens it. The days it stays open; absent: 30.
   */
  monitoringOpensOn: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '监测开启日期格式为 MM-DD，如 03-01')
    .optional(),
  monitoringDeadlineDays: z.number().int().min(1).max(366).optional(),
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** Unsubmitted drafts per enterprise and call when the campaign does not say (generous: a unit recommends at most 10 in all). */
export const DEFAULT_MAX_DRAFTS = 20;
export function maxDraftsOf(settings: Pick<CampaignSettings, 'maxDraftsPerEnterprise'>) {
  return settings.maxDraftsPerEnterprise ?? DEFAULT_MAX_DRAFTS;
}

export const campaignDeclarationSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  docNumber: z.string(),
  issuer: z.string(),
  publishedOn: z.string(), // YYYY-MM-DD
  opensAt: instantSchema(),
  onlineDeadline: instantSchema(),
  paperDeadline: instantSchema(),
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
