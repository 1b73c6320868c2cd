// 评审: the ministry's side in one journey. Three Beijing enterprises file in a call of their own,
// 北京市 recommends and signs off (set up through the API); then in the browser the organizer
// receives the paper copies, passes the formal check, imports two experts, proposes and publishes
// the assignments; an expert scores two applications; the organizer sees the normalised results
// and exports them.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { distinctTexts } from '../test/fixtures/distinct-texts';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiSubmitApplication,
  DEMO_CAMPAIGN,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  PNG_1X1,
  signIn,
  uniqueUscc,
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
let campaignId = '';
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
