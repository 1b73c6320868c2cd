import { expect, test } from '@playwright/test';
import {
  fillRegistration,
  NEW_PASSWORD as PASSWORD,
  signIn,
  uniqueUscc,
  withWrongCheck,
} from './helpers';

test('an enterprise registers with its code, signs in with it and sees its home', async ({
  page,
}) => {
  const uscc = uniqueUscc();
  const name = `北京测试工业软件有限公司${uscc.slice(-4)}`;
  await fillRegistration(page, {
    name,
    uscc: uscc.toLowerCase(),
    email: `e2e-${uscc}@example.com`,
  });
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(uscc);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();

  await expect(page).toHaveURL(/\/login\?registered=/);
  await expect(page.getByText(`您的登录名是统一社会信用代码：${uscc}`)).toBeVisible();
  await expect(page.getByLabel('账号')).toHaveValue(uscc);
  await page.getByLabel('密码').fill(PASSWORD);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^登\s*录$/ })
    .click();

  await expect(page.getByTestId('home-title')).toContainText(name);
  const info = page.getByTestId('enterprise-info');
  await expect(info).toContainText(uscc);
  await expect(info).toContainText('北京市');
  await expect(page.getByText('正在征集的活动')).toBeVisible();
  await expect(page.locator('[data-testid^="campaign-demo-"]')).toBeVisible();
});

test('a wrong check digit is refused in the form with the exact reason', async ({ page }) => {
  const { code, expected, actual } = withWrongCheck(uniqueUscc());
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  await fillRegistration(page, {
    name: '北京校验位测试有限公司',
    uscc: code,
    email: `e2e-${code}@example.com`,
  });
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await expect(
    page.getByText(
      `统一社会信用代码校验位错误：按前17位计算，第18位应为“${expected}”，实际为“${actual}”`,
      { exact: false },
    ),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
  expect(posts).toEqual([]);
});

test('a second registration with the same code is refused: 已注册', async ({ page, request }) => {
  const uscc = uniqueUscc();
  const first = await request.post('/api/v1/enterprises', {
    data: {
      name: '北京先注册科技有限公司',
      uscc,
      provinceCode: '110000',
      cityCode: '110100',
      contactName: '王先到',
      phone: '13800000001',
      email: `first-${uscc}@example.com`,
      password: PASSWORD,
    },
  });
  expect(first.status()).toBe(201);

  await fillRegistration(page, {
    name: '北京后注册科技有限公司',
    uscc,
    email: `second-${uscc}@example.com`,
  });
  await page
    .getByRole('main')
    .getByRole('button', { name: /^注\s*册$/ })
    .click();
  await expect(
    page.getByText('该统一社会信用代码已注册账号，请直接登录', { exact: false }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);

  // The first registrant can still sign in with the code.
  await signIn(page, uscc, PASSWORD);
  await expect(page.getByTestId('home-title')).toContainText('北京先注册科技有限公司');
});
