import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { usccCheckCharacter } from '../domain/uscc';
import { completeApplication } from '../test/fixtures/application';

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
/** 注册地 北京市 / 北京市 in a registration or claim form. */
export async function pickBeijingRegion(page: Page) {
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
}

export async function fillRegistration(
  page: Page,
  v: { name: string; uscc: string; email: string },
  password = NEW_PASSWORD,
) {
  await page.goto('/register');
  await page.getByLabel('企业全称').fill(v.name);
  await page.getByLabel('统一社会信用代码').fill(v.uscc);
  await pickBeijingRegion(page);
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
  // wait for the answer, so that a page.goto right after does not cut the sign-in short
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sign-in')),
    page
      .getByRole('main')
      .getByRole('button', { name: /^登\s*录$/ })
      .click(),
  ]);
}

/** Opens an organizer's page through a submenu of the top bar (系统管理 unless another is named). */
export async function openAdminPage(page: Page, name: string, menu = '系统管理') {
  // the submenu opens on hover; a hover during a re-render is lost, and a click on an item of a
  // popup that is closing lands nowhere: hover again until the item's page is the one shown
  await expect(async () => {
    await page.mouse.move(0, 0);
    await page.getByRole('menuitem', { name: menu }).hover();
    const item = page.getByRole('menuitem', { name });
    const href = await item
      .locator('a')
      .first()
      .getAttribute('href', { timeout: 3_000 })
      .catch(() => null);
    await item.click({ timeout: 3_000 });
    if (href) {
      const path = href.split('?')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expect(page).toHaveURL(new RegExp(`${path}([?#]|$)`), { timeout: 10_000 });
    }
  }).toPass({ timeout: 45_000 });
}

export async function signOut(page: Page) {
  // a click on the menu while it is still opening can be lost; try again until the sign-in page shows
  await expect(async () => {
    if (/\/login/.test(page.url())) return;
    await page.mouse.move(0, 0);
    await page.getByTestId('user-menu').hover({ timeout: 3_000 });
    await page.getByRole('menuitem', { name: '退出登录' }).click({ timeout: 3_000 });
    await expect(page).toHaveURL(/\/login/, { timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
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

// ── API-level setup (no browser): register, sign in, file and submit complete applications ──

/** A signed-in API client: cookies live in its request context, the CSRF token goes in a header. */
export interface ApiSession {
  request: APIRequestContext;
  csrf: string;
}

export async function apiSignIn(
  request: APIRequestContext,
  login: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const res = await request.post('/api/v1/auth/sign-in', { data: { login, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { request, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Registers an enterprise in 北京市 / 北京市 (so it files through 北京市 by default). */
export async function apiRegisterBeijingEnterprise(
  request: APIRequestContext,
  v: { name: string; uscc: string; email: string },
  password = NEW_PASSWORD,
) {
  const res = await request.post('/api/v1/enterprises', {
    data: {
      ...v,
      provinceCode: '110000',
      cityCode: '110100',
      contactName: '李申报',
      phone: '010-68208206',
      password,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/**
 * Form data the 2021 form accepts on submit: the complete sample (test/fixtures/application.ts) filed
 * by the journey's enterprise and its contact 李申报, with one APP.
 */
export function completeApplicationData(v: {
  solutionName: string;
  enterpriseName: string;
  uscc: string;
  certificateId: string;
  platform?: string;
}) {
  const data = completeApplication({ uscc: v.uscc, certificateId: v.certificateId });
  return {
    ...data,
    solution: {
      ...data.solution,
      name: v.solutionName,
      platform: v.platform ?? data.solution.platform,
    },
    applicant: {
      ...data.applicant,
      name: v.enterpriseName,
      contactName: '李申报',
      email: 'desk@example.cn',
    },
    apps: { items: data.apps.items.slice(0, 1) },
    ip: { ...data.ip, ipDescription: '软件著作权1项' },
    declaration: { ...data.declaration, signer: '李申报' },
  };
}

/** A 1×1 PNG: an image upload (a stamped scan, a figure). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A one-page PDF, small and well formed, for uploads. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** As the signed-in enterprise: uploads its 营业执照 under 企业认证 unless it has one (submitting needs it). */
export async function apiUploadLicence(s: ApiSession) {
  const headers = { 'x-csrf-token': s.csrf };
  const me = (await (await s.request.get('/api/v1/me')).json()) as { enterprise: { id: string } };
  const url = `/api/v1/enterprises/${me.enterprise.id}/verification`;
  const v = (await (await s.request.get(url)).json()) as { missing: string[] };
  if (!v.missing.includes('licence')) return;
  const res = await s.request.post(`${url}/documents/licence`, {
    headers,
    multipart: { file: { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: tinyPdf() } },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** As the signed-in enterprise: creates, completes, attaches and submits one application; returns its id. */
export async function apiSubmitApplication(
  s: ApiSession,
  v: { campaign: string; solutionName: string; enterpriseName: string; uscc: string },
  /** changes to the form data before it is saved (category, texts…) */
  edit?: (data: ReturnType<typeof completeApplicationData>) => void,
): Promise<string> {
  const headers = { 'x-csrf-token': s.csrf };
  await apiUploadLicence(s);
  const created = await s.request.post('/api/v1/applications', {
    headers,
    data: { campaignId: v.campaign },
  });
  expect(created.status(), await created.text()).toBe(201);
  const app = (await created.json()) as { id: string; draftVersion: number };
  const cert = await s.request.post(`/api/v1/applications/${app.id}/attachments`, {
    headers,
    multipart: {
      file: { name: '软件著作权证书.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
    },
  });
  expect(cert.status(), await cert.text()).toBe(201);
  const certificateId = ((await cert.json()) as { id: string }).id;
  const filled = completeApplicationData({ ...v, certificateId });
  edit?.(filled);
  const saved = await s.request.put(`/api/v1/applications/${app.id}/draft`, {
    headers,
    data: { baseVersion: app.draftVersion, data: filled },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const { draftVersion } = (await saved.json()) as { draftVersion: number };
  const submitted = await s.request.post(`/api/v1/applications/${app.id}/submit`, {
    headers,
    data: { draftVersion },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  return app.id;
}

// ── Accessibility (GB/T 37668-2019, which follows WCAG 2.x) ──

/**
 * Runs axe-core on the page as it is now (WCAG 2.0/2.1 A and AA rules) and fails on any critical or
 * serious violation, naming each rule, where it is and why. Called once per page the journeys visit.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  // axe reads colours as painted: let finite fades (a toast, a dialog) end first, or a half-faded
  // 模板已保存 counts as too little contrast; endless ones (spinners) are not waited for
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter(
    (v) => v.impact === 'critical' || v.impact === 'serious',
  );
  const report = serious
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id} at ${n.target.join(' ')}: ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
      ),
    )
    .join('\n');
  expect(serious.length, `accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}

export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * The e-mails the platform has sent to `to` so far, read from the loopback SMTP server of
 * e2e/global-setup.ts; waits (up to `timeout`) until one matches `match`.
 */
export async function waitForMail(
  to: string,
  match: (m: DeliveredMail) => boolean = () => true,
  timeout = 30_000,
): Promise<DeliveredMail> {
  const dir = process.env.E2E_MAIL_DIR!;
  const until = Date.now() + timeout;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    for (const f of files) {
      let mail: DeliveredMail;
      try {
        mail = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as DeliveredMail;
      } catch {
        continue; // still being written by the SMTP server: read it at the next look
      }
      if (mail.to.map((a) => a.toLowerCase()).includes(to.toLowerCase()) && match(mail))
        return mail;
    }
    if (Date.now() > until) throw new Error(`no e-mail to ${to} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Waits until antd's dialogs have finished opening: a click during the zoom-in animation can land
 * on the moving button and be lost (seen on a loaded machine: the button took focus, no request).
 */
export async function dialogSettled(page: Page) {
  await expect(page.locator('.ant-modal[class*="ant-zoom-"]')).toHaveCount(0);
}

/**
 * Moves the server's clock to `iso` (forward only; e2e/clock-offset.mjs), for a journey through a
 * period of days; `resetServerClock` puts it back. The browser's clock is not moved.
 */
export async function setServerClock(iso: string) {
  const offset = Math.max(0, new Date(iso).getTime() - Date.now());
  fs.writeFileSync(process.env.E2E_CLOCK_FILE!, String(offset));
  await new Promise((r) => setTimeout(r, 250)); // the server reads the file at most every 100 ms
}

export async function resetServerClock() {
  fs.rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
  await new Promise((r) => setTimeout(r, 250));
}
