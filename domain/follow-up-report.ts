// 附件4 工业互联网APP统计信息表: a past winner's report about its solution since the award. The
// form itself is declared as data (domain/forms/miit-2021-follow-up.ts, read through
// followUpFormTemplate); here: where a report stands, and which years of revenue it covers.

/** Where a report stands; `not_started` is an award without a report row yet. */
export const FOLLOW_UP_REPORT_STATES = ['not_started', 'draft', 'submitted', 'returned'] as const;
export type FollowUpReportState = (typeof FOLLOW_UP_REPORT_STATES)[number];

export const FOLLOW_UP_REPORT_STATE_LABELS: Record<
  FollowUpReportState,
  { zh: string; en: string }
> = {
  not_started: { zh: '未填报', en: 'Not started' },
  draft: { zh: '填报中', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回修改', en: 'Returned' },
};

/** The award's year and the campaign's year decide which years of revenue are asked for. */
export interface FollowUpContext {
  awardYear: number;
  campaignYear: number;
}

/** Revenue is reported for every year from the award's to the year before the campaign's. */
export function revenueYearsOf(ctx: FollowUpContext): number[] {
  const years: number[] = [];
  for (let y = ctx.awardYear; y < ctx.campaignYear; y++) years.push(y);
  return years;
}
