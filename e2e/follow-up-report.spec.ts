import { expect, test } from '@playwright/test';
import {
  DEMO_CAMPAIGN,
  pickOption,
  signIn,
  signOut,
  expectNoSeriousA11yViolations,
} from './helpers';

const DEMO_ENTERPRISE = '91110108MA01XK2Q8K'; // 北京示例智造科技有限公司 (server/db/seed/demo.ts)
const DEMO_AWARD = '基于工业互联网平台的数控机床预测性维护APP'; // seeded: 2020, 北京市

test('a past winner fills in 附件4 from its declaration and submits it; its recommender reads it by label and name', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ENTERPRISE);
  const campaign = (await (
    await page.request.get(`/api/v1/campaigns/${DEMO_CAMPAIGN}`)
  ).json()) as {
    id: string;
    year: number;
  };
  const list = (await (
    await page.request.get(`/api/v1/follow-up-reports?campaignId=${campaign.id}`)
  ).json()) as { items: { awardId: string; solutionName: string }[] };
  const award = list.items.find((i) => i.solutionName === DEMO_AWARD)!;
  await page.goto(`/follow-ups/${campaign.id}/${award.awardId}`);
  await expect(page.getByTestId('follow-up-solution')).toHaveText(DEMO_AWARD);
  await expectNoSeriousA11yViolations(page);

  // one revenue row per year from the award's to the one before the campaign's
  const years = Array.from({ length: campaign.year - 2020 }, (_, i) => 2020 + i);
  await expect(page.locator('[data-testid^="item-revenue-"]')).toHaveCount(years.length);

  const promotion = page.getByTestId('section-promotion');
  await promotion.getByLabel('新增客户数').fill('15');
  await promotion.getByLabel('推广覆盖行业').click();
  await page.keyboard.type('滚动轴承');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option[title="3451 滚动轴承制造"]')
    .click();
  await page.keyboard.press('Escape');
  await promotion.getByLabel('推广情况说明').fill('推广至长三角15家机床企业');
  for (let i = 0; i < years.length; i++)
    await page
      .getByTestId(`item-revenue-${i}`)
      .getByLabel('市场收入')
      .fill(String(100 + i * 10));
  const version = page.getByTestId('item-versions-0');
  await version.getByLabel('版本号').fill('V2.0');
  await version.getByLabel('发布日期').click();
  await version.getByLabel('发布日期').fill('2022-06-30');
  await version.getByLabel('发布日期').press('Enter');
  await version.getByLabel('更新内容').fill('支持多品牌数控系统');
  const status = page.getByTestId('section-status');
  await pickOption(page, status, '当前状态', '持续推广');
  await status.getByLabel('状态说明').fill('持续推广中');

  await page
    .getByTestId('editor-bar')
    .getByRole('button', { name: /提\s*交/ })
    .click();
  const confirm = page.getByRole('dialog', { name: '确认提交附件4统计表？' });
  await confirm.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByTestId('follow-up-state')).toHaveText('已提交');
  const view = page.getByTestId('follow-up-view');
  await expect(view).toContainText('3451 滚动轴承制造');
  await expect(view).toContainText('持续推广');

  // its recommender reads the submitted report: labels and names, never codes
  await signOut(page);
  await signIn(page, 'beijing');
  await page.goto(`/follow-ups/${campaign.id}/${award.awardId}`);
  const read = page.getByTestId('follow-up-view');
  await expect(read.getByTestId('view-promotion')).toContainText('15 家');
  await expect(read.getByTestId('view-status')).toContainText('持续推广');
  await expect(read.getByTestId('view-status')).not.toContainText('promoting');
  await expect(read.getByTestId('view-versions')).toContainText('2022-06-30');
});
