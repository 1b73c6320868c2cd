// The organizer's overview: one row per active unit, with what it received, decided and signed
// off, and the 附件4 reports its past winners owe; the same as XLSX with totals.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFirstSheet, XLSX_MIME } from '../../lib/xlsx';
import { Client, createTestApp, query, type TestApp } from '../../../test/harness';
import {
  batchUrl,
  deskWorld,
  filed,
  filedMany,
  newCampaign,
  recommend,
  uploadScan,
  type DeskWorld,
} from '../../../test/fixtures/desk';

let t: TestApp;
let w: DeskWorld;
let campaignId: string;
let signedOffAt: string;
let inactiveUnit: string;
/** 附件4 reports owed before this file added any awards (the demo seeds a few). */
const owedBefore: Record<string, number> = {};

async function owed(unitId: string) {
  const [row] = await query<{ n: number }>(
    t,
    `select count(*)::int as n from awards where recommender_unit_id = '${unitId}' and year in (2019, 2020)`,
  );
  return row!.n;
}

interface Row {
  unitId: string;
  unitName: string;
  [k: string]: unknown;
}

async function award(year: number, unitId: string, n: number) {
  const [row] = await query<{ id: string }>(
    t,
    `insert into awards (year, solution_name, enterprise_name, uscc, category, recommender_name,
       recommender_unit_id, source, created_at)
     values (${year}, '往届方案${n}', '往届企业', '${w.bjUscc}', '基础共性工业APP', '推荐单位',
       '${unitId}', 'imported', now()) returning id`,
  );
  return row!.id;
}

async function report(awardId: string, campaign: string, state: string) {
  await query(
    t,
    `insert into follow_up_reports (campaign_id, award_id, enterprise_id, state, data, created_at, updated_at)
     select '${campaign}', '${awardId}', id, '${state}', '{}', now(), now() from enterprises where uscc = '${w.bjUscc}'`,
  );
}

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7500);
  campaignId = (await newCampaign(w.org)).id;
  const other = (await newCampaign(w.org)).id;

  // 北京市: recommended, pending, returned; a draft and another campaign's do not count
  const [a, , r] = await filedMany(w.bjEnterprise, campaignId, w.bjUscc, ['甲', '乙', '丙']);
  await recommend(w.beijing, a!, 1);
  await w.beijing.post(`/api/v1/applications/${r}/return`, { comment: '请补充材料' });
  await w.bjEnterprise.post('/api/v1/applications', { campaignId });
  await filedMany(w.bjEnterprise, other, w.bjUscc, ['别的活动']);

  // 上海市: one recommended and signed off
  const s = await filed(w.shEnterprise, campaignId, {
    uscc: w.shUscc,
    name: '沪方案',
    region: '310100',
  });
  await recommend(w.shanghai, s, 1);
  await uploadScan(w.shanghai, campaignId, w.shanghaiUnit);
  const signed = await w.shanghai.post(`${batchUrl(campaignId, w.shanghaiUnit)}/sign-off`, {});
  expect(signed.status).toBe(200);
  signedOffAt = signed.body.signedOffAt;
  // its paper 申报书 and its stamped 附件3 arrive
  const code = (await w.org.get(`/api/v1/applications/${s}`)).body.versions[0].verificationCode;
  const paper = `/api/v1/campaigns/${campaignId}/paper-receipts`;
  expect((await w.org.post(paper, { kind: 'application', code })).status).toBe(201);
  const table = { kind: 'summary_table', unitId: w.shanghaiUnit };
  expect((await w.org.post(paper, table)).status).toBe(201);

  // 附件4: the campaign's follow-up years are 2019 and 2020
  const casic = (await w.org.get('/api/v1/recommender-units')).body.items.find(
    (u: { name: string }) => u.name === '中国航天科工集团有限公司',
  ).id;
  for (const unit of [w.beijingUnit, w.shanghaiUnit, casic]) owedBefore[unit] = await owed(unit);
  const [b1, b2, b3] = [
    await award(2019, w.beijingUnit, 1),
    await award(2019, w.beijingUnit, 2),
    await award(2020, w.beijingUnit, 3),
  ];
  await award(2018, w.beijingUnit, 4); // too old to report
  await report(b1, campaignId, 'submitted');
  await report(b2, campaignId, 'draft');
  await report(b3, other, 'submitted'); // filed for the other campaign
  await report(await award(2020, w.shanghaiUnit, 5), campaignId, 'submitted');

  inactiveUnit = (
    await w.org.post('/api/v1/recommender-units', { name: '已停用的协会', type: 'association' })
  ).body.id;
  await w.org.patch(`/api/v1/recommender-units/${inactiveUnit}`, { active: false });
});
afterAll(() => t.close());

const url = () => `/api/v1/campaigns/${campaignId}/progress`;

describe('recommender progress', () => {
  test('one row per active unit, with the counts', async () => {
    const res = await w.org.get(url());
    expect(res.status).toBe(200);
    const items = res.body.items as Row[];
    const [active] = await query<{ n: number }>(
      t,
      'select count(*)::int as n from recommender_units where active',
    );
    expect(items).toHaveLength(active!.n);
    expect(items.map((i) => i.unitId)).not.toContain(inactiveUnit);
    const byId = (id: string) => items.find((i) => i.unitId === id);
    expect(byId(w.beijingUnit)).toEqual({
      unitId: w.beijingUnit,
      unitName: '北京市',
      unitType: 'province',
      received: 3,
      pending: 1,
      recommended: 1,
      quota: 10,
      batchId: null,
      batchState: 'open',
      signedOffAt: null,
      followUpsExpected: owedBefore[w.beijingUnit]! + 3,
      followUpsSubmitted: 1,
      forwarded: 0,
      paperReceived: 0,
      summaryTableReceivedOn: null,
    });
    expect(byId(w.shanghaiUnit)).toMatchObject({
      unitName: '上海市',
      received: 1,
      pending: 0,
      recommended: 1,
      batchId: expect.any(String),
      batchState: 'signed_off',
      signedOffAt,
      followUpsExpected: owedBefore[w.shanghaiUnit]! + 1,
      followUpsSubmitted: 1,
      forwarded: 1,
      paperReceived: 1,
      summaryTableReceivedOn: '2026-11-01',
    });
    const casic = items.find((i) => i.unitName === '中国航天科工集团有限公司')!;
    expect(casic).toMatchObject({
      unitType: 'central_enterprise',
      received: 0,
      pending: 0,
      recommended: 0,
      quota: 5,
      batchState: 'open',
      followUpsExpected: owedBefore[casic.unitId]!,
      followUpsSubmitted: 0,
    });
  });

  test('an application in review (or found ineligible) still counts as recommended and forwarded', async () => {
    const before = ((await w.org.get(url())).body.items as Row[]).find(
      (i) => i.unitId === w.shanghaiUnit,
    )!;
    await query(
      t,
      `update applications set state = 'under_review' where campaign_id = '${campaignId}'
         and channel_unit_id = '${w.shanghaiUnit}' and state = 'forwarded'`,
    );
    try {
      const after = ((await w.org.get(url())).body.items as Row[]).find(
        (i) => i.unitId === w.shanghaiUnit,
      )!;
      expect(after.recommended).toBe(before.recommended);
      expect(after.forwarded).toBe(before.forwarded);
    } finally {
      await query(
        t,
        `update applications set state = 'forwarded' where campaign_id = '${campaignId}'
           and channel_unit_id = '${w.shanghaiUnit}' and state = 'under_review'`,
      );
    }
  });

  test('as XLSX: a Chinese header, a row per unit and the totals', async () => {
    const res = await w.org.get(`${url()}.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const sheet = await readFirstSheet(res.raw.rawPayload);
    expect(sheet[0]!.cells[0]).toMatch(/推荐单位进度$/);
    expect(sheet[1]!.cells[0]).toMatch(/^导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/);
    const rows = sheet.slice(2);
    const json = (await w.org.get(url())).body.items as Row[];
    expect(rows[0]!.cells).toEqual([
      '推荐单位',
      '单位类型',
      '已收到申报',
      '待审核',
      '已推荐',
      '推荐数量上限',
      '报送状态',
      '确认报送时间',
      '附件4应报',
      '附件4已报',
      '已报送主管部门',
      '纸质申报书已收',
      '附件3纸质件',
    ]);
    expect(rows).toHaveLength(json.length + 2);
    expect(rows.find((r) => r.cells[0] === '北京市')!.cells).toEqual([
      '北京市',
      '省级工业和信息化主管部门',
      '3',
      '1',
      '1',
      '10',
      '未确认报送',
      '',
      String(owedBefore[w.beijingUnit]! + 3),
      '1',
      '0',
      '0',
      '未收到',
    ]);
    expect(rows.find((r) => r.cells[0] === '上海市')!.cells.slice(6, 8)).toEqual([
      '已确认报送',
      '2026-11-01 09:00',
    ]);
    expect(rows.find((r) => r.cells[0] === '上海市')!.cells.slice(10)).toEqual([
      '1',
      '1',
      '2026-11-01',
    ]);
    const sum = (key: string) => String(json.reduce((s, i) => s + (i[key] as number), 0));
    expect(rows.at(-1)!.cells).toEqual([
      '合计',
      '',
      '4',
      '1',
      '2',
      sum('quota'),
      '',
      '',
      sum('followUpsExpected'),
      '2',
      '1',
      '1',
      '',
    ]);
    expect(Number(sum('followUpsExpected'))).toBeGreaterThanOrEqual(4);
  });

  test('is the organizer’s alone', async () => {
    for (const path of [url(), `${url()}.xlsx`]) {
      for (const who of [w.beijing, w.shanghai, w.bjEnterprise])
        expect((await who.get(path)).status, path).toBe(403);
      expect((await new Client(t.app).get(path)).status).toBe(401);
    }
    expect((await w.org.get(`/api/v1/campaigns/${crypto.randomUUID()}/progress`)).status).toBe(404);
  });
});
