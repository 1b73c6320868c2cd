// 代码申诉: a company finds its code taken, files a claim from the registration page with its
// licence; the organizer upholds it and moves the code; the claimant sets its password by the
// e-mailed link and holds the code.
import { expect, test } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  fillRegistration,
  signIn,
  tinyPdf,
  uniqueUscc,
  expectNoSeriousA11yViolations,
  pickBeijingRegion,
  waitForMail,
} from './helpers';

test('a taken code is claimed from the registration page; the organizer moves it to the claimant', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const uscc = uniqueUscc();
  const run = uscc.slice(-5);
  // someone else registered the code first
  await apiRegisterBeijingEnterprise(request, {
    name: `北京冒名${run}科技有限公司`,
    uscc,
    email: `hijack-${run.toLowerCase()}@example.cn`,
  });

  await fillRegistration(page, {
    name: `北京真正${run}科技有限公司`,
    uscc,
    email: `real-${run.toLowerCase()}@example.cn`,
  });
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await page.getByTestId('claim-link').click();
  await expect(page).toHaveURL(/\/claim\?uscc=/);
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(uscc);
  // the region first: on a loaded machine a name typed before it was once found empty at submit
  await pickBeijingRegion(page);
  await page.getByLabel('企业全称').fill(`北京真正${run}科技有限公司`);
  await page.getByLabel('联系人').fill('王真');
  await page.getByLabel('联系电话').fill('010-68208207');
  await page.getByLabel('电子邮箱').fill(`real-${run.toLowerCase()}@example.cn`);
  await page.getByLabel('情况说明').fill('我司从未在平台注册');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByLabel('企业全称')).toHaveValue(`北京真正${run}科技有限公司`);
  await page.screenshot({ path: 'test-results/claim-page.png', fullPage: true });
  // wait for the server's answer (a busy machine may take a while), and show it when refused
  const [filed] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/uscc-claims') && r.request().method() === 'POST',
      { timeout: 45_000 },
    ),
    page.getByRole('button', { name: /提交申诉/ }).click(),
  ]);
  expect(filed.status(), await filed.text()).toBe(201);
  await expect(page.getByTestId('claim-filed')).toBeVisible();

  // the organizer sees the claim beside the account holding the code, and moves the code
  await signIn(page, 'organizer');
  await page.goto('/admin/claims');
  const row = page.getByTestId('claims').locator('tr').filter({ hasText: uscc });
  await expect(row).toContainText(`北京冒名${run}科技有限公司`);
  await expect(row).toContainText('营业执照.pdf');
  await page.screenshot({ path: 'test-results/claims-page.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await row.getByTestId('resolve-claim').click();
  const dialog = page.getByTestId('resolve-modal');
  await expect(dialog.getByTestId('move-code')).toBeChecked();
  await page.getByLabel('处理理由').fill('营业执照与代码一致，原账号无法提供执照');
  await page
    .getByRole('button', { name: /^处\s*理$/ })
    .last()
    .click();
  // the platform sends e-mail: the claimant gets a link to set its password, no password is shown
  const email = `real-${run.toLowerCase()}@example.cn`;
  await expect(page.getByRole('dialog', { name: '已发送设置密码链接' })).toContainText(email);
  await expect(page.getByTestId('one-time-password')).toHaveCount(0);
  const mail = await waitForMail(email, (m) => m.subject.includes('账号已开通'));
  const link = new URL(/https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)![0]);
  await page.goto(link.pathname + link.search);
  await page.getByLabel('新密码', { exact: true }).fill('Claimant2026ok');
  await page.getByLabel('确认新密码').fill('Claimant2026ok');
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password-reset/confirm')),
    page.getByRole('button', { name: '设置密码并登录' }).click(),
  ]);
  // signed in as the claimant, holding the code now
  await expect(page.getByTestId('home-title')).toContainText(`北京真正${run}科技有限公司`);
});
