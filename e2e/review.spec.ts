// 评审: the ministry's side in one journey. Three Beijing enterprises file in a call of their own,
// 北京市 recommends and signs off (set up through the API); then in the browser the organizer
// receives the paper copies, passes the formal check, imports three experts, proposes and publishes
// the assignments; an expert scores two applications; the organizer sees the normalised results
// and exports them; then decides the selection from the ranking, freezes it and opens the 公示,
// which an anonymous visitor reads and objects to one solution; the organizer upholds the
// objection, and once the period is over (the server's clock moved on) publishes the list; the
// public catalogue shows it without the withdrawn solution; the enterprise downloads its 入选证明
// and /verify accepts the code printed on it.
import { execFileSync } from 'node:child_process';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { STATE_COUNCIL_HOLIDAY_NOTICES } from '../domain/working-days';
import { distinctTexts } from '../test/fixtures/distinct-texts';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  PNG_1X1,
  resetServerClock,
  setServerClock,
  signIn,
  tinyPdf,
  uniqueUscc,
  waitForMail,
  type ApiSession,
} from './helpers';

const run = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `review-e2e-${run.toLowerCase()}`;
const filed = [
  ['刀具寿命管理', '青松', 'basic_common', ['核心基础零部件']],
  ['焊装质量追溯', '白桦', 'industry_general', ['汽车']],
  ['注塑参数寻优', '红枫', 'industry_general', ['机械制造']],
].map(([topic, brand, category, focusAreas]) => ({
  solutionName: `评审${run}${topic}`,
  enterpriseName: `北京${brand}${run}智能装备有限公司`,
  uscc: uniqueUscc(),
  category: category as string,
  focusAreas: focusAreas as string[],
}));
/** three experts in 上海, for both categories filed; the first scores in the browser */
const EXPERTS = ['陆', '钱', '沈'].map((surname, i) => ({
  name: `${surname}评${run}`,
  employer: `上海${['交通', '理工', '海事'][i]}大学`,
  email: `expert-${run.toLowerCase()}-${i}@example.cn`,
}));
const EXPERT_PASSWORD = 'Expert2026ok';
let campaignId = '';
let roundId = '';
const appIds: string[] = [];
/** each application's printed verification code (its version 1) */
const codes: string[] = [];

test.describe.configure({ mode: 'serial' });

async function post(s: ApiSession, url: string, data: unknown) {
  const res = await s.request.post(url, { headers: { 'x-csrf-token': s.csrf }, data });
  expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  const orgReq = await playwrightRequest.newContext({ baseURL });
  const org = await apiSignIn(orgReq, 'organizer');
  const now = Date.now();
  const copy = await post(org, `/api/v1/campaigns/${DEMO_CAMPAIGN}/copy`, {
    code: CODE,
    year: new Date(now).getFullYear(),
    title: `评审演练${run}`,
    opensAt: new Date(now - 86_400_000).toISOString(),
    onlineDeadline: new Date(now + 30 * 86_400_000).toISOString(),
    paperDeadline: new Date(now + 30 * 86_400_000).toISOString(),
  });
  campaignId = copy.id;
  for (const f of filed) {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      await apiRegisterBeijingEnterprise(request, {
        name: f.enterpriseName,
        uscc: f.uscc,
        email: `review-${run.toLowerCase()}-${f.uscc.toLowerCase()}@example.cn`,
      });
      const s = await apiSignIn(request, f.uscc, NEW_PASSWORD);
      appIds.push(
        await apiSubmitApplication(s, { campaign: campaignId, ...f }, (data) => {
          data.solution.category = f.category;
          data.solution.focusAreas = f.focusAreas;
          data.text = { ...data.text, ...distinctTexts(f.uscc) };
        }),
      );
      const detail = (await (
        await request.get(`/api/v1/applications/${appIds.at(-1)}`)
      ).json()) as {
        versions: { verificationCode: string }[];
      };
      codes.push(detail.versions[0]!.verificationCode);
      const me = (await (await request.get('/api/v1/me')).json()) as { enterprise: { id: string } };
      await post(org, `/api/v1/enterprises/${me.enterprise.id}/verification/decision`, {
        decision: 'verified',
      });
    } finally {
      await request.dispose();
    }
  }
  const bjReq = await playwrightRequest.newContext({ baseURL });
  const bj = await apiSignIn(bjReq, 'beijing');
  const unitId = (
    (await (await bjReq.get('/api/v1/me')).json()) as { recommenderUnit: { id: string } }
  ).recommenderUnit.id;
  for (const [i, id] of appIds.entries())
    await post(bj, `/api/v1/applications/${id}/recommend`, { rank: i + 1 });
  const batch = `/api/v1/campaigns/${campaignId}/units/${unitId}/batch`;
  const scan = await bjReq.post(`${batch}/stamped-scan`, {
    headers: { 'x-csrf-token': bj.csrf },
    multipart: { file: { name: '附件3盖章扫描件.png', mimeType: 'image/png', buffer: PNG_1X1 } },
  });
  expect(scan.status(), await scan.text()).toBeLessThan(300);
  await post(bj, `${batch}/sign-off`, {});
  await Promise.all([orgReq.dispose(), bjReq.dispose()]);
});

test.afterAll(async ({ request }) => {
  await resetServerClock(); // the next journeys live at the real time
  // close the call again: other journeys file into the one open call
  if (!campaignId) return;
  const api = await apiSignIn(request, 'organizer');
  const res = await api.request.get(`/api/v1/campaigns/${CODE}/config`);
  const cfg = await res.json();
  const f = cfg.campaign;
  const closed = await api.request.put(`/api/v1/campaigns/${CODE}/config`, {
    headers: { 'x-csrf-token': api.csrf },
    data: {
      baseRevision: cfg.revision,
      fields: {
        year: f.year,
        title: f.title,
        docNumber: f.docNumber,
        issuer: f.issuer,
        opensAt: '2020-09-01T00:00:00+08:00',
        onlineDeadline: '2020-10-20T23:59:59.999+08:00',
        paperDeadline: '2020-10-20T23:59:59.999+08:00',
      },
    },
  });
  expect(closed.status(), await closed.text()).toBe(200);
});

test('the organizer receives the paper copies and passes the formal check', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'organizer');

  // 纸质材料签收: each code typed (a scanner types it and presses Enter)
  await page.goto(`/admin/paper/${campaignId}`);
  const code = page.getByTestId('paper-code');
  await expect(code).toBeFocused();
  for (const [i, c] of codes.entries()) {
    await code.fill(c);
    await code.press('Enter');
    const verdict = page.getByTestId('paper-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'current');
    await expect(verdict).toContainText(filed[i]!.solutionName);
  }
  // an unknown code: said at once, nothing recorded
  await code.fill('ABCD-EFGH-JKMN');
  await code.press('Enter');
  await expect(page.getByTestId('paper-verdict')).toContainText('未找到');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/review-paper.png', fullPage: true });

  // 形式审查: all three are clean now that their paper arrived; pass them in one go
  await page.goto(`/admin/formal-check/${campaignId}`);
  const table = page.getByTestId('formal-check-table');
  for (const f of filed) await expect(table).toContainText(f.solutionName);
  await table.locator('thead .ant-checkbox-input').check();
  await page.getByTestId('bulk-pass').click();
  await expect(page.getByTestId('bulk-pass-list')).toContainText(filed[0]!.solutionName);
  await page.getByTestId('bulk-ok').click();
  await expect(page.getByTestId('bulk-result')).toContainText('已判为合格 3 份');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/review-formal-check.png', fullPage: true });
});

/** The 专家库 import file: the template's columns, one row per expert (`bad` breaks a region). */
async function expertsWorkbook(bad = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家名单');
  ws.addRow(['姓名', '工作单位', '职称职务', '所在地区', '申报类别', '电子邮箱']);
  for (const [i, e] of EXPERTS.entries())
    ws.addRow([
      e.name,
      e.employer,
      '教授',
      bad && i === 1 ? '火星' : '上海市',
      '基础共性工业APP、行业通用工业APP',
      e.email,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rubric of the call (the notice's five criteria), a recommendation and a comment. */
async function scoreInBrowser(page: Page, scores: number[]) {
  const inputs = page.locator('input[id^="score-"]');
  await expect(inputs).toHaveCount(scores.length);
  for (const [i, v] of scores.entries()) await inputs.nth(i).fill(String(v));
  await page.getByRole('radio', { name: '推荐', exact: true }).check();
  await page
    .getByTestId('review-comment')
    .fill(
      '该方案面向离散制造的典型场景，技术路线清晰，已在多家企业部署应用，降本增效数据可信；建议进一步补充与同类产品的对比分析和推广计划，完善数据安全防护说明。',
    );
  await expect(page.getByTestId('review-missing')).toHaveCount(0);
  await expect(page.getByTestId('review-saved')).toBeVisible();
  await page.getByTestId('review-submit').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交评分' }).click();
  await expect(page.getByText('评分已提交').first()).toBeVisible();
}

test('the organizer imports experts, proposes and publishes the assignments', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'organizer');

  // 专家库: a file with a bad row is refused whole, saying which row; the mended one is taken
  await page.goto('/admin/experts');
  await page.getByRole('button', { name: '导入专家' }).click();
  const dialog = page.getByTestId('expert-import');
  const file = dialog.locator('input[type=file]');
  await file.setInputFiles({
    name: '专家名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await expertsWorkbook(true),
  });
  await expect(page.getByTestId('expert-import-rejected')).toContainText('没有写入任何专家');
  await expect(page.getByTestId('expert-import-problems')).toContainText('火星');
  await page.screenshot({ path: 'test-results/review-experts-rejected.png' });
  await file.setInputFiles({
    name: '专家名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await expertsWorkbook(),
  });
  await expect(page.getByTestId('expert-import-success')).toContainText('已导入 3 位专家');
  // the platform sends e-mail: each account gets a link, no password is shown
  const accounts = page.getByTestId('expert-import-accounts');
  for (const e of EXPERTS) await expect(accounts).toContainText(e.email);
  await expect(page.getByTestId('expert-one-time-password')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto('/admin/experts');
  const experts = page.getByTestId('experts-table');
  for (const e of EXPERTS) await expect(experts).toContainText(e.name);
  await page.screenshot({ path: 'test-results/review-experts.png', fullPage: true });

  // 评审轮次: two experts per application, at most two applications each, panels by category
  await page.goto(`/admin/review-rounds/${campaignId}`);
  await page.getByTestId('round-create').click();
  const form = page.getByTestId('round-form');
  await form.getByTestId('round-name').fill('第一轮专家评审');
  await form.getByTestId('round-reviews').fill('2');
  await form.getByTestId('round-max-load').fill('2');
  const deadline = new Date(Date.now() + 14 * 86_400_000 + 8 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  await form.getByTestId('round-deadline').click();
  await page.keyboard.type(`${deadline} 17:00`);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '创 建' }).click();
  await expect(page.getByTestId('rounds-table')).toContainText('第一轮专家评审');
  await page.getByTestId('round-open').first().click();
  await expect(page).toHaveURL(/[?&]round=/);
  roundId = new URL(page.url()).searchParams.get('round')!;

  await page.getByTestId('round-propose').click();
  await page.getByTestId('propose-ok').click();
  await expect(page.getByTestId('proposal-result')).toContainText('已生成 6 项分配');
  await expect(page.getByTestId('proposal-shortfalls')).toHaveCount(0);
  const board = page.getByTestId('board-table');
  for (const f of filed) await expect(board).toContainText(f.solutionName);
  await expect(board.getByTestId('pair')).toHaveCount(6);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/review-round-proposed.png', fullPage: true });

  await page.getByTestId('round-publish').click();
  await page.getByTestId('publish-ok').click();
  await expect(page.getByTestId('publish-result')).toContainText(
    '已发布 6 项分配，已通知专家 3 位',
  );
  await expect(page.getByTestId('round-results')).toBeVisible();
});

test('an expert sets a password from the e-mailed link and scores two applications', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const [first, ...others] = EXPERTS;
  const linkOf = async (email: string) => {
    const mail = await waitForMail(email, (m) => /reset-password\?token=/.test(m.text));
    return new URL(/https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)![0]);
  };

  // the other two score through the API, so the results have three experts to compare
  for (const [n, e] of others.entries()) {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      const token = (await linkOf(e.email)).searchParams.get('token');
      const set = await request.post('/api/v1/auth/password-reset/confirm', {
        data: { token, newPassword: EXPERT_PASSWORD },
      });
      expect(set.status(), await set.text()).toBe(200);
      const csrf = ((await set.json()) as { csrfToken: string }).csrfToken;
      const mine = (await (await request.get('/api/v1/my/reviews')).json()) as {
        items: { assignmentId: string }[];
      };
      expect(mine.items).toHaveLength(2);
      for (const [i, item] of mine.items.entries()) {
        const base = n * 2 + i;
        const put = await request.put(`/api/v1/my/reviews/${item.assignmentId}`, {
          headers: { 'x-csrf-token': csrf },
          data: {
            baseVersion: 0,
            scores: {
              scenario: 12 + base,
              industry_value: 15 + base,
              technology: 12 + base,
              deployment: 11 + base,
              promotion: 8 + base,
            },
            recommendation: base % 2 ? 'recommend' : 'strong',
            comment:
              '方案应用场景明确，关键技术具备自主知识产权，部署案例较多，成效数据较为充分；推广路径清楚，建议加强安全可控方面的说明并补充第三方测评结果。',
          },
        });
        expect(put.status(), await put.text()).toBe(200);
        const { version } = (await put.json()) as { version: number };
        await post({ request, csrf }, `/api/v1/my/reviews/${item.assignmentId}/submit`, {
          baseVersion: version,
        });
      }
    } finally {
      await request.dispose();
    }
  }

  // the first in the browser: the link sets the password and signs in
  const link = await linkOf(first!.email);
  await page.goto(link.pathname + link.search);
  await page.getByLabel('新密码', { exact: true }).fill(EXPERT_PASSWORD);
  await page.getByLabel('确认新密码').fill(EXPERT_PASSWORD);
  await page.getByRole('button', { name: '设置密码并登录' }).click();
  // signed in once the page has moved on from the link
  await page.waitForURL((u) => u.pathname === '/');
  await page.goto('/expert');
  const rows = page.getByTestId('expert-round').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/review-expert-home.png', fullPage: true });
  const names = await rows.locator('td:first-child a').allTextContents();
  for (const [i, name] of names.entries()) {
    await page.getByRole('link', { name }).click();
    await expect(page.getByTestId('scoring-title')).toContainText(name);
    await scoreInBrowser(page, i === 0 ? [18, 22, 17, 18, 13] : [9, 12, 10, 9, 7]);
    if (i === 0) await page.screenshot({ path: 'test-results/review-scoring.png', fullPage: true });
    await page.goto('/expert');
  }
  await expect(page.getByTestId('expert-progress')).toContainText('已提交 2 / 2');
});

test('the organizer sees the normalised results and exports them', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'organizer');
  await page.goto(`/admin/review-rounds/${campaignId}?round=${roundId}`);
  await page.getByTestId('round-results').click();
  await expect(page.getByTestId('results-title')).toContainText('第一轮专家评审');
  // each application ranked in its category's panel
  const rankings = page.getByTestId('ranking-table');
  for (const f of filed) await expect(rankings.filter({ hasText: f.solutionName })).toHaveCount(1);
  // each expert's leniency, in the panels they scored in
  for (const e of EXPERTS)
    await expect(
      page.getByTestId('expert-table').filter({ hasText: e.name }).first(),
    ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/review-results.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('results-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheets = wb.worksheets.map((w) => w.name);
  expect(sheets[0]).toBe('结果汇总');
  for (const e of EXPERTS) expect(sheets).toContain(e.name);
  const summary: string[] = [];
  wb.worksheets[0]!.eachRow((r) => summary.push(String(r.values)));
  for (const f of filed) expect(summary.join('\n')).toContain(f.solutionName);
});

test('the organizer decides the selection from the ranking and freezes it', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'organizer');
  await page.goto(`/admin/selection/${campaignId}`);
  // the round is offered; one place per category filed
  const settings = page.getByTestId('selection-settings');
  await expect(settings).toContainText('第一轮专家评审');
  await page.getByTestId('target-basic_common').fill('1');
  await page.getByTestId('target-industry_general').fill('1');
  await page.getByTestId('selection-save').click();
  await expect(page.getByTestId('selection-state')).toContainText('遴选中');

  // 按排名预选: the better of the two 行业通用 applications in, the other out; each with its reason
  await page.getByTestId('selection-preselect').click();
  await page.getByTestId('preselect-ok').click();
  await expect(page.getByTestId('preselect-result')).toContainText('入选 2 个，不入选 1 个');
  const table = page.getByTestId('selection-table');
  await expect(table.getByTestId('row-decision').filter({ hasText: '不入选' })).toHaveCount(1);
  await expect(page.getByTestId('selection-problems')).toContainText('尚未上传评审会纪要');
  await expect(page.getByTestId('selection-freeze')).toBeDisabled();

  // the 评审会 minutes (a PDF), then the freeze
  await page
    .getByTestId('selection-minutes')
    .locator('input[type=file]')
    .setInputFiles({ name: '评审会纪要.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(page.getByTestId('minutes-link')).toContainText('评审会纪要.pdf');
  await expect(page.getByTestId('selection-problems')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/selection.png', fullPage: true });
  await page.getByTestId('selection-freeze').click();
  await page.getByTestId('freeze-ok').click();
  await expect(page.getByTestId('selection-frozen')).toContainText('冻结');
  await expect(page.getByTestId('row-select')).toHaveCount(0);
});

test('the organizer opens the 公示; an anonymous visitor reads the list', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // the call's own holiday notices for the years the platform has none of yet (as an organizer
  // records a newly published one), so a period from today can be counted
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const known = new Set(STATE_COUNCIL_HOLIDAY_NOTICES.map((n) => n.year));
  const own = [year, year + 1]
    .filter((y) => !known.has(y))
    .map((y) => ({
      year: y,
      title: `国务院办公厅关于${y}年部分节假日安排的通知`,
      issuedOn: `${y - 1}-11-01`,
      holidays: [{ name: '元旦', from: `${y}-01-01`, to: `${y}-01-01` }],
      workdays: [],
    }));
  if (own.length) {
    const api = await apiSignIn(page.request, 'organizer');
    const cfg = await (await api.request.get(`/api/v1/campaigns/${CODE}/config`)).json();
    const put = await api.request.put(`/api/v1/campaigns/${CODE}/config`, {
      headers: { 'x-csrf-token': api.csrf },
      data: {
        baseRevision: cfg.revision,
        settings: { ...cfg.campaign.settings, holidayNotices: own },
      },
    });
    expect(put.status(), await put.text()).toBe(200);
  }

  await signIn(page, 'organizer');
  await page.goto(`/admin/selection/${campaignId}`);
  const out = await page
    .getByTestId('selection-table')
    .locator('tr', { has: page.getByTestId('row-decision').filter({ hasText: '不入选' }) })
    .locator('td')
    .nth(1)
    .textContent();
  const card = page.getByTestId('notice-card');
  await card
    .getByTestId('notice-contact-input')
    .fill('工业和信息化部信息技术发展司，电话：010-68208206');
  await expect(card.getByTestId('notice-preview')).toContainText('5个工作日');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/notice-open.png', fullPage: true });
  await card.getByTestId('notice-open').click();
  await page.getByTestId('notice-confirm-ok').click();
  await expect(page.getByTestId('notice-opened')).toContainText('2 个项目公示中，1 个项目未入选');

  // anyone, without signing in
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const visitor = await context.newPage();
  try {
    await visitor.goto(`/campaigns/${CODE}/public-notice`);
    const table = visitor.getByTestId('notice-table');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(2);
    expect(out).toBeTruthy();
    await expect(table).not.toContainText(out!);
    await expect(visitor.getByTestId('notice-objection')).toContainText('010-68208206');
    await expectNoSeriousA11yViolations(visitor);
    await visitor.screenshot({ path: 'test-results/notice-public.png', fullPage: true });
  } finally {
    await context.close();
  }
});

/** The 公示's period as the server states it. */
async function noticePeriod(page: Page) {
  const res = await page.request.get(`/api/v1/campaigns/${CODE}/public-notice`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    period: { opensAt: string; closesAt: string; to: string };
    items: { itemId: string; solutionName: string }[];
  };
  return body;
}

/** A moment `hours` after the start of the Beijing day `day` (YYYY-MM-DD). */
const beijing = (day: string, hours: number) =>
  new Date(Date.parse(`${day}T00:00:00+08:00`) + hours * 3_600_000).toISOString();

let withdrawn = '';
let listed = '';
const OBJECTOR_EMAIL = `objector-${run.toLowerCase()}@example.cn`;

test('during the period an anonymous visitor objects to a solution', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const notice = await noticePeriod(page);
  // opened on a day off, the period starts on the next working day: the server lives there
  if (Date.now() < Date.parse(notice.period.opensAt))
    await setServerClock(beijing(notice.period.opensAt.slice(0, 10), 10));
  [withdrawn, listed] = notice.items.map((i) => i.solutionName) as [string, string];

  const context = await browser.newContext({ baseURL });
  const visitor = await context.newPage();
  try {
    await visitor.goto(`/campaigns/${CODE}/public-notice`);
    await expect(visitor.getByTestId('notice-state')).toContainText('公示中');
    await visitor.getByTestId('objection-open').click();
    const form = visitor.getByTestId('objection-form');
    await visitor.getByTestId('objection-item').click();
    await visitor.locator('.ant-select-item-option', { hasText: withdrawn }).click();
    await form.getByLabel('姓名').fill('王异议');
    await form.getByLabel('单位').fill('某某工业软件研究院');
    await form.getByLabel('联系电话').fill('010-88886666');
    await form.getByLabel('电子邮箱（选填）').fill(OBJECTOR_EMAIL);
    await visitor
      .getByTestId('objection-reasons')
      .fill(
        '经核实，该解决方案申报材料中所列应用案例并非申报单位实施，涉嫌冒用他人成果，请予核查。',
      );
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: '证明材料.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    const question = (await visitor.getByTestId('objection-question').textContent()) ?? '';
    const [a, op, b] = /(\d+)\s*(加|减|乘以)\s*(\d+)/.exec(question)!.slice(1) as [
      string,
      string,
      string,
    ];
    const answer = op === '加' ? +a + +b : op === '减' ? +a - +b : +a * +b;
    await visitor.getByTestId('objection-answer').fill(String(answer));
    await expectNoSeriousA11yViolations(visitor);
    await visitor.screenshot({ path: 'test-results/objection-form.png', fullPage: true });
    await visitor.getByTestId('objection-submit').click();
    await expect(visitor.getByTestId('objection-ref')).toContainText(/\d{4}-YY-\d{4}/);
    await visitor.screenshot({ path: 'test-results/objection-done.png', fullPage: true });
  } finally {
    await context.close();
  }
  // the receipt, with the reference number, by e-mail
  await waitForMail(OBJECTOR_EMAIL, (m) => /\d{4}-YY-\d{4}/.test(m.text));
});

test('the organizer upholds the objection: the solution leaves the 公示 list', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'organizer');
  await page.goto(`/admin/objections/${campaignId}`);
  const row = page.getByTestId('objections').locator('tbody tr.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(withdrawn);
  await row.getByRole('button').click();
  const drawer = page.getByTestId('objection-drawer');
  await expect(drawer.getByTestId('objection-reasons')).toContainText('冒用他人成果');
  await expect(drawer.getByTestId('objection-attachment')).toContainText('证明材料.pdf');
  await drawer.getByText('维持异议（撤销入选）').click();
  await drawer
    .getByTestId('objection-resolution')
    .fill('经向推荐单位核实，所列应用案例确非申报单位实施，异议成立，撤销其入选资格。');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/objection-resolve.png', fullPage: true });
  await drawer.getByTestId('objection-resolve-submit').click();
  await page.getByRole('button', { name: '确认撤销入选' }).click();
  await expect(page.getByTestId('objection-told')).toContainText('邮件');
  await waitForMail(OBJECTOR_EMAIL, (m) => m.text.includes('异议成立'));
  const notice = await noticePeriod(page);
  expect(notice.items.map((i) => i.solutionName)).toEqual([listed]);
});

test('after the period the organizer publishes the list', async ({ page }) => {
  test.setTimeout(120_000);
  const notice = await noticePeriod(page);
  // the day after the period's last, 10:00 Beijing, for the server and the organizer's browser
  const next = new Date(Date.parse(`${notice.period.to}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  await setServerClock(beijing(next, 10));
  await page.clock.setSystemTime(new Date(beijing(next, 10)));
  await signIn(page, 'organizer');
  await page.goto(`/admin/selection/${campaignId}`);
  const card = page.getByTestId('publish-card');
  await expect(card.getByTestId('publish-ready')).toBeVisible();
  await card.getByTestId('publish-document-no').fill(`工信厅信发函〔${next.slice(0, 4)}〕300号`);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/publish.png', fullPage: true });
  await card.getByTestId('publish-submit').click();
  await page.getByTestId('publish-confirm-ok').click();
  await expect(card.getByTestId('published-count')).toContainText('1');
  await expect(card.getByTestId('published-document-no')).toContainText('300号');
  // the decisions' table says where each is now: the listed 已入选, the withdrawn 未入选
  const rowState = (name: string) =>
    page.getByTestId('selection-table').locator('tr', { hasText: name }).getByTestId('row-state');
  await expect(rowState(listed)).toHaveText('已入选');
  await expect(rowState(withdrawn)).toHaveText('未入选');
  await page.screenshot({ path: 'test-results/published.png', fullPage: true });
});

test('the public catalogue lists it without the withdrawn one; the enterprise downloads its 入选证明 and /verify accepts it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL });
  const visitor = await context.newPage();
  try {
    await visitor.goto('/solutions');
    await expect(visitor.getByRole('link', { name: listed })).toBeVisible();
    await expect(visitor.locator('body')).not.toContainText(withdrawn);
    await expectNoSeriousA11yViolations(visitor);
    await visitor.screenshot({ path: 'test-results/catalogue.png', fullPage: true });
    await visitor.getByRole('link', { name: listed }).click();
    await expect(visitor.locator('h1')).toContainText(listed);
    await expect(visitor.locator('body')).toContainText(/\d{4}-IIAPP-001/);
    await expect(visitor.locator('body')).toContainText('有效');
    await visitor.screenshot({ path: 'test-results/catalogue-solution.png', fullPage: true });

    // the enterprise of the listed solution
    const f = filed.find((x) => x.solutionName === listed)!;
    await signIn(page, f.uscc, NEW_PASSWORD);
    const id = appIds[filed.indexOf(f)]!;
    await page.goto(`/applications/${id}`);
    await expect(page.getByTestId('publication-public-id')).toContainText('IIAPP-001');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-certificate').click(),
    ]);
    const pdfPath = test.info().outputPath('入选证明.pdf');
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(listed);
    const code = /验证码[：:]\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
    expect(code, text).toBeTruthy();

    // anyone checks the certificate's code
    await visitor.goto(`/verify/${code}`);
    await expect(visitor.getByTestId('verify-certificate-status')).toContainText('有效');
    await expect(visitor.getByTestId('verify-public-id')).toContainText('IIAPP-001');
    await expectNoSeriousA11yViolations(visitor);
    await visitor.screenshot({ path: 'test-results/verify-certificate.png', fullPage: true });
  } finally {
    await context.close();
  }
});
