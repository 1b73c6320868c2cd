import { ExcelJS, fitRowHeights, workbookBytes } from '../../lib/xlsx';
import { AS_TEXT, CENTRED, type SummaryDocument } from './summary-table';

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

/** 附件3 as a worksheet ready to print on landscape A4, header repeated on every page. */
export async function renderSummaryXlsx(doc: SummaryDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征选 Zhengxuan';
  const columns = doc.columns;
  const n = columns.length;
  const ws = wb.addWorksheet('附件3', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:3',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = columns.map((c, i) => ({ key: `c${i}`, width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = doc.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  const split = Math.ceil(n / 2);
  ws.mergeCells(2, 1, 2, split);
  ws.mergeCells(2, split + 1, 2, n);
  const unit = ws.getCell(2, 1);
  unit.value = `推荐单位（盖章）：${doc.unitName}`;
  const date = ws.getCell(2, split + 1);
  date.value = `日期：${doc.date}`;
  date.alignment = { horizontal: 'right', vertical: 'middle' };
  unit.alignment = { horizontal: 'left', vertical: 'middle' };
  for (const c of [unit, date]) c.font = { name: FONT, size: 12 };
  ws.getRow(2).height = 24;

  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  header.height = 30;

  for (const r of doc.rows) ws.addRow(r.cells);

  for (let rowNo = 3; rowNo <= ws.rowCount; rowNo++) {
    const row = ws.getRow(rowNo);
    for (let col = 1; col <= n; col++) {
      const cell = row.getCell(col);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: rowNo === 3 || CENTRED.has(columns[col - 1]!.fact) ? 'center' : 'left',
        wrapText: true,
      };
      if (rowNo > 3) cell.font = { name: FONT, size: 10.5 };
    }
  }
  // the code and the phone stay text: Excel would otherwise turn long digit strings into numbers
  columns.forEach((c, i) => {
    if (AS_TEXT.has(c.fact)) ws.getColumn(i + 1).numFmt = '@';
  });
  fitRowHeights(ws, 3);
  return workbookBytes(wb);
}
