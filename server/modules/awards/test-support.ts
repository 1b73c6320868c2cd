// Import files for route tests: multipart upload, XLSX and CSV made from rows.
import type { Client } from '../../test/harness';
import { ExcelJS, workbookBytes } from '../../lib/xlsx';

export function importFile(c: Client, filename: string, bytes: Buffer) {
  const boundary = '----zx' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', '/api/v1/awards/import', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** A workbook whose first sheet holds these rows; `null` leaves a row empty. */
export async function xlsxOf(rows: ((string | number)[] | null)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('往届获奖名单');
  rows.forEach((r, i) => {
    if (r) ws.getRow(i + 1).values = r;
  });
  return workbookBytes(wb);
}

/** RFC 4180 CSV with CRLF; fields with a comma, quote or line break are quoted. */
export function csvOf(rows: (string | number)[][], bom = true): Buffer {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

export const HEADER_ZH = [
  '年份',
  '解决方案名称',
  '企业名称',
  '统一社会信用代码',
  '类别',
  '推荐单位',
  '备注',
];
