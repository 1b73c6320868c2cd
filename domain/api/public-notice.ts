// Response shapes of the 公示 API: the period preview (organizers) and the notice itself (public:
// only what is published — the solutions in 公示, their enterprises, categories and recommenders).
import { z } from '../zod';
import { isoDate } from './common';

export const noticePeriodViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  workingDays: z.number(),
  calendarDays: z.number(),
  /** weekend days and holidays inside the period */
  daysOff: z.array(z.string()),
  opensAt: isoDate,
  closesAt: isoDate,
  /** e.g. 2021年9月28日至2021年10月9日（5个工作日） */
  text: z.string(),
});
export type NoticePeriodView = z.infer<typeof noticePeriodViewSchema>;

export const publicNoticeViewSchema = z.object({
  campaignCode: z.string(),
  campaignTitle: z.string(),
  period: noticePeriodViewSchema,
  /** by the clock: before its first day, during, after its last */
  state: z.enum(['upcoming', 'open', 'closed']),
  contact: z.string(),
  publishedAt: isoDate,
  items: z.array(
    z.object({
      no: z.number(),
      /** the application: what an objection names (submitObjection's itemId) */
      itemId: z.string(),
      solutionName: z.string(),
      applicantName: z.string(),
      categoryName: z.string(),
      unitName: z.string(),
    }),
  ),
});
export type PublicNoticeView = z.infer<typeof publicNoticeViewSchema>;

/** openPublicNotice: the notice, and how the applications moved. */
export const openedNoticeSchema = z.object({
  notice: publicNoticeViewSchema,
  /** 入选: now 公示中 */
  inNotice: z.number(),
  /** 不入选: now 未入选 */
  notSelected: z.number(),
  /** under review without a decision (e.g. passed the formal check after the freeze): unchanged */
  undecided: z.number(),
});
export type OpenedNotice = z.infer<typeof openedNoticeSchema>;
