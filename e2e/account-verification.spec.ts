// 代码申诉: a company finds its code taken, files a claim from the registration page with its
// licence; the organizer upholds it and moves the code, and sees the claimant's one-time password.
import { expect, test } from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  fillRegistration,
  signIn,
  tinyPdf,
  uniqueUscc,
  expectNoSeriousA11yViolations,
  pickBeijingRegion,
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
  await page.getByLabel('企业全称').fill(`北京真正${run}科技有限公司`);
  await pickBeijingRegion(page);
  await page.getByLabel('联系人').fill('王真');
  await page.getByLabel('联系电话').fill('010-68208207');
  await page.getByLabel('电子邮箱').fill(`real-${run.toLowerCase()}@example.cn`);
  await page.getByLabel('情况说明').fill('我司从未在平台注册');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expectNoSeriousA11yViolations(page);
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
  const otp = page.getByTestId('one-time-password');
  await expect(otp).toBeVisible();
  const password = (await otp.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(10);
});
