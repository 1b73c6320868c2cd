// 消息模板 and 邮件发送记录 in the browser: the organizer opens the demo campaign's templates from
// its configuration, writes an unknown variable and sees the server's refusal at the field, inserts
// a variable by clicking it, sees the preview as plain text, saves (已自定义) and resets (默认).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_CAMPAIGN, expectNoSeriousA11yViolations, openAdminPage, signIn } from './helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/notification-admin-${name}.png`, fullPage: true });

test.use({ viewport: { width: 1440, height: 900 } });

test('an organizer edits a campaign’s message template with a live preview', async ({ page }) => {
  await signIn(page, 'organizer');
  await page.goto(`/admin/campaigns/${DEMO_CAMPAIGN}/config`);
  await page.getByTestId('config-templates').click();
  const card = page.getByTestId('notification-templates');
  await expect(card).toContainText('本活动的模板属于活动数据');
  // account and password messages belong to the platform-wide list only
  await expect(page.getByTestId('kind-account.created')).toHaveCount(0);

  await page.getByTestId('kind-application.returned').getByRole('button').click();
  await expect(page.getByTestId('source-application.returned').first()).toHaveText('默认');
  const subject = page.getByTestId('tpl-subject');
  const body = page.getByTestId('tpl-body');
  await expect(subject).toHaveValue('【{{活动名称}}】申报书“{{解决方案名称}}”被退回修改');

  // an unknown variable: refused by the server, shown at the field, nothing saved
  await body.fill('{{姓名}}：{{单位名称}}退回了您的申报书。\n意见：');
  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.locator('.ant-form-item').filter({ has: body })).toContainText(
    '不认识的变量：{{单位名称}}',
  );
  await expect(page.getByTestId('source-application.returned').first()).toHaveText('默认');

  // fix it; insert 退回意见 at the end by clicking the variable
  await body.fill('{{姓名}}：{{推荐单位}}退回了您的申报书。\n意见：');
  await body.press('End');
  await page.getByRole('button', { name: '插入变量 退回意见' }).click();
  await expect(body).toHaveValue('{{姓名}}：{{推荐单位}}退回了您的申报书。\n意见：{{退回意见}}');
  const preview = page.getByTestId('tpl-preview');
  await expect(preview).toContainText('张三：北京市退回了您的申报书。');
  await expect(preview).toContainText('意见：请补充APP部署与应用情况中的用户数。');
  await shot(page, 'editor');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: '保 存' }).click();
  await expect(page.getByText('模板已保存')).toBeVisible();
  await expect(page.getByTestId('source-application.returned').first()).toHaveText('已自定义');

  await page.getByRole('button', { name: '恢复默认' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByText('已恢复默认模板')).toBeVisible();
  await expect(page.getByTestId('source-application.returned').first()).toHaveText('默认');

  // the platform-wide list, through the 系统管理 menu
  await openAdminPage(page, '消息模板');
  await page.getByTestId('kind-password.reset_link').getByRole('button').click();
  await expect(page.getByTestId('tpl-preview')).toContainText('征选平台找回密码');
});

test('an organizer reads the e-mail delivery log', async ({ page }) => {
  await signIn(page, 'organizer');
  await openAdminPage(page, '邮件发送记录');
  const card = page.getByTestId('outbound-emails');
  await expect(card).toContainText('发送失败的邮件会自动重试');
  await expect(card.getByRole('columnheader', { name: '失败原因' })).toBeVisible();
  await page.mouse.move(0, 600); // the menu closes
  await shot(page, 'log');
  await expectNoSeriousA11yViolations(page);
});
