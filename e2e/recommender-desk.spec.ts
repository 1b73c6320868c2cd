// The recommender's desk: 北京市 reviews what reached it, returns one, recommends three,
// reorders them, uploads the stamped 附件3, signs off, and the downloaded 附件3 has the order.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  NEW_PASSWORD,
  signIn,
  uniqueUscc,
  PNG_1X1,
  expectNoSeriousA11yViolations,
} from './helpers';

const SEARCH = '解决方案名称、企业名称或统一社会信用代码';

const run = Date.now().toString(36).slice(-5).toUpperCase();
/**
 * Four applications through 北京市, each a different solution of an unrelated enterprise (the
 * duplicate check would rightly flag look-alike names of look-alike enterprises).
 */
const filed = [
  ['甲', '轴承缺陷检测', '云帆'],
  ['乙', '能耗优化调度', '星河'],
  ['丙', '设备预测维护', '启明'],
  ['丁', '仓储物流排程', '松柏'],
].map(([k, topic, brand]) => ({
  key: k!,
  solutionName: `工作台${run}${topic}`,
  enterpriseName: `北京${brand}${run}信息技术有限公司`,
  uscc: uniqueUscc(),
}));
const [A, B, C, D] = filed as [
  (typeof filed)[0],
  (typeof filed)[0],
  (typeof filed)[0],
  (typeof filed)[0],
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  for (const f of filed) {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      await apiRegisterBeijingEnterprise(request, {
        name: f.enterpriseName,
        uscc: f.uscc,
        email: `desk-${run.toLowerCase()}-${f.uscc.toLowerCase()}@example.cn`,
      });
      const session = await apiSignIn(request, f.uscc, NEW_PASSWORD);
      await apiSubmitApplication(session, { campaign: DEMO_CAMPAIGN, ...f });
    } finally {
      await request.dispose();
    }
  }
});

async function openFromInbox(page: Page, name: string) {
  await page.getByTestId('inbox-table').getByRole('link', { name }).click();
  await expect(page.getByTestId('review-title')).toHaveText(name);
}

async function backToInbox(page: Page) {
  await page.getByRole('button', { name: '返回申报书列表' }).click();
  await expect(page.getByTestId('inbox-table')).toBeVisible();
}

async function recommend(page: Page, name: string, rank: number) {
  await openFromInbox(page, name);
  // 企业认证: the recommender looks at the licence and verifies the account before recommending
  const card = page.getByTestId('verification-card');
  await expect(card.getByTestId('verification-status')).toHaveText('待核验');
  await expect(card.getByTestId('proof-licence')).toContainText('营业执照.pdf');
  await card.getByTestId('verify-enterprise').click();
  await expect(card.getByTestId('verification-status')).toHaveText('已核验');
  await page
    .getByTestId('decisions')
    .getByRole('button', { name: /^推\s*荐$/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '推荐该解决方案' });
  await expect(dialog.getByLabel('推荐排序')).toHaveValue(String(rank));
  await dialog.getByRole('button', { name: /^推\s*荐$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('state-tag')).toHaveText('已推荐');
}

test('北京市 returns one, recommends three, reorders, signs off and gets 附件3 in that order', async ({
  page,
}) => {
  test.setTimeout(240_000); // a long journey on a shared 2-core machine
  await signIn(page, 'beijing');

  // home: the demo campaign with its quota and the way in
  const item = page.getByTestId('desk-campaign').filter({ hasText: '【演示】' });
  await expect(item.getByTestId('desk-quota')).toContainText('上限 10');
  const before = Number(
    /已推荐 (\d+)/.exec((await item.getByTestId('desk-quota').textContent()) ?? '')?.[1],
  );
  await item.getByRole('button', { name: '进入推荐工作台' }).click();
  await expect(page.getByTestId('desk-title')).toHaveText('推荐工作台');
  const quota = page.getByTestId('quota-text');
  await expect(quota).toHaveText(`已推荐 ${before} / 上限 10，剩余 ${10 - before}`);
  await expect(page.getByTestId('batch-state')).toHaveText('未报送');
  await expectNoSeriousA11yViolations(page);

  // the inbox: this run's four, found by search
  await page.getByRole('searchbox', { name: SEARCH }).fill(`工作台${run}`);
  await page.getByRole('searchbox', { name: SEARCH }).press('Enter');
  const table = page.getByTestId('inbox-table');
  for (const f of filed)
    await expect(table.getByRole('row', { name: new RegExp(f.solutionName) })).toContainText(
      '待审核',
    );
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(4);

  // 甲 goes back to its enterprise: the comment is required
  await openFromInbox(page, A.solutionName);
  await expect(page.getByTestId('frozen-section-applicant')).toContainText(A.enterpriseName);
  await expect(page.getByTestId('frozen-section-applicant')).toContainText(A.uscc);
  await expect(page.getByTestId('frozen-attachment')).toContainText('软件著作权证书.pdf');
  await expect(page.getByTestId('history')).toContainText('企业提交');
  await expectNoSeriousA11yViolations(page);
  await page.getByTestId('decisions').getByRole('button', { name: '退回修改' }).click();
  const returnDialog = page.getByRole('dialog', { name: '退回企业修改' });
  await returnDialog.getByRole('button', { name: '退回修改' }).click();
  await expect(returnDialog).toContainText('请至少填写2个字');
  await returnDialog.getByLabel('退回意见').fill('请补充实践成效的量化数据。');
  await returnDialog.getByRole('button', { name: '退回修改' }).click();
  await expect(returnDialog).toBeHidden();
  await expect(page.getByTestId('state-tag')).toHaveText('已退回');
  await expect(
    page.getByText('已退回企业修改，退回意见：请补充实践成效的量化数据', { exact: false }),
  ).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('请补充实践成效的量化数据。');
  await backToInbox(page);

  // 乙, 丙, 丁 are recommended in that order; the rank offered is the next one
  // an unverified enterprise cannot be recommended: the server says to verify it first
  await openFromInbox(page, B.solutionName);
  await page
    .getByTestId('decisions')
    .getByRole('button', { name: /^推\s*荐$/ })
    .click();
  const early = page.getByRole('dialog', { name: '推荐该解决方案' });
  await early.getByRole('button', { name: /^推\s*荐$/ }).click();
  await expect(early).toContainText('尚未核验');
  await early.getByRole('button', { name: /取\s*消/ }).click();
  await page
    .getByTestId('verification-card')
    .screenshot({ path: 'test-results/verification-card.png' });
  await backToInbox(page);
  await recommend(page, B.solutionName, 1);
  await expect(quota).toHaveText(`已推荐 ${before + 1} / 上限 10，剩余 ${9 - before}`);
  await backToInbox(page);
  await recommend(page, C.solutionName, 2);
  await backToInbox(page);
  await recommend(page, D.solutionName, 3);
  await expect(quota).toHaveText(`已推荐 ${before + 3} / 上限 10，剩余 ${7 - before}`);

  // ranking: 丁 goes to the top
  await page.getByRole('button', { name: '返回申报书列表' }).click();
  await page.getByText('排序与报送', { exact: true }).click();
  const ranking = page.getByTestId('ranking-table');
  const names = () => ranking.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents();
  await expect.poll(names).toEqual([B.solutionName, C.solutionName, D.solutionName]);
  await expect(page.getByTestId('sign-off')).toBeDisabled();
  await ranking.getByRole('button', { name: `上移 ${D.solutionName}` }).click();
  await ranking.getByRole('button', { name: `上移 ${D.solutionName}` }).click();
  await expect.poll(names).toEqual([D.solutionName, B.solutionName, C.solutionName]);
  await expect(page.getByTestId('ranking-unsaved')).toBeVisible();
  await page.getByTestId('save-ranking').click();
  await expect(page.getByTestId('ranking-unsaved')).toBeHidden();
  await expect(page.getByTestId('save-ranking')).toBeDisabled();
  // still in that order after a reload: the server has it
  await page.reload();
  await expect.poll(names).toEqual([D.solutionName, B.solutionName, C.solutionName]);

  // the stamped scan
  await expect(page.getByTestId('stamped-scan-none')).toBeVisible();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '附件3盖章扫描件.png', mimeType: 'image/png', buffer: PNG_1X1 });
  await expect(page.getByTestId('stamped-scan')).toContainText('附件3盖章扫描件.png');

  // a second tab, opened before the sign-off, still offers 取消推荐 for 丁
  const stale = await page.context().newPage();
  await stale.goto(
    (await ranking.getByRole('link', { name: D.solutionName }).getAttribute('href'))!,
  );
  await expect(stale.getByTestId('state-tag')).toHaveText('已推荐');

  // sign-off says what happens before it happens
  await expect(page.getByTestId('sign-off')).toBeEnabled();
  await page.getByTestId('sign-off').click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await expect(confirm).toContainText('已报送');
  await expect(confirm).toContainText('只能由工业和信息化部重新开放');
  await confirm.getByRole('button', { name: '确认报送' }).click();
  await expect(page.getByTestId('signed-off')).toBeVisible();
  await expect(page.getByTestId('batch-state')).toContainText('已确认报送');
  await expectNoSeriousA11yViolations(page);
  await expect(ranking.getByRole('button', { name: /上移/ })).toHaveCount(0);
  await expect(page.getByTestId('upload-scan')).toHaveCount(0);

  // the stale tab's 取消推荐 is refused by the server, and the refusal is shown in Chinese
  await stale.getByRole('button', { name: '取消推荐' }).click();
  await stale.locator('.ant-popconfirm:visible').getByRole('button', { name: '取消推荐' }).click();
  await expect(stale.locator('.ant-alert-error')).toContainText('本单位已确认报送，推荐结果已锁定');
  await expect(stale.getByTestId('state-tag')).toHaveText('已报送');
  await expect(stale.getByRole('button', { name: '取消推荐' })).toHaveCount(0);
  await stale.close();

  // 附件3 as downloaded: rank order and names in the cells
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/附件3.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(3).values as unknown[];
  const rankCol = header.findIndex((v) => String(v).startsWith('序号'));
  const nameCol = header.indexOf('解决方案名称');
  const usccCol = header.indexOf('统一社会信用代码');
  expect(rankCol).toBeGreaterThan(0);
  expect(nameCol).toBeGreaterThan(0);
  const rows: Array<[string, string, string]> = [];
  ws.eachRow((row, no) => {
    if (no <= 3) return;
    rows.push([
      String(row.getCell(rankCol).value),
      String(row.getCell(nameCol).value),
      String(row.getCell(usccCol).value),
    ]);
  });
  expect(rows).toEqual([
    ['1', D.solutionName, D.uscc],
    ['2', B.solutionName, B.uscc],
    ['3', C.solutionName, C.uscc],
  ]);

  // the desk is locked: the three are 已报送, and a review page explains why nothing can be done
  await page.getByText('申报书审核', { exact: true }).click();
  await page.getByRole('searchbox', { name: SEARCH }).fill(`工作台${run}`);
  await page.getByRole('searchbox', { name: SEARCH }).press('Enter');
  for (const f of [B, C, D])
    await expect(table.getByRole('row', { name: new RegExp(f.solutionName) })).toContainText(
      '已报送',
    );
  await expect(table.getByRole('row', { name: new RegExp(A.solutionName) })).toContainText(
    '已退回',
  );
  await openFromInbox(page, D.solutionName);
  await expect(page.getByTestId('state-tag')).toHaveText('已报送');
  await expect(page.getByTestId('desk-locked')).toContainText('推荐结果已锁定');
  await expect(page.getByTestId('decisions').getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('history')).toContainText('确认报送');
});
