import { describe, expect, test } from 'vitest';
import { ExcelJS, readFirstSheet, workbookBytes } from './xlsx';
import { cellsHolding, FORMULA_TEXTS } from '../../test/fixtures/xlsx-injection';

describe('xlsx', () => {
  test('reads back what it wrote, rich text and dates as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['序号', '名称', '日期']);
    ws.addRow([
      1,
      { richText: [{ text: '工业' }, { text: 'APP' }] },
      new Date('2021-10-20T00:00:00Z'),
    ]);
    const rows = await readFirstSheet(await workbookBytes(wb));
    expect(rows).toEqual([
      { rowNo: 1, cells: ['序号', '名称', '日期'] },
      { rowNo: 2, cells: ['1', '工业APP', '2021-10-20'] },
    ]);
  });

  test('a file that is not a workbook is refused by the reader', async () => {
    await expect(readFirstSheet(Buffer.from('not a zip'))).rejects.toThrow();
  });

  test('text that starts like a formula is written as text with a quote prefix, so editing it does not run it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['名称', '说明']);
    for (const text of FORMULA_TEXTS) ws.addRow([text, '普通文字']);
    ws.addRow([{ richText: [{ text: '=1' }, { text: '+1' }] }, -5]);
    const bytes = await workbookBytes(wb);
    const cells = await cellsHolding(bytes, [...FORMULA_TEXTS, '=1+1']);
    expect(cells.map((c) => c.address)).toEqual(['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    for (const c of cells) {
      expect(typeof c.value, c.address).toBe('string'); // not a formula, not rich text
      expect(c.numFmt, c.address).toBe('@');
      expect(c.quotePrefix, c.address).toBe(true);
    }
    // ordinary text and numbers keep their format (a negative number is a number)
    const plain = await cellsHolding(bytes, ['普通文字', '名称']);
    expect(plain.every((c) => !c.quotePrefix && c.numFmt !== '@')).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.worksheets[0]!.getCell('B8').value).toBe(-5);
  });
});
