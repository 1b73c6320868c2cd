// 动态管理 (issue 15): the post-award reports — 年度运行监测 (each year, the winners of the last
// two lists) and 自查评估 (once a list's two years end) — filed by the enterprise and reviewed by
// its recommender. Here: their states, who reports, when the yearly round opens by itself, and a
// report read as label/value text. Pure: no I/O.
import type { FormDeclaration, FormField } from './form';
import { displayValue, type ValueNames } from './form-values';
import { addCalendarDays } from './working-days';

export const POST_AWARD_KINDS = ['monitoring', 'self_evaluation'] as const;
export type PostAwardKind = (typeof POST_AWARD_KINDS)[number];

/** The campaign form kind (campaign_forms.kind) each round kind files on. */
export const POST_AWARD_FORM_KIND = {
  monitoring: 'monitoring',
  self_evaluation: 'selfEvaluation',
} as const satisfies Record<PostAwardKind, string>;

export const POST_AWARD_KIND_LABELS: Record<PostAwardKind, { zh: string; en: string }> = {
  monitoring: { zh: '年度运行监测', en: 'Yearly monitoring' },
  self_evaluation: { zh: '自查评估', en: 'Self-evaluation' },
};

export const POST_AWARD_REPORT_STATES = ['draft', 'submitted', 'returned', 'forwarded'] as const;
export type PostAwardReportState = (typeof POST_AWARD_REPORT_STATES)[number];
export const POST_AWARD_REPORT_STATE_LABELS: Record<
  PostAwardReportState,
  { zh: string; en: string }
> = {
  draft: { zh: '填报中', en: 'Draft' },
  submitted: { zh: '待推荐单位审核', en: 'Submitted' },
  returned: { zh: '已退回修改', en: 'Returned' },
  forwarded: { zh: '已报送主管部门', en: 'Forwarded' },
};

/** The enterprise may change a report in these states (before the deadline). */
export const EDITABLE_REPORT_STATES: readonly PostAwardReportState[] = ['draft', 'returned'];

/** 年度运行监测 of `year`: the lists published in that year and the one before report. */
export function monitoringListYears(year: number): number[] {
  return [year - 1, year];
}

export function roundTitleOf(kind: PostAwardKind, year: number, listTitle?: string): string {
  return kind === 'monitoring'
    ? `${year}年度工业互联网APP优秀解决方案运行监测`
    : `${listTitle ?? `${year}年工业互联网APP优秀解决方案`}自查评估`;
}

/** The revenue rows of a monitoring report: from the list's year to the year reported on. */
export function monitoringRevenueYears(listYear: number, year: number): number[] {
  const out: number[] = [];
  for (let y = listYear; y <= year; y++) out.push(y);
  return out;
}

export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Days an automatically opened monitoring round stays open when the campaign does not say. */
export const DEFAULT_MONITORING_DEADLINE_DAYS = 30;

/**
 * The yearly monitoring round due on `today` (Beijing, YYYY-MM-DD) for an opening day 'MM-DD':
 * from that day of a year on, the round reporting on the year before is due (and stays due, so
 * a run missed on the day is made up by the next); its deadline is the end (Beijing) of the day
 * `deadlineDays` after the opening day. Null before the day. Whether it exists already is the
 * caller's (the unique (kind, year) makes a second opening fail).
 */
export function dueMonitoringRound(
  today: string,
  opensOn: string,
  deadlineDays = DEFAULT_MONITORING_DEADLINE_DAYS,
): { year: number; opensOn: string; deadlineDay: string } | null {
  if (!MONTH_DAY.test(opensOn)) return null;
  const thisYear = Number(today.slice(0, 4));
  const day = `${thisYear}-${opensOn}`;
  if (today < day) return null;
  return { year: thisYear - 1, opensOn: day, deadlineDay: addCalendarDays(day, deadlineDays) };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

/** A group's rows as text: one line per row, its fields' values joined (版本号 V2.0；发布日期 …). */
function rowsText(fields: FormField[], rows: unknown, names: ValueNames): string {
  if (!Array.isArray(rows)) return '';
  return rows
    .map((row, i) => {
      const parts = fields
        .map((f) => {
          const v = displayValue(f, obj(row)[f.key], names);
          return v ? `${f.label}：${v}` : '';
        })
        .filter(Boolean);
      return `${i + 1}. ${parts.join('；')}`;
    })
    .join('\n');
}

/**
 * A report as a person reads it, field by field: the section's title with the field's label, and
 * the value as text (a list section or a group as one line per row). Empty fields are left out.
 */
export function reportSections(
  form: FormDeclaration,
  data: unknown,
  names: ValueNames = {},
): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const root = obj(data);
  for (const s of form.sections) {
    if (s.rows) {
      const value = rowsText(s.fields, root[s.key], names);
      if (value) out.push({ label: `${s.title} · ${s.rows.label}`, value });
      continue;
    }
    const sec = obj(root[s.key]);
    for (const f of s.fields) {
      const value =
        f.type === 'group'
          ? rowsText(f.fields, sec[f.key], names)
          : displayValue(f, sec[f.key], names);
      if (value) out.push({ label: `${s.title} · ${f.label}`, value });
    }
  }
  return out;
}

/** Where the 监测分析 reads a monitoring report's figures (the 2021 declaration's paths). */
export const MONITORING_FIGURES = {
  newCustomers: ['promotion', 'newCustomers'],
  revenue: { rows: 'revenue', year: 'year', amount: 'amount' },
  inOperation: ['operation', 'inOperation'],
} as const;

export interface MonitoringFigures {
  reports: number;
  byState: Record<PostAwardReportState, number>;
  /** of the reports filed (submitted or forwarded) */
  filed: number;
  newCustomers: number;
  /** 万元, the year reported on */
  revenue: number;
  inOperation: { yes: number; no: number; share: number | null };
  byUnit: {
    unitId: string;
    unitName: string;
    reports: number;
    filed: number;
    revenue: number;
    newCustomers: number;
  }[];
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A monitoring round's aggregates for 监测分析: reports by state, and over the filed ones (submitted
 * or forwarded) the new customers, the revenue of the year reported on, the share still in
 * operation, with the revenue and customers per unit. A draft's figures are not counted.
 */
export function monitoringFigures(
  year: number,
  rows: readonly { unitId: string; unitName: string; state: PostAwardReportState; data: unknown }[],
): MonitoringFigures {
  const byState = Object.fromEntries(POST_AWARD_REPORT_STATES.map((s) => [s, 0])) as Record<
    PostAwardReportState,
    number
  >;
  const units = new Map<string, MonitoringFigures['byUnit'][number]>();
  const out: MonitoringFigures = {
    reports: rows.length,
    byState,
    filed: 0,
    newCustomers: 0,
    revenue: 0,
    inOperation: { yes: 0, no: 0, share: null },
    byUnit: [],
  };
  const F = MONITORING_FIGURES;
  for (const r of rows) {
    byState[r.state]++;
    const u = units.get(r.unitId) ?? {
      unitId: r.unitId,
      unitName: r.unitName,
      reports: 0,
      filed: 0,
      revenue: 0,
      newCustomers: 0,
    };
    units.set(r.unitId, u);
    u.reports++;
    if (r.state !== 'submitted' && r.state !== 'forwarded') continue;
    const data = obj(r.data);
    const customers = num(obj(data[F.newCustomers[0]])[F.newCustomers[1]]);
    const rev = (Array.isArray(data[F.revenue.rows]) ? (data[F.revenue.rows] as unknown[]) : [])
      .map(obj)
      .filter((row) => row[F.revenue.year] === year)
      .reduce((s, row) => s + num(row[F.revenue.amount]), 0);
    const op = obj(data[F.inOperation[0]])[F.inOperation[1]];
    out.filed++;
    out.newCustomers += customers;
    out.revenue += rev;
    if (op === 'yes') out.inOperation.yes++;
    if (op === 'no') out.inOperation.no++;
    u.filed++;
    u.revenue += rev;
    u.newCustomers += customers;
  }
  const answered = out.inOperation.yes + out.inOperation.no;
  out.inOperation.share = answered ? out.inOperation.yes / answered : null;
  out.byUnit = [...units.values()].sort(
    (a, b) => b.revenue - a.revenue || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  return out;
}
