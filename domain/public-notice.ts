// 公示 (issue 14): once the selection is frozen the organizer opens a public notice of the selected
// solutions for a number of working days (default 5, counted on the Chinese working-day calendar),
// saying how to object. The period runs from 00:00 of its first working day to 24:00 of its last,
// Beijing time. Shared by the API routes and the web. No I/O.
import { endOfDayShanghai } from './campaign';
import { isCalendarDay, type WorkingDayCalendar, type WorkingDayPeriod } from './working-days';
import { z } from './zod';

export const DEFAULT_NOTICE_WORKING_DAYS = 5;

/** openPublicNotice */
export const openPublicNoticeSchema = z.object({
  /** the day it opens (Beijing); not a working day: it starts on the next one */
  opensOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine(isCalendarDay, '不是有效的日期'),
  workingDays: z
    .number()
    .int('工作日数须为整数')
    .min(1, '公示期至少1个工作日')
    .max(30, '公示期最多30个工作日')
    .default(DEFAULT_NOTICE_WORKING_DAYS),
  /** how to object: the office, telephone, e-mail or address (shown on the public page) */
  contact: z
    .string()
    .trim()
    .min(4, '请填写异议受理方式（联系部门、电话或邮箱），至少4个字')
    .max(500, '异议受理方式最多500字'),
});
export type OpenPublicNoticeInput = z.infer<typeof openPublicNoticeSchema>;

/** previewPublicNoticePeriod */
export const noticePeriodQuerySchema = z.object({
  opensOn: openPublicNoticeSchema.shape.opensOn,
  workingDays: z.coerce
    .number()
    .int('工作日数须为整数')
    .min(1, '公示期至少1个工作日')
    .max(30, '公示期最多30个工作日')
    .default(DEFAULT_NOTICE_WORKING_DAYS),
});

export interface NoticePeriod extends WorkingDayPeriod {
  /** 00:00 of the first day, Beijing time */
  opensAt: string;
  /** 24:00 of the last day, Beijing time */
  closesAt: string;
}

/** The period of a notice opened on `opensOn` for `workingDays` (throws MissingNoticeError). */
export function noticePeriod(
  calendar: WorkingDayCalendar,
  opensOn: string,
  workingDays: number,
): NoticePeriod {
  const p = calendar.period(opensOn, workingDays);
  return { ...p, opensAt: `${p.from}T00:00:00.000+08:00`, closesAt: endOfDayShanghai(p.to) };
}

/** The period described in Chinese, e.g. 2021年9月28日至2021年10月9日（5个工作日）. */
export function noticePeriodText(p: Pick<NoticePeriod, 'from' | 'to' | 'workingDays'>): string {
  const zh = (d: string) =>
    `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return `${zh(p.from)}至${zh(p.to)}（${p.workingDays}个工作日）`;
}
