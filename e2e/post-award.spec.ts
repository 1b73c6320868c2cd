// 动态管理 over two simulated years (issue 15). A list of two Beijing solutions is published
// through the API (e2e/published-pipeline.ts); then, the server's clock moved on between steps:
// early in the second year the organizer opens the yearly monitoring round, the enterprise files its
// report in the browser and 北京市 forwards it; the day after the two years the public page says
// 已过期; the organizer opens the self-evaluation, the enterprise files it with evidence and 北京市
// forwards it; the organizer commits a spot check's seed, the public page shows only the hash until
// the draw, the draw takes the solution and a visitor's browser recomputes it (一致); an expert
// records a finding; experts evaluate the solutions on the four dimensions (the expert's page shows
// the self-evaluation and the finding beside the scores), the organizer sets the bands; and the
// organizer publishes the 目录清单, where the public finds the solution under its band.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import {
  apiSignIn,
  DEMO_PASSWORD,
  dialogSettled,
  expectNoSeriousA11yViolations,
  NEW_PASSWORD,
  resetServerClock,
  setServerClock,
  signIn,
  tinyPdf,
  type ApiSession,
} from './helpers';
import { apiPublishedList, apiRetireExperts, type PublishedPipeline } from './published-pipeline';

const run = Date.now().toString(36).slice(-5).toUpperCase();
let pub: PublishedPipeline;
let solution: PublishedPipeline['solutions'][number];
let baseURL = '';
let spotCheckId = '';
let evaluationRoundId = '';
const contexts: APIRequestContext[] = [];

test.describe.configure({ mode: 'serial' });

/** A day (YYYY-MM-DD) moved by n calendar days. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const beijing = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** A fresh signed-in API session (sessions lapse when the clock jumps, so one per step). */
async function session(login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const request = await playwrightRequest.newContext({ baseURL });
  contexts.push(request);
  return apiSignIn(request, login, password);
}

async function call(s: ApiSession, method: 'POST' | 'PUT', url: string, data: unknown) {
  const res = await s.request.fetch(url, { method, headers: { 'x-csrf-token': s.csrf }, data });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}
async function get(s: ApiSession, url: string) {
  const res = await s.request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return res.json();
}

/** The enterprise's report of a kind, as listed to it. */
async function myReport(s: ApiSession, kind: 'monitoring' | 'self_evaluation') {
  const mine = (await get(s, '/api/v1/post-award-reports')) as {
    items: { id: string; kind: string; publicId: string; version: number }[];
  };
  const r = mine.items.find((i) => i.kind === kind && i.publicId === solution.publicId);
  expect(r, `${kind} report of ${solution.publicId}`).toBeTruthy();
  return r!;
}

test.beforeAll(async ({ baseURL: url }) => {
  test.setTimeout(240_000);
  baseURL = url!;
  pub = await apiPublishedList(baseURL, { run, count: 2 });
  solution = pub.solutions[0]!;
});

test.afterAll(async () => {
  await resetServerClock();
  if (pub) await apiRetireExperts(baseURL, pub.experts);
  await Promise.all(contexts.map((c) => c.dispose()));
});

test('the second year: the enterprise files its yearly monitoring report and 北京市 forwards it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const year = pub.listYear + 1;
  await setServerClock(beijing(`${year + 1}-01-15`));
  const org = await session('organizer');
  const opened = await call(org, 'POST', '/api/v1/post-award-rounds/monitoring', {
    year,
    deadline: `${year + 1}-02-28T23:59:59+08:00`,
  });
  expect(opened.reports).toBeGreaterThanOrEqual(pub.solutions.length);

  const ent = await session(solution.enterpriseLogin, NEW_PASSWORD);
  const report = await myReport(ent, 'monitoring');
  await call(ent, 'PUT', `/api/v1/monitoring-reports/${report.id}`, {
    version: report.version,
    data: {
      promotion: {
        newCustomers: 12,
        industriesReached: ['C', '3451'],
        regionsReached: '河北省、天津市',
        description: '推广至京津冀12家装备制造企业',
      },
      revenue: [
        { year: pub.listYear, amount: 35 },
        { year, amount: 180.5 },
      ],
      versions: [{ version: 'V2.0', date: `${year}-06-01`, change: '支持多品牌数控系统' }],
      users: { enterpriseUsers: 40, activeUsers: 1200 },
      operation: { inOperation: 'yes', explanation: '稳定运行，持续推广' },
    },
  });

  // the enterprise reads what it saved and submits it in the browser
  await signIn(page, solution.enterpriseLogin, NEW_PASSWORD);
  await page.goto('/post-award');
  await expect(page.getByTestId('post-award-mine')).toContainText(solution.solutionName);
  await page.goto(`/post-award/reports/${report.id}`);
  await expect(page.getByTestId('post-award-form')).toBeVisible();
  await page.getByTestId('post-award-submit').click();
  await dialogSettled(page);
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交推荐单位' }).click();
  await expect(page.getByText('已提交推荐单位审核').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-monitoring.png', fullPage: true });

  // 北京市 forwards it
  await page.context().clearCookies();
  await signIn(page, 'beijing');
  await page.goto(`/post-award/reports/${report.id}`);
  await page.getByTestId('post-award-forward').click();
  await dialogSettled(page);
  await page.locator('.ant-modal').getByRole('button', { name: '审核通过并报送' }).click();
  await expect(page.getByTestId('post-award-state')).toContainText('已报送主管部门');

  // the year's figures reach the organizer's 监测分析
  await page.context().clearCookies();
  await signIn(page, 'organizer');
  await page.goto(`/admin/statistics/${pub.campaignId}`);
  const figures = page.getByTestId('stats-monitoring');
  await expect(figures).toContainText(`${year}年度`);
  await expect(figures).toContainText('180.5');
  await page.screenshot({ path: 'test-results/post-award-statistics.png', fullPage: true });
});

test('the day after the two years it is 已过期 on the public list and in 动态管理; 北京市 keeps its support on record', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setServerClock(beijing(addDays(pub.validUntil, 1), 9));
  await page.goto(`/solutions/${solution.publicId}`);
  await expect(page.locator('body')).toContainText('已过期');
  await page.goto(`/solutions?q=${encodeURIComponent(solution.solutionName)}`);
  await expect(page.locator('body')).toContainText('已过期');

  // 配套支持: 北京市 recorded a grant during the two years; the organizer sees it in 动态管理
  const bj = await session('beijing');
  await call(bj, 'POST', '/api/v1/support-records', {
    publicId: solution.publicId,
    kind: 'funding',
    title: '北京市工业互联网专项资金',
    amountYuan: 500000,
    day: `${pub.listYear + 1}-06-30`,
    documentNo: `京经信发〔${pub.listYear + 1}〕12号`,
  });
  await signIn(page, 'beijing');
  await page.goto('/recommender/support');
  await expect(page.getByTestId('support-page')).toContainText(solution.solutionName);
  await expect(page.getByTestId('support-page')).toContainText('北京市工业互联网专项资金');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-support.png', fullPage: true });

  await page.context().clearCookies();
  await signIn(page, 'organizer');
  await page.goto(`/admin/lifecycle?publicId=${encodeURIComponent(solution.publicId)}`);
  const lifecycle = page.getByTestId('lifecycle-page');
  await expect(lifecycle).toContainText(solution.publicId);
  await expect(lifecycle).toContainText('已过期');
  // the link a spot check's 不合格 gives narrows the list to that solution
  await expect(lifecycle).not.toContainText(pub.solutions[1]!.publicId);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-lifecycle.png', fullPage: true });
});

test('the self-evaluation is filed with evidence and forwarded by 北京市', async ({ page }) => {
  test.setTimeout(120_000);
  const today = addDays(pub.validUntil, 1);
  const org = await session('organizer');
  await call(org, 'POST', '/api/v1/post-award-rounds/self-evaluation', {
    listCampaignId: pub.campaignId,
    deadline: `${addDays(today, 30)}T23:59:59+08:00`,
  });
  const ent = await session(solution.enterpriseLogin, NEW_PASSWORD);
  const report = await myReport(ent, 'self_evaluation');
  const upload = await ent.request.post(`/api/v1/post-award-reports/${report.id}/evidence`, {
    headers: { 'x-csrf-token': ent.csrf },
    multipart: { file: { name: '用户证明.pdf', mimeType: 'application/pdf', buffer: tinyPdf() } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const evidence = ((await upload.json()) as { id: string }).id;
  await call(ent, 'PUT', `/api/v1/self-evaluations/${report.id}`, {
    version: report.version,
    data: {
      achievement: { promised: '两年推广50家企业', achieved: '推广62家企业，超额完成' },
      figures: [{ indicator: '应用企业数', promised: '50家', actual: '62家' }],
      evidence: { files: [evidence], note: '用户证明' },
      outlook: { problems: '中小企业付费意愿低', plans: '推出订阅版' },
    },
  });

  await signIn(page, solution.enterpriseLogin, NEW_PASSWORD);
  await page.goto(`/post-award/reports/${report.id}`);
  await page.getByTestId('post-award-submit').click();
  await dialogSettled(page);
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交推荐单位' }).click();
  await expect(page.getByText('已提交推荐单位审核').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/post-award-self-evaluation.png', fullPage: true });

  await page.context().clearCookies();
  await signIn(page, 'beijing');
  await page.goto(`/post-award/reports/${report.id}`);
  await page.getByTestId('post-award-forward').click();
  await dialogSettled(page);
  await page.locator('.ant-modal').getByRole('button', { name: '审核通过并报送' }).click();
  await expect(page.getByTestId('post-award-state')).toContainText('已报送主管部门');
});

test('the spot check draws it from a seed committed first, and a visitor recomputes the draw', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const org = await session('organizer');
  const committed = await call(org, 'POST', '/api/v1/spot-checks', {
    title: `随机抽查${run}`,
    listCampaignIds: [pub.campaignId],
    sizes: { total: pub.solutions.length },
  });
  spotCheckId = committed.id;
  // before the draw the public page shows the commitment, not the seed
  await page.goto(`/spot-checks/${spotCheckId}`);
  await expect(page.locator('body')).toContainText(committed.commitment);
  await expect(page.getByText('重新计算验证')).toHaveCount(0);

  const drawn = await call(org, 'POST', `/api/v1/spot-checks/${spotCheckId}/draw`, {});
  expect(drawn.sampleSize).toBe(pub.solutions.length);
  const verification = await (
    await page.request.get(`/api/v1/spot-checks/${spotCheckId}/verification`)
  ).text();
  expect(verification).toContain(solution.publicId);

  await page.goto(`/spot-checks/${spotCheckId}`);
  await expect(page.locator('body')).toContainText(solution.publicId);
  await page.getByRole('button', { name: '重新计算验证' }).click();
  await expect(page.getByRole('status')).toContainText('一致：在本浏览器中重新计算');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-spot-check.png', fullPage: true });

  // a document review by one of the experts, and its finding
  const expert = pub.experts[0]!;
  const experts = (await get(org, `/api/v1/experts?q=${encodeURIComponent(expert.name)}`)) as {
    items: { id: string; name: string }[];
  };
  const expertId = experts.items.find((e) => e.name === expert.name)!.id;
  await call(org, 'POST', `/api/v1/spot-checks/${spotCheckId}/tasks`, {
    publicId: solution.publicId,
    expertId,
    method: 'document',
  });
  const ex = await session(expert.login, expert.password);
  const tasks = (await get(ex, '/api/v1/my/spot-check-tasks')) as {
    items: { id: string; publicId: string }[];
  };
  const task = tasks.items.find((x) => x.publicId === solution.publicId)!;
  await call(ex, 'PUT', `/api/v1/my/spot-check-tasks/${task.id}/finding`, {
    conclusion: 'pass',
    finding: '书面核查：推广客户名单与合同抽样一致，材料齐全。',
  });
});

test('experts evaluate the solutions on the four dimensions and the organizer sets the bands', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const org = await session('organizer');
  const today = addDays(pub.validUntil, 1);
  const round = await call(org, 'POST', '/api/v1/evaluation-rounds', {
    title: `系统评价${run}`,
    listCampaignIds: [pub.campaignId],
    reviewsPerSolution: 2,
    maxLoad: 4,
    deadline: `${addDays(today, 20)}T17:00:00+08:00`,
  });
  evaluationRoundId = round.id;
  expect(round.rubric.map((d: { name: string }) => d.name)).toEqual([
    '综合实力',
    '关键技术创新',
    '经济社会效益',
    '产业化推广价值',
  ]);
  const proposed = await call(org, 'POST', `/api/v1/evaluation-rounds/${round.id}/propose`, {});
  expect(proposed.shortfalls).toEqual([]);
  await call(org, 'POST', `/api/v1/evaluation-rounds/${round.id}/publish`, {});

  // every expert scores what it was given; one that has the solution reads it in the browser
  const rubric = round.rubric as { code: string; maxScore: number }[];
  type Item = { id: string; publicId: string; version: number; roundId: string };
  const tasks: { s: ApiSession; login: string; password: string; items: Item[] }[] = [];
  for (const e of pub.experts) {
    const ex = await session(e.login, e.password);
    const mine = (await get(ex, '/api/v1/my/evaluations')) as { items: Item[] };
    tasks.push({ ...e, s: ex, items: mine.items.filter((m) => m.roundId === round.id) });
  }
  const reader = tasks.find((x) => x.items.some((m) => m.publicId === solution.publicId))!;
  const task = reader.items.find((m) => m.publicId === solution.publicId)!;
  await signIn(page, reader.login, reader.password);
  await page.goto(`/evaluations/${task.id}`);
  await expect(page.getByTestId('eval-self-evaluation')).toContainText('推广62家企业');
  await expect(page.getByTestId('eval-spot-checks')).toContainText('材料齐全');
  await expect(page.getByTestId('eval-score-form')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-evaluation.png', fullPage: true });

  for (const { s: ex, items } of tasks)
    for (const it of items) {
      const top = it.publicId === solution.publicId;
      const scores = Object.fromEntries(
        rubric.map((d) => [d.code, top ? d.maxScore * 0.9 : d.maxScore * 0.6]),
      );
      const saved = await call(ex, 'PUT', `/api/v1/my/evaluations/${it.id}`, {
        scores,
        comment: '综合评价意见：推广成效明显。',
        baseVersion: it.version,
      });
      await call(ex, 'POST', `/api/v1/my/evaluations/${it.id}/submit`, {
        baseVersion: saved.version,
      });
    }

  // the line between A类 and B类 halfway between the two solutions' normalised totals
  const results = (await get(org, `/api/v1/evaluation-rounds/${round.id}/results`)) as {
    results: { publicId: string; normalisedTotal: number }[];
  };
  const totals = results.results.map((r) => r.normalisedTotal).sort((a, b) => b - a);
  expect(totals).toHaveLength(2);
  const banded = await call(org, 'PUT', `/api/v1/evaluation-rounds/${round.id}/bands`, {
    bands: [
      { name: 'A类', min: Math.round((totals[0]! + totals[1]!) / 2) },
      { name: 'B类', min: 0 },
    ],
  });
  const bandOf = new Map(
    (banded.results as { publicId: string; band: string | null }[]).map((r) => [
      r.publicId,
      r.band,
    ]),
  );
  expect(bandOf.get(solution.publicId)).toBe('A类');
  expect(bandOf.get(pub.solutions[1]!.publicId)).toBe('B类');
});

test('the organizer publishes the 目录清单 from the bands and the public finds the solution under its band', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = `工业互联网APP优秀解决方案目录清单（${run}）`;
  await signIn(page, 'organizer');
  await page.goto('/admin/catalogue');
  // the 系统评价 to start from (antd's dropdown animates in: retried until the choice shows)
  const pick = page.getByTestId('catalogue-evaluation-round');
  const option = page.locator(
    `.ant-select-dropdown:visible .ant-select-item-option[title="系统评价${run}"]`,
  );
  await expect(async () => {
    if (!(await option.isVisible())) await pick.click();
    await option.click({ timeout: 3_000 });
    await expect(pick).toContainText(`系统评价${run}`, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByTestId('catalogue-from-evaluation').click();
  const table = page.getByTestId('catalogue-entries');
  await expect(page.getByTestId('catalogue-from-evaluation-note')).toContainText(`系统评价${run}`);
  await page.getByLabel('目录清单标题').fill(title);
  await page.getByLabel('发布文号').fill(`工信厅信发函〔2028〕${run}号`);
  await page.getByTestId('catalogue-preview').click();
  const changes = page.getByTestId('catalogue-changes');
  await expect(changes).toBeVisible();
  await expect(table).toContainText(solution.solutionName); // resolved by the preview
  await expect(table.locator('input').first()).toHaveValue(solution.publicId);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/post-award-catalogue-admin.png', fullPage: true });
  await page.getByTestId('catalogue-publish').click();
  await dialogSettled(page);
  await page.getByTestId('catalogue-confirm-ok').click();
  await expect(page.getByText(/第\d+版目录清单已发布/).first()).toBeVisible();

  const versions = (await (await page.request.get('/api/v1/catalogue/versions')).json()) as {
    items: { version: number; title: string }[];
  };
  const mine = versions.items.find((v) => v.title === title)!;
  const published = (await (
    await page.request.get(`/api/v1/catalogue?version=${mine.version}`)
  ).json()) as { evaluationRoundId: string | null; bands: { band: string }[] };
  expect(published.evaluationRoundId).toBe(evaluationRoundId);
  expect(published.bands.map((b) => b.band)).toEqual(['A类', 'B类']);

  await page.context().clearCookies();
  await page.goto(`/catalogue/v/${mine.version}`);
  const body = page.locator('body');
  await expect(body).toContainText('A类');
  await expect(body).toContainText('B类');
  await expect(body).toContainText(solution.solutionName);
  await expect(page.locator(`a[href="/solutions/${solution.publicId}"]`).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/post-award-catalogue.png', fullPage: true });
});
