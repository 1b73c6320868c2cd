// 附件4 as written: names from the imported awards that start like a formula stay text, and the
// sheet prints on LibreOffice with its header on every page.
import { describe, expect, test } from 'vitest';
import { MIIT_2021_FOLLOW_UP } from '../../../domain/forms/miit-2021-follow-up';
import { cellsHolding, FORMULA_TEXTS } from '../../../test/fixtures/xlsx-injection';
import { officeMissing, printWithOffice, squash } from '../../../test/fixtures/office';
import type { AwardRow } from '../awards';
import { followUpSummaryXlsx, SUMMARY_TITLE, type SummaryInput } from './summary';

function award(i: number, solutionName: string, enterpriseName = '往届企业有限公司'): AwardRow {
  return {
    id: `a${i}`,
    year: 2020,
    solutionName,
    enterpriseName,
    uscc: '91110108MA01XXXX0X',
    category: '基础共性工业APP',
    recommenderName: '北京市',
    recommenderUnitId: null,
    source: 'imported',
    applicationId: null,
    text: null,
    importedBy: null,
    createdAt: new Date('2021-01-01T00:00:00Z'),
  };
}

const input = (awards: AwardRow[]): SummaryInput => ({
  form: MIIT_2021_FOLLOW_UP,
  unitName: '北京市',
  date: '2021年10月20日',
  awardYears: [2019, 2020],
  revenueYears: [2019, 2020, 2021],
  industryNames: {},
  rows: awards.map((a) => ({ award: a, report: null })),
});

describe('附件4 XLSX', () => {
  test('award names that start like a formula are written as text with a quote prefix', async () => {
    const bytes = await followUpSummaryXlsx(
      input(FORMULA_TEXTS.map((t, i) => award(i, t, FORMULA_TEXTS.at(-1 - i)))),
    );
    const cells = await cellsHolding(bytes, FORMULA_TEXTS);
    expect(cells).toHaveLength(2 * FORMULA_TEXTS.length);
    for (const c of cells) {
      expect(typeof c.value, c.address).toBe('string');
      expect(c, c.address).toMatchObject({ numFmt: '@', quotePrefix: true });
    }
  });
});

describe.skipIf(officeMissing)('附件4 XLSX printed by LibreOffice', () => {
  test('the header on every page, page numbers, every award', async () => {
    const awards = Array.from({ length: 50 }, (_, i) => award(i, `往届方案${i + 1}`));
    const printed = printWithOffice(await followUpSummaryXlsx(input(awards)), 'xlsx', {
      keepPngsIn: process.env.OFFICE_PNGS,
    });
    const pages = printed.pages.map(squash);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(SUMMARY_TITLE);
    pages.forEach((page, i) => {
      expect(page).toContain('序号获奖年份解决方案名称企业名称');
      expect(page).toContain(`第${i + 1}页，共${pages.length}页`);
    });
    const all = pages.join('');
    for (const a of awards) expect(all).toContain(a.solutionName);
  }, 200_000);
});
