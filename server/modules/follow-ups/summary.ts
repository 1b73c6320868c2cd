// 附件4 工业互联网APP统计信息表 (the notice's own title): one row per past award of a unit, drawn
// from the submitted reports, for the unit to stamp and send with its 附件3.
import { FOLLOW_UP_REPORT_STATE_LABELS } from '../../../domain/follow-up-report';
import type { FormDeclaration, FormField } from '../../../domain/form';
import { fieldAtPath, optionLabel, valueAt } from '../../../domain/form-values';
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';
import type { AwardRow } from '../awards';
import type { FollowUpReportRow } from './repository';

export const SUMMARY_TITLE = '工业互联网APP统计信息表';

export interface SummaryInput {
  /** The campaign's 附件4 declaration: the columns' labels and the values are read through it. */
  form: FormDeclaration;
  unitName: string | null; // null: every unit (organizer)
  date: string; // 2021年10月20日
  awardYears: number[];
  revenueYears: number[];
  industryNames: Record<string, string>;
  rows: { award: AwardRow; report: FollowUpReportRow | null }[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** 2021年10月20日, the calendar day in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDateLabel(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function summaryFilename(unitName: string | null) {
  return `附件4-${SUMMARY_TITLE}-${unitName ?? '全部推荐单位'}.xlsx`;
}

/** Where the summary's figures are in a report (paths of the declaration). */
const AT = {
  newCustomers: 'promotion.newCustomers',
  industries: 'promotion.industriesReached',
  revenue: { rows: 'revenue', key: 'year', value: 'amount' },
  versions: { rows: 'versions', version: 'version', date: 'date' },
  state: 'status.state',
} as const;

function declared(form: FormDeclaration, path: string): FormField {
  const f = fieldAtPath(form, path);
  if (!f) throw new Error(`the 附件4 declaration has no field ${path}`);
  return f;
}

const unitOf = (f: FormField) => (f.type === 'number' ? (f.unit ?? '') : '');
const withUnit = (f: FormField) => (unitOf(f) ? `${f.label}（${unitOf(f)}）` : f.label);

/** The latest version by release date; the later one in the list when two share a date. */
function latestVersion(data: Obj) {
  const date = AT.versions.date;
  let best: Obj | null = null;
  for (const v of list(data[AT.versions.rows]).map(obj))
    if (!best || str(v[date]) >= str(best[date])) best = v;
  return best;
}

function columns(input: SummaryInput) {
  const f = (path: string) => declared(input.form, path);
  const year = f(`${AT.revenue.rows}.${AT.revenue.key}`);
  const amount = f(`${AT.revenue.rows}.${AT.revenue.value}`);
  return [
    { header: '序号', width: 6 },
    { header: '获奖年份', width: 9 },
    { header: '解决方案名称', width: 30 },
    { header: '企业名称', width: 26 },
    { header: '统一社会信用代码', width: 21 },
    ...(input.unitName === null ? [{ header: '推荐单位', width: 16 }] : []),
    { header: '填报状态', width: 10 },
    { header: withUnit(f(AT.newCustomers)), width: 10 },
    { header: f(AT.industries).label, width: 24 },
    ...input.revenueYears.map((y) => ({
      header: `${y}${unitOf(year)}${withUnit(amount)}`,
      width: 12,
    })),
    { header: `最新${f(`${AT.versions.rows}.${AT.versions.version}`).label}`, width: 10 },
    { header: f(`${AT.versions.rows}.${AT.versions.date}`).label, width: 12 },
    { header: f(AT.state).label, width: 10 },
  ];
}

function rowValues(
  input: SummaryInput,
  n: number,
  { award, report }: SummaryInput['rows'][number],
) {
  const submitted = report?.state === 'submitted';
  const data = submitted ? obj(report.data) : {};
  const at = (path: string) => valueAt(data, path.split('.'));
  const R = AT.revenue;
  const revenue = new Map(
    list(data[R.rows]).map((r) => [num(obj(r)[R.key]), num(obj(r)[R.value])]),
  );
  const version = latestVersion(data);
  const state = declared(input.form, AT.state);
  const status = str(at(AT.state));
  return [
    n,
    award.year,
    award.solutionName,
    award.enterpriseName,
    award.uscc,
    ...(input.unitName === null ? [award.recommenderName] : []),
    FOLLOW_UP_REPORT_STATE_LABELS[report?.state ?? 'not_started'].zh,
    submitted ? num(at(AT.newCustomers)) : null,
    list(at(AT.industries))
      .map((c) => input.industryNames[str(c)] ?? str(c))
      .join('、') || null,
    ...input.revenueYears.map((y) => (submitted ? (revenue.get(y) ?? null) : null)),
    str(version?.[AT.versions.version]) || null,
    str(version?.[AT.versions.date]) || null,
    (status && state.type === 'select' && optionLabel(state.options, status)) || null,
  ];
}

export async function followUpSummaryXlsx(input: SummaryInput): Promise<Buffer> {
  const cols = columns(input);
  const wb = new ExcelJS.Workbook();
  // the header row on every printed page, page numbers in the footer
  const ws = printedSheet(wb, '附件4', '5:5', 5);
  ws.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;
  const years = input.awardYears;
  const font = (size: number, bold = false) => ({ name: SHEET_FONT, size, bold });
  Object.assign(ws.getCell(1, 1), { value: '附件4', font: font(12, true) });
  ws.mergeCells(2, 1, 2, last);
  Object.assign(ws.getCell(2, 1), {
    value: SUMMARY_TITLE,
    font: font(16, true),
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(2).height = 30;
  ws.mergeCells(3, 1, 3, last);
  Object.assign(ws.getCell(3, 1), {
    value: `（${years.length ? `${Math.min(...years)}－${Math.max(...years)}年` : ''}获得工业和信息化部工业互联网APP优秀解决方案的企业自查情况）`,
    font: font(11),
    alignment: { horizontal: 'center' },
  });
  Object.assign(ws.getCell(4, 1), {
    value: `推荐单位（盖章）：${input.unitName ?? '全部推荐单位'}`,
    font: font(11),
  });
  Object.assign(ws.getCell(4, last), {
    value: `日期：${input.date}`,
    font: font(11),
    alignment: { horizontal: 'right' },
  });

  ws.getRow(5).values = cols.map((c) => c.header);
  input.rows.forEach((r, i) => ws.addRow(rowValues(input, i + 1, r)));
  for (let r = 5; r <= 5 + input.rows.length; r++)
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.border = RULED;
      cell.font = font(r === 5 ? 10.5 : 10, r === 5);
      cell.alignment =
        r === 5
          ? { horizontal: 'center', vertical: 'middle', wrapText: true }
          : { vertical: 'middle', wrapText: true };
      if (r === 5) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    }
  fitRowHeights(ws, 5, 5 + input.rows.length);
  const note = ws.getCell(7 + input.rows.length, 1);
  note.value =
    '说明：市场收入单位为万元；只汇总企业已提交的统计表，未填报、填报中或已退回修改的只列出填报状态。';
  note.font = font(10);
  return workbookBytes(wb);
}
