import { expect, test } from '@playwright/test';
import {
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  openAdminPage,
  pickOption,
  signIn,
} from './helpers';

const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const DEMO_TITLE = `【演示】${YEAR}年工业互联网APP优秀解决方案征集遴选`;

test('an organizer publishes a 通知公告 to the campaign’s enterprises; the campaign page shows it as plain text', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `关于延长网上申报时间的通知${Date.now() % 100000}`;
  await signIn(page, 'organizer');
  await openAdminPage(page, '通知公告');
  await expect(page).toHaveURL(/\/announcements$/);
  const form = page.locator('.ant-card').filter({ hasText: '发布通知公告' });
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('正文').fill('经研究，网上申报截止时间延长。\n<b>这不是HTML</b>');
  await form.getByRole('checkbox', { name: '申报企业' }).check();
  await pickOption(page, form, '征集活动', DEMO_TITLE);
  await form.getByRole('checkbox', { name: '在活动页公开' }).check();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/announcements-form.png', fullPage: true });
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/announcements') && r.status() === 201),
    form.getByRole('button', { name: /^发\s*布$/ }).click(),
  ]);
  await expect(page.getByText(/已发布，共发送给 \d+ 人/)).toBeVisible();

  const list = page.locator('.ant-card').filter({ hasText: '已发布的通知公告' });
  await list.getByText(title).click();
  await expect(list.getByText('<b>这不是HTML</b>')).toBeVisible();
  await expect(list.getByText('活动页公开')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/announcements-list.png', fullPage: true });

  // anyone (signed out): the campaign page's 通知公告, the text with its line break, not as HTML
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(`/campaigns/${DEMO_CAMPAIGN}`);
  const section = visitor.locator('#announcements');
  await expect(section).toContainText(title);
  await section.getByText(title).click();
  const body = section.getByText('经研究，网上申报截止时间延长。');
  await expect(body).toBeVisible();
  await expect(body).toContainText('<b>这不是HTML</b>');
  await expect(section.locator('b')).toHaveCount(0);
  await expectNoSeriousA11yViolations(visitor);
  await visitor.screenshot({ path: 'test-results/announcements-campaign.png', fullPage: true });
  await anonymous.close();
});
