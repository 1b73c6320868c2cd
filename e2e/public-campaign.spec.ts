import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers';

test('anyone reads the 2021 call: four categories, 2021-10-20 deadline, quotas; English on demand', async ({
  page,
}) => {
  await page.goto('/');
  const card2021 = page.getByTestId('campaign-miit-iiapp-2021');
  await expect(card2021).toContainText('2021年工业互联网APP优秀解决方案征集遴选');
  await expect(card2021).toContainText('已截止');
  await expect(card2021).toContainText('2021年10月20日 23:59（北京时间）');
  // The demo copy for the current year is open, marked 演示, with a countdown.
  const demo = page.locator('[data-testid^="campaign-demo-"]');
  await expect(demo).toContainText('演示');
  await expect(demo).toContainText('征集中');
  await expect(demo.getByTestId('countdown')).toContainText('距网上申报截止还有');
  await expectNoSeriousA11yViolations(page);

  await card2021.getByRole('link', { name: '查看征集通知' }).click();
  await expect(page).toHaveURL(/\/campaigns\/miit-iiapp-2021$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    '2021年工业互联网APP优秀解决方案征集遴选',
  );
  await expect(page.getByTestId('doc-number')).toHaveText('工信厅信发函〔2021〕224号');
  for (const name of ['安全可靠工业APP', '基础共性工业APP', '行业通用工业APP', '企业专用工业APP'])
    await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
  await expect(page.locator('[data-testid^="category-"]')).toHaveCount(4);
  await expect(page.getByTestId('category-basic_common')).toContainText('工业五基');
  await expect(page.getByTestId('online-deadline')).toHaveText('2021年10月20日 23:59（北京时间）');
  await expect(page.getByText('不超过 10 个')).toBeVisible();
  await expect(page.getByText('不超过 5 个')).toHaveCount(2);
  await expect(page.getByTestId('word-limit')).toContainText('5000');
  await expect(page.getByText('优秀解决方案自名单公布之日起有效期为 2 年')).toBeVisible();
  await expect(page.getByText('office@caitis.cn', { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // GB/T 4754 lookup on the same page.
  await page.locator('.ant-card').filter({ hasText: '行业分类查询' }).getByRole('combobox').click();
  await page.keyboard.type('软件开发');
  await expect(page.locator('.ant-select-item-option[title="651 软件开发"]')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByText('What is called for')).toBeVisible();
  await expect(page.getByTestId('online-deadline')).toHaveText('20 Oct 2021, 23:59 (Beijing time)');
  await expect(page.getByText('at most 10')).toBeVisible();
  // The choice is remembered.
  await page.reload();
  await expect(page.getByText('Online filing deadline')).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByText('网上申报截止')).toBeVisible();
});

test('an unknown campaign says so', async ({ page }) => {
  await page.goto('/campaigns/no-such-campaign');
  await expect(page.getByText('未找到该征集活动')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
