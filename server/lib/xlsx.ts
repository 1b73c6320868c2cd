import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export { ExcelJS };

// ------------------------------------------------------------ formula injection
//
// A string cell is never a formula when written, but Excel and LibreOffice parse a cell again when a
// person edits it (F2, Enter): "=HYPERLINK(…)" typed by an applicant would then run. A cell in
// the Text number format ('@') keeps what is typed as text, and `quotePrefix` is what Excel itself
// writes for a value typed with a leading apostrophe. Every workbook the platform writes goes
// through `workbookBytes`, which gives each such cell both.

/** Characters a spreadsheet program reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_START.test(v);
}

/** Marks every cell whose text starts like a formula as text ('@', quote prefix); returns how many. */
export function neutraliseFormulas(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const text =
          v && typeof v === 'object' && 'richText' in v
            ? v.richText.map((r) => r.text).join('')
            : v;
        if (!looksLikeFormula(text)) return;
        if (typeof v !== 'string') cell.value = String(text); // rich text: one plain string
        cell.numFmt = '@';
        n++;
      }),
    );
  return n;
}

// exceljs 4.4 has no quotePrefix: its cell-format writer gets it for every Text-format ('@', id 49)
// format here. Harmless on text that is not formula-like (a USCC, a phone number): it only says
// "this was typed as text". server/lib/xlsx.test.ts reads styles.xml to keep this true.
const TEXT_FORMAT_ID = 49;
type XmlStream = { openNode: (name: string, attrs?: Record<string, unknown>) => void };
const StyleXform = createRequire(import.meta.url)('exceljs/lib/xlsx/xform/style/style-xform') as {
  prototype: {
    render: (xml: XmlStream, model: { numFmtId?: number }) => void;
    quotePatched?: true;
  };
};
if (!StyleXform.prototype.quotePatched) {
  const render = StyleXform.prototype.render;
  StyleXform.prototype.quotePatched = true;
  StyleXform.prototype.render = function (xml, model) {
    if (model?.numFmtId === TEXT_FORMAT_ID) {
      const open = xml.openNode;
      xml.openNode = function (name, attrs) {
        xml.openNode = open;
        return open.call(this, name, { ...attrs, quotePrefix: '1' });
      };
    }
    return render.call(this, xml, model);
  };
}

/** The workbook as .xlsx bytes, formula-like text neutralised. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  neutraliseFormulas(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A download with a Chinese file name (RFC 5987). */
export function sendFile(reply: FastifyReply, bytes: Buffer, filename: string, mime: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes);
}

/** A cell's value as the text a person sees: rich text joined, formulas by result, dates as YYYY-MM-DD. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** Every row of the first worksheet as text cells (1-based row numbers kept in `rowNo`). */
export async function readFirstSheet(bytes: Buffer): Promise<{ rowNo: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: { rowNo: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    out.push({ rowNo, cells });
  });
  return out;
}

// ------------------------------------------------------------ printing
//
// A table the platform hands out is printed and stamped: landscape A4, as wide as the page, the
// header row on every page, page numbers, every cell ruled, wrapped text, and one CJK font named on
// every styled cell (a cell with no font prints in the office suite's default, often a serif).

export const SHEET_FONT = '宋体';
const THIN = { style: 'thin' } as const;
export const RULED: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Landscape A4, fitted to the page width, the given rows repeated at the top of every page. */
export function printedSheet(
  wb: ExcelJS.Workbook,
  name: string,
  repeatRows: string,
  frozenRows: number,
): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: repeatRows,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: frozenRows }],
  });
}

/** Display width in column units: a CJK or full-width character takes two, others one. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row to fit wrapped text
 * written by a library (the text would spill over the rule below), so each row gets the height
 * of its tallest cell, estimated from the column widths.
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow: number, toRow = ws.rowCount) {
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    let size = 11;
    row.eachCell((cell, col) => {
      if (cell.isMerged && cell.master !== cell) return;
      const width = Math.max(1, (ws.getColumn(col).width ?? 9) - 1.5);
      const text = cell.text ?? '';
      const n = text
        .split('\n')
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
      lines = Math.max(lines, n);
      size = Math.max(size, cell.font?.size ?? 11);
    });
    row.height = Math.max(row.height ?? 0, Math.ceil(lines * size * 1.25 + 4));
  }
}
