// 评审结果 as a workbook: 结果汇总 (each panel's ranking and its experts' leniency) and one sheet per
// expert (their scores per criterion, totals, recommendations, comments). Every workbook goes
// through workbookBytes, which neutralises formula-like text an applicant or expert typed.
import { weightedTotal } from '../../../domain/review';
import { REVIEW_STATE_LABELS } from '../../../domain/review-scoring';
import type ExcelJSTypes from 'exceljs';
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';
import type { RoundResults } from './results';
import { reviewResultsView } from './views';
import { reviewSettingsOf } from './service';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } } as const;

/** 2021-10-20 17:30 in Asia/Shanghai. */
export function shanghaiMinute(d: Date | string | null): string {
  if (!d) return '';
  return new Date(new Date(d).getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

function title(ws: ExcelJSTypes.Worksheet, row: number, columns: number, text: string, size = 14) {
  ws.mergeCells(row, 1, row, columns);
  Object.assign(ws.getCell(row, 1), {
    value: text,
    font: { name: SHEET_FONT, size, bold: true },
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  });
  ws.getRow(row).height = size * 1.8;
}

/**
 * A ruled table at the sheet's next row: a grey header, then the rows; from column `from + 1`
 * (a second table under the first can sit in wider columns).
 */
function table(
  ws: ExcelJSTypes.Worksheet,
  headers: string[],
  rows: (string | number | null)[][],
  centred: (col: number) => boolean,
  from = 0,
) {
  const first = ws.rowCount + 1;
  const pad = Array.from({ length: from }, () => null);
  ws.addRow([...pad, ...headers]);
  for (const r of rows) ws.addRow([...pad, ...r.map((v) => (v === null ? '' : v))]);
  for (let rowNo = first; rowNo <= ws.rowCount; rowNo++) {
    const header = rowNo === first;
    ws.getRow(rowNo).eachCell({ includeEmpty: true }, (cell, at) => {
      const col = at - from;
      if (col < 1 || col > headers.length) return;
      cell.border = RULED;
      cell.font = { name: SHEET_FONT, size: header ? 10.5 : 10, bold: header };
      cell.alignment = {
        vertical: 'middle',
        horizontal: header || centred(col) ? 'center' : 'left',
        wrapText: true,
      };
      if (header) cell.fill = HEADER_FILL;
    });
  }
  fitRowHeights(ws, first);
}

const SUMMARY_COLUMNS: [string, number][] = [
  ['排名', 6],
  ['解决方案名称', 30],
  ['申报单位', 26],
  ['推荐单位', 16],
  ['类别', 14],
  ['已评/应评', 9],
  ['平均分', 8],
  ['去掉最高最低分平均', 11],
  ['中位数', 8],
  ['标准差', 8],
  ['极差', 8],
  ['标准化得分', 10],
  ['提示', 30],
];

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 26) || '专家';
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}（${i}）`;
  taken.add(out);
  return out;
}

export async function renderResultsXlsx(r: RoundResults, exportedAt: Date): Promise<Buffer> {
  const view = reviewResultsView(r);
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const n = SUMMARY_COLUMNS.length;

  // ---------------------------------------------------------------- 结果汇总
  const ws = printedSheet(wb, '结果汇总', '1:2', 2);
  ws.columns = SUMMARY_COLUMNS.map(([, width]) => ({ width }));
  title(ws, 1, n, `${view.round.campaignTitle} ${view.round.name} 评审结果汇总`, 16);
  ws.mergeCells(2, 1, 2, n);
  Object.assign(ws.getCell(2, 1), {
    value:
      `每份申报书应评${view.round.reviewsPerApplication}份；标准化得分：每位专家在本组内的总分换算为z分数（减去该专家的平均分，除以其标准差），` +
      `再按本组全部评分的平均分和标准差还原，取平均；排名依标准化得分，相同时依去掉最高最低分平均、平均分、名称。` +
      `去掉最高最低分平均：不足3份时即平均分。导出时间：${shanghaiMinute(exportedAt)}（北京时间）`,
    font: { name: SHEET_FONT, size: 9.5 },
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  });
  ws.getRow(2).height = 42;
  const centredSummary = (col: number) => col === 1 || (col >= 6 && col <= 12);
  for (const p of view.panels) {
    ws.addRow([]);
    title(
      ws,
      ws.rowCount + 1,
      n,
      `${p.name}（已提交评分${p.n}份` +
        (p.mean !== null ? `，组平均分 ${p.mean.toFixed(2)}，标准差 ${p.sd!.toFixed(2)}` : '') +
        '）',
      12,
    );
    table(
      ws,
      SUMMARY_COLUMNS.map(([h]) => h),
      p.rows.map((row) => [
        row.rank,
        row.solutionName,
        row.applicantName,
        row.unitName,
        row.categoryName ?? row.category ?? '',
        `${row.submitted}/${row.needed}`,
        row.mean,
        row.trimmed
          ? row.trimmedMean
          : row.trimmedMean !== null
            ? `${row.trimmedMean}（不足3份）`
            : null,
        row.median,
        row.sd,
        row.range,
        row.normalisedMean,
        row.flags.map((f) => `${f.label}：${f.detail}`).join('\n'),
      ]),
      centredSummary,
    );
    if (p.experts.length) {
      ws.addRow([]);
      const head = ws.rowCount + 1;
      title(
        ws,
        head,
        n,
        `${p.name} 专家宽严度（平均分 − 组平均分；偏离：超过专家平均分标准差的1.5倍）`,
        11,
      );
      // under the ranking's name, applicant and unit columns, which are wide enough
      table(
        ws,
        ['专家', '工作单位', '提示', '已评/分配', '平均分', '标准差', '宽严度', '相关系数'],
        p.experts.map((e) => [
          e.name,
          e.employerName,
          e.reasons.map((x) => x.label).join('、'),
          `${e.n}/${e.assigned}`,
          e.mean,
          e.sd,
          e.leniency,
          e.correlation,
        ]),
        (col) => col >= 4,
        1,
      );
    }
  }

  // ---------------------------------------------------------------- one sheet per expert
  const settings = r.campaign.settings;
  const rubric = settings.rubric;
  const labels = new Map(reviewSettingsOf(settings).recommendations.map((o) => [o.code, o.label]));
  const panelNames = new Map(r.panels.map((p) => [p.id, p.name]));
  const taken = new Set(['结果汇总']);
  const byExpert = new Map<string, RoundResults['assignments']>();
  for (const a of r.assignments)
    if (a.state === 'published') byExpert.set(a.expertId, [...(byExpert.get(a.expertId) ?? []), a]);
  const experts = [...byExpert.values()].sort((a, b) =>
    a[0]!.expertName.localeCompare(b[0]!.expertName, 'zh-CN'),
  );
  const headers = [
    '序号',
    '评审组',
    '解决方案名称',
    '申报单位',
    ...rubric.map((c) => `${c.name}（${c.maxScore ?? c.weight}分）`),
    '总分',
    '推荐意见',
    '评审意见',
    '状态',
    '提交时间',
  ];
  for (const list of experts) {
    const first = list[0]!;
    const sheet = printedSheet(wb, sheetNameFor(first.expertName, taken), '1:2', 2);
    sheet.columns = [
      { width: 6 },
      { width: 14 },
      { width: 28 },
      { width: 24 },
      ...rubric.map(() => ({ width: 10 })),
      { width: 8 },
      { width: 10 },
      { width: 50 },
      { width: 8 },
      { width: 17 },
    ];
    title(sheet, 1, headers.length, `专家评分明细：${first.expertName}（${first.employerName}）`);
    sheet.mergeCells(2, 1, 2, headers.length);
    Object.assign(sheet.getCell(2, 1), {
      value: `${view.round.campaignTitle} ${view.round.name}`,
      font: { name: SHEET_FONT, size: 10 },
    });
    const k = rubric.length;
    table(
      sheet,
      headers,
      list.map((a, i) => {
        const scores = a.review.scores ?? {};
        return [
          i + 1,
          panelNames.get(a.panelId) ?? '',
          a.solutionName,
          a.applicantName ?? '',
          ...rubric.map((c) => scores[c.code] ?? null),
          a.review.scores ? weightedTotal(rubric, scores) : null,
          a.review.recommendation
            ? (labels.get(a.review.recommendation) ?? a.review.recommendation)
            : '',
          a.review.comment ?? '',
          REVIEW_STATE_LABELS[
            a.review.state === 'submitted' ? 'submitted' : a.review.state ? 'draft' : 'not_started'
          ],
          shanghaiMinute(a.review.submittedAt),
        ];
      }),
      (col) => col === 1 || (col >= 5 && col <= 6 + k) || col >= 8 + k,
    );
  }
  return workbookBytes(wb);
}
