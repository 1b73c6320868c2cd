// 配套支持 (issue 15, notice §四(三)1): the policy, funding and resource support a recommending
// unit gives its selected solutions — recorded by the unit (kind, title, amount in whole 元 for
// funding, the day given, the document), withdrawn with a reason when entered by mistake, never
// deleted; the organizer sees the totals per unit. Shared by server and web. No I/O.
import { isCalendarDay } from './working-days';
import { z } from './zod';

export const SUPPORT_KINDS = ['policy', 'funding', 'resource'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  policy: '政策支持',
  funding: '资金支持',
  resource: '资源支持',
};

/** The largest amount one record may carry (元): ten billion, a typo guard. */
export const SUPPORT_AMOUNT_MAX = 10_000_000_000;

/** recordSupport */
export const recordSupportSchema = z
  .object({
    publicId: z.string().trim().min(1, '请选择解决方案').max(40),
    kind: z.enum(SUPPORT_KINDS),
    title: z.string().trim().min(2, '请填写支持事项（至少2个字）').max(200, '支持事项最多200字'),
    /** whole 元; required for funding */
    amountYuan: z
      .number()
      .int('金额请填写整数（元）')
      .min(1, '金额应大于0')
      .max(SUPPORT_AMOUNT_MAX, '金额过大，请核对（单位：元）')
      .nullish(),
    /** the day it was given (YYYY-MM-DD, Beijing), not in the future */
    day: z.string().refine(isCalendarDay, '日期格式应为 YYYY-MM-DD'),
    /** 文号 or the document's name */
    documentNo: z.string().trim().max(100, '文号最多100字').default(''),
    /** an uploaded document (purpose support_document) */
    documentId: z.string().uuid('文件编号格式不正确').nullish(),
    note: z.string().trim().max(1000, '备注最多1000字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'funding' && (v.amountYuan === null || v.amountYuan === undefined))
      ctx.addIssue({ code: 'custom', path: ['amountYuan'], message: '资金支持请填写金额（元）' });
  });
export type RecordSupportInput = z.infer<typeof recordSupportSchema>;

/** withdrawSupport */
export const withdrawSupportSchema = z.object({
  reason: z.string().trim().min(4, '请填写撤回理由（至少4个字）').max(500, '撤回理由最多500字'),
});

/** listSupport: the filters (GET parameters). */
export const supportQuerySchema = z.object({
  publicId: z.string().trim().max(40).optional(),
  unitId: z.string().uuid('推荐单位编号格式不正确').optional(),
  campaignId: z.string().uuid('名单编号格式不正确').optional(),
});
export type SupportQuery = z.infer<typeof supportQuerySchema>;
