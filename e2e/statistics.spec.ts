// 监测分析: the organizer opens the analysis of the demo call, finds Beijing's count on the map,
// clicks Beijing and the category chart follows, and the category XLSX matches the table; the
// 北京市 recommender sees only its own unit; the public page shows aggregates without signing in.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, request as playwrightRequest, test, type Locator } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  signIn,
  signOut,
  uniqueUscc,
} from './helpers';

const run = Date.now().toString(36).slice(-5).toUpperCase();
const filed = [
  ['质量追溯', '云杉'],
  ['能效管理', '海棠'],
].map(([topic, brand]) => ({
  solutionName: `监测${run}${topic}`,
  enterpriseName: `北京${brand}${run}数据科技有限公司`,
  uscc: uniqueUscc(),
}));

test.describe.configure({ mode: 'serial' });

/** Beijing's submitted count, as the organizer's API answers it. */
let beijing = 0;

test.beforeAll(async ({ baseURL }) => {
  for (const f of filed) {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      await apiRegisterBeijingEnterprise(request, {
        name: f.enterpriseName,
        uscc: f.uscc,
        email: `stats-${run.toLowerCase()}-${f.uscc.toLowerCase()}@example.cn`,
      });
      const session = await apiSignIn(request, f.uscc, NEW_PASSWORD);
      await apiSubmitApplication(session, { campaign: DEMO_CAMPAIGN, ...f });
    } finally {
      await request.dispose();
    }
  }
  const request = await playwrightRequest.newContext({ baseURL });
  try {
    await apiSignIn(request, 'organizer');
    const res = await request.get(
      `/api/v1/campaigns/${DEMO_CAMPAIGN}/statistics/breakdown?dimension=province`,
    );
    expect(res.status(), await res.text()).toBe(200);
    const body = (await res.json()) as { rows: { key: string; submitted: number }[] };
    beijing = body.rows.find((r) => r.key === '110000')?.submitted ?? 0;
    expect(beijing).toBeGreaterThanOrEqual(filed.length);
  } finally {
    await request.dispose();
  }
});

/** A chart card's table view: its rows as [label, 提交申报]. */
async function tableRows(card: Locator): Promise<Array<[string, number]>> {
  await card.getByText('表格', { exact: true }).click();
  const rows = card.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const out: Array<[string, number]> = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole('cell');
    out.push([(await cells.nth(0).innerText()).trim(), Number(await cells.nth(1).innerText())]);
  }
  return out;
}

test('the organizer filters the analysis by Beijing and exports what the table shows', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, 'organizer');
  await page.getByRole('navigation').getByRole('link', { name: '监测分析' }).click();
  await expect(page).toHaveURL(/\/admin\/statistics\/[^/]+$/);
  // the open call (the demo's) is the one shown
  const map = page.getByTestId('chart-province');
  await expect(map.locator('canvas').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // the map's table view names Beijing's count
  const mapRows = await tableRows(map);
  expect(mapRows).toContainEqual(['北京市', beijing]);

  // clicking Beijing filters the category chart (and its export)
  await map.getByRole('button', { name: '北京市', exact: true }).click();
  await expect(page.getByTestId('filter-province')).toContainText('地区：北京市');
  const category = page.getByTestId('chart-category');
  const exportLink = category.getByTestId('export-category');
  await expect(exportLink).toHaveAttribute('href', /chart=category&province=110000/);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: test.info().outputPath('filtered.png'), fullPage: true });
  const rows = await tableRows(category);
  expect(rows.reduce((n, [, c]) => n + c, 0)).toBeGreaterThanOrEqual(filed.length);

  // the XLSX is the table
  const href = (await exportLink.getAttribute('href'))!;
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getCell(2, 1).value)).toContain('北京市');
  const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const submittedCol = header.findIndex((h) => h.includes('提交')) + 1;
  expect(submittedCol).toBeGreaterThan(1);
  for (const [label, count] of rows) {
    const line = ws.getSheetValues().find((r) => Array.isArray(r) && String(r[1]) === label) as
      unknown[] | undefined;
    expect(line, label).toBeTruthy();
    expect(Number(line![submittedCol])).toBe(count);
  }
  // 下载分析报告: the Word and the PDF download, named after the call, and say what was counted
  for (const [label, ext, magic] of [
    ['Word', 'docx', 'PK'],
    ['PDF', 'pdf', '%PDF'],
  ] as const) {
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: `下载分析报告（${label}）` }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(new RegExp(`监测分析报告\\.${ext}$`));
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    expect(bytes.length).toBeGreaterThan(20_000);
  }
  await signOut(page);
});

test('the 北京市 recommender sees its own unit, beside the national shares', async ({ page }) => {
  await signIn(page, 'beijing');
  await page.getByRole('navigation').getByRole('link', { name: '监测分析' }).click();
  await expect(page).toHaveURL(/\/recommender\/statistics\/[^/]+$/);
  await expect(page.getByTestId('stats-unit')).toContainText('本单位：北京市');
  await expect(page.getByRole('link', { name: /下载分析报告/ })).toHaveCount(0);
  const units = page.getByTestId('chart-unit');
  const rows = await tableRows(units);
  expect(rows.map(([label]) => label)).toEqual(['北京市']);
  await expect(
    page.getByTestId('chart-category').getByText('本单位按申报类别（与全国对比）'),
  ).toBeVisible();
  await page.getByTestId('chart-category').getByText('表格', { exact: true }).click();
  await expect(
    page.getByTestId('chart-category').getByRole('columnheader', { name: '全国占比' }),
  ).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: test.info().outputPath('recommender.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await signOut(page);
});

test('anyone sees the public statistics, small numbers hidden', async ({ page }) => {
  await page.goto(`/campaigns/${DEMO_CAMPAIGN}`);
  await page.getByTestId('public-statistics-link').click();
  await expect(page.getByTestId('suppression-rule')).toContainText(
    '为保护申报单位信息，少于3的数字不予显示',
  );
  const provinces = page.getByTestId('public-provinces');
  await expect(provinces.getByRole('row', { name: /北京市/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: test.info().outputPath('public.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
