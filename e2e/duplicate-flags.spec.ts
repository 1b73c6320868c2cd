// 多头申报: the same solution filed by two enterprises through 北京市 and through an association.
// 北京市 sees the flag in its inbox and, on the review page, the overlapping passage marked
// next to the other application's excerpt.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import {
  apiRegisterBeijingEnterprise,
  apiSignIn,
  apiUploadLicence,
  completeApplicationData,
  openAdminPage,
  DEMO_CAMPAIGN,
  NEW_PASSWORD,
  signIn,
  tinyPdf,
  uniqueUscc,
  type ApiSession,
  expectNoSeriousA11yViolations,
} from './helpers';

const SEARCH = '解决方案名称、企业名称或统一社会信用代码';
const run = Date.now().toString(36).slice(-5).toUpperCase();

const NEEDS =
  '离散制造企业普遍存在设备种类多、协议不统一、数据采集难的问题，车间生产状态依靠人工抄报，' +
  '计划调度滞后，质量问题追溯周期长达数天，设备非计划停机造成的产能损失每年超过百万元。';
const APPROACH =
  '方案依托工业互联网平台，通过边缘网关对数控机床、注塑机和检测设备进行协议解析与数据采集，' +
  '建立设备数字孪生模型，结合机理模型与机器学习算法实现刀具寿命预测和设备故障预警，' +
  '并将生产计划、工单执行、质量检验和能耗数据统一汇聚到生产运营看板。';
const PRACTICE =
  '在某汽车零部件企业的三个车间部署后，接入设备二百余台，实现了生产过程透明化和质量数据全程追溯，' +
  '设备综合效率提升百分之十五，非计划停机时间下降百分之三十，产品不良率下降百分之二十。';

/** The one from 北京市, and the same text (lightly edited) from another enterprise via an association. */
const first = {
  solutionName: `设备联网与预测性维护${run}解决方案`,
  enterpriseName: `北京联网${run}智能科技有限公司`,
  uscc: uniqueUscc(),
  text: { needs: NEEDS, approach: APPROACH, practice: PRACTICE },
};
const second = {
  solutionName: `基于工业互联网的设备联网与预测性维护${run}平台`,
  enterpriseName: `北京数联${run}信息技术有限公司`,
  uscc: uniqueUscc(),
  text: {
    needs: NEEDS.replace('每年超过百万元', '每年达数百万元'),
    approach: APPROACH,
    practice: PRACTICE.replace('某汽车零部件企业', '某汽车零部件制造企业'),
  },
};

/** Creates (through the given channel, or the default one), completes and submits; returns the id. */
async function submit(s: ApiSession, v: typeof first, channelUnitId?: string): Promise<string> {
  const headers = { 'x-csrf-token': s.csrf };
  const created = await s.request.post('/api/v1/applications', {
    headers,
    data: { campaignId: DEMO_CAMPAIGN, ...(channelUnitId ? { channelUnitId } : {}) },
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
  const data = completeApplicationData({ ...v, certificateId });
  data.text = { ...data.text, ...v.text };
  const saved = await s.request.put(`/api/v1/applications/${app.id}/draft`, {
    headers,
    data: { baseVersion: app.draftVersion, data },
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

async function registerAndSignIn(request: APIRequestContext, v: typeof first) {
  await apiRegisterBeijingEnterprise(request, {
    name: v.enterpriseName,
    uscc: v.uscc,
    email: `dup-${run.toLowerCase()}-${v.uscc.toLowerCase()}@example.cn`,
  });
  const session = await apiSignIn(request, v.uscc, NEW_PASSWORD);
  await apiUploadLicence(session); // 企业认证: submitting needs the licence
  return session;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  const units = await playwrightRequest.newContext({ baseURL });
  let association: string;
  try {
    const res = await units.get('/api/v1/recommender-units?type=association');
    expect(res.status(), await res.text()).toBe(200);
    const items = ((await res.json()) as { items: Array<{ id: string; active: boolean }> }).items;
    association = items.find((u) => u.active)!.id;
    expect(association).toBeTruthy();
  } finally {
    await units.dispose();
  }
  for (const [v, channel] of [
    [first, undefined],
    [second, association],
  ] as const) {
    const request = await playwrightRequest.newContext({ baseURL });
    try {
      await submit(await registerAndSignIn(request, v), v, channel);
    } finally {
      await request.dispose();
    }
  }
});

test('北京市 sees the possible duplicate and the overlapping passage next to the other side', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'beijing');
  const item = page.getByTestId('desk-campaign').filter({ hasText: '【演示】' });
  await item.getByRole('button', { name: '进入推荐工作台' }).click();
  await expect(page.getByTestId('desk-title')).toHaveText('推荐工作台');

  // the inbox: the flag with its count
  await page.getByRole('searchbox', { name: SEARCH }).fill(first.enterpriseName);
  await page.getByRole('searchbox', { name: SEARCH }).press('Enter');
  const row = page
    .getByTestId('inbox-table')
    .getByRole('row', { name: new RegExp(first.solutionName) });
  await expect(row.getByTestId('duplicate-tag')).toHaveText(/疑似重复\s*[1-9]/);

  // the review page: 重复申报检查 with the other channel's application
  await row.getByRole('link', { name: first.solutionName }).click();
  await expect(page.getByTestId('review-title')).toHaveText(first.solutionName);
  const panel = page.getByTestId('duplicate-panel');
  await expect(panel).toContainText('重复申报检查');
  const finding = panel.getByTestId('finding').filter({ hasText: second.enterpriseName });
  await expect(finding.getByTestId('finding-kind')).toHaveText('不同企业申报相似');
  await expect(finding.getByTestId('finding-match')).toContainText(second.solutionName);

  // the evidence: a marked passage of this application, found in the other side's excerpt
  const pair = finding.getByTestId('evidence-pair').first();
  const mark = pair.getByTestId('evidence-application').locator('mark').first();
  await expect(mark).toBeVisible();
  const marked = ((await mark.textContent()) ?? '').trim();
  expect(marked.length).toBeGreaterThan(10);
  const excerpt = (await pair.getByTestId('evidence-match').textContent()) ?? '';
  // the excerpt is the other side's passage, shortened to 80 characters with "…"
  expect(excerpt.replace(/…$/, '')).toContain(marked.slice(0, 20));
  expect([NEEDS, APPROACH, PRACTICE].some((t) => t.includes(marked.slice(0, 20)))).toBe(true);
});

test('the organizer sees the finding, its evidence, and dismisses it only with a reason', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'organizer');
  await openAdminPage(page, '重复申报', '评审');
  await expect(page).toHaveURL(/\/admin\/findings\/[^/]+$/);
  // the demo call by name: another journey's call may be the page's default
  await page.goto(`/admin/findings/${DEMO_CAMPAIGN}`);
  await expectNoSeriousA11yViolations(page);
  const row = page
    .getByTestId('findings-table')
    .getByRole('row')
    // 北京市's side (the other side's row names it too, as the match)
    .filter({ has: page.locator('td:first-child', { hasText: first.solutionName }) })
    .filter({ hasText: '不同企业申报相似' });
  await expect(row.getByTestId('finding-state')).toHaveText('待处理');
  await row.getByTestId('finding-view').click();

  const drawer = page.getByTestId('finding-drawer');
  await expect(drawer.getByTestId('finding-match')).toContainText(second.solutionName);
  await expect(drawer.getByTestId('evidence-application').locator('mark').first()).toBeVisible();
  await drawer.getByTestId('finding-dismiss').click();
  await expect(drawer.getByTestId('finding-reason-error')).toHaveText(
    '请填写排除原因（至少2个字）',
  );
  await drawer.getByTestId('finding-reason').fill('经核实为集团与子公司分别申报的不同项目');
  await drawer.getByTestId('finding-dismiss').click();
  await expect(drawer.getByTestId('finding-state')).toHaveText('已排除（放行）');
  await expect(drawer.getByTestId('finding-decision')).toContainText('经核实为集团与子公司');
});

test('an enterprise editing a resubmitted award is told which award, which year and why', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const v = {
    solutionName: `轴承缺陷视觉检测${run}解决方案`,
    enterpriseName: `北京视检${run}科技有限公司`,
    uscc: uniqueUscc(),
  };
  const awardName = `基于机器视觉的轴承缺陷检测${run}APP`;
  const request = await playwrightRequest.newContext({ baseURL });
  let appId: string;
  try {
    // the past award, imported by the organizer (name, enterprise, code: no text)
    const organizer = await apiSignIn(request, 'organizer');
    const csv = [
      '年份,解决方案名称,企业名称,统一社会信用代码,类别,推荐单位,备注',
      `2019,${awardName},${v.enterpriseName},${v.uscc},行业通用工业APP,北京市,`,
    ].join('\r\n');
    const imported = await request.post('/api/v1/awards/import', {
      headers: { 'x-csrf-token': organizer.csrf },
      multipart: {
        file: {
          name: '往届获奖名单.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`\uFEFF${csv}\r\n`),
        },
      },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    await request.post('/api/v1/auth/sign-out', { headers: { 'x-csrf-token': organizer.csrf } });

    // the same enterprise starts this year's application under a new name
    const s = await registerAndSignIn(request, { ...v, text: first.text });
    const headers = { 'x-csrf-token': s.csrf };
    const created = await request.post('/api/v1/applications', {
      headers,
      data: { campaignId: DEMO_CAMPAIGN },
    });
    expect(created.status(), await created.text()).toBe(201);
    const app = (await created.json()) as { id: string; draftVersion: number };
    appId = app.id;
    const saved = await request.put(`/api/v1/applications/${app.id}/draft`, {
      headers,
      data: { baseVersion: app.draftVersion, data: { solution: { name: v.solutionName } } },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  } finally {
    await request.dispose();
  }

  await signIn(page, v.uscc, NEW_PASSWORD);
  await page.goto(`/applications/${appId}`);
  const warning = page.getByTestId('duplicate-warning');
  // the import changed the awards, so the first check rebuilds the campaign's index: give it time
  await expect(warning).toContainText('与往届获奖解决方案相似', { timeout: 30_000 });
  await expect(warning).toContainText(`2019年获奖：“${awardName}”`);
  await expect(warning).toContainText('不得重复上报');
  // people decide: submitting stays possible
  await expect(page.getByRole('button', { name: /提\s*交/ }).first()).toBeEnabled();
});
