// A unit's summary of a post-award round (汇总表), for stamping: one row per solution of the unit,
// its state, and every field of the round's form as a column (a list section as one column, a row
// per line), read through the declaration. The organizer's export is the same table for every unit.
import type { FormDeclaration, FormField } from '../../../domain/form';
import { displayValue, type ValueNames } from '../../../domain/form-values';
import { POST_AWARD_REPORT_STATE_LABELS } from '../../../domain/post-award';
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';
import type { ReportRow, RoundRow } from './repository';

export interface SummaryRow {
  report: ReportRow;
  solution: {
    publicId: string;
    solutionName: string;
    enterpriseName: string;
    unitName: string;
  };
}

export interface SummaryInput {
  round: RoundRow;
  form: FormDeclaration;
  unitName: string | null; // null: every unit (organizer)
  date: string;
  names: ValueNames;
  rows: SummaryRow[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};

function rowsText(fields: FormField[], rows: unknown, names: ValueNames) {
  if (!Array.isArray(rows) || !rows.length) return '';
  return rows
    .map((r) =>
      fields
        .map((f) => displayValue(f, obj(r)[f.key], names))
        .filter(Boolean)
        .join('，'),
    )
    .join('\n');
}

/** The form's columns: each field of an object section, each list section as one. */
export function formColumns(form: FormDeclaration, names: ValueNames) {
  const out: { header: string; width: number; value: (data: Obj) => string | number | null }[] = [];
  for (const s of form.sections) {
    if (s.rows) {
      out.push({
        header: s.rows.label,
        width: 30,
        value: (d) => rowsText(s.fields, d[s.key], names) || null,
      });
      continue;
    }
    for (const f of s.fields) {
      const unit = f.type === 'number' && f.unit ? `（${f.unit}）` : '';
      out.push({
        header: `${f.label}${unit}`,
        width: f.type === 'longtext' || f.type === 'group' ? 30 : f.type === 'number' ? 11 : 16,
        value: (d) => {
          const v = obj(d[s.key])[f.key];
          if (f.type === 'number') return typeof v === 'number' ? v : null;
          if (f.type === 'group') return rowsText(f.fields, v, names) || null;
          if (f.type === 'attachments')
            return Array.isArray(v) && v.length ? `${v.length}个文件` : null;
          return displayValue(f, v, names) || null;
        },
      });
    }
  }
  return out;
}

/** 2031年3月1日, the calendar day in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDateLabel(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function summaryFilename(round: RoundRow, unitName: string | null) {
  return `${round.title}-汇总表-${unitName ?? '全部推荐单位'}.xlsx`;
}

/** Only what the enterprise has submitted is summarised; a draft shows only its state. */
const FILED = new Set(['submitted', 'forwarded']);

export async function summaryXlsx(input: SummaryInput): Promise<Buffer> {
  const formCols = formColumns(input.form, input.names);
  const cols = [
    { header: '序号', width: 6 },
    { header: '公开编号', width: 16 },
    { header: '解决方案名称', width: 28 },
    { header: '企业名称', width: 24 },
    ...(input.unitName === null ? [{ header: '推荐单位', width: 16 }] : []),
    { header: '状态', width: 12 },
    ...formCols,
    { header: '推荐单位审核意见', width: 20 },
  ];
  const wb = new ExcelJS.Workbook();
  const ws = printedSheet(wb, '汇总表', '4:4', 4);
  ws.columns = cols.map((c) => ({ width: c.width }));
  const last = cols.length;
  const font = (size: number, bold = false) => ({ name: SHEET_FONT, size, bold });
  ws.mergeCells(1, 1, 1, last);
  Object.assign(ws.getCell(1, 1), {
    value: `${input.round.title}汇总表`,
    font: font(16, true),
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, last);
  Object.assign(ws.getCell(2, 1), {
    value: `（${input.form.title}）`,
    font: font(11),
    alignment: { horizontal: 'center' },
  });
  Object.assign(ws.getCell(3, 1), {
    value: `推荐单位（盖章）：${input.unitName ?? '全部推荐单位'}`,
    font: font(11),
  });
  Object.assign(ws.getCell(3, last), {
    value: `日期：${input.date}`,
    font: font(11),
    alignment: { horizontal: 'right' },
  });
  ws.getRow(4).values = cols.map((c) => c.header);
  input.rows.forEach(({ report, solution }, i) => {
    const data = FILED.has(report.state) ? obj(report.data) : {};
    ws.addRow([
      i + 1,
      solution.publicId,
      solution.solutionName,
      solution.enterpriseName,
      ...(input.unitName === null ? [solution.unitName] : []),
      POST_AWARD_REPORT_STATE_LABELS[report.state].zh,
      ...formCols.map((c) => (FILED.has(report.state) ? c.value(data) : null)),
      report.reviewComment ?? null,
    ]);
  });
  const end = 4 + input.rows.length;
  for (let r = 4; r <= end; r++)
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.border = RULED;
      cell.font = font(r === 4 ? 10.5 : 10, r === 4);
      cell.alignment =
        r === 4
          ? { horizontal: 'center', vertical: 'middle', wrapText: true }
          : { vertical: 'middle', wrapText: true };
      if (r === 4) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    }
  fitRowHeights(ws, 4, end);
  const note = ws.getCell(end + 2, 1);
  note.value = '说明：只汇总企业已提交的报告；填报中或已退回修改的只列出状态。';
  note.font = font(10);
  return workbookBytes(wb);
}
