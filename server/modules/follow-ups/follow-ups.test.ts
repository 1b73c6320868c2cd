// 附件4 统计信息表: a past winner fills in, saves and submits; its recommender returns it with a
// comment and exports the unit's summary for stamping; nobody else sees or touches it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { ExcelJS } from '../../lib/xlsx';
import { csvOf, HEADER_ZH, importFile } from '../../../test/fixtures/award-imports';
import { verifiedByOrganizer } from '../../../test/fixtures/verification';

const DEMO_AWARD = '基于工业互联网平台的数控机床预测性维护APP'; // seeded: 2020, 北京市
const YEARS_2020 = [2020, 2021, 2022, 2023, 2024, 2025]; // the demo campaign is 2026's

let t: TestApp;
let campaignId: string;
let paperDeadline: string;
let ent: Client; // the demo enterprise
let other: Client; // another enterprise, also recommended by 北京市
let otherUscc: string;
let beijing: Client;
let casic: Client;
let org: Client;
let demoAward: string;
let otherAward: string;
let oldAward: string; // 2018: not asked for in this campaign

function completeData(newCustomers = 12) {
  return {
    promotion: {
      newCustomers,
      industriesReached: ['C', '3451'],
      description: '推广至长三角12家机床企业',
    },
    revenue: YEARS_2020.map((year, i) => ({ year, amount: 100 + i * 50.5 })),
    versions: [
      { version: 'V1.1', date: '2021-03-01', change: '增加主轴振动监测' },
      { version: 'V2.0', date: '2022-06-30', change: '支持多品牌数控系统' },
    ],
    status: { state: 'promoting', description: '持续推广中' },
  };
}

const path = (awardId: string, rest = '') =>
  `/api/v1/follow-up-reports/${awardId}${rest}?campaignId=${campaignId}`;
const save = (c: Client, awardId: string, draftVersion: number, data: unknown) =>
  c.request('PUT', `/api/v1/follow-up-reports/${awardId}`, { campaignId, draftVersion, data });
const submit = (c: Client, awardId: string, campaign = campaignId) =>
  c.post(`/api/v1/follow-up-reports/${awardId}/submit`, { campaignId: campaign });
const giveBack = (c: Client, awardId: string, comment: string) =>
  c.post(`/api/v1/follow-up-reports/${awardId}/return`, { campaignId, comment });
const list = async (c: Client) =>
  (await c.get(`/api/v1/follow-up-reports?campaignId=${campaignId}`)).body;
const solutions = (body: { items: { solutionName: string }[] }) =>
  body.items.map((i) => i.solutionName).sort();

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  ent = await signedIn(t.app, DEMO_ENTERPRISE_USCC);
  beijing = await signedIn(t.app, 'beijing');
  casic = await signedIn(t.app, 'casic');
  org = await signedIn(t.app, 'organizer');
  const reg = registration(7001);
  expect((await new Client(t.app, '10.7.0.1').post('/api/v1/enterprises', reg)).status).toBe(201);
  other = await signedIn(t.app, reg.uscc, 'Secret2021pass');
  await verifiedByOrganizer(t, other); // 企业认证: a past winner's 附件4 needs it
  otherUscc = reg.uscc;
  const imported = await importFile(
    org,
    'more.csv',
    csvOf([
      HEADER_ZH,
      [2019, '其他企业的方案', reg.name, reg.uscc, '行业通用工业APP', '北京市', ''],
      [
        2018,
        '示例早年方案',
        '北京示例智造科技有限公司',
        DEMO_ENTERPRISE_USCC,
        '企业专用工业APP',
        '北京市',
        '',
      ],
    ]),
  );
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const campaign = (await ent.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  );
  campaignId = campaign.id;
  paperDeadline = (await ent.get(`/api/v1/campaigns/${campaignId}`)).body.paperDeadline;
  const awards = (await org.get('/api/v1/awards?pageSize=100')).body.items as {
    id: string;
    solutionName: string;
  }[];
  const idOf = (name: string) => awards.find((a) => a.solutionName === name)!.id;
  demoAward = idOf(DEMO_AWARD);
  otherAward = idOf('其他企业的方案');
  oldAward = idOf('示例早年方案');
});
afterAll(() => t.close());

describe('who sees which 附件4', () => {
  test('an enterprise its own awards of the asked years; a unit its own; organizers all', async () => {
    const mine = await list(ent);
    expect(mine.followUpAwardYears).toEqual([2019, 2020]);
    expect(mine.items).toEqual([
      {
        awardId: demoAward,
        year: 2020,
        solutionName: DEMO_AWARD,
        enterpriseName: '北京示例智造科技有限公司',
        uscc: DEMO_ENTERPRISE_USCC,
        recommenderName: '北京市',
        recommenderUnitId: expect.any(String),
        state: 'not_started',
        submittedAt: null,
        returnComment: null,
        updatedAt: null,
      },
    ]);
    expect(solutions(await list(other))).toEqual(['其他企业的方案']);
    expect(solutions(await list(beijing))).toEqual(
      [DEMO_AWARD, '其他企业的方案', '注塑车间能耗在线监测与优化APP'].sort(),
    );
    expect(solutions(await list(casic))).toEqual(['航天复杂产品协同设计工业APP组']);
    const all = solutions(await list(org));
    expect(all).toEqual(expect.arrayContaining([DEMO_AWARD, '汽车零部件质量追溯APP']));
    expect(all).not.toContain('示例早年方案');
    expect((await (await signedIn(t.app, 'expert')).get(path(demoAward))).status).toBe(403);
    expect((await new Client(t.app).get(path(demoAward))).status).toBe(401);
  });

  test('nobody reads or writes another enterprise’s or another unit’s report', async () => {
    expect((await ent.get(path(otherAward))).status).toBe(403);
    expect((await save(ent, otherAward, 0, {})).status).toBe(403);
    expect((await other.get(path(demoAward))).status).toBe(403);
    expect((await submit(other, demoAward)).status).toBe(403);
    expect((await casic.get(path(demoAward))).status).toBe(403);
    expect((await save(beijing, demoAward, 0, {})).status).toBe(403); // only the enterprise fills in
    expect((await beijing.get(path(demoAward))).status).toBe(200);
    expect((await org.get(path(demoAward))).status).toBe(200);
    const old = await ent.get(path(oldAward));
    expect(old.status).toBe(404);
    expect(old.body.error.message).toBe('2018年获奖的解决方案不在本次活动附件4的填报范围内');
    expect((await save(ent, oldAward, 0, {})).status).toBe(404);
  });
});

describe('filling in 附件4', () => {
  test('the form is the campaign’s declaration, served like the application form', async () => {
    const res = await ent.get(`/api/v1/campaigns/${campaignId}/follow-up-form`);
    expect(res.status).toBe(200);
    const form = res.body.form as { sections: { key: string; rows?: unknown }[] };
    expect(form.sections.map((s) => s.key)).toEqual(['promotion', 'revenue', 'versions', 'status']);
    expect(form.sections[1]!.rows).toMatchObject({
      keyedBy: { field: 'year', list: 'revenueYears' },
    });
  });

  test('the first save creates the draft; a stale version is refused, not applied', async () => {
    const empty = (await ent.get(path(demoAward))).body;
    expect(empty).toMatchObject({
      award: { id: demoAward, year: 2020, source: 'imported' },
      report: null,
      deadline: paperDeadline,
      revenueYears: YEARS_2020,
    });
    const first = await save(ent, demoAward, 0, { promotion: { newCustomers: 3 } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ state: 'draft', draftVersion: 1, submittedAt: null });
    expect(first.body.data.promotion).toEqual({ newCustomers: 3 });

    const twice = await save(ent, demoAward, 0, { promotion: { newCustomers: 4 } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'DRAFT_CONFLICT',
      details: { currentVersion: 1 },
    });
    expect(twice.body.error.message).toContain('统计表已在别处');
    expect(
      (await save(ent, demoAward, 1, { promotion: { newCustomers: 5 } })).body.draftVersion,
    ).toBe(2);
    expect((await save(ent, demoAward, 1, { promotion: { newCustomers: 6 } })).status).toBe(409);
    expect((await ent.get(path(demoAward))).body.report.data.promotion.newCustomers).toBe(5);

    const bad = await save(ent, demoAward, 2, {
      promotion: { newCustomers: -1 },
      versions: [{ date: '2021-02-30' }],
    });
    expect(bad.status).toBe(400);
    // a draft keeps a number out of range as typed (the submission refuses it), not an impossible date
    expect(bad.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'versions.0.date', message: '发布日期格式为 YYYY-MM-DD' }],
    });
    expect(
      (await list(beijing)).items.find((i: { awardId: string }) => i.awardId === demoAward),
    ).toMatchObject({ state: 'draft' });
  });

  test('an incomplete report is refused with every issue; a complete one is submitted and locked', async () => {
    const incomplete = await submit(ent, demoAward);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('FOLLOW_UP_INCOMPLETE');
    expect(incomplete.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'promotion.industriesReached', message: '请选择推广覆盖行业' },
        { path: 'revenue', message: '请填写2020年的市场收入' },
        { path: 'revenue', message: '请填写2025年的市场收入' },
        { path: 'versions', message: '请至少填写1条版本更新记录' },
        { path: 'status.state', message: '请选择当前状态' },
      ]),
    );
    // never saved: every field is missing, and nothing is created
    const never = await submit(other, otherAward);
    expect(never.body.error.code).toBe('FOLLOW_UP_INCOMPLETE');
    expect(never.body.error.details).toContainEqual({
      path: 'revenue',
      message: '请填写2019年的市场收入',
    });
    expect((await other.get(path(otherAward))).body.report).toBeNull();

    const current = (await ent.get(path(demoAward))).body.report;
    expect((await save(ent, demoAward, current.draftVersion, completeData())).status).toBe(200);
    const done = await submit(ent, demoAward);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'submitted', submittedAt: expect.any(String) });

    const locked = await save(ent, demoAward, done.body.draftVersion, completeData(99));
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({
      code: 'WRONG_STATE',
      message: '统计表已提交，不能修改；如需修改，请联系推荐单位退回',
    });
    expect((await submit(ent, demoAward)).body.error.code).toBe('WRONG_STATE');
  });

  test('its recommender returns it with a comment; the enterprise fixes and resubmits; each step is audited', async () => {
    expect((await giveBack(casic, demoAward, '请补充收入依据')).status).toBe(403);
    expect((await giveBack(ent, demoAward, '请补充收入依据')).status).toBe(403);
    expect((await giveBack(org, demoAward, '请补充收入依据')).status).toBe(403);
    expect((await giveBack(beijing, demoAward, '补')).status).toBe(400);
    expect((await giveBack(beijing, otherAward, '请补充收入依据')).body.error.code).toBe(
      'WRONG_STATE',
    );

    const returned = await giveBack(beijing, demoAward, '请补充2023年收入依据');
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      state: 'returned',
      returnComment: '请补充2023年收入依据',
    });
    const row = (await list(ent)).items[0];
    expect(row).toMatchObject({ state: 'returned', returnComment: '请补充2023年收入依据' });

    const fixed = await save(ent, demoAward, returned.body.draftVersion, completeData(15));
    expect(fixed.body).toMatchObject({ state: 'returned' });
    const again = await submit(ent, demoAward);
    expect(again.body).toMatchObject({ state: 'submitted', returnComment: null });

    const audit = (await org.get('/api/v1/audit-events?targetType=follow_up_report')).body
      .items as { action: string; summary: { after: { awardId: string }; note?: string } }[];
    const steps = audit.filter((a) => a.summary.after.awardId === demoAward).reverse();
    expect(steps.map((a) => a.action)).toEqual([
      'follow_up.submit',
      'follow_up.return',
      'follow_up.submit',
    ]);
    expect(steps[1]!.summary.note).toBe('请补充2023年收入依据');
  });

  test('after the deadline nothing is saved, submitted or returned', async () => {
    // the 2021 call closed on 2021-10-20; the 2020 award is asked for there too
    const closed = await ent.request('PUT', `/api/v1/follow-up-reports/${demoAward}`, {
      campaignId: 'miit-iiapp-2021',
      draftVersion: 0,
      data: {},
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: 'DEADLINE_PASSED',
      message: '附件4报送已截止，不能再保存',
    });
    expect((await submit(ent, demoAward, 'miit-iiapp-2021')).body.error.code).toBe(
      'DEADLINE_PASSED',
    );

    expect((await save(other, otherAward, 0, { promotion: { newCustomers: 1 } })).status).toBe(200);
    t.clock.set(new Date(new Date(paperDeadline).getTime() + 1).toISOString());
    try {
      const lateOther = await signedIn(t.app, otherUscc, 'Secret2021pass', '10.7.9.1');
      const lateBeijing = await signedIn(t.app, 'beijing', undefined, '10.7.9.2');
      expect((await save(lateOther, otherAward, 1, {})).body.error.code).toBe('DEADLINE_PASSED');
      expect((await submit(lateOther, otherAward)).body.error.code).toBe('DEADLINE_PASSED');
      expect((await giveBack(lateBeijing, demoAward, '请补充收入依据')).body.error.code).toBe(
        'DEADLINE_PASSED',
      );
    } finally {
      t.clock.set('2026-11-01T09:00:00+08:00');
    }
  });
});

describe('the unit’s summary (附件4 工业互联网APP统计信息表)', () => {
  async function sheetOf(c: Client) {
    const res = await c.request(
      'GET',
      `/api/v1/follow-up-reports/summary.xlsx?campaignId=${campaignId}`,
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    return { res, ws, row };
  }

  test('a unit’s sheet, read back cell by cell', async () => {
    const { res, ws, row } = await sheetOf(beijing);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '附件4-工业互联网APP统计信息表-北京市.xlsx',
    );
    const revenueHeaders = [2019, ...YEARS_2020].map((y) => `${y}年市场收入（万元）`);
    const header = [
      '序号',
      '获奖年份',
      '解决方案名称',
      '企业名称',
      '统一社会信用代码',
      '填报状态',
      '新增客户数（家）',
      '推广覆盖行业',
      ...revenueHeaders,
      '最新版本号',
      '发布日期',
      '当前状态',
    ];
    expect(ws.getCell('A1').value).toBe('附件4');
    expect(ws.getCell('A2').value).toBe('工业互联网APP统计信息表');
    expect(ws.getCell('A3').value).toBe(
      '（2019－2020年获得工业和信息化部工业互联网APP优秀解决方案的企业自查情况）',
    );
    expect(ws.getCell('A4').value).toBe('推荐单位（盖章）：北京市');
    expect(ws.getCell(4, header.length).value).toBe('日期：2026年11月1日');
    expect(row(5)).toEqual(header);

    const rows = [6, 7, 8].map(row);
    expect(ws.getRow(9).values).toEqual([]);
    const byUscc = (u: string) => rows.find((r) => r[4] === u)!;
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[1])).toEqual([2019, 2019, 2020]);
    expect(byUscc(DEMO_ENTERPRISE_USCC)).toEqual([
      3,
      2020,
      DEMO_AWARD,
      '北京示例智造科技有限公司',
      DEMO_ENTERPRISE_USCC,
      '已提交',
      15,
      '制造业、滚动轴承制造',
      undefined, // 2019: before the award
      100,
      150.5,
      201,
      251.5,
      302,
      352.5,
      'V2.0',
      '2022-06-30',
      '持续推广',
    ]);
    expect(byUscc(otherUscc)).toEqual([
      expect.any(Number),
      2019,
      '其他企业的方案',
      '测试企业7001号科技有限公司',
      otherUscc,
      '填报中', // a draft's figures are not summarised
    ]);
    expect(rows.find((r) => r[2] === '注塑车间能耗在线监测与优化APP')![5]).toBe('未填报');
    expect(String(ws.getCell(10, 1).value)).toContain('只汇总企业已提交的统计表');
  });

  test('a unit gets only its own rows, organizers every unit’s; enterprises none', async () => {
    const mine = await sheetOf(casic);
    expect(mine.ws.getCell('A4').value).toBe('推荐单位（盖章）：中国航天科工集团有限公司');
    expect(mine.row(6).slice(2, 3)).toEqual(['航天复杂产品协同设计工业APP组']);
    expect(mine.ws.getRow(7).values).toEqual([]);
    expect(String(mine.ws.getCell(8, 1).value)).toMatch(/^说明/);

    const all = await sheetOf(org);
    expect(all.ws.getCell('A4').value).toBe('推荐单位（盖章）：全部推荐单位');
    expect(all.row(5).slice(4, 7)).toEqual(['统一社会信用代码', '推荐单位', '填报状态']);
    const units = [6, 7, 8, 9, 10].map((n) => all.row(n)[5]);
    expect(units.sort()).toEqual(
      ['上海市', '中国航天科工集团有限公司', '北京市', '北京市', '北京市'].sort(),
    );

    const url = `/api/v1/follow-up-reports/summary.xlsx?campaignId=${campaignId}`;
    expect((await ent.get(url)).status).toBe(403);
    expect((await new Client(t.app).get(url)).status).toBe(401);
  });
});
