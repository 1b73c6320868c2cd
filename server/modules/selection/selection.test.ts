// 遴选决定 (issue 14) through the API: a round's ranking against targets per category, 按排名预选
// of the undecided, decisions with reasons (changed, audited), the 评审会 minutes, the freeze and
// everything refused after it; organizers only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SelectionView } from '../../../domain/api/selection';
import { PDF, postFile } from '../../../test/fixtures/applications';
import { makePng } from '../../../test/fixtures/files';
import { forwardedWorld, type ForwardedWorld } from '../../../test/fixtures/review';
import { putUnderReview } from '../../../test/fixtures/review-assignments';
import {
  insertScoringExperts,
  insertScoringRound,
  insertSubmittedReviews,
  SCORING_EXPERT_PASSWORD,
  type SeededExpert,
  type SeededRound,
} from '../../../test/fixtures/review-scoring';
import {
  Client,
  createTestApp,
  query,
  signedIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let w: ForwardedWorld;
let e: SeededExpert[];
let round: SeededRound;
/** b0 secure_reliable, b1 basic_common, b2 industry_general, s0, s1, s2 the same */
let A: Record<'b0' | 'b1' | 'b2' | 's0' | 's1' | 's2', string>;
let url: string;

/** Scores on the 2021 rubric (20 25 20 20 15) adding up to `total`. */
const scoresFor = (total: number) => {
  const f = total / 100;
  const s = { scenario: 20 * f, industry_value: 25 * f, technology: 20 * f, deployment: 20 * f };
  const round2 = (x: number) => Math.round(x * 2) / 2;
  const out = {
    scenario: round2(s.scenario),
    industry_value: round2(s.industry_value),
    technology: round2(s.technology),
    deployment: round2(s.deployment),
    promotion: 0,
  };
  out.promotion = total - out.scenario - out.industry_value - out.technology - out.deployment;
  return out;
};

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  w = await forwardedWorld(t, 9510, 3);
  const [b0, b1, b2] = w.bjForwarded as [string, string, string];
  const [s0, s1, s2] = w.shForwarded as [string, string, string];
  A = { b0, b1, b2, s0, s1, s2 };
  await putUnderReview(t, Object.values(A));
  e = await insertScoringExperts(t, [
    { login: 'sel-e1', name: '甲专家', employerName: '中国信息通信研究院' },
    { login: 'sel-e2', name: '乙专家', employerName: '中国电子技术标准化研究院' },
    { login: 'sel-e3', name: '丙专家', employerName: '清华大学' },
  ]);
  const apps = Object.values(A);
  round = await insertScoringRound(t, {
    campaignId: w.campaignId,
    createdBy: await userIdOf(t, 'organizer'),
    panels: [
      {
        name: '第一组',
        pairs: apps.flatMap((a) => e.map((x) => ({ applicationId: a, expertId: x.id }))),
      },
    ],
  });
  // s1 has no submitted review: 按排名预选 leaves it to the organizer
  const totals: [string, number[]][] = [
    [A.b0, [80, 82, 78]],
    [A.s0, [70, 72, 68]],
    [A.b1, [60, 62, 58]],
    [A.b2, [75, 77, 73]],
    [A.s2, [85, 87, 83]],
  ];
  await insertSubmittedReviews(
    t,
    totals.flatMap(([app, ts]) =>
      ts.map((total, i) => ({
        assignmentId: round.assignment(app, e[i]!.id),
        roundId: round.roundId,
        applicationId: app,
        expertId: e[i]!.id,
        scores: scoresFor(total),
        recommendation: 'recommend',
        comment: '评审意见',
      })),
    ),
  );
  url = `/api/v1/campaigns/${w.campaignId}/selection`;
});
afterAll(() => t.close());

const view = async (): Promise<SelectionView> => {
  const res = await w.org.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const rowOf = (v: SelectionView, id: string) => v.rows.find((r) => r.applicationId === id)!;
const TARGETS = { secure_reliable: 1, basic_common: 1, industry_general: 1 };

describe('before it starts', () => {
  test('the rows are ranked within their category; nothing can be decided yet', async () => {
    const v = await view();
    expect(v).toMatchObject({ state: null, revision: 0, round: null });
    expect(v.problems).toEqual(['请先选择评审轮次并设置各类别名额']);
    expect(v.rounds).toEqual([{ id: round.roundId, name: '第一轮专家评审', state: 'published' }]);
    expect(v.rows).toHaveLength(6);
    expect(rowOf(v, A.b0)).toMatchObject({
      place: 1,
      categoryName: '安全可靠工业APP',
      decision: null,
    });
    expect(rowOf(v, A.s0).place).toBe(2);
    expect(rowOf(v, A.s1)).toMatchObject({ place: null, submitted: 0, needed: 3 });
    expect(rowOf(v, A.s2).place).toBe(1);
    // scores shown as 评审结果 shows them: two decimals
    for (const r of v.rows)
      for (const x of [r.normalisedMean, r.mean, r.trimmedMean])
        if (x !== null) expect(Math.abs(x * 100 - Math.round(x * 100))).toBeLessThan(1e-9);
    const res = await w.org.request('PUT', `${url}/decisions/${A.b0}`, {
      decision: 'selected',
      reason: '评审排名第一',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('请先选择评审轮次并设置各类别名额');
  });

  test('the settings refuse a category not of the campaign, a round not published, a stale revision', async () => {
    const unknown = await w.org.request('PUT', url, {
      baseRevision: 0,
      roundId: round.roundId,
      targets: { ...TARGETS, no_such: 2 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('不是本活动的申报类别：no_such');
    const draft = await insertScoringRound(t, {
      campaignId: w.campaignId,
      createdBy: await userIdOf(t, 'organizer'),
      name: '未发布的轮次',
      state: 'draft',
      panels: [{ name: '组', pairs: [] }],
    });
    const unpublished = await w.org.request('PUT', url, {
      baseRevision: 0,
      roundId: draft.roundId,
      targets: TARGETS,
    });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.message).toBe('请选择本活动已发布分配的评审轮次');
    expect((await view()).state).toBeNull();

    const saved = await w.org.request('PUT', url, {
      baseRevision: 0,
      roundId: round.roundId,
      targets: TARGETS,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ state: 'open', revision: 1, round: { id: round.roundId } });
    expect(
      saved.body.categories.find((c: { code: string }) => c.code === 'enterprise_specific'),
    ).toMatchObject({ target: 0 });
    // someone else's start meanwhile: the second start is stale
    const again = await w.org.request('PUT', url, {
      baseRevision: 0,
      roundId: round.roundId,
      targets: TARGETS,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });
});

describe('deciding', () => {
  test('按排名预选 fills the undecided by place and target, with the reasons; no review: left', async () => {
    const stale = await w.org.post(`${url}/preselect`, { baseRevision: 99 });
    expect(stale.status).toBe(409);
    const res = await w.org.post(`${url}/preselect`, { baseRevision: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ selected: 3, notSelected: 2, undecided: 1 });
    const v: SelectionView = res.body.selection;
    expect(rowOf(v, A.b0)).toMatchObject({
      decision: 'selected',
      reason: '按评审排名预选：安全可靠工业APP第1名，名额1个',
      decidedBy: '演示主管部门',
    });
    expect(rowOf(v, A.s0)).toMatchObject({
      decision: 'not_selected',
      reason: '按评审排名预选：安全可靠工业APP第2名，超出名额1个',
    });
    expect(rowOf(v, A.s2).decision).toBe('selected');
    expect(rowOf(v, A.b2).decision).toBe('not_selected');
    expect(rowOf(v, A.s1).decision).toBeNull();
    expect(v.problems).toEqual(['还有1个项目未作入选决定', '尚未上传评审会纪要']);
  });

  test('one by one, with a reason of 4 字; a decision changes, each change audited', async () => {
    const short = await w.org.request('PUT', `${url}/decisions/${A.s1}`, {
      decision: 'selected',
      reason: '好',
    });
    expect(short.status).toBe(400);
    const s1 = await w.org.request('PUT', `${url}/decisions/${A.s1}`, {
      decision: 'selected',
      reason: '专家现场复核后一致同意入选',
    });
    expect(s1.status, JSON.stringify(s1.body)).toBe(200);
    expect(s1.body).toMatchObject({ applicationId: A.s1, decision: 'selected' });
    const b1 = await w.org.request('PUT', `${url}/decisions/${A.b1}`, {
      decision: 'not_selected',
      reason: '评审会讨论认为推广价值不足',
    });
    expect(b1.status).toBe(200);
    const v = await view();
    expect(v.categories.find((c) => c.code === 'basic_common')).toMatchObject({
      target: 1,
      applications: 2,
      selected: 1,
      notSelected: 1,
    });
    const audit = await query<{ before: unknown; after: unknown }>(
      t,
      `select summary->'before' as before, summary->'after' as after from audit_log
       where action = 'selection.decide' and target_id = '${A.b1}'`,
    );
    expect(audit).toEqual([
      {
        before: { decision: 'selected', reason: '按评审排名预选：基础共性工业APP第1名，名额1个' },
        after: { decision: 'not_selected', reason: '评审会讨论认为推广价值不足' },
      },
    ]);
    // 按排名预选 again overwrites nothing
    const again = await w.org.post(`${url}/preselect`, { baseRevision: v.revision });
    expect(again.body).toMatchObject({ selected: 0, notSelected: 0, undecided: 0 });
    expect(rowOf(again.body.selection, A.b1).decision).toBe('not_selected');
  });

  test('only an application of this call under review can be decided', async () => {
    const notForwarded = await w.org.request('PUT', `${url}/decisions/${w.bjNotForwarded}`, {
      decision: 'selected',
      reason: '不应能够入选',
    });
    expect(notForwarded.status).toBe(409);
    expect(notForwarded.body.error.message).toBe('该项目不在专家评审中，不能作遴选决定');
    const unknown = await w.org.request(
      'PUT',
      `${url}/decisions/00000000-0000-4000-8000-000000000000`,
      { decision: 'selected', reason: '不存在的项目' },
    );
    expect(unknown.status).toBe(404);
  });
});

describe('the minutes and the freeze', () => {
  test('the freeze waits for the minutes; the minutes are a PDF by content', async () => {
    const v = await view();
    const notYet = await w.org.post(`/api/v1/campaigns/${w.campaignId}/public-notice`, {
      opensOn: '2026-11-02',
      contact: '信息技术发展司，电话010-68208206',
    });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.message).toBe('请先冻结遴选结果，再开启公示');
    const early = await w.org.post(`${url}/freeze`, { baseRevision: v.revision });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('还不能冻结：尚未上传评审会纪要');
    const png = await postFile(w.org, `${url}/minutes`, '纪要.pdf', makePng());
    expect(png.status).toBe(400);
    expect(png.body.error.code).toBe('FILE_REJECTED');
    expect((await view()).minutes).toBeNull();
    const pdf = await postFile(w.org, `${url}/minutes`, '评审会纪要.pdf', PDF);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(200);
    expect(pdf.body.minutes).toMatchObject({ filename: '评审会纪要.pdf', size: PDF.length });
    expect(pdf.body.problems).toEqual([]);
    const got = await w.org.get(`${url}/minutes`);
    expect(got.status).toBe(200);
    expect(got.raw.rawPayload.equals(PDF)).toBe(true);
  });

  test('frozen over the revision seen; then nothing changes, audited once', async () => {
    const v = await view();
    const stale = await w.org.post(`${url}/freeze`, { baseRevision: v.revision - 1 });
    expect(stale.status).toBe(409);
    const res = await w.org.post(`${url}/freeze`, { baseRevision: v.revision });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'frozen', frozenBy: '演示主管部门', problems: [] });
    const after: SelectionView = res.body;
    const refusals = [
      w.org.request('PUT', `${url}/decisions/${A.b0}`, {
        decision: 'not_selected',
        reason: '冻结之后再改',
      }),
      w.org.request('PUT', url, {
        baseRevision: after.revision,
        roundId: round.roundId,
        targets: TARGETS,
      }),
      w.org.post(`${url}/preselect`, { baseRevision: after.revision }),
      postFile(w.org, `${url}/minutes`, '新纪要.pdf', PDF),
      w.org.post(`${url}/freeze`, { baseRevision: after.revision }),
    ];
    for (const r of await Promise.all(refusals)) {
      expect(r.status).toBe(409);
      expect(r.body.error.message).toBe('遴选结果已冻结，不能再修改');
    }
    expect((await view()).rows).toEqual(after.rows);
    const audit = await query<{ action: string; after: Record<string, unknown> }>(
      t,
      `select action, summary->'after' as after from audit_log where action = 'selection.freeze'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ state: 'frozen', selected: 3, notSelected: 3 });
  });
});

describe('公示', () => {
  const noticeUrl = () => `/api/v1/campaigns/${w.campaignId}/public-notice`;
  const CONTACT = '工业和信息化部信息技术发展司，电话：010-68208206';

  test('the period in working days: across 国庆 2026 with its 调休 Saturday; a year without its notice refused', async () => {
    const p = await w.org.get(`${noticeUrl()}/period?opensOn=2026-09-30&workingDays=5`);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body).toMatchObject({
      from: '2026-09-30',
      to: '2026-10-12',
      calendarDays: 13,
      text: '2026年9月30日至2026年10月12日（5个工作日）',
      closesAt: '2026-10-12T23:59:59.999+08:00',
    });
    expect(p.body.daysOff).toContain('2026-10-07');
    expect(p.body.daysOff).not.toContain('2026-10-10');
    const later = await w.org.get(`${noticeUrl()}/period?opensOn=2027-01-04&workingDays=5`);
    expect(later.status).toBe(400);
    expect(later.body.error.message).toContain('尚未录入2027年的节假日安排');
  });

  test('refused: a day already past, no way to object; nothing moves', async () => {
    const past = await w.org.post(noticeUrl(), { opensOn: '2026-10-30', contact: CONTACT });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe('公示开始日期不能早于今天');
    const noContact = await w.org.post(noticeUrl(), { opensOn: '2026-11-02', contact: '电话' });
    expect(noContact.status).toBe(400);
    expect((await w.org.get(noticeUrl())).status).toBe(404);
    const [row] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from applications where campaign_id = '${w.campaignId}' and state = 'under_review'`,
    );
    expect(row!.n).toBe(6);
  });

  test('opened: the selected to 公示中, the rest to 未入选, each audited; the public sees the list only', async () => {
    // opened on a Sunday: the period starts on Monday
    const apps6 = [A.b0, A.b1, A.b2, A.s0, A.s1, A.s2];
    expect((await view()).rows).toHaveLength(6);
    const res = await w.org.post(noticeUrl(), { opensOn: '2026-11-01', contact: CONTACT });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ inNotice: 3, notSelected: 3, undecided: 0 });
    expect(res.body.notice.period).toMatchObject({ from: '2026-11-02', to: '2026-11-06' });
    const states = await query<{ id: string; state: string }>(
      t,
      `select id, state from applications where campaign_id = '${w.campaignId}' and id <> '${w.bjNotForwarded}'`,
    );
    const stateOf = Object.fromEntries(states.map((r) => [r.id, r.state]));
    expect([A.b0, A.s2, A.s1].map((id) => stateOf[id])).toEqual([
      'in_public_notice',
      'in_public_notice',
      'in_public_notice',
    ]);
    expect([A.s0, A.b2, A.b1].map((id) => stateOf[id])).toEqual([
      'not_selected',
      'not_selected',
      'not_selected',
    ]);
    const audit = await query<{ action: string; n: number }>(
      t,
      `select action, count(*)::int as n from audit_log
       where action in ('application.public_notice', 'application.not_selected', 'public_notice.open')
       group by action order by action`,
    );
    expect(audit).toEqual([
      { action: 'application.not_selected', n: 3 },
      { action: 'application.public_notice', n: 3 },
      { action: 'public_notice.open', n: 1 },
    ]);
    // each enterprise and its recommender told, in the opening's transaction
    const told = await query<{ login: string; subject: string; body: string }>(
      t,
      `select u.login, n.subject, n.body from notifications n join users u on u.id = n.user_id
       where n.kind = 'application.selection_result' order by n.subject`,
    );
    const [b0Name] = await query<{ solution_name: string }>(
      t,
      `select solution_name from applications where id = '${A.b0}'`,
    );
    const aboutB0 = told.filter((m) => m.subject.includes(b0Name!.solution_name));
    expect(aboutB0.map((m) => m.login).sort()).toEqual(['beijing', w.bjUscc].sort());
    expect(aboutB0[0]!.subject).toContain('遴选结果：拟入选，进入公示');
    expect(aboutB0[0]!.body).toContain('2026年11月2日至2026年11月6日（5个工作日）');
    expect(told.filter((m) => m.subject.includes('遴选结果：未入选'))).toHaveLength(6);
    expect(told).toHaveLength(12);
    // the 遴选决定 page keeps its record: all six with their decisions, now past review
    const after = await view();
    expect(after.rows.map((r) => r.applicationId).sort()).toEqual(apps6.sort());
    expect(rowOf(after, A.b0).decision).toBe('selected');
    expect(rowOf(after, A.b1).decision).toBe('not_selected');
    expect([rowOf(after, A.b0).state, rowOf(after, A.b1).state]).toEqual([
      'in_public_notice',
      'not_selected',
    ]);
    const again = await w.org.post(noticeUrl(), { opensOn: '2026-11-02', contact: CONTACT });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('本活动已开启公示');

    // anyone, signed in or not: the three, their enterprises, categories, recommenders
    const pub = await new Client(t.app).get(noticeUrl());
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ state: 'upcoming', contact: CONTACT });
    expect(pub.body.items).toHaveLength(3);
    expect(Object.keys(pub.body.items[0]).sort()).toEqual(
      ['applicantName', 'categoryName', 'itemId', 'no', 'solutionName', 'unitName'].sort(),
    );
    const names = pub.body.items.map((i: { solutionName: string }) => i.solutionName);
    const [notShown] = await query<{ solution_name: string }>(
      t,
      `select solution_name from applications where id = '${A.s0}'`,
    );
    expect(names).not.toContain(notShown!.solution_name);
    expect(JSON.stringify(pub.body)).not.toContain('@');
    // the enterprise sees its own result
    const own = await w.bjEnterprise.get(`/api/v1/applications/${A.b0}`);
    expect(own.body.application.state).toBe('in_public_notice');
    const out = await w.bjEnterprise.get(`/api/v1/applications/${A.b1}`);
    expect(out.body.application.state).toBe('not_selected');
  });

  test('the public page says whether the period has begun or ended, by the Beijing clock', async () => {
    const anon = new Client(t.app);
    const before = t.clock.now().toISOString();
    try {
      t.clock.set('2026-11-04T10:00:00+08:00');
      expect((await anon.get(noticeUrl())).body.state).toBe('open');
      t.clock.set('2026-11-06T23:59:59+08:00');
      expect((await anon.get(noticeUrl())).body.state).toBe('open');
      t.clock.set('2026-11-07T00:00:00+08:00');
      expect((await anon.get(noticeUrl())).body.state).toBe('closed');
    } finally {
      t.clock.set(before);
    }
  });
});

test('enterprises, recommenders and experts neither read nor change it', async () => {
  const expert = await signedIn(t.app, e[0]!.login, SCORING_EXPERT_PASSWORD, '10.95.1.1');
  for (const c of [w.bjEnterprise, w.beijing, w.shanghai, expert]) {
    const calls = [
      c.get(url),
      c.request('PUT', url, { baseRevision: 0, roundId: round.roundId, targets: TARGETS }),
      c.post(`${url}/preselect`, { baseRevision: 1 }),
      c.request('PUT', `${url}/decisions/${A.b0}`, {
        decision: 'selected',
        reason: '越权决定入选',
      }),
      c.get(`${url}/minutes`),
      c.post(`${url}/freeze`, { baseRevision: 1 }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('按评审排名');
    }
  }
  expect((await new Client(t.app).get(url)).status).toBe(401);
});
