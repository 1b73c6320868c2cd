import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../lib/csv';
import { csvRecordNumbers, readImportSheet } from './import-file';

describe('CSV row numbers as a spreadsheet shows them', () => {
  test('blank lines count, line breaks inside quotes do not, CRLF and doubled quotes too', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"say ""hi"""\n\n3,z\n';
    expect(parseCsv(text)).toHaveLength(3);
    expect(csvRecordNumbers(text)).toEqual([1, 2, 4, 6]);
  });

  test('a file read as CSV carries those numbers; a BOM is no cell', async () => {
    const sheet = await readImportSheet(
      Buffer.from('\uFEFF年份,备注\n\n2019,"a\nb"\n2020,c', 'utf8'),
    );
    expect(sheet).toEqual({
      format: 'csv',
      rows: [
        { rowNo: 1, cells: ['年份', '备注'] },
        { rowNo: 3, cells: ['2019', 'a\nb'] },
        { rowNo: 4, cells: ['2020', 'c'] },
      ],
    });
  });
});
