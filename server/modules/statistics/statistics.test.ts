// 监测分析: every figure against the hand-counted world of test/fixtures/statistics.ts.
//
// The 2024 call's submitted applications (a5 is a draft, a13 returned without a submission):
//   key  unit state                  province cat  areas        industries stages   own  size rev     apps
//   a1   B    forwarded              110000   bc   关键基础材料,工业基础软件 3311,3411 研发  国有 大型 50000  公有云 | 私有云、公有云
//   a2   B    recommended            110000   ig   汽车          3611      生产,运维 民营 中型 800    私有云
//   a3   B    submitted              110000   bc   工业基础软件   6511      经营     民营 小型 5000   边缘侧 ×3
//   a4   B    returned (submitted)   110000   sr   5G            3911      研发     民营 小型 —      混合云
//   a6   S    awarded                310000   es   智能化制造     3411      生产     外资 大型 200000 公有云 ×6
//   a7   S    rejected_by_recommender 310000  ig   汽车,机械制造  3611,3411 研发,生产 外资 大型 1000 本地部署
//   a8   G    submitted              440000   bc   关键基础材料   3311      研发     国有 中型 9999.5 公有云 ×2
//   a9   G    forwarded              440000   sr   新材料         3011      经营     民营 小型 10000  私有云
//   a10  X    recommended            440000   ig   信息电子       3911      运维     民营 小型 10000  私有云
//   a11  N    submitted              640000   bc   先进基础工艺   0511      生产     国有 中型 300    边缘侧
//   a12  G    submitted              —        bc   —             —         —        —    —    —      —
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, createTestApp, query, signedIn, type TestApp } from '../../../test/harness';
import { statsWorld, type StatsWorld } from '../../../test/fixtures/statistics';
import { readFirstSheet, XLSX_MIME } from '../../lib/xlsx';
import { refreshStatKeys } from '.';

let t: TestApp;
let w: StatsWorld;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await statsWorld(t);
});
afterAll(() => t.close());

const base = (c = w.campaigns.cur) => `/api/v1/campaigns/${c}/statistics`;
const get = (path: string, who: Client = w.org) => who.get(path);
/** [key, submitted, recommended, forwarded, awarded] of a breakdown's rows */
const rowsOf = (
  rows: {
    key: string;
    submitted: number;
    recommended: number;
    forwarded: number;
    awarded: number;
  }[],
) => rows.map((r) => [r.key, r.submitted, r.recommended, r.forwarded, r.awarded]);
const counts = (s: number, r: number, f: number, a: number) => ({
  submitted: s,
  recommended: r,
  forwarded: f,
  awarded: a,
});

async function breakdown(dimension: string, query = '', who: Client = w.org) {
  const res = await get(`${base()}/breakdown?dimension=${dimension}${query}`, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('overview', () => {
  test('the key figures, the previous call, the funnel, every year and the awards', async () => {
    const res = await get(`${base()}/overview`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const o = res.body;
    expect(o.campaign).toEqual({
      campaignId: w.campaigns.cur,
      code: w.campaigns.curCode,
      year: 2024,
      title: '2024年统计测试活动',
      ...counts(11, 5, 3, 1),
      provinces: 4,
    });
    expect(o.previous).toMatchObject({
      campaignId: w.campaigns.prev,
      year: 2023,
      ...counts(2, 1, 1, 1),
      provinces: 2,
    });
    expect(o.funnel).toEqual([
      { stage: 'registered', label: '注册企业', count: 7 },
      { stage: 'drafts', label: '创建申报书', count: 13 },
      { stage: 'submitted', label: '提交申报', count: 11 },
      { stage: 'recommended', label: '获推荐', count: 5 },
      { stage: 'forwarded', label: '报送工信部', count: 3 },
      { stage: 'eligible', label: '形式审查通过', count: 1 },
      { stage: 'selected', label: '入选', count: 1 },
      { stage: 'awarded', label: '发布', count: 1 },
      { stage: 'expired', label: '已过期', count: 0 },
      { stage: 'revoked', label: '已撤销', count: 0 },
    ]);
    // every call, oldest first: the 2021 one, ours, and the demo's of this year
    const years = o.years as { campaignId: string; year: number; submitted: number }[];
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort());
    const mine = years.filter((y) =>
      [w.campaigns.prev, w.campaigns.cur, w.campaigns.empty].includes(y.campaignId),
    );
    expect(mine.map((y) => [y.year, y.submitted])).toEqual([
      [2023, 2],
      [2024, 11],
      [2025, 0],
    ]);
    expect(years.filter((y) => !mine.includes(y)).every((y) => y.submitted === 0)).toBe(true);
    expect(years.find((y) => y.campaignId === w.campaigns.empty)).toMatchObject({
      ...counts(0, 0, 0, 0),
      provinces: 0,
    });
    const expectedAwards = new Map(w.awardsBefore.all);
    for (const [y, n] of [
      [2021, 1],
      [2022, 2],
      [2023, 2],
    ])
      expectedAwards.set(y!, (expectedAwards.get(y!) ?? 0) + n!);
    expect(o.awardsByYear).toEqual(
      [...expectedAwards].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
    );
    expect(o.unit).toBeNull();
  });

  test('filters narrow every figure; the province filter the registered enterprises too', async () => {
    const o = (await get(`${base()}/overview?province=110000`)).body;
    expect(o.campaign).toMatchObject({ ...counts(4, 2, 1, 0), provinces: 1 });
    expect(o.previous).toMatchObject({ ...counts(1, 1, 1, 1), provinces: 1 });
    expect(o.funnel.map((f: { count: number }) => f.count)).toEqual([2, 6, 4, 2, 1, 0, 0, 0, 0, 0]);
    const c = (await get(`${base()}/overview?category=industry_general&recommenderGroup=province`))
      .body;
    expect(c.campaign).toMatchObject({ ...counts(2, 1, 0, 0), provinces: 2 });
    const f = (await get(`${base()}/overview?focusArea=${encodeURIComponent('汽车')}`)).body;
    expect(f.campaign).toMatchObject(counts(2, 1, 0, 0));
    const i = (await get(`${base()}/overview?industrySection=C`)).body;
    expect(i.campaign).toMatchObject({ ...counts(8, 5, 3, 1), provinces: 3 });
  });

  test('a call with no filings answers zeros, the previous call’s figures and no curve', async () => {
    const o = (await get(`${base(w.campaigns.empty)}/overview`)).body;
    expect(o.campaign).toMatchObject({ ...counts(0, 0, 0, 0), provinces: 0 });
    expect(o.previous).toMatchObject({ campaignId: w.campaigns.cur, submitted: 11 });
    expect(o.funnel.slice(1).every((f: { count: number }) => f.count === 0)).toBe(true);
    const b = (await get(`${base(w.campaigns.empty)}/breakdown?dimension=province`)).body;
    expect(b).toEqual({
      dimension: 'province',
      total: counts(0, 0, 0, 0),
      rows: [],
      national: null,
    });
    const tl = (await get(`${base(w.campaigns.empty)}/timeline`)).body;
    expect(tl.points).toEqual([]);
    expect(tl.previous.campaignId).toBe(w.campaigns.cur);
    const win = (await get(`${base(w.campaigns.empty)}/winners`)).body;
    expect(win).toMatchObject({ submitted: 0, revenueByYear: [], inOperationShare: null });
  });
});

describe('breakdowns', () => {
  test('by province: 省级 codes with names, the missing region as 未填写', async () => {
    const b = await breakdown('province');
    expect(b.total).toEqual(counts(11, 5, 3, 1));
    expect(rowsOf(b.rows)).toEqual([
      ['110000', 4, 2, 1, 0],
      ['440000', 3, 2, 1, 0],
      ['310000', 2, 1, 1, 1],
      ['640000', 1, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
    ]);
    expect(b.rows.map((r: { label: string }) => r.label)).toEqual([
      '北京市',
      '广东省',
      '上海市',
      '宁夏回族自治区',
      '未填写',
    ]);
    expect(b.rows.every((r: { quota: null }) => r.quota === null)).toBe(true);
    expect(b.national).toBeNull();
  });

  test('by category: the call’s four, named from its settings', async () => {
    const b = await breakdown('category');
    expect(rowsOf(b.rows)).toEqual([
      ['basic_common', 5, 1, 1, 0],
      ['industry_general', 3, 2, 0, 0],
      ['secure_reliable', 2, 1, 1, 0],
      ['enterprise_specific', 1, 1, 1, 1],
    ]);
    expect(b.rows.map((r: { label: string }) => r.label)).toEqual([
      '基础共性工业APP',
      '行业通用工业APP',
      '安全可靠工业APP',
      '企业专用工业APP',
    ]);
  });

  test('by focus area: each value counted, the declared ones at zero, the total each once', async () => {
    const b = await breakdown('focusArea');
    expect(b.total).toEqual(counts(11, 5, 3, 1));
    const filled = b.rows.filter((r: { submitted: number }) => r.submitted > 0);
    expect(rowsOf(filled)).toEqual([
      ['关键基础材料', 2, 1, 1, 0],
      ['工业基础软件', 2, 1, 1, 0],
      ['汽车', 2, 1, 0, 0],
      ['5G', 1, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
      ['信息电子', 1, 1, 0, 0],
      ['先进基础工艺', 1, 0, 0, 0],
      ['新材料', 1, 1, 1, 0],
      ['智能化制造', 1, 1, 1, 1],
      ['机械制造', 1, 0, 0, 0],
    ]);
    expect(b.rows).toHaveLength(23 + 1); // the four categories' 23 areas and 未填写
    expect(b.rows.find((r: { key: string }) => r.key === '航空航天')).toMatchObject({
      label: '航空航天',
      submitted: 0,
    });
    // with a category, its own areas only
    const ig = await breakdown('focusArea', '&category=industry_general');
    expect(ig.rows.map((r: { key: string }) => r.key)).toEqual([
      '汽车',
      '信息电子',
      '机械制造',
      '其他行业',
      '石油化工',
      '航空航天',
      '轻工家电',
    ]);
    expect(ig.total).toEqual(counts(3, 2, 0, 0));
  });

  test('by business stage', async () => {
    const b = await breakdown('businessStage');
    expect(rowsOf(b.rows)).toEqual([
      ['生产制造', 4, 2, 1, 1],
      ['研发设计', 4, 1, 1, 0],
      ['经营管理', 2, 1, 1, 0],
      ['运维服务', 2, 2, 0, 0],
      ['_unknown', 1, 0, 0, 0],
    ]);
  });

  test('by industry: 门类, then 大类 within a 门类', async () => {
    const s = await breakdown('industrySection');
    expect(rowsOf(s.rows)).toEqual([
      ['C', 8, 5, 3, 1],
      ['A', 1, 0, 0, 0],
      ['I', 1, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
    ]);
    expect(s.rows.map((r: { label: string }) => r.label)).toEqual([
      '制造业',
      '农、林、牧、渔业',
      '信息传输、软件和信息技术服务业',
      '未填写',
    ]);
    const d = await breakdown('industryDivision');
    expect(rowsOf(d.rows)).toEqual([
      ['34', 3, 2, 2, 1],
      ['33', 2, 1, 1, 0],
      ['36', 2, 1, 0, 0],
      ['39', 2, 1, 0, 0],
      ['05', 1, 0, 0, 0],
      ['30', 1, 1, 1, 0],
      ['65', 1, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
    ]);
    expect(d.rows[0].label).toBe('通用设备制造业');
    const inC = await breakdown('industryDivision', '&industrySection=C');
    expect(rowsOf(inC.rows)).toEqual([
      ['34', 3, 2, 2, 1],
      ['33', 2, 1, 1, 0],
      ['36', 2, 1, 0, 0],
      ['39', 2, 1, 0, 0],
      ['30', 1, 1, 1, 0],
    ]);
    expect(inC.total).toEqual(counts(8, 5, 3, 1));
  });

  test('by ownership, size and revenue band', async () => {
    expect(rowsOf((await breakdown('ownership')).rows)).toEqual([
      ['民营企业', 5, 3, 1, 0],
      ['国有企业', 3, 1, 1, 0],
      ['外资企业', 2, 1, 1, 1],
      ['_unknown', 1, 0, 0, 0],
    ]);
    expect(rowsOf((await breakdown('size')).rows)).toEqual([
      ['小型', 4, 2, 1, 0],
      ['中型', 3, 1, 0, 0],
      ['大型', 3, 2, 2, 1],
      ['_unknown', 1, 0, 0, 0],
    ]);
    const r = await breakdown('revenueBand');
    expect(rowsOf(r.rows)).toEqual([
      ['10000to100000', 3, 3, 2, 0],
      ['1000to10000', 3, 0, 0, 0],
      ['_unknown', 2, 0, 0, 0],
      ['lt1000', 2, 1, 0, 0],
      ['gte100000', 1, 1, 1, 1],
    ]);
    expect(r.rows.map((x: { label: string }) => x.label)).toEqual([
      '1亿元至10亿元',
      '1000万元至1亿元',
      '未填写',
      '1000万元以下',
      '10亿元及以上',
    ]);
  });

  test('by APPs per solution and deployment', async () => {
    expect(rowsOf((await breakdown('appCount')).rows)).toEqual([
      ['1', 6, 3, 1, 0],
      ['2', 2, 1, 1, 0],
      ['3to5', 1, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
      ['gt5', 1, 1, 1, 1],
    ]);
    expect(rowsOf((await breakdown('deployment')).rows)).toEqual([
      ['私有云', 4, 4, 2, 0],
      ['公有云', 3, 2, 2, 1],
      ['边缘侧', 2, 0, 0, 0],
      ['_unknown', 1, 0, 0, 0],
      ['本地部署', 1, 0, 0, 0],
      ['混合云', 1, 0, 0, 0],
    ]);
  });

  test('by recommender group and unit, units with their quota', async () => {
    const g = await breakdown('recommenderGroup');
    expect(rowsOf(g.rows)).toEqual([
      ['province', 10, 4, 3, 1],
      ['association', 1, 1, 0, 0],
      ['central_enterprise', 0, 0, 0, 0],
      ['plan_separate_city', 0, 0, 0, 0],
      ['xpcc', 0, 0, 0, 0],
    ]);
    expect(g.rows[0].label).toBe('省级工业和信息化主管部门');
    const u = await breakdown('unit');
    const { B, S, G, N, X } = w.units;
    expect(
      u.rows.map((r: { key: string; label: string; quota: number }) => [r.label, r.quota]),
    ).toEqual([
      ['北京市', 10],
      ['广东省', 10],
      ['上海市', 10],
      ...(
        [
          [N, '宁夏回族自治区', 10],
          [X, '统计测试行业协会', 5],
        ] as const
      )
        .slice()
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, name, quota]) => [name, quota]),
    ]);
    expect(rowsOf(u.rows).slice(0, 3)).toEqual([
      [B, 4, 2, 1, 0],
      [G, 3, 1, 1, 0],
      [S, 2, 1, 1, 1],
    ]);
  });

  test('a recommender sees its own unit, with the national figures beside', async () => {
    const b = await breakdown('category', '', w.beijing);
    expect(b.total).toEqual(counts(4, 2, 1, 0));
    expect(rowsOf(b.rows)).toEqual([
      ['basic_common', 2, 1, 1, 0],
      ['industry_general', 1, 1, 0, 0],
      ['secure_reliable', 1, 0, 0, 0],
      ['enterprise_specific', 0, 0, 0, 0],
    ]);
    expect(b.national.total).toEqual(counts(11, 5, 3, 1));
    expect(rowsOf(b.national.rows)[0]).toEqual(['basic_common', 5, 1, 1, 0]);
    const own = await breakdown('category', `&unitId=${w.units.B}`, w.beijing);
    expect(own.total).toEqual(b.total);
    const o = (await get(`${base()}/overview`, w.beijing)).body;
    expect(o.unit).toEqual({ id: w.units.B, name: '北京市' });
    expect(o.campaign).toMatchObject({ ...counts(4, 2, 1, 0), provinces: 1 });
    // 北京市's registered enterprises: e1, e2 (e7 came after the deadline)
    expect(o.funnel.slice(0, 3).map((f: { count: number }) => f.count)).toEqual([2, 6, 4]);
    const expectedB = new Map(w.awardsBefore.B);
    expectedB.set(2021, (expectedB.get(2021) ?? 0) + 1);
    expectedB.set(2022, (expectedB.get(2022) ?? 0) + 2);
    expect(o.awardsByYear).toEqual(
      [...expectedB].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
    );
  });

  test('an association counts the enterprises that filed through it as registered', async () => {
    const o = (await get(`${base()}/overview?unitId=${w.units.X}`)).body;
    expect(o.funnel[0]).toEqual({ stage: 'registered', label: '注册企业', count: 1 });
    expect(o.campaign).toMatchObject(counts(1, 1, 0, 0));
    expect(o.awardsByYear).toEqual([{ year: 2023, count: 1 }]);
    expect(o.unit).toBeNull();
  });

  test('another unit’s figures are refused to a recommender; other roles see none', async () => {
    for (const path of [
      `${base()}/overview?unitId=${w.units.S}`,
      `${base()}/breakdown?dimension=province&unitId=${w.units.S}`,
      `${base()}/timeline?unitId=${w.units.S}`,
      `${base()}/winners?unitId=${w.units.S}`,
      `${base()}/applications?unitId=${w.units.S}`,
      `${base()}/export.xlsx?chart=province&unitId=${w.units.S}`,
    ]) {
      const res = await get(path, w.beijing);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const expert = await signedIn(t.app, 'expert');
    expect((await get(`${base()}/overview`, expert)).status).toBe(403);
    expect((await new Client(t.app).get(`${base()}/overview`)).status).toBe(401);
  });

  test('an unknown dimension, filter or parameter is a 400 naming it; an unknown call a 404', async () => {
    const dim = await get(`${base()}/breakdown?dimension=colour`);
    expect(dim.status).toBe(400);
    expect(dim.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(dim.body.error.details)).toContain('dimension');
    for (const path of [
      `${base()}/overview?colour=red`,
      `${base()}/breakdown?dimension=province&colour=red`,
      `${base()}/applications?colour=red`,
      `${base()}/export.xlsx?chart=province&colour=red`,
      `${base()}/public?colour=red`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(res.body.error.details), path).toContain('colour');
    }
    const bad = await get(`${base()}/overview?province=110105`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('province');
    const none = await get(`/api/v1/campaigns/${crypto.randomUUID()}/statistics/overview`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe('未找到该征集活动');
  });
});

describe('timeline', () => {
  test('first submissions per Beijing day to the deadline, cumulative, and last year’s curve', async () => {
    const res = await get(`${base()}/timeline`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tl = res.body;
    expect(tl.onlineDeadline).toBe('2024-10-20T15:59:59.999Z');
    const days = [2, 1, 1, 1, 0, 1, 1, 0, 2, 1, 1];
    let cumulative = 0;
    expect(tl.points).toEqual(
      days.map((submitted, i) => ({
        date: `2024-10-${String(10 + i)}`,
        daysBeforeDeadline: 10 - i,
        submitted,
        cumulative: (cumulative += submitted),
      })),
    );
    expect(tl.previous).toEqual({
      campaignId: w.campaigns.prev,
      year: 2023,
      onlineDeadline: '2023-10-20T15:59:59.999Z',
      points: [
        { date: '2023-10-18', daysBeforeDeadline: 2, submitted: 1, cumulative: 1 },
        { date: '2023-10-19', daysBeforeDeadline: 1, submitted: 0, cumulative: 1 },
        { date: '2023-10-20', daysBeforeDeadline: 0, submitted: 1, cumulative: 2 },
      ],
    });
    const bj = (await get(`${base()}/timeline`, w.beijing)).body;
    expect(bj.points.map((p: { submitted: number }) => p.submitted)).toEqual([
      2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(bj.previous.points.map((p: { cumulative: number }) => p.cumulative)).toEqual([1, 1, 1]);
  });
});

describe('winners (附件4)', () => {
  test('revenue by year with growth, customers, industries, versions and status', async () => {
    const res = await get(`${base()}/winners`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      expected: 4,
      submitted: 3,
      revenueByYear: [
        { year: 2022, total: 150, reports: 2, growth: null },
        { year: 2023, total: 180, reports: 3, growth: 0.2 },
      ],
      newCustomers: 15,
      industriesReached: [
        { code: '3411', label: '锅炉及辅助设备制造', count: 2 },
        { code: '6511', label: '基础软件开发', count: 1 },
        { code: 'C', label: '制造业', count: 1 },
      ],
      versionUpdates: { total: 6, perReport: 2 },
      byStatus: [
        { key: 'promoting', label: '持续推广', count: 1 },
        { key: 'stable', label: '稳定运行', count: 1 },
        { key: 'maintenance_only', label: '仅维护', count: 0 },
        { key: 'discontinued', label: '已停止', count: 1 },
      ],
      inOperationShare: 2 / 3,
    });
  });

  test('narrowed to a unit, a province and a category', async () => {
    const bj = (await get(`${base()}/winners`, w.beijing)).body;
    expect(bj).toMatchObject({
      expected: 2,
      submitted: 2,
      revenueByYear: [
        { year: 2022, total: 150, reports: 2, growth: null },
        { year: 2023, total: 150, reports: 2, growth: 0 },
      ],
      newCustomers: 10,
      inOperationShare: 0.5,
    });
    const sh = (await get(`${base()}/winners?province=310000`)).body;
    expect(sh).toMatchObject({ expected: 1, submitted: 1, newCustomers: 5, inOperationShare: 1 });
    const bc = (await get(`${base()}/winners?category=basic_common`)).body;
    expect(bc).toMatchObject({ expected: 2, submitted: 2, newCustomers: 13 });
    const x = (await get(`${base()}/winners?unitId=${w.units.X}`)).body;
    expect(x).toMatchObject({ expected: 1, submitted: 0, inOperationShare: null });
  });
});

describe('drill-down', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  test('the applications behind a bucket, newest submission first, paged', async () => {
    const res = await get(`${base()}/applications?dimension=province&key=110000`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(4);
    expect(ids(res.body)).toEqual([w.apps.a3, w.apps.a4, w.apps.a2, w.apps.a1]);
    expect(res.body.items[0]).toEqual({
      id: w.apps.a3,
      solutionName: '方案a3',
      applicantName: '统计企业e2',
      unitName: '北京市',
      state: 'submitted',
      submittedAt: '2024-10-11T17:00:00.000Z',
    });
    const page2 = (
      await get(`${base()}/applications?dimension=province&key=110000&pageSize=3&page=2`)
    ).body;
    expect(page2).toEqual({ items: [expect.objectContaining({ id: w.apps.a1 })], total: 4 });
    const rec = (
      await get(
        `${base()}/applications?dimension=deployment&key=${encodeURIComponent('私有云')}&stage=forwarded`,
      )
    ).body;
    expect(ids(rec)).toEqual([w.apps.a9, w.apps.a1]);
    const unknown = (await get(`${base()}/applications?dimension=industryDivision&key=_unknown`))
      .body;
    expect(ids(unknown)).toEqual([w.apps.a12]);
    const all = (await get(`${base()}/applications?stage=awarded`)).body;
    expect(all).toEqual({ items: [expect.objectContaining({ id: w.apps.a6 })], total: 1 });
    const filtered = (
      await get(`${base()}/applications?category=industry_general&recommenderGroup=province`)
    ).body;
    expect(ids(filtered)).toEqual([w.apps.a7, w.apps.a2]);
  });

  test('a recommender sees its own unit’s only; a key needs its dimension', async () => {
    const bj = (await get(`${base()}/applications?dimension=category&key=basic_common`, w.beijing))
      .body;
    expect(ids(bj)).toEqual([w.apps.a3, w.apps.a1]);
    const half = await get(`${base()}/applications?key=basic_common`);
    expect(half.status).toBe(400);
  });
});

describe('export', () => {
  test('each chart’s table holds the JSON’s numbers, with a title, the filters and 合计', async () => {
    const res = await get(`${base()}/export.xlsx?chart=province&category=basic_common`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('监测分析-地区-2024.xlsx')}`,
    );
    const sheet = await readFirstSheet(res.raw.rawPayload);
    expect(sheet[0]!.cells[0]).toBe('2024年统计测试活动监测分析：地区');
    expect(sheet[1]!.cells[0]).toMatch(
      /^筛选条件：申报类别=基础共性工业APP；导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    const json = await breakdown('province', '&category=basic_common');
    expect(sheet.slice(2).map((r) => r.cells)).toEqual([
      ['地区', '提交申报', '获推荐', '报送工信部', '发布'],
      ...json.rows.map(
        (r: {
          label: string;
          submitted: number;
          recommended: number;
          forwarded: number;
          awarded: number;
        }) => [r.label, r.submitted, r.recommended, r.forwarded, r.awarded].map(String),
      ),
      ['合计', '5', '1', '1', '0'],
    ]);
    expect(json.rows.map((r: { label: string }) => r.label)).toEqual([
      '北京市',
      '广东省',
      '宁夏回族自治区',
      '未填写',
    ]);
  });

  test('units with quotas, the funnel, the timeline, the winners and the years', async () => {
    const units = await readFirstSheet(
      (await get(`${base()}/export.xlsx?chart=unit`)).raw.rawPayload,
    );
    expect(units[2]!.cells).toEqual([
      '推荐单位',
      '提交申报',
      '获推荐',
      '报送工信部',
      '发布',
      '推荐数量上限',
    ]);
    expect(units[3]!.cells).toEqual(['北京市', '4', '2', '1', '0', '10']);
    expect(units.at(-1)!.cells).toEqual(['合计', '11', '5', '3', '1', '45']);

    const funnel = await readFirstSheet(
      (await get(`${base()}/export.xlsx?chart=funnel`, w.beijing)).raw.rawPayload,
    );
    expect(funnel[1]!.cells[0]).toMatch(/^筛选条件：推荐单位=北京市；/);
    expect(funnel.slice(2, 6).map((r) => r.cells.slice(0, 2))).toEqual([
      ['阶段', '数量'],
      ['注册企业', '2'],
      ['创建申报书', '6'],
      ['提交申报', '4'],
    ]);

    const tl = await readFirstSheet(
      (await get(`${base()}/export.xlsx?chart=timeline`)).raw.rawPayload,
    );
    expect(tl[3]!.cells).toEqual(['2024-10-10', '10', '2', '2']);
    expect(tl.at(-1)!.cells).toEqual(['合计', '', '11', '']);

    const win = await readFirstSheet(
      (await get(`${base()}/export.xlsx?chart=winners`)).raw.rawPayload,
    );
    expect(win.slice(2, 5).map((r) => r.cells)).toEqual([
      ['年度', '市场收入（万元）', '填报份数', '较上年增长'],
      ['2022', '150', '2', '—'],
      ['2023', '180', '3', '20.0%'],
    ]);
    expect(win.find((r) => r.cells[0] === '仍在运行占比')!.cells[1]).toBe('66.7%');

    const years = await readFirstSheet(
      (await get(`${base()}/export.xlsx?chart=years`)).raw.rawPayload,
    );
    expect(years.find((r) => r.cells[1] === '2024年统计测试活动')!.cells).toEqual([
      '2024',
      '2024年统计测试活动',
      '11',
      '5',
      '3',
      '1',
      '4',
    ]);
  });
});

describe('public statistics', () => {
  test('anyone sees aggregates, small cells suppressed, no names', async () => {
    const res = await new Client(t.app).get(`${base()}/public`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      campaign: { year: 2024, title: '2024年统计测试活动' },
      submitted: 11,
      provinces: 4,
      awarded: 1,
      minCell: 3,
    });
    // 上海 2, 宁夏 1 and 未填写 1 are hidden
    expect(p.byProvince).toEqual([
      { key: '110000', label: '北京市', count: 4 },
      { key: '440000', label: '广东省', count: 3 },
      { key: '310000', label: '上海市', count: null },
      { key: '640000', label: '宁夏回族自治区', count: null },
      { key: '_unknown', label: '未填写', count: null },
    ]);
    expect(p.byCategory.map((r: { count: number | null }) => r.count)).toEqual([5, 3, null, null]);
    // one cell alone (the association's 1) would be 11 − 10: the province group's is hidden too
    expect(
      p.byRecommenderGroup.map((r: { key: string; count: number | null }) => [r.key, r.count]),
    ).toEqual([
      ['province', null],
      ['association', null],
      ['central_enterprise', 0],
      ['plan_separate_city', 0],
      ['xpcc', 0],
    ]);
    const text = JSON.stringify(p);
    for (const name of ['统计企业', '方案a', '统计测试行业协会']) expect(text).not.toContain(name);
  });

  test('no awarded figure before awards are published; a call with no filings', async () => {
    const p = (await new Client(t.app).get(`${base(w.campaigns.empty)}/public`)).body;
    expect(p).toMatchObject({ submitted: 0, provinces: 0, awarded: null, byProvince: [] });
    expect(p.byCategory.map((r: { count: number }) => r.count)).toEqual([0, 0, 0, 0]);
    const prev = (await new Client(t.app).get(`${base(w.campaigns.prev)}/public`)).body;
    expect(prev).toMatchObject({ submitted: 2, awarded: 1 });
  });
});

describe('大类 beyond the top 20', () => {
  test('the 20 largest, the rest as 其他 (each application once), and its drill-down', async () => {
    const copy = await w.org.post('/api/v1/campaigns/miit-iiapp-2021/copy', {
      code: 'stats-top20',
      year: 2019,
      title: '2019年统计测试活动',
      opensAt: '2019-09-01T00:00:00+08:00',
      onlineDeadline: '2019-10-20T23:59:59.999+08:00',
      paperDeadline: '2019-10-20T23:59:59.999+08:00',
    });
    expect(copy.status).toBe(201);
    const c = copy.body.id as string;
    const divisions = (
      await query<{ code: string }>(
        t,
        `select code from industries where level = 2 order by code limit 22`,
      )
    ).map((r) => r.code);
    const ids: string[] = [];
    const file = async (industries: string[], n: number) => {
      const [row] = await query<{ id: string }>(
        t,
        `insert into applications (campaign_id, enterprise_id, channel_unit_id, state, form_id,
           data, facts, created_at, updated_at, submitted_at)
         values ('${c}', '${w.enterprises.e1}', '${w.units.B}', 'submitted', 'miit-iiapp-2021',
           '{}', '${JSON.stringify({ industries })}'::jsonb, now(), now(),
           '2019-10-01T00:00:00+08:00'::timestamptz + interval '${n} minutes')
         returning id`,
      );
      ids.push(row!.id);
    };
    for (let j = 0; j < 22; j++) await file([divisions[j]!], j);
    await file([divisions[0]!, divisions[21]!], 22);
    await refreshStatKeys(t.deps.db, ids); // inserted by SQL: the keys submit would keep
    const d = (await get(`${base(c)}/breakdown?dimension=industryDivision`)).body;
    expect(d.total.submitted).toBe(23);
    expect(d.rows.map((r: { key: string; submitted: number }) => [r.key, r.submitted])).toEqual([
      [divisions[0], 2],
      [divisions[21], 2],
      ['_other', 2],
      ...divisions.slice(1, 19).map((k) => [k, 1]),
    ]);
    expect(d.rows[2].label).toBe('其他');
    const other = (await get(`${base(c)}/applications?dimension=industryDivision&key=_other`)).body;
    expect(other.items.map((i: { id: string }) => i.id)).toEqual([ids[20], ids[19]]);
  });
});
