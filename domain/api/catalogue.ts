// 宣传推广 and 开放数据 (issue 14): the public catalogue of published 优秀解决方案 — its search,
// one solution's page, and the open-data records (JSON and CSV carry the same fields). Only what a
// published list made public: no 统一社会信用代码, no person. Shared by server and web.
import { PUBLISHED_STATUSES } from '../publication';
import { z } from '../zod';

const EVENT_KINDS = ['published', 'revoked', 'expired', 'withdrawn'] as const;
export const PUBLISHED_EVENT_LABELS: Record<(typeof EVENT_KINDS)[number], string> = {
  published: '发布入选',
  revoked: '撤销',
  expired: '有效期届满',
  withdrawn: '企业退出',
};

/** listPublishedSolutions: the search (GET parameters; the public page uses the same names). */
export const catalogueQuerySchema = z.object({
  /** words in the solution's name, the enterprise's name or the summary */
  q: z.string().trim().max(100, '搜索词最多100字').optional(),
  /** the list's year */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** a category code of the call, e.g. basic_common */
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, '类别代码不正确')
    .optional(),
  /** a GB/T 2260 code; a province (110000) or city (330100) matches the places under it */
  region: z
    .string()
    .regex(/^\d{6}$/, '地区代码应为6位数字')
    .optional(),
  /** a GB/T 4754 code or section letter; a broader code matches the narrower ones under it */
  industry: z
    .string()
    .regex(/^([A-T]|\d{2,4})$/, '行业代码应为门类字母或2至4位数字')
    .optional(),
  /** the status as of today (Beijing) */
  status: z.enum(PUBLISHED_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

const option = z.object({ value: z.string(), label: z.string(), count: z.number() });

/** One published solution as the catalogue lists it. */
export const catalogueItemSchema = z.object({
  /** stable public id, e.g. 2021-IIAPP-001 */
  publicId: z.string(),
  year: z.number(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string(),
  industries: z.array(z.object({ code: z.string(), name: z.string() })),
  unitName: z.string(),
  summary: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** as of today, Beijing: 有效 / 已撤销 / 已过期 */
  status: z.enum(PUBLISHED_STATUSES),
  statusLabel: z.string(),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

export const cataloguePageSchema = z.object({
  items: z.array(catalogueItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** the options of each filter with how many solutions match the search without that filter */
  facets: z.object({
    years: z.array(option),
    categories: z.array(option),
    /** provinces */
    regions: z.array(option),
    /** industry sections (门类) */
    industries: z.array(option),
    statuses: z.array(option),
  }),
});
export type CataloguePage = z.infer<typeof cataloguePageSchema>;

export const catalogueEventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  kindLabel: z.string(),
  /** the day it took effect (Beijing) */
  day: z.string(),
  note: z.string(),
  /** a revocation's or withdrawal's reason (抽查不合格 …); null for other events */
  reasonLabel: z.string().nullable(),
});

/** getPublishedSolution */
export const catalogueDetailSchema = catalogueItemSchema.extend({
  apps: z.array(z.object({ name: z.string(), version: z.string() })),
  list: z.object({
    title: z.string(),
    /** 文号 */
    documentNo: z.string(),
    publishedOn: z.string(),
  }),
  history: z.array(catalogueEventSchema),
  /** the enterprise's 成果展示 as an organizer approved it; null when none is */
  showcase: z
    .object({
      text: z.string(),
      images: z.array(z.object({ id: z.string(), url: z.string() })),
    })
    .nullable(),
  /** the public page */
  url: z.string(),
});
export type CatalogueDetail = z.infer<typeof catalogueDetailSchema>;

/**
 * One record of the open data (docs/OPEN-DATA.md). The JSON file holds these as they are; the CSV
 * has one column per field, in this order, lists joined with 「；」.
 */
export const openDataRecordSchema = z.object({
  publicId: z.string().describe('公开编号，稳定不变，如 2021-IIAPP-001'),
  year: z.number().describe('名单年度'),
  listTitle: z.string().describe('名单标题'),
  documentNo: z.string().describe('发布文号'),
  publishedOn: z.string().describe('名单发布日期 YYYY-MM-DD'),
  solutionName: z.string().describe('解决方案名称'),
  enterpriseName: z.string().describe('申报单位名称'),
  category: z.string().describe('类别代码'),
  categoryName: z.string().describe('类别名称'),
  regionCode: z.string().describe('所在地区 GB/T 2260 代码（可为空）'),
  regionName: z.string().describe('所在地区名称'),
  industryCodes: z.array(z.string()).describe('所属行业 GB/T 4754 代码'),
  industryNames: z.array(z.string()).describe('所属行业名称，与代码一一对应'),
  recommenderUnit: z.string().describe('推荐单位'),
  summary: z.string().describe('方案简介'),
  apps: z.array(z.string()).describe('APP 名称及版本，如「设备管家 V2.0」'),
  validFrom: z.string().describe('有效期起 YYYY-MM-DD'),
  validUntil: z.string().describe('有效期止 YYYY-MM-DD（含当日）'),
  status: z.enum(PUBLISHED_STATUSES).describe('生成文件当日（北京时间）的状态代码'),
  statusLabel: z.string().describe('状态：有效 / 已撤销 / 已过期 / 已退出'),
  url: z.string().describe('公开页面地址'),
  statusChangedOn: z.string().describe('撤销、退出或过期生效的日期 YYYY-MM-DD（有效的为空）'),
  statusReason: z.string().describe('撤销或退出的原因，如「抽查不合格」（其他状态为空）'),
  history: z
    .array(z.string())
    .describe('变动记录，由早到晚，每条「日期 事项（原因）」，如「2023-03-01 撤销（抽查不合格）」'),
});
export type OpenDataRecord = z.infer<typeof openDataRecordSchema>;
export const OPEN_DATA_FIELDS = Object.keys(openDataRecordSchema.shape) as (keyof OpenDataRecord)[];

export const openDataFileSchema = z.object({
  title: z.string(),
  /** the day the file was generated (Beijing); statuses are as of that day */
  generatedOn: z.string(),
  /** the JSON Schema of one record */
  schema: z.string(),
  count: z.number(),
  items: z.array(openDataRecordSchema),
});
export type OpenDataFile = z.infer<typeof openDataFileSchema>;
