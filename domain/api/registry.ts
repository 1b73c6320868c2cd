// 申报项目库 and 纸质材料签收 API (issue 13): query, body and response shapes. The server's routes
// validate and answer with them; the web infers its types from them. Rules live in domain/registry.ts.
import { APPLICATION_STATES } from '../application-states';
import {
  DUPLICATE_FLAGS,
  FORMAL_CHECK_FILTERS,
  isCalendarDay,
  PAPER_FILTERS,
  PAPER_KINDS,
  PAPER_STATUSES,
  REGISTRY_SORTS,
  REGISTRY_STATES,
} from '../registry';
import { z } from '../zod';
import { isoDate } from './common';

// ------------------------------------------------------------------ 申报项目库

/** The registry's filters, as query parameters (the list, the XLSX and the ZIP take the same). */
export const registryFiltersSchema = z.object({
  unitId: z.uuid().optional().describe('推荐单位'),
  category: z.string().min(1).max(100).optional().describe('申报类别代码'),
  province: z
    .string()
    .regex(/^\d{2}0000$/, '应为省级行政区划代码（如 110000）')
    .optional()
    .describe('申报单位所在省级地区 (GB/T 2260)'),
  industry: z
    .string()
    .regex(
      /^([A-Ta-t]|[A-Ta-t]?\d{2,4})$/,
      '应为国民经济行业门类字母（A–T）或行业代码（如 34、C34、3451）',
    )
    .optional()
    .describe('GB/T 4754: a 门类 letter, or a code prefix (大类 34, 中类 345, 小类 3451)'),
  state: z.enum(REGISTRY_STATES).optional(),
  duplicates: z
    .enum(DUPLICATE_FLAGS)
    .optional()
    .describe('confirmed: any finding confirmed; open: open ones only; none: neither'),
  paper: z
    .enum(PAPER_FILTERS)
    .optional()
    .describe(
      'yes: the current version’s paper copy arrived; late: only late; mismatch: another version arrived',
    ),
  formalCheck: z
    .enum(FORMAL_CHECK_FILTERS)
    .optional()
    .describe('形式审查 result; none: not checked'),
  q: z.string().trim().max(100).optional().describe('解决方案名称、申报单位或统一社会信用代码'),
  sort: z.enum(REGISTRY_SORTS).default('unit'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type RegistryFilters = z.infer<typeof registryFiltersSchema>;

export const registryQuerySchema = registryFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

/** A paper 申报书's standing for an application (see paperStatusOf). */
export const paperStandingSchema = z.object({
  received: z.boolean().describe('a paper copy of the current frozen version arrived'),
  late: z.boolean().describe('received, but every copy of the current version was late'),
  mismatch: z.boolean().describe('a copy of another version arrived'),
  receivedOn: z.string().nullable().describe('YYYY-MM-DD: the first on-time (else first) copy'),
  copies: z.number().describe('paper 申报书 copies of the application recorded, any version'),
});
export type PaperStanding = z.infer<typeof paperStandingSchema>;

export const registryRowSchema = z.object({
  id: z.string(),
  solutionName: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string(),
  applicantName: z.string(),
  uscc: z.string(),
  region: z.string().nullable().describe('GB/T 2260 code'),
  regionName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().nullable().describe('推荐排序 within the unit'),
  state: z.enum(APPLICATION_STATES),
  currentVersionNo: z.number().nullable(),
  submittedAt: isoDate.nullable(),
  duplicates: z.enum(DUPLICATE_FLAGS),
  paper: paperStandingSchema,
  formalCheck: z.enum(['pass', 'fail']).nullable(),
});
export type RegistryRow = z.infer<typeof registryRowSchema>;

export const registryListSchema = z.object({
  items: z.array(registryRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RegistryList = z.infer<typeof registryListSchema>;

// ------------------------------------------------------------------ 纸质材料签收

const day = (what: string) =>
  z
    .string()
    .trim()
    .refine(isCalendarDay, `${what}应为日期，如 2021-10-20`)
    .describe('YYYY-MM-DD (Beijing)');

const receiptCommon = {
  receivedOn: day('收到日期').optional().describe('YYYY-MM-DD; today (Beijing) when absent'),
  postmarkedOn: day('邮戳日期').nullish().describe('YYYY-MM-DD, from the envelope'),
  note: z.string().trim().max(500).optional(),
};

/**
 * receivePaperCopy: a 申报书 by the code printed on it (as typed, or the QR code's address), or a
 * unit's stamped 附件3 by the unit (附件3 carries no verification code).
 */
export const receivePaperCopyBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('application'),
    code: z.string().trim().min(1, '请扫描二维码或输入验证码').max(500),
    ...receiptCommon,
  }),
  z.object({
    kind: z.literal('summary_table'),
    unitId: z.uuid('请选择推荐单位'),
    ...receiptCommon,
  }),
]);
export type ReceivePaperCopyBody = z.infer<typeof receivePaperCopyBodySchema>;

export const paperReceiptSchema = z.object({
  id: z.string(),
  kind: z.enum(PAPER_KINDS),
  status: z.enum(PAPER_STATUSES).describe('what the copy was on arrival'),
  code: z.string().nullable(),
  applicationId: z.string().nullable(),
  versionNo: z.number().nullable().describe('the version the code names'),
  currentVersionNo: z.number().nullable().describe('the application’s current version now'),
  applicationState: z.enum(APPLICATION_STATES).nullable(),
  solutionName: z.string().nullable(),
  applicantName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  receivedOn: z.string(),
  postmarkedOn: z.string().nullable(),
  late: z.boolean(),
  note: z.string(),
  receivedByName: z.string(),
  createdAt: isoDate,
});
export type PaperReceipt = z.infer<typeof paperReceiptSchema>;

export const paperReceiptAnswerSchema = z.object({
  receipt: paperReceiptSchema,
  /** the verdict in words, for the person at the desk */
  message: z.string(),
  /** copies of this application's 申报书 (or this unit's 附件3) recorded so far, this one included */
  copies: z.number(),
  /** the paper deadline's day, YYYY-MM-DD */
  paperDeadline: z.string(),
});
export type PaperReceiptAnswer = z.infer<typeof paperReceiptAnswerSchema>;

export const paperReceiptQuerySchema = z.object({
  unitId: z.uuid().optional(),
  kind: z.enum(PAPER_KINDS).optional(),
  status: z.enum(PAPER_STATUSES).optional(),
  late: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  applicationId: z.uuid().optional(),
  receivedOn: day('收到日期').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PaperReceiptQuery = z.infer<typeof paperReceiptQuerySchema>;

export const paperReceiptListSchema = z.object({
  items: z.array(paperReceiptSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PaperReceiptList = z.infer<typeof paperReceiptListSchema>;
