// 监测分析 exports: a chart's underlying table as a workbook that prints like the platform's other
// tables — a title naming the campaign and the chart, a line with the filters, a header row, the
// rows, and a 合计 row where a total means something.
import {
  ExcelJS,
  fitRowHeights,
  printedSheet,
  RULED,
  SHEET_FONT,
  workbookBytes,
} from '../../lib/xlsx';

export interface StatTable {
  /** e.g. 2021年工业互联网APP优秀解决方案征集遴选监测分析：地区 */
  title: string;
  /** e.g. 筛选条件：地区=北京市；导出时间：2026-11-01 09:00（北京时间） */
  subtitle: string;
  header: string[];
  rows: (string | number)[][];
  total?: (string | number)[];
  /** lines under the table (a note, or a second small table's rows) */
  after?: (string | number)[][];
}

export const STAT_HEADER_ROW = 3;

export async function renderStatTableXlsx(table: StatTable, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const n = Math.max(table.header.length, 2);
  const H = STAT_HEADER_ROW;
  const ws = printedSheet(wb, sheetName.slice(0, 31), `1:${H}`, H);
  ws.columns = table.header.map((_, i) => ({ width: i === 0 ? 30 : 14 }));
  ws.mergeCells(1, 1, 1, n);
  Object.assign(ws.getCell(1, 1), {
    value: table.title,
    font: { name: SHEET_FONT, size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  Object.assign(ws.getCell(2, 1), {
    value: table.subtitle,
    font: { name: SHEET_FONT, size: 10.5 },
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  });
  ws.getRow(H).values = table.header;
  for (const r of table.rows) ws.addRow(r);
  if (table.total) ws.addRow(table.total);
  const last = ws.rowCount;
  for (let rowNo = H; rowNo <= last; rowNo++) {
    const bold = rowNo === H || (!!table.total && rowNo === last);
    ws.getRow(rowNo).eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > table.header.length) return;
      cell.border = RULED;
      cell.font = { name: SHEET_FONT, size: 10, bold };
      cell.alignment = {
        vertical: 'middle',
        horizontal: rowNo === H || col > 1 ? 'center' : 'left',
        wrapText: true,
      };
      if (rowNo === H)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    });
  }
  fitRowHeights(ws, H);
  if (table.after?.length) {
    ws.addRow([]);
    for (const r of table.after) {
      const row = ws.addRow(r);
      row.eachCell((cell) => (cell.font = { name: SHEET_FONT, size: 10 }));
    }
  }
  return workbookBytes(wb);
}
