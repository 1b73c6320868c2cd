// 找回密码: an enterprise that forgot its password asks for a link on the sign-in page, follows
// the e-mailed link, sets a new password and lands signed in; the new password then signs in.
import { expect, test } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  expectNoSeriousA11yViolations,
  signIn,
  signOut,
  uniqueUscc,
  waitForMail,
} from './helpers';

const shot = (page: import('@playwright/test').Page, name: string) =>
  page.screenshot({ path: `test-results/password-reset-${name}.png`, fullPage: true });

test('forgotten password → e-mail link → new password → signed in; the new password works', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const uscc = uniqueUscc();
  const email = `reset-${uscc.toLowerCase()}@example.com`;
  await apiRegisterBeijingEnterprise(request, { name: '找回密码测试科技有限公司', uscc, email });

  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page).toHaveTitle(/找回密码/);
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'forgot');
  await page.getByLabel('账号或电子邮箱').fill(uscc);
  await page.getByRole('button', { name: '发送找回密码链接' }).click();
  await expect(page.getByRole('status')).toContainText(
    '如果该账号存在，我们已向其登记的电子邮箱发送了找回密码的链接，30分钟内有效',
  );
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'sent');

  const mail = await waitForMail(email, (m) => m.subject.includes('找回密码'));
  expect(mail.text).toContain(uscc);
  const link = new URL(/https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)![0]);
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(`为账号 ${uscc} 设置密码`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // the same rules as everywhere: too short is refused on the page
  await page.getByLabel('新密码', { exact: true }).fill('short1');
  await page.getByLabel('确认新密码').fill('short1');
  await page.getByRole('button', { name: '设置密码并登录' }).click();
  await expect(page.getByText('密码至少10位')).toBeVisible();
  await shot(page, 'form');
  await page.getByLabel('新密码', { exact: true }).fill('Remembered2026ok');
  await page.getByLabel('确认新密码').fill('Remembered2026ok');
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password-reset/confirm')),
    page.getByRole('button', { name: '设置密码并登录' }).click(),
  ]);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-title')).toContainText('找回密码测试科技有限公司');

  // the link was used: opening it again says so, with the way to ask again
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole('alert')).toContainText('链接无效或已过期，请重新申请找回密码');
  await expect(page.getByRole('link', { name: '重新申请找回密码' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'invalid');

  await page.goto('/');
  await signOut(page);
  await signIn(page, uscc, 'Remembered2026ok');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-title')).toContainText('找回密码测试科技有限公司');
});
