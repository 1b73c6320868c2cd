// The organizer's progress workbook as a unit prints it: read back with exceljs, and converted to
// PDF with LibreOffice where it is installed.
import { describe, expect, test } from 'vitest';
import type { ProgressRow } from '../../../domain/api/progress';
import { ExcelJS } from '../../lib/xlsx';
import { cellsHolding, FORMULA_TEXTS } from '../../../test/fixtures/xlsx-injection';
import { officeMissing, printWithOffice, squash } from '../../../test/fixtures/office';
import { PROGRESS_HEADER_ROW, renderProgressXlsx } from './xlsx';

const LONG_NAME = '新疆生产建设兵团工业和信息化局（新疆生产建设兵团国有资产监督管理委员会）';

function unit(i: number, over: Partial<ProgressRow> = {}): ProgressRow {
  return {
    unitId: `u${i}`,
    unitName: `推荐单位${String(i).padStart(2, '0')}`,
    unitType: 'province',
    received: i,
    pending: 1,
    recommended: 2,
    quota: 10,
    batchId: null,
    batchState: i % 2 ? 'open' : 'signed_off',
    signedOffAt: i % 2 ? null : '2026-11-01T01:00:00.000Z',
    followUpsExpected: 3,
    followUpsSubmitted: 1,
    forwarded: i % 2 ? 0 : 2,
    paperReceived: i % 2 ? 0 : 1,
    summaryTableReceivedOn: i % 2 ? null : '2026-11-02',
    ...over,
  };
}

const INFO = {
  campaignTitle: '2026年工业互联网APP优秀解决方案征集遴选',
  exportedAt: new Date('2026-11-02T02:30:00Z'),
};
const TITLE = '2026年工业互联网APP优秀解决方案征集遴选推荐单位进度';
const rows = [
  unit(1, { unitName: LONG_NAME }),
  ...Array.from({ length: 59 }, (_, i) => unit(i + 2)),
];

async function sheet(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('the progress workbook', () => {
  test('has a title, the export time, a ruled table in a named CJK font and print settings like 附件3', async () => {
    const ws = await sheet(await renderProgressXlsx(rows, INFO));
    expect(ws.getCell('A1').value).toBe(TITLE);
    expect(ws.getCell('A2').value).toBe('导出时间：2026-11-02 10:30（北京时间）');
    expect(ws.getRow(PROGRESS_HEADER_ROW).getCell(1).value).toBe('推荐单位');
    expect(ws.getCell(`A${ws.rowCount}`).value).toBe('合计');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${PROGRESS_HEADER_ROW}`,
    });
    expect(ws.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
    for (let r = PROGRESS_HEADER_ROW; r <= ws.rowCount; r++)
      for (let c = 1; c <= 10; c++) {
        const cell = ws.getCell(r, c);
        const b = cell.border;
        expect([b?.top?.style, b?.bottom?.style, b?.left?.style, b?.right?.style]).toEqual(
          Array(4).fill('thin'),
        );
        expect(cell.font?.name, cell.address).toBe('宋体');
        expect(cell.alignment?.wrapText, cell.address).toBe(true);
      }
    for (const address of ['A1', `A${PROGRESS_HEADER_ROW}`, `A${ws.rowCount}`])
      expect(ws.getCell(address).font).toMatchObject({ name: '宋体', bold: true });
  });

  test('a unit name that starts like a formula is kept as text with a quote prefix', async () => {
    const bytes = await renderProgressXlsx(
      FORMULA_TEXTS.map((name, i) => unit(i, { unitName: name })),
      INFO,
    );
    const cells = await cellsHolding(bytes, FORMULA_TEXTS);
    expect(cells).toHaveLength(FORMULA_TEXTS.length);
    for (const c of cells) expect(c).toMatchObject({ numFmt: '@', quotePrefix: true });
    expect(cells.every((c) => typeof c.value === 'string')).toBe(true);
  });
});

describe.skipIf(officeMissing)('the progress workbook printed by LibreOffice', () => {
  test('every page has the title, the header row and its page number; long names wrap, not clipped', async () => {
    const printed = printWithOffice(await renderProgressXlsx(rows, INFO), 'xlsx', {
      keepPngsIn: process.env.OFFICE_PNGS,
    });
    const pages = printed.pages.map(squash);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(TITLE);
      expect(page).toContain('推荐单位单位类型已收到申报');
      expect(page).toContain(`第${i + 1}页，共${pages.length}页`);
    });
    const all = pages.join('');
    // every unit, on one page or another, and the totals
    for (const r of rows.slice(1)) expect(all).toContain(r.unitName);
    expect(all).toContain('合计');
    // the long name wraps inside its first-column cell, line under line, every character printed
    const lines = printed.pages[0]!.split('\n');
    const indent = (line: string) => line.length - line.trimStart().length;
    const left = indent(lines.find((l) => l.trimStart().startsWith('推荐单位02'))!);
    const firstColumn = lines
      .filter((l) => l.trim() && Math.abs(indent(l) - left) <= 1)
      .map((l) => l.trimStart().split(/\s+/)[0]!)
      .join('');
    expect(firstColumn).toContain(LONG_NAME);
  }, 200_000);
});
