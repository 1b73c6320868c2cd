import { describe, expect, test } from 'vitest';
import { ExcelJS, readFirstSheet, workbookBytes } from './xlsx';

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
});
