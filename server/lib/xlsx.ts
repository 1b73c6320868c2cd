import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export { ExcelJS };

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
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
