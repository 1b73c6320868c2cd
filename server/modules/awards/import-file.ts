// An uploaded award list as sheet rows: XLSX or CSV, told apart by content, never by name.
import { parseCsv } from '../../lib/csv';
import { AppError } from '../../lib/errors';
import { checkUploadedFile } from '../../lib/files';
import { readFirstSheet } from '../../lib/xlsx';

export interface SheetRow {
  rowNo: number; // as a spreadsheet shows it
  cells: string[];
}

export interface ImportSheet {
  format: 'xlsx' | 'csv';
  rows: SheetRow[]; // the first is the header
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const refuse = (message: string): never => {
  throw new AppError('FILE_REJECTED', { message });
};

export async function readImportSheet(bytes: Buffer): Promise<ImportSheet> {
  if (bytes.length === 0) refuse('文件为空');
  if (bytes.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', rows: await readXlsx(bytes) };
  if (bytes.subarray(0, 8).equals(OLE))
    refuse(
      '不支持旧版 Excel 文件（.xls）：请用 Excel 或 WPS 另存为 .xlsx，或另存为“CSV UTF-8（逗号分隔）”',
    );
  return { format: 'csv', rows: readCsv(decodeUtf8(bytes)) };
}

async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const check = checkUploadedFile(bytes, 'import.xlsx');
  if (!check.ok) {
    if (checkUploadedFile(bytes, 'import.docx').ok)
      refuse('上传的是 Word 文档，不是表格：请上传 Excel（.xlsx）或 CSV 文件');
    refuse(check.reason);
  }
  try {
    return await readFirstSheet(bytes);
  } catch {
    return refuse('无法读取该 Excel 文件，可能已损坏：请用 Excel 或 WPS 打开后另存为 .xlsx 再导入');
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) refuse('文件不是表格：请上传 Excel（.xlsx）或 CSV 文件');
    return text;
  } catch (e) {
    if (e instanceof AppError) throw e;
    return refuse(
      looksLikeGbk(bytes)
        ? '文件不是 UTF-8 编码，看起来是 GBK/GB2312（Excel 另存为“CSV（逗号分隔）”时的默认编码），中文会变成乱码：请另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件'
        : '文件不是 UTF-8 编码的文本：请另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件',
    );
  }
}

function looksLikeGbk(bytes: Buffer): boolean {
  try {
    return /[\u4e00-\u9fff]/.test(new TextDecoder('gbk', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

function readCsv(text: string): SheetRow[] {
  const records = parseCsv(text);
  if (records.length === 0) return [];
  const header = Object.keys(records[0]!);
  const numbers = csvRecordNumbers(text);
  return [
    { rowNo: numbers[0] ?? 1, cells: header },
    ...records.map((r, i) => ({ rowNo: numbers[i + 1] ?? i + 2, cells: header.map((h) => r[h]!) })),
  ];
}

/**
 * The record number (as a spreadsheet counts rows) of each record parseCsv keeps: it drops blank
 * lines, which a spreadsheet still shows as rows. A quoted field may hold line breaks.
 */
export function csvRecordNumbers(src: string): number[] {
  const out: number[] = [];
  let quoted = false;
  let blank = true;
  let record = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"') {
      quoted = !quoted; // a doubled quote toggles twice
      continue;
    }
    if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && src[i + 1] === '\n') i++;
      if (!blank) out.push(record);
      record++;
      blank = true;
      continue;
    }
    if (c !== '\uFEFF' || i > 0) blank = false;
  }
  if (!blank) out.push(record);
  return out;
}
