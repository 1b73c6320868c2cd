import { chromium } from '@playwright/test';
const BASE = 'http://127.0.0.1:4517';
const OLD = process.argv[2];
const out = '/tmp/pa-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function session(login) {
  const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  const r = await ctx.request.post(`${BASE}/api/v1/auth/sign-in`, { data: { login, password: 'Demo2021zx' } });
  const body = await r.json();
  const csrf = body.csrfToken;
  const call = async (method, path, data) => {
    const res = await ctx.request.fetch(`${BASE}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
    return { status: res.status(), body: await res.json().catch(() => null) };
  };
  return { ctx, page: await ctx.newPage(), call };
}
const shot = async (page, name) => { await page.waitForTimeout(1200); await page.screenshot({ path: `${out}/${name}.png`, fullPage: true }); };

const org = await session('organizer');
console.log(await org.call('POST', '/post-award-rounds/monitoring', { year: 2026, deadline: '2027-01-31T23:59:59+08:00' }).then((r) => r.status + JSON.stringify(r.body).slice(0, 200)));
console.log(await org.call('POST', '/post-award-rounds/self-evaluation', { listCampaignId: OLD, deadline: '2027-01-31T23:59:59+08:00' }).then((r) => r.status + JSON.stringify(r.body).slice(0, 200)));

const ent = await session('91110108MA01XK2Q8K');
const mine = (await ent.call('GET', '/post-award-reports')).body.items;
console.log(mine.map((m) => m.kind + ' ' + m.publicId));
await ent.page.goto(`${BASE}/post-award`);
await shot(ent.page, '01-enterprise-list');
const mon = mine.find((m) => m.kind === 'monitoring');
await ent.page.goto(`${BASE}/post-award/reports/${mon.id}`);
await shot(ent.page, '02-enterprise-monitoring-editor');
// submit incomplete through the UI to see problems
await ent.page.getByTestId('post-award-submit').click();
await shot(ent.page, '03-enterprise-monitoring-problems');
const data = {
  promotion: { newCustomers: 18, industriesReached: ['C', '3451'], regionsReached: '江苏省、浙江省', description: '推广至长三角18家装备制造企业' },
  revenue: [{ year: 2025, amount: 85 }, { year: 2026, amount: 240.5 }],
  versions: [{ version: 'V3.1', date: '2026-06-30', change: '新增能耗分析模块' }],
  users: { enterpriseUsers: 56, activeUsers: 2300 },
  operation: { inOperation: 'yes', explanation: '稳定运行，持续推广' },
};
const d = (await ent.call('GET', `/post-award-reports/${mon.id}`)).body;
console.log((await ent.call('PUT', `/monitoring-reports/${mon.id}`, { version: d.report.version, data })).status);
console.log((await ent.call('POST', `/monitoring-reports/${mon.id}/submit`, {})).status);
const se = mine.find((m) => m.kind === 'self_evaluation');
await ent.page.goto(`${BASE}/post-award/reports/${se.id}`);
await shot(ent.page, '04-enterprise-self-evaluation-editor');

const bj = await session('beijing');
await bj.page.goto(`${BASE}/recommender/post-award`);
await shot(bj.page, '05-unit-rounds');
await bj.page.goto(`${BASE}/recommender/post-award/${mon.roundId}`);
await shot(bj.page, '06-unit-round-reports');
await bj.page.goto(`${BASE}/post-award/reports/${mon.id}`);
await shot(bj.page, '07-unit-report-review');
await bj.page.getByTestId('post-award-forward').click();
await shot(bj.page, '08-unit-forward-modal');

await org.page.goto(`${BASE}/admin/post-award`);
await shot(org.page, '09-organizer-rounds');
await org.page.getByTestId('open-self-evaluation').click();
await shot(org.page, '10-organizer-open-modal');
await org.page.goto(`${BASE}/admin/post-award/${mon.roundId}`);
await shot(org.page, '11-organizer-round');
await browser.close();
