import { expect, type Locator, type Page } from '@playwright/test';
import { usccCheckCharacter } from '../domain/uscc';

export const DEMO_PASSWORD = 'Demo2021zx';

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
