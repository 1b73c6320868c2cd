import { expect, test } from '@playwright/test';
import { signIn, signOut, expectNoSeriousA11yViolations } from './helpers';

const HEADER = '年份,解决方案名称,企业名称,统一社会信用代码,类别,推荐单位,备注';
const DEMO_ENTERPRISE = '91110108MA01XK2Q8K'; // 北京示例智造科技有限公司 (server/db/seed/demo.ts)

const csv = (rows: string[]) => ({
  name: '往届获奖名单.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8'),
});

test('the organizer imports past awards: a bad row refuses the whole file; fixed, it goes in and the winner sees 附件4', async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const first = `2020,设备健康管理APP-${tag},北京示例智造科技有限公司,${DEMO_ENTERPRISE},行业通用工业APP,北京市,`;
  const bad = `2019,能耗监测APP-${tag},北京示例智造科技有限公司,91110108MA01XK2Q8A,企业专用工业APP,北京市,`;
  const fixed = bad.replace('91110108MA01XK2Q8A', DEMO_ENTERPRISE);

  await signIn(page, 'organizer');
  await page.getByRole('menuitem', { name: '往届获奖名单' }).click();
  await expect(page).toHaveURL(/\/admin\/awards$/);

  // one wrong check character in row 3: nothing is imported, and the table says where
  await page.locator('input[type=file]').setInputFiles(csv([first, bad]));
  await expect(page.getByTestId('import-rejected')).toContainText('全部 0 条已导入');
  const problems = page.getByTestId('import-problems');
  await expect(problems.getByRole('row', { name: /统一社会信用代码/ })).toContainText('3');
  await expect(problems).toContainText('校验位错误');
  const search = page.getByPlaceholder('解决方案、企业名称或统一社会信用代码');
  await search.fill(tag);
  await search.press('Enter');
  await expect(page.getByTestId('awards-list')).toContainText('暂无获奖记录');

  // fixed: both rows go in
  await page.locator('input[type=file]').setInputFiles(csv([first, fixed]));
  await expect(page.getByTestId('import-success')).toContainText('已导入 2 条获奖记录');
  await expect(page.getByTestId('import-problems')).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  const list = page.getByTestId('awards-list');
  await expect(list.getByRole('row', { name: new RegExp(`设备健康管理APP-${tag}`) })).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(`能耗监测APP-${tag}`) })).toBeVisible();

  // the winner finds both on its home page, to report on (附件4)
  await signOut(page);
  await signIn(page, DEMO_ENTERPRISE);
  const card = page.getByTestId('follow-ups-card').first();
  await expect(card).toContainText(`设备健康管理APP-${tag}`);
  await expect(card).toContainText(`能耗监测APP-${tag}`);
});
