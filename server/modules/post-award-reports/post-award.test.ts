// 年度运行监测 and 自查评估 (issue 15) through the API: an organizer opens a round (once per kind
// and year; a self-evaluation only after the list's validity has ended), the enterprise saves
// (over the version it read) and submits (complete, before the deadline), its recommender returns
// with a comment or forwards, and once every report of the unit is forwarded stamps the unit's
// summary. Another enterprise and another unit's recommender are refused; the yearly job opens the
// round once, also when its day was missed; the evaluation module reads the self-evaluation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, postFile } from '../../../test/fixtures/applications';
import { publishedWorld, type PublishedWorld } from '../../../test/fixtures/showcase';
import { query, type Client, type TestApp, createTestApp } from '../../../test/harness';
import { ExcelJS } from '../../lib/xlsx';
import { runMonitoringOpening, selfEvaluationSummary } from './index';

let t: TestApp;
let w: PublishedWorld;
let monitoringRound: string;
let bjReports: string[]; // the 北京市 enterprise's monitoring reports
let shReport: string;

// the list: published 2026-11-07, valid through 2028-11-06
const OPEN_MONITORING = '2027-03-01T09:00:00+08:00';
const MONITORING_DEADLINE = '2027-03-31T23:59:59+08:00';

function monitoringData(newCustomers = 12) {
  return {
    promotion: {
      newCustomers,
      industriesReached: ['C', '3451'],
      regionsReached: '江苏省、浙江省',
      description: '推广至长三角12家机床企业',
    },
    revenue: [{ year: 2026, amount: 120.5 }],
    versions: [{ version: 'V2.0', date: '2026-12-01', change: '支持多品牌数控系统' }],
    users: { enterpriseUsers: 40, activeUsers: 1200 },
    operation: { inOperation: 'yes', explanation: '稳定运行，持续推广' },
  };
}

const save = (c: Client, id: string, version: number, data: unknown, kind = 'monitoring-reports') =>
  c.request('PUT', `/api/v1/${kind}/${id}`, { version, data });
const submit = (c: Client, id: string, kind = 'monitoring-reports') =>
  c.post(`/api/v1/${kind}/${id}/submit`, {});
const detail = (c: Client, id: string) => c.get(`/api/v1/post-award-reports/${id}`);
const countOf = async (sqlText: string) =>
  (await query<{ n: number }>(t, `select count(*)::int as n from ${sqlText}`))[0]!.n;
const auditsOf = (action: string, id: string) =>
  query<{ actor_role: string; summary: Record<string, any> }>(
    t,
    `select actor_role, summary from audit_log where action = '${action}' and target_id = '${id}' order by id`,
  );

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 * 3 } });
  w = await publishedWorld(t, 9801);
});
afterAll(() => t?.close());

describe('年度运行监测', () => {
  test('only an organizer opens a round; it holds a draft per valid solution of the lists', async () => {
    t.clock.set(OPEN_MONITORING);
    const body = { year: 2026, deadline: MONITORING_DEADLINE };
    const refused = await w.beijing.post('/api/v1/post-award-rounds/monitoring', body);
    expect(refused.status).toBe(403);
    const res = await w.org.post('/api/v1/post-award-rounds/monitoring', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.round).toMatchObject({ kind: 'monitoring', year: 2026, automatic: false });
    expect(res.body.reports).toBe(w.bjPublicIds.length + w.shPublicIds.length);
    monitoringRound = res.body.round.id;
    expect(await auditsOf('post_award_round.open', monitoringRound)).toHaveLength(1);
    expect(await countOf(`notifications where kind = 'post_award.opened'`)).toBeGreaterThan(0);
    const mine = await w.bjEnterprise.get('/api/v1/post-award-reports');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { publicId: string }) => i.publicId).sort()).toEqual(
      [...w.bjPublicIds].sort(),
    );
    expect(mine.body.items[0]).toMatchObject({ state: 'draft', version: 1, kind: 'monitoring' });
    bjReports = mine.body.items.map((i: { id: string }) => i.id);
    shReport = (await w.shEnterprise.get('/api/v1/post-award-reports')).body.items[0].id;
  });

  test('a second round of the same kind and year is refused', async () => {
    const res = await w.org.post('/api/v1/post-award-rounds/monitoring', {
      year: 2026,
      deadline: MONITORING_DEADLINE,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POST_AWARD_ROUND_EXISTS');
    expect(res.body.error.message).toContain('2026年度');
    expect(await countOf(`post_award_rounds where kind = 'monitoring' and year = 2026`)).toBe(1);
  });

  test('the report carries its frozen form and the years of revenue asked for', async () => {
    const res = await detail(w.bjEnterprise, bjReports[0]!);
    expect(res.status).toBe(200);
    expect(res.body.form.title).toBe('工业互联网APP优秀解决方案年度运行监测表');
    expect(res.body.rowKeys).toEqual({ revenueYears: [2026] });
    expect(res.body).toMatchObject({ canEdit: true, canReview: false });
  });

  test('another enterprise and another unit can neither read nor write it', async () => {
    expect((await detail(w.shEnterprise, bjReports[0]!)).status).toBe(403);
    expect((await detail(w.shanghai, bjReports[0]!)).status).toBe(403);
    expect((await save(w.shEnterprise, bjReports[0]!, 1, monitoringData())).status).toBe(403);
    expect((await save(w.beijing, bjReports[0]!, 1, monitoringData())).status).toBe(403);
    expect((await detail(w.beijing, bjReports[0]!)).status).toBe(200);
    expect((await detail(w.org, bjReports[0]!)).status).toBe(200);
  });

  test('saving names the version read; a stale save changes nothing', async () => {
    const id = bjReports[0]!;
    const first = await save(w.bjEnterprise, id, 1, { promotion: { newCustomers: '十二' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await save(w.bjEnterprise, id, 1, { promotion: { newCustomers: 3 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('DRAFT_CONFLICT');
    const kept = await detail(w.bjEnterprise, id);
    expect(kept.body.report.data).toMatchObject({ promotion: { newCustomers: '十二' } });
    expect(kept.body.report.version).toBe(2);
  });

  test('submitting an incomplete report is refused with every problem; nothing changes', async () => {
    const res = await submit(w.bjEnterprise, bjReports[0]!);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('POST_AWARD_INCOMPLETE');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['promotion.newCustomers', 'operation.inOperation', 'revenue']),
    );
    expect((await detail(w.bjEnterprise, bjReports[0]!)).body.report.state).toBe('draft');
  });

  test('a complete report is submitted, audited and its unit told; then it is locked', async () => {
    const id = bjReports[0]!;
    expect((await save(w.bjEnterprise, id, 2, monitoringData())).status).toBe(200);
    const res = await submit(w.bjEnterprise, id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('submitted');
    expect(await auditsOf('post_award_report.submit', id)).toMatchObject([
      { actor_role: 'enterprise', summary: { before: { state: 'draft' } } },
    ]);
    const told = await query<{ login: string }>(
      t,
      `select u.login from notifications n join users u on u.id = n.user_id
        where n.kind = 'post_award.submitted'`,
    );
    expect(told.map((r) => r.login)).toContain('beijing');
    const again = await save(w.bjEnterprise, id, 3, monitoringData(1));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WRONG_STATE');
    expect((await submit(w.bjEnterprise, id)).body.error.code).toBe('WRONG_STATE');
    // a monitoring report is not filed through the self-evaluation operations
    expect((await submit(w.bjEnterprise, id, 'self-evaluations')).status).toBe(404);
  });

  test('only its own unit returns it, with a comment; the enterprise is told and fixes it', async () => {
    const id = bjReports[0]!;
    const url = `/api/v1/post-award-reports/${id}/return`;
    expect((await w.shanghai.post(url, { comment: '请补充收入' })).status).toBe(403);
    expect((await w.org.post(url, { comment: '请补充收入' })).status).toBe(403);
    expect((await w.beijing.post(url, { comment: '' })).status).toBe(400);
    const res = await w.beijing.post(url, { comment: '请补充新增客户的说明' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('returned');
    const told = await query<{ login: string; body: string }>(
      t,
      `select u.login, n.body from notifications n join users u on u.id = n.user_id
        where n.kind = 'post_award.returned'`,
    );
    expect(told).toEqual([
      { login: w.bjUscc, body: expect.stringContaining('请补充新增客户的说明') },
    ]);
    const d = await detail(w.bjEnterprise, id);
    expect(d.body.report).toMatchObject({
      state: 'returned',
      returnComment: '请补充新增客户的说明',
    });
    expect((await save(w.bjEnterprise, id, d.body.report.version, monitoringData(15))).status).toBe(
      200,
    );
    expect((await submit(w.bjEnterprise, id)).status).toBe(200);
  });

  test('the stamp waits for every report of the unit to be forwarded', async () => {
    const stamp = (c: Client, unitId: string) =>
      postFile(
        c,
        `/api/v1/post-award-rounds/${monitoringRound}/units/${unitId}/stamped-summary`,
        '盖章汇总表.pdf',
        PDF,
      );
    const early = await stamp(w.beijing, w.beijingUnit);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('POST_AWARD_SUMMARY_NOT_READY');
    expect((await stamp(w.shanghai, w.beijingUnit)).status).toBe(403);

    const first = bjReports[0]!;
    const fwd = (c: Client, id: string, body: object = {}) =>
      c.post(`/api/v1/post-award-reports/${id}/forward`, body);
    expect((await fwd(w.shanghai, first)).status).toBe(403);
    const res = await fwd(w.beijing, first, { comment: '情况属实' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('forwarded');
    expect((await fwd(w.beijing, first)).body.error.code).toBe('WRONG_STATE');
    expect(await auditsOf('post_award_report.forward', first)).toHaveLength(1);

    for (const id of bjReports.slice(1)) {
      expect((await save(w.bjEnterprise, id, 1, monitoringData(3))).status).toBe(200);
      expect((await submit(w.bjEnterprise, id)).status).toBe(200);
      expect((await fwd(w.beijing, id)).status).toBe(200);
    }
    const stamped = await stamp(w.beijing, w.beijingUnit);
    expect(stamped.status, JSON.stringify(stamped.body)).toBe(201);
    expect(await auditsOf('post_award_summary.stamp', monitoringRound)).toHaveLength(1);
    const scan = await w.org.get(
      `/api/v1/post-award-rounds/${monitoringRound}/units/${w.beijingUnit}/stamped-summary`,
    );
    expect(scan.status).toBe(200);
    expect(
      (
        await w.shanghai.get(
          `/api/v1/post-award-rounds/${monitoringRound}/units/${w.beijingUnit}/stamped-summary`,
        )
      ).status,
    ).toBe(403);
  });

  test('the unit sees its own reports and summary; the organizer sees every unit', async () => {
    const unit = await w.beijing.get(`/api/v1/post-award-rounds/${monitoringRound}/reports`);
    expect(unit.status).toBe(200);
    expect(new Set(unit.body.items.map((i: { unitId: string }) => i.unitId))).toEqual(
      new Set([w.beijingUnit]),
    );
    expect(unit.body.summaries).toHaveLength(1);
    const all = await w.org.get(`/api/v1/post-award-rounds/${monitoringRound}/reports`);
    expect(all.body.items).toHaveLength(w.bjPublicIds.length + w.shPublicIds.length);
    const rounds = await w.org.get('/api/v1/post-award-rounds');
    expect(rounds.body.items[0].counts).toMatchObject({
      total: w.bjPublicIds.length + w.shPublicIds.length,
      forwarded: w.bjPublicIds.length,
      draft: w.shPublicIds.length,
    });
    const xlsx = await w.beijing.get(`/api/v1/post-award-rounds/${monitoringRound}/summary.xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('本年度新增客户数（家）');
    expect(text).toContain('已报送主管部门');
    expect(text).toContain('江苏省、浙江省');
    expect(text).not.toContain(w.shPublicIds[0]!);
    expect(
      (await w.bjEnterprise.get(`/api/v1/post-award-rounds/${monitoringRound}/summary.xlsx`))
        .status,
    ).toBe(403);
  });

  test('the round’s figures feed 监测分析: filed reports only; a unit sees its own', async () => {
    const all = await w.org.get(`/api/v1/post-award-rounds/${monitoringRound}/statistics`);
    expect(all.status).toBe(200);
    const n = w.bjPublicIds.length;
    expect(all.body).toMatchObject({
      year: 2026,
      reports: n + w.shPublicIds.length,
      filed: n,
      newCustomers: 15 + 3 * (n - 1),
      revenue: 120.5 * n,
      inOperation: { yes: n, no: 0, share: 1 },
    });
    const unit = await w.shanghai.get(`/api/v1/post-award-rounds/${monitoringRound}/statistics`);
    expect(unit.body).toMatchObject({ reports: w.shPublicIds.length, filed: 0, revenue: 0 });
    expect(
      (await w.bjEnterprise.get(`/api/v1/post-award-rounds/${monitoringRound}/statistics`)).status,
    ).toBe(403);
  });

  test('after the deadline nothing is saved or submitted', async () => {
    t.clock.set('2027-04-01T09:00:00+08:00');
    const res = await save(w.shEnterprise, shReport, 1, monitoringData());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DEADLINE_PASSED');
    expect((await submit(w.shEnterprise, shReport)).body.error.code).toBe('DEADLINE_PASSED');
    expect((await detail(w.shEnterprise, shReport)).body.canEdit).toBe(false);
  });
});

describe('the yearly opening job', () => {
  test('opens the round of the year before once, from its day on, also when the day was missed', async () => {
    await t.deps.db.execute(
      `update campaigns set settings = settings || '{"monitoringOpensOn":"03-01","monitoringDeadlineDays":20}'::jsonb
        where id = '${w.campaignId}'` as never,
    );
    t.clock.set('2028-02-28T12:00:00+08:00');
    expect(await runMonitoringOpening(t.deps)).toEqual({ opened: null });
    // the server was down on 1 March: the first run after opens it
    t.clock.set('2028-03-04T08:00:00+08:00');
    const first = await runMonitoringOpening(t.deps);
    expect(first.opened).toEqual(expect.any(String));
    expect(await runMonitoringOpening(t.deps)).toEqual({ opened: null });
    const rows = await query<{ year: number; deadline: Date; opened_by: string | null }>(
      t,
      `select year, deadline, opened_by from post_award_rounds where kind = 'monitoring' and year = 2027`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.opened_by).toBeNull();
    expect(new Date(rows[0]!.deadline).toISOString()).toBe('2028-03-21T15:59:59.999Z');
    expect(await auditsOf('post_award_round.open', first.opened!)).toMatchObject([
      { actor_role: 'system' },
    ]);
    // an organizer's second opening of that year is refused too
    const res = await w.org.post('/api/v1/post-award-rounds/monitoring', {
      year: 2027,
      deadline: '2028-04-30T23:59:59+08:00',
    });
    expect(res.body.error.code).toBe('POST_AWARD_ROUND_EXISTS');
  });
});

describe('自查评估', () => {
  let report: string;
  const open = () =>
    w.org.post('/api/v1/post-award-rounds/self-evaluation', {
      listCampaignId: w.campaignId,
      deadline: '2028-12-31T23:59:59+08:00',
    });

  test('refused while the list is still valid, opened the day after its last valid day', async () => {
    t.clock.set('2028-11-06T20:00:00+08:00');
    const early = await open();
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('LIST_STILL_VALID');
    expect(early.body.error.message).toContain('2028-11-06');
    t.clock.set('2028-11-07T00:30:00+08:00');
    const res = await open();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.round.kind).toBe('self_evaluation');
    expect((await open()).body.error.code).toBe('POST_AWARD_ROUND_EXISTS');
    const mine = await w.bjEnterprise.get('/api/v1/post-award-reports');
    report = mine.body.items.find((i: { kind: string }) => i.kind === 'self_evaluation').id;
  });

  test('filed with evidence, forwarded, and read by the evaluation as label/value text', async () => {
    const upload = await postFile(
      w.bjEnterprise,
      `/api/v1/post-award-reports/${report}/evidence`,
      '用户证明.pdf',
      PDF,
    );
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(
      (
        await postFile(
          w.shEnterprise,
          `/api/v1/post-award-reports/${report}/evidence`,
          'x.pdf',
          PDF,
        )
      ).status,
    ).toBe(403);
    const data = {
      achievement: { promised: '两年推广50家企业', achieved: '推广62家企业，超额完成' },
      figures: [{ indicator: '应用企业数', promised: '50家', actual: '62家' }],
      evidence: { files: [upload.body.id], note: '用户证明' },
      outlook: { problems: '中小企业付费意愿低', plans: '推出订阅版' },
    };
    // a monitoring operation does not take a self-evaluation
    expect((await save(w.bjEnterprise, report, 1, data)).status).toBe(404);
    const saved = await save(w.bjEnterprise, report, 1, data, 'self-evaluations');
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const draftSummary = await selfEvaluationSummary(
      t.deps.db,
      (await detail(w.org, report)).body.report.publicId,
    );
    expect(draftSummary?.state).toBe('draft');
    expect((await submit(w.bjEnterprise, report, 'self-evaluations')).status).toBe(200);
    const fwd = await w.beijing.post(`/api/v1/post-award-reports/${report}/forward`, {});
    expect(fwd.status).toBe(200);
    const evidence = await w.beijing.get(
      `/api/v1/post-award-reports/${report}/evidence/${upload.body.id}`,
    );
    expect(evidence.status).toBe(200);
    const d = await detail(w.org, report);
    const summary = await selfEvaluationSummary(t.deps.db, d.body.report.publicId);
    expect(summary).toMatchObject({
      title: expect.stringContaining('自查评估'),
      state: 'forwarded',
      forwardedAt: expect.any(String),
    });
    expect(summary!.sections).toEqual(
      expect.arrayContaining([
        { label: '一、目标完成情况 · 实际完成情况', value: '推广62家企业，超额完成' },
        {
          label: '二、关键指标 · 关键指标',
          value: '1. 指标：应用企业数；申报值：50家；实际值：62家',
        },
        { label: '三、佐证材料 · 佐证材料', value: '用户证明.pdf' },
      ]),
    );
    expect(await selfEvaluationSummary(t.deps.db, 'NO-SUCH-ID')).toBeNull();
  });
});
