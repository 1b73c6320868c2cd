import { expect, test } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  openAdminPage,
  pickOption,
  signIn,
  signOut,
  waitForMail,
} from './helpers';

test('the organizer opens a recommender account, disables it, and checks the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000); // a long journey; on a loaded machine it passed 60 s
  const login = `tj-${Date.now().toString(36)}`;
  // Administration asks for sign-in first, then comes back.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  await page.getByLabel('账号').fill('organizer');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^登\s*录$/ })
    .click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('organizer-counts')).toContainText('推荐单位');
  await expectNoSeriousA11yViolations(page);

  await openAdminPage(page, '账号管理');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await pickOption(page, dialog, '推荐单位', '天津市');
  await dialog.getByLabel('登录名').fill(login);
  await dialog.getByLabel('姓名').fill('天津推荐员');
  await dialog.getByLabel('电子邮箱').fill(`${login}@example.com`);
  // an initial password given by the organizer: no link is sent, no one-time password shown
  const password = 'Tianjin2021rec';
  await dialog.getByLabel('初始密码（可不填）').fill(password);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: '一次性密码' })).toHaveCount(0);

  await page.getByPlaceholder('登录名、姓名或邮箱').fill(login);
  await page.getByPlaceholder('登录名、姓名或邮箱').press('Enter');
  const row = page.getByRole('row', { name: new RegExp(login) });
  await expect(row).toContainText('天津市');
  await expect(row).toContainText('正常');
  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('已停用');

  await openAdminPage(page, '审计日志');
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expectNoSeriousA11yViolations(page);
  const signInRow = page
    .getByRole('row')
    .filter({ hasText: '登录' })
    .filter({ hasText: 'organizer' })
    .first();
  await expect(signInRow).toContainText('主管部门');
  await expect(signInRow).toContainText('127.0.0.1');
  await expect(page.getByRole('row').filter({ hasText: '新建账号' }).first()).toContainText(login);
  // a checkpoint of the chain's head, listed to copy out of the system
  await page.getByRole('button', { name: '立即写入检查点' }).click();
  await expect(
    page.getByTestId('checkpoints').locator('tbody tr.ant-table-row').first(),
  ).toContainText('organizer:organizer');
  await page.getByRole('button', { name: '校验审计日志' }).click();
  await expect(page.getByTestId('chain-verdict')).toContainText('审计日志完整');
  await expect(page.getByTestId('chain-verdict')).toContainText('个检查点一致');
  await page.screenshot({ path: 'test-results/audit-page.png', fullPage: true });

  // The disabled account cannot sign in.
  await signOut(page);
  await signIn(page, login, password);
  await expect(page.getByRole('alert').first()).toContainText('账号已停用');
});

test('an account the organizer opens gets an e-mail link to set its password, then signs in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const login = `expert-${Date.now().toString(36)}`;
  const email = `${login}@example.com`;
  await signIn(page, 'organizer');
  await openAdminPage(page, '账号管理');
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await pickOption(page, dialog, '角色', '评审专家');
  await expect(dialog.getByLabel('推荐单位', { exact: true })).toHaveCount(0);
  await dialog.getByLabel('登录名').fill(login);
  await dialog.getByLabel('姓名').fill('王评审');
  await dialog.getByLabel('电子邮箱').fill(email);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  // the platform sends e-mail: a link to the user, and no password for the organizer to pass on
  const sent = page.getByRole('dialog', { name: '已发送设置密码链接' });
  await expect(sent).toContainText(`已向 ${email} 发送设置密码链接`);
  await expect(page.getByTestId('one-time-password')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await sent.getByRole('button', { name: /确\s*定|知道了|OK/ }).click();
  await signOut(page);

  const mail = await waitForMail(email, (m) => m.subject.includes('账号已开通'));
  expect(mail.text).toContain(`登录账号：${login}`);
  const link = new URL(/https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)![0]);
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(`为账号 ${login} 设置密码`)).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Expert2021review');
  await page.getByLabel('确认新密码').fill('Expert2021review');
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password-reset/confirm')),
    page.getByRole('button', { name: /设置密码并登录/ }).click(),
  ]);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-title')).toContainText('王评审');
  await expect(page.getByText('目前没有分配给您的评审任务')).toBeVisible();

  await signOut(page);
  await signIn(page, login, 'Expert2021review');
  await expect(page.getByTestId('home-title')).toContainText('王评审');
});
