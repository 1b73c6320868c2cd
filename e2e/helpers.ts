import { expect, type Locator, type Page } from '@playwright/test';
import { usccCheckCharacter } from '../domain/uscc';

export const DEMO_PASSWORD = 'Demo2021zx';
/** The password the journeys give the enterprises they register. */
export const NEW_PASSWORD = 'Zhengxuan2021ok';

/** The demo call the server seeds for the current year in Asia/Shanghai (server/db/seed/demo.ts). */
export const DEMO_CAMPAIGN = `demo-miit-iiapp-${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}`;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 no earlier run has used: 91 (company) + 110108 (海淀区) + 9 random + check. */
export function uniqueUscc(): string {
  let body = '91110108';
  for (let i = 0; i < 9; i++) body += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return body + usccCheckCharacter(body);
}

/** The same code with a wrong 18th character. */
export function withWrongCheck(code: string): { code: string; expected: string; actual: string } {
  const expected = code[17]!;
  const actual = expected === 'A' ? 'B' : 'A';
  return { code: code.slice(0, 17) + actual, expected, actual };
}

/** Opens /register and fills the form for an enterprise in 北京市 / 北京市 (not submitted). */
export async function fillRegistration(
  page: Page,
  v: { name: string; uscc: string; email: string },
  password = NEW_PASSWORD,
) {
  await page.goto('/register');
  await page.getByLabel('企业全称').fill(v.name);
  await page.getByLabel('统一社会信用代码').fill(v.uscc);
  // the cascader's menus animate in and re-render: retry until the choice shows in the field
  const region = page.getByLabel('注册地（省 / 市）');
  const regionField = page.locator('.ant-form-item').filter({ has: region });
  await expect(async () => {
    if (!(await page.locator('.ant-cascader-menu').first().isVisible())) await region.click();
    await page.locator('.ant-cascader-menu-item[title="北京市"]').first().click({ timeout: 3_000 });
    await page
      .locator('.ant-cascader-menu')
      .nth(1)
      .locator('.ant-cascader-menu-item[title="北京市"]')
      .click({ timeout: 3_000 });
    await expect(regionField).toContainText('北京市', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByLabel('联系人').fill('李申报');
  await page.getByLabel('联系电话').fill('010-68208206');
  await page.getByLabel('电子邮箱').fill(v.email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('确认密码').fill(password);
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(password);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^登\s*录$/ })
    .click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Picks an option in an antd Select (found by its form label inside scope) by typing and clicking. */
export async function pickOption(page: Page, scope: Locator, label: string, option: string) {
  const input = scope.getByLabel(label, { exact: true });
  const field = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) });
  const item = page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`,
  );
  // antd's dropdown animates in: on a loaded machine a click can land before it takes clicks,
  // so open, pick and check again until the field shows the choice.
  await expect(async () => {
    if (!(await item.isVisible())) await input.click();
    if (await input.isEditable()) await input.fill(option);
    await item.click({ timeout: 3_000 });
    await expect(field).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
