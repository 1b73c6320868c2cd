// 附件3 as written: text an applicant typed that starts like a formula stays text, and the sheet
// prints on LibreOffice with its header on every page and long names wrapped, not clipped.
import { describe, expect, test } from 'vitest';
import { MIIT_2021_SUMMARY_TABLE } from '../../../domain/campaigns/miit-2021';
import { cellsHolding, FORMULA_TEXTS } from '../../../test/fixtures/xlsx-injection';
import { officeMissing, printWithOffice, squash } from '../../../test/fixtures/office';
import type { SummaryDocument, SummaryRow } from './summary-table';
import { renderSummaryXlsx } from './summary-xlsx';

const LONG = '面向离散制造的工艺质量闭环优化与设备预测性维护一体化工业互联网APP解决方案';

function row(rank: number, name: string, applicant = '北京甲智造科技有限公司'): SummaryRow {
  const r = {
    applicationId: `a${rank}`,
    rank,
    solutionName: name,
    category: '行业通用工业APP',
    applicantName: applicant,
    uscc: '91110108MA01XXXX0X',
    region: '北京市',
    industry: '应用软件开发',
    appCount: 2,
    platform: '示例工业互联网平台',
    contactName: '张示例',
    phone: '010-12345678',
  };
  return {
    ...r,
    cells: [
      rank,
      name,
      r.category,
      applicant,
      r.uscc,
      r.region,
      r.industry,
      2,
      r.platform,
      r.contactName,
      r.phone,
    ],
  };
}

const doc = (rows: SummaryRow[]): SummaryDocument => ({
  title: MIIT_2021_SUMMARY_TABLE.title,
  columns: MIIT_2021_SUMMARY_TABLE.columns,
  unitName: '北京市',
  date: '2021年10月20日',
  rows,
});

describe('附件3 XLSX', () => {
  test('an applicant’s text that starts like a formula is written as text with a quote prefix', async () => {
    const bytes = await renderSummaryXlsx(
      doc(FORMULA_TEXTS.map((text, i) => row(i + 1, text, FORMULA_TEXTS.at(-1 - i)))),
    );
    const cells = await cellsHolding(bytes, FORMULA_TEXTS);
    expect(cells).toHaveLength(2 * FORMULA_TEXTS.length); // names and applicants
    for (const c of cells) {
      expect(typeof c.value, c.address).toBe('string');
      expect(c, c.address).toMatchObject({ numFmt: '@', quotePrefix: true });
    }
  });
});

describe.skipIf(officeMissing)('附件3 XLSX printed by LibreOffice', () => {
  test('the header on every page, page numbers, long names wrapped in full', async () => {
    const rows = [
      row(1, LONG),
      ...Array.from({ length: 44 }, (_, i) => row(i + 2, `方案${i + 2}`)),
    ];
    const printed = printWithOffice(await renderSummaryXlsx(doc(rows)), 'xlsx', {
      keepPngsIn: process.env.OFFICE_PNGS,
    });
    const pages = printed.pages.map(squash);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(MIIT_2021_SUMMARY_TABLE.title);
    expect(pages[0]).toContain('推荐单位（盖章）：北京市');
    pages.forEach((page, i) => {
      expect(page).toContain('解决方案名称类别申报单位统一社会信用代码');
      expect(page).toContain(`第${i + 1}页，共${pages.length}页`);
    });
    const all = pages.join('');
    for (const r of rows.slice(1)) expect(all).toContain(`${r.rank}${r.solutionName}`);
    // the long name, wrapped in its cell, line under line: every character printed
    const lines = printed.pages[0]!.split('\n');
    const at = lines.findIndex((l) => l.includes(LONG.slice(0, 6)));
    const column = lines[at]!.indexOf(LONG.slice(0, 6));
    const printedName = lines
      .slice(at, at + 6)
      .map((l) => l.slice(column).trimStart().split(/\s+/)[0] ?? '')
      .join('');
    expect(printedName).toContain(LONG);
  }, 200_000);
});
