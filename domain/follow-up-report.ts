// 附件4 工业互联网APP统计信息表: what a past winner reports about its solution since the award
// (notice 四(三)2: 应用推广、市场收入、版本更新等情况). One declaration for the server's checks,
// the web form and the unit's summary table.
import type { FieldIssue } from './errors';
import { z } from './zod';

export const FOLLOW_UP_STATUS_STATES = [
  'promoting',
  'stable',
  'maintenance_only',
  'discontinued',
] as const;
export type FollowUpStatusState = (typeof FOLLOW_UP_STATUS_STATES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatusState, { zh: string; en: string }> = {
  promoting: { zh: '持续推广', en: 'Being promoted' },
  stable: { zh: '稳定运行', en: 'Running stably' },
  maintenance_only: { zh: '仅维护', en: 'Maintenance only' },
  discontinued: { zh: '已停止', en: 'Discontinued' },
};

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

export const FOLLOW_UP_LIMITS = {
  newCustomers: 10_000_000,
  industries: 50,
  description: 1000,
  revenueRows: 30,
  amount: 100_000_000, // 万元
  versions: 50,
  version: 50,
  change: 500,
} as const;

export interface FollowUpFieldLabel {
  label: string;
  labelEn: string;
  unit?: string;
  unitEn?: string;
  maxLength?: number;
}

/** Sections and fields, in the order the form and the summary show them. */
export const FOLLOW_UP_SECTIONS = {
  promotion: {
    title: '应用推广情况',
    titleEn: 'Promotion',
    fields: {
      newCustomers: {
        label: '新增客户数',
        labelEn: 'New customers',
        unit: '家',
        unitEn: 'customers',
      },
      industriesReached: { label: '推广覆盖行业', labelEn: 'Industries reached' },
      description: {
        label: '推广情况说明',
        labelEn: 'How it was promoted',
        maxLength: FOLLOW_UP_LIMITS.description,
      },
    },
  },
  revenue: {
    title: '市场收入情况',
    titleEn: 'Market revenue',
    itemLabel: '年度收入',
    itemLabelEn: 'yearly revenue',
    fields: {
      year: { label: '年度', labelEn: 'Year' },
      amount: { label: '市场收入', labelEn: 'Revenue', unit: '万元', unitEn: '10k CNY' },
    },
  },
  versions: {
    title: '版本更新情况',
    titleEn: 'Version updates',
    itemLabel: '版本更新记录',
    itemLabelEn: 'version update',
    fields: {
      version: { label: '版本号', labelEn: 'Version', maxLength: FOLLOW_UP_LIMITS.version },
      date: { label: '发布日期', labelEn: 'Release date' },
      change: { label: '更新内容', labelEn: 'Changes', maxLength: FOLLOW_UP_LIMITS.change },
    },
  },
  status: {
    title: '当前状态',
    titleEn: 'Current status',
    fields: {
      state: { label: '当前状态', labelEn: 'Current status' },
      description: {
        label: '状态说明',
        labelEn: 'Status details',
        maxLength: FOLLOW_UP_LIMITS.description,
      },
    },
  },
} as const satisfies Record<
  string,
  {
    title: string;
    titleEn: string;
    itemLabel?: string;
    itemLabelEn?: string;
    fields: Record<string, FollowUpFieldLabel>;
  }
>;

export type FollowUpMode = 'draft' | 'submit';

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

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** In a draft a field may be missing; on submit a missing one is named as missing first. */
function field<T extends z.ZodType>(mode: FollowUpMode, missing: string, base: T) {
  if (mode === 'draft') return base.optional().nullable();
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (isEmpty(v)) ctx.addIssue({ code: 'custom', message: missing });
    })
    .pipe(base);
}

/** A missing section is an empty one, so a submission names each of its missing fields. */
const section = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? {}, schema);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}最多${max}字`);

function isCalendarDate(v: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return (
    d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!
  );
}

/**
 * The zod schema of a 附件4 report's data. A draft may leave anything out, but what it holds must
 * have the right type and stay within the limits; a submission must be complete: every field, one
 * revenue row per year asked for, at least one version. Unknown keys are refused.
 */
export function followUpDataSchema(mode: FollowUpMode, ctx: FollowUpContext) {
  const P = FOLLOW_UP_SECTIONS.promotion.fields;
  const R = FOLLOW_UP_SECTIONS.revenue.fields;
  const V = FOLLOW_UP_SECTIONS.versions.fields;
  const S = FOLLOW_UP_SECTIONS.status.fields;
  const L = FOLLOW_UP_LIMITS;
  const years = revenueYearsOf(ctx);

  const promotion = section(
    z.strictObject({
      newCustomers: field(
        mode,
        `请填写${P.newCustomers.label}`,
        z
          .number({ error: `${P.newCustomers.label}须为数字` })
          .int(`${P.newCustomers.label}须为整数`)
          .min(0, `${P.newCustomers.label}不能小于0`)
          .max(L.newCustomers, `${P.newCustomers.label}不能大于${L.newCustomers}`),
      ),
      industriesReached: field(
        mode,
        `请选择${P.industriesReached.label}`,
        z
          .array(z.string().regex(/^[A-T]$|^\d{2,4}$/, '行业代码不正确（GB/T 4754-2017）'), {
            error: `${P.industriesReached.label}须为行业代码列表`,
          })
          .max(L.industries, `${P.industriesReached.label}最多选${L.industries}个`)
          .refine((a) => new Set(a).size === a.length, `${P.industriesReached.label}有重复`),
      ),
      description: field(
        mode,
        `请填写${P.description.label}`,
        text(P.description.label, L.description),
      ),
    }),
  );

  const revenueRow = z.strictObject({
    year: field(
      mode,
      `请填写${R.year.label}`,
      z.number({ error: '年度须为数字' }).int('年度须为整数'),
    ),
    amount: field(
      mode,
      `请填写${R.amount.label}`,
      z
        .number({ error: `${R.amount.label}须为数字` })
        .min(0, `${R.amount.label}不能小于0`)
        .max(L.amount, `${R.amount.label}不能大于${L.amount}万元`),
    ),
  });

  const versionRow = z.strictObject({
    version: field(mode, `请填写${V.version.label}`, text(V.version.label, L.version)),
    date: field(
      mode,
      `请填写${V.date.label}`,
      z
        .string({ error: `${V.date.label}须为日期` })
        .trim()
        .refine((v) => v === '' || isCalendarDate(v), `${V.date.label}格式为 YYYY-MM-DD`),
    ),
    change: field(mode, `请填写${V.change.label}`, text(V.change.label, L.change)),
  });

  const status = section(
    z.strictObject({
      state: field(
        mode,
        `请选择${S.state.label}`,
        z.enum(FOLLOW_UP_STATUS_STATES, { error: `请从列表中选择${S.state.label}` }),
      ),
      description: field(
        mode,
        `请填写${S.description.label}`,
        text(S.description.label, L.description),
      ),
    }),
  );

  // runs even when a row has a type error, so every problem is listed at once
  const revenue = z
    .array(revenueRow, { error: '市场收入须为按年度填写的列表' })
    .max(L.revenueRows, `市场收入最多填写${L.revenueRows}个年度`)
    .superRefine((rows, issue) => checkRevenueYears(rows, years, mode, issue), {
      when: () => true,
    });
  const versions = z
    .array(versionRow, { error: '版本更新记录须为列表' })
    .max(L.versions, `版本更新记录最多${L.versions}条`);

  return z.strictObject({
    promotion,
    revenue: mode === 'draft' ? revenue.optional().nullable() : revenue.prefault([]),
    versions:
      mode === 'draft'
        ? versions.optional().nullable()
        : versions.prefault([]).refine((a) => a.length > 0, '请至少填写1条版本更新记录'),
    status,
  });
}

/** Years inside the asked range, none twice; on submit, none missing. */
function checkRevenueYears(
  rows: unknown,
  years: number[],
  mode: FollowUpMode,
  issue: z.RefinementCtx,
) {
  if (!Array.isArray(rows)) return;
  const first = years[0];
  const last = years[years.length - 1];
  const seen = new Set<number>();
  rows.forEach((row: unknown, i) => {
    const y = (row as { year?: unknown } | null)?.year;
    if (typeof y !== 'number' || !Number.isInteger(y)) return;
    const at = { code: 'custom' as const, path: [i, 'year'] };
    if (first === undefined || last === undefined)
      issue.addIssue({ ...at, message: '本次无需填报市场收入' });
    else if (y < first || y > last)
      issue.addIssue({ ...at, message: `年度应在${first}至${last}年之间` });
    if (seen.has(y)) issue.addIssue({ ...at, message: `${y}年重复填写` });
    seen.add(y);
  });
  if (mode === 'submit') {
    for (const y of years)
      if (!seen.has(y))
        issue.addIssue({ code: 'custom', path: [], message: `请填写${y}年的市场收入` });
  }
}

export type FollowUpData = z.output<ReturnType<typeof followUpDataSchema>>;

/** Every problem with a report's data, each with its dotted path (e.g. `revenue.1.amount`). */
export function followUpIssues(
  data: unknown,
  mode: FollowUpMode,
  ctx: FollowUpContext,
): FieldIssue[] {
  const parsed = followUpDataSchema(mode, ctx).safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
