// 评审轮次与分配 (issue 13): a round over the applications under review, the solver's proposal under
// the conflict rules, pairs by hand (a broken rule needs a reason, audited), publishing, an expert's
// decline and the replacement proposed at once. Organizers only; an expert declines its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AssignmentBoard, RoundView } from '../../../domain/api/review-rounds';
import { Client, createTestApp, makeUscc, query, type TestApp } from '../../../test/harness';
import {
  addedExpert,
  assignmentWorld,
  expertClient,
  type AssignmentWorld,
  type CreatedExpert,
} from '../../../test/fixtures/review-assignments';

let t: TestApp;
let w: AssignmentWorld;
let org: Client;
/** the experts of the scenario, by the role they play */
const E = {} as Record<
  | 'bjEmployee' // employed by 北京市's applicant (and, by 字号 测试, by 上海市's too)
  | 'coApplicant' // employed by 上海市's co-applicant
  | 'declaredShanghai' // declared the unit 上海市
  | 'shanghaiBased' // in 上海: same region as 上海市's application
  | 'beijingBased' // in 北京: same region as 北京市's application
  | 'twinA' // twinA and twinB share an employer
  | 'twinB'
  | 'declaredBj' // declared 北京市's applicant (by code)
  | 'spare', // fits less (category only)
  CreatedExpert
>;
let round: RoundView;
const url = (path = '') => `/api/v1/campaigns/${w.campaignId}/review-rounds${path}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await assignmentWorld(t, 9300, {
    name: '江南联合数据科技有限公司',
    uscc: makeUscc(9350),
    role: '联合开发',
  });
  org = w.org;
  const [bj] = await query<{ name: string }>(
    t,
    `select name from enterprises where uscc = '${w.bjUscc}'`,
  );
  E.bjEmployee = await addedExpert(org, 9301, {
    employerName: bj!.name,
    employerUscc: w.bjUscc,
  });
  E.coApplicant = await addedExpert(org, 9302, {
    employerName: '江南联合数据科技有限公司',
    employerUscc: makeUscc(9350),
  });
  E.declaredShanghai = await addedExpert(org, 9303, { conflictUnitIds: [w.shanghaiUnit] });
  E.shanghaiBased = await addedExpert(org, 9304, { regionCode: '310100' });
  E.beijingBased = await addedExpert(org, 9305, { regionCode: '110100' });
  E.twinA = await addedExpert(org, 9306, { employerName: '华南理工智能研究院' });
  E.twinB = await addedExpert(org, 9307, { employerName: '华南理工智能研究院' });
  E.declaredBj = await addedExpert(org, 9308, { conflictEnterprises: [{ uscc: w.bjUscc }] });
  E.spare = await addedExpert(org, 9309, { focusAreas: [], industries: [] });
});
afterAll(() => t.close());

const board = async (): Promise<AssignmentBoard> => {
  const res = await org.get(url(`/${round.id}/assignments`));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const appOf = (b: AssignmentBoard, id: string) =>
  b.applications.find((a) => a.applicationId === id)!;
const activeExperts = (b: AssignmentBoard, id: string) =>
  appOf(b, id)
    .pairs.filter((p) => p.state === 'proposed' || p.state === 'published')
    .map((p) => p.expertId)
    .sort();
const reasonsOf = (b: AssignmentBoard, appId: string, expertId: string) =>
  appOf(b, appId).excluded.find((x) => x.expertId === expertId)?.reasons;

describe('a round', () => {
  test('created with the defaults: the campaign’s reviews per application, one panel per category with its experts', async () => {
    const res = await org.post(url(), {
      name: '第一轮专家评审',
      deadline: '2026-12-20T18:00:00+08:00',
      avoidSameRegion: true,
      reviewsPerApplication: 3,
      maxLoad: 10,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    round = res.body;
    expect(round).toMatchObject({
      state: 'draft',
      anonymous: true,
      avoidSameRegion: true,
      reviewsPerApplication: 3,
      maxLoad: 10,
      counts: { applications: 2, proposed: 0, published: 0 },
    });
    expect(round.panels.map((p) => p.categories)).toEqual([
      ['secure_reliable'],
      ['basic_common'],
      ['industry_general'],
      ['enterprise_specific'],
    ]);
    const basic = round.panels.find((p) => p.categories.includes('basic_common'))!;
    expect(basic.expertIds.sort()).toEqual(
      Object.values(E)
        .map((e) => e.id)
        .sort(),
    );
    // without reviewsPerApplication: the campaign's default (5)
    const other = await org.post(url(), {
      name: '默认轮次',
      deadline: '2026-12-20T18:00:00+08:00',
    });
    expect(other.body.reviewsPerApplication).toBe(5);
    expect((await org.get(url())).body.items).toHaveLength(2);
  });

  test('refuses panels that name another campaign’s category, a category twice, an unknown expert; a past deadline', async () => {
    const bad = await org.post(url(), {
      name: '错误的轮次',
      deadline: '2026-12-20T18:00:00+08:00',
      panels: [
        { name: 'A', categories: ['basic_common', 'nope'], expertIds: [] },
        {
          name: 'B',
          categories: ['basic_common'],
          expertIds: ['00000000-0000-4000-8000-000000000000'],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'panels.0.categories.1',
      'panels.1.categories.0',
      'panels.1.expertIds.0',
    ]);
    const past = await org.post(url(), {
      name: '过去的轮次',
      deadline: '2020-01-01T00:00:00+08:00',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('deadline');
  });
});

describe('the proposal', () => {
  test('never breaks a conflict rule: the applicant’s employee, a co-applicant’s, a declared unit or enterprise, the same region, two of one employer', async () => {
    const res = await org.post(url(`/${round.id}/propose`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.proposed).toBe(6);
    expect(res.body.shortfalls).toEqual([]);
    for (const p of res.body.pairs) expect(p.matched).toContain('类别');

    const b = await board();
    // 北京市's: not its applicant's employee, nor the one who declared it, nor a 北京 expert
    const bj = activeExperts(b, w.bjApp);
    expect(bj).toHaveLength(3);
    for (const e of [E.bjEmployee, E.beijingBased, E.declaredBj, E.spare])
      expect(bj).not.toContain(e.id);
    expect(bj.filter((id) => id === E.twinA.id || id === E.twinB.id).length).toBeLessThanOrEqual(1);
    // 上海市's: the only three it may have (fit 10), of the twins one
    const sh = activeExperts(b, w.shApp);
    expect(sh).toHaveLength(3);
    expect(sh).toContain(E.beijingBased.id);
    expect(sh).toContain(E.declaredBj.id);
    expect(sh.filter((id) => id === E.twinA.id || id === E.twinB.id)).toHaveLength(1);

    // why the others are not on them, as the organizer sees it
    expect(reasonsOf(b, w.bjApp, E.bjEmployee.id)).toEqual(['employer_is_applicant']);
    expect(reasonsOf(b, w.bjApp, E.beijingBased.id)).toEqual(['same_region']);
    expect(reasonsOf(b, w.bjApp, E.declaredBj.id)).toEqual(['declared_enterprise']);
    expect(reasonsOf(b, w.shApp, E.coApplicant.id)).toEqual(['employer_is_co_applicant']);
    expect(reasonsOf(b, w.shApp, E.declaredShanghai.id)).toEqual(['declared_unit']);
    expect(reasonsOf(b, w.shApp, E.shanghaiBased.id)).toEqual(['same_region']);
    // the enterprises' shared 字号 (测试) makes 北京市's applicant's employee 上海市's applicant's too
    expect(reasonsOf(b, w.shApp, E.bjEmployee.id)).toEqual(['employer_is_applicant']);
    const twinLeft = sh.includes(E.twinA.id) ? E.twinB.id : E.twinA.id;
    expect(reasonsOf(b, w.shApp, twinLeft)).toEqual(['same_employer_on_application']);
    expect(reasonsOf(b, w.shApp, E.spare.id)).toEqual(['lower_fit']);
    expect(appOf(b, w.shApp).shortfall).toBeNull();
    for (const p of appOf(b, w.shApp).pairs)
      expect(p).toMatchObject({ source: 'auto', state: 'proposed', fit: 10 });
  });

  test('the same round proposes the same pairs again (replacing its earlier proposal)', async () => {
    const before = await board();
    const again = await org.post(url(`/${round.id}/propose`));
    expect(again.body).toMatchObject({ proposed: 6, replaced: 6 });
    const after = await board();
    for (const id of [w.bjApp, w.shApp])
      expect(activeExperts(after, id)).toEqual(activeExperts(before, id));
  });

  test('a shortfall is explained: with 上海 not avoided by nobody left for 4 reviews', async () => {
    const detail = (await org.get(url(`/${round.id}`))).body as RoundView;
    const more = await org.patch(url(`/${round.id}`), {
      baseRevision: detail.revision,
      reviewsPerApplication: 5,
    });
    expect(more.status, JSON.stringify(more.body)).toBe(200);
    const res = await org.post(url(`/${round.id}/propose`));
    const sh = res.body.shortfalls.find(
      (s: { applicationId: string }) => s.applicationId === w.shApp,
    );
    expect(sh).toMatchObject({ missing: 1, reason: expect.stringContaining('须回避') });
    const b = await board();
    expect(appOf(b, w.shApp).shortfall).toMatchObject({
      missing: 1,
      reason: expect.stringContaining('可评审专家不足'),
    });
    // back to three
    await org.patch(url(`/${round.id}`), {
      baseRevision: more.body.revision,
      reviewsPerApplication: 3,
    });
    await org.post(url(`/${round.id}/propose`));
  });
});

describe('by hand', () => {
  test('a pair breaking a rule needs a reason of at least 4 字; it is kept on the pair and audited', async () => {
    const body = { applicationId: w.bjApp, expertId: E.bjEmployee.id };
    const refused = await org.post(url(`/${round.id}/assignments`), body);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'ASSIGNMENT_RULES_BROKEN',
      details: { rules: ['employer_is_applicant'] },
    });
    expect(refused.body.error.message).toContain('专家所在单位为申报单位');
    const short = await org.post(url(`/${round.id}/assignments`), {
      ...body,
      overrideReason: '已离',
    });
    expect(short.status).toBe(400);
    const ok = await org.post(url(`/${round.id}/assignments`), {
      ...body,
      overrideReason: '经核实该专家已于两年前离职',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      source: 'manual',
      state: 'proposed',
      overriddenRules: ['employer_is_applicant'],
      overrideReason: '经核实该专家已于两年前离职',
    });
    const [audit] = await query<{
      action: string;
      actor_role: string;
      summary: { after: unknown };
    }>(t, `select action, actor_role, summary from audit_log where target_id = '${ok.body.id}'`);
    expect(audit).toMatchObject({
      action: 'review_assignment.add',
      actor_role: 'organizer',
      summary: {
        after: {
          applicationId: w.bjApp,
          expertId: E.bjEmployee.id,
          overriddenRules: ['employer_is_applicant'],
          overrideReason: '经核实该专家已于两年前离职',
        },
      },
    });
    // the same pair twice is refused
    expect((await org.post(url(`/${round.id}/assignments`), body)).status).toBe(409);
  });

  test('a proposal keeps the pairs made by hand and fills only what they leave', async () => {
    const res = await org.post(url(`/${round.id}/propose`));
    expect(res.status).toBe(200);
    const b = await board();
    const bj = appOf(b, w.bjApp).pairs.filter((p) => p.state === 'proposed');
    expect(bj).toHaveLength(3);
    expect(bj.filter((p) => p.source === 'manual').map((p) => p.expertId)).toEqual([
      E.bjEmployee.id,
    ]);
  });

  test('a removed pair (with its reason) is not proposed again', async () => {
    const b = await board();
    const pair = appOf(b, w.bjApp).pairs.find(
      (p) => p.source === 'auto' && p.state === 'proposed',
    )!;
    const noReason = await org.patch(url(`/${round.id}/assignments/${pair.id}`), {
      state: 'removed',
    });
    expect(noReason.status).toBe(400);
    const removed = await org.patch(url(`/${round.id}/assignments/${pair.id}`), {
      state: 'removed',
      reason: '该专家近期出差无法评审',
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.state).toBe('removed');
    await org.post(url(`/${round.id}/propose`));
    const after = await board();
    expect(activeExperts(after, w.bjApp)).not.toContain(pair.expertId);
    expect(activeExperts(after, w.bjApp)).toHaveLength(3);
    expect(reasonsOf(after, w.bjApp, pair.expertId)).toEqual(['removed']);
  });
});

describe('publishing and declining', () => {
  test('publish: every proposed pair published, the round locked, each expert told', async () => {
    const res = await org.post(url(`/${round.id}/publish`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ published: 6, round: { state: 'published' } });
    const b = await board();
    for (const id of [w.bjApp, w.shApp])
      for (const p of appOf(b, id).pairs.filter((p) => p.state !== 'removed'))
        expect(p.state).toBe('published');
    const told = await query<{ n: number }>(
      t,
      `select count(distinct user_id)::int as n from notifications where kind = 'review.assigned'`,
    );
    expect(told[0]!.n).toBe(res.body.notifiedExperts);
    const patched = await org.patch(url(`/${round.id}`), {
      baseRevision: round.revision,
      name: '改名',
    });
    expect(patched.status).toBe(409);
    // nothing left to publish
    expect((await org.post(url(`/${round.id}/publish`))).status).toBe(409);
  });

  test('an expert declines its own pair with a reason; a replacement is proposed at once and the organizers are told', async () => {
    const b = await board();
    const mine = appOf(b, w.shApp).pairs.find((p) => p.expertId === E.declaredBj.id)!;
    const expert = await expertClient(t, E.declaredBj);
    const other = await expertClient(t, E.beijingBased);
    // not another's, not without a reason
    expect(
      (await other.post(`/api/v1/my/assignments/${mine.id}/decline`, { reason: '本人需要回避' }))
        .status,
    ).toBe(404);
    expect(
      (await expert.post(`/api/v1/my/assignments/${mine.id}/decline`, { reason: '否' })).status,
    ).toBe(400);
    const res = await expert.post(`/api/v1/my/assignments/${mine.id}/decline`, {
      reason: '本人曾为该企业提供咨询服务',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      id: mine.id,
      state: 'declined',
      declineReason: '本人曾为该企业提供咨询服务',
      declinedAt: expect.any(String),
    });
    // the answer names nobody else
    expect(JSON.stringify(res.body)).not.toContain(E.spare.id);
    const after = await board();
    const sh = appOf(after, w.shApp);
    expect(sh.pairs.find((p) => p.id === mine.id)).toMatchObject({
      state: 'declined',
      declineReason: '本人曾为该企业提供咨询服务',
    });
    // the only one left who may review it: the spare, proposed for the organizer to publish
    expect(sh.pairs.find((p) => p.source === 'replacement')).toMatchObject({
      expertId: E.spare.id,
      state: 'proposed',
    });
    const [told] = await query<{ body: string }>(
      t,
      `select n.body from notifications n join users u on u.id = n.user_id
       where n.kind = 'review.declined' and u.login = 'organizer'`,
    );
    expect(told!.body).toContain('本人曾为该企业提供咨询服务');
    expect(told!.body).toContain('专家9309');
    const audit = await query<{ action: string; actor_role: string }>(
      t,
      `select action, actor_role from audit_log where action in ('review_assignment.decline', 'review_assignment.replace') order by id`,
    );
    expect(audit).toEqual([
      { action: 'review_assignment.decline', actor_role: 'expert' },
      { action: 'review_assignment.replace', actor_role: 'system' },
    ]);
    // once is enough
    expect(
      (await expert.post(`/api/v1/my/assignments/${mine.id}/decline`, { reason: '再次拒绝一下' }))
        .status,
    ).toBe(409);
    // publishing again publishes the replacement and tells its expert
    const pub = await org.post(url(`/${round.id}/publish`));
    expect(pub.body).toMatchObject({ published: 1, notifiedExperts: 1 });
  });

  test('after publishing, a proposal only fills what is missing', async () => {
    const b = await board();
    const published = appOf(b, w.bjApp).pairs.find(
      (p) => p.state === 'published' && p.source === 'auto',
    )!;
    await org.patch(url(`/${round.id}/assignments/${published.id}`), {
      state: 'removed',
      reason: '专家身体原因无法参加',
    });
    const res = await org.post(url(`/${round.id}/propose`));
    expect(res.body).toMatchObject({ proposed: 1, replaced: 0, shortfalls: [] });
    expect(res.body.pairs).toMatchObject([
      { applicationId: w.bjApp, state: 'proposed', source: 'auto' },
    ]);
    expect(res.body.pairs[0].expertId).not.toBe(published.expertId);
    const after = await board();
    for (const p of appOf(b, w.shApp).pairs)
      expect(appOf(after, w.shApp).pairs.find((x) => x.id === p.id)!.state).toBe(p.state);
  });

  test('publish leaves the pairs of an application no longer under review proposed, and says so', async () => {
    // the proposal of the test before: one pair for 北京市's application, waiting to be published
    const proposed = appOf(await board(), w.bjApp).pairs.filter((p) => p.state === 'proposed');
    expect(proposed).toHaveLength(1);
    // 形式审查 redone as 不合格 meanwhile (another module's change, written as it would leave it)
    await query(t, `update applications set state = 'ineligible' where id = '${w.bjApp}'`);
    const res = await org.post(url(`/${round.id}/publish`));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      '待发布的分配所涉项目均已不在专家评审中，请重新生成分配方案',
    );
    expect(appOf(await board(), w.bjApp).pairs.find((p) => p.id === proposed[0]!.id)!.state).toBe(
      'proposed',
    );
    await query(t, `update applications set state = 'under_review' where id = '${w.bjApp}'`);
    const ok = await org.post(url(`/${round.id}/publish`));
    expect(ok.body).toMatchObject({ published: 1, leftProposed: 0 });
  });
});

test('enterprises, recommenders and experts cannot read or change rounds and pairs; only an expert declines', async () => {
  const expert = await expertClient(t, E.twinA);
  const callers = [w.bjEnterprise, w.beijing, w.shanghai, expert];
  const b = await board();
  const pair = appOf(b, w.shApp).pairs[0]!;
  for (const c of callers) {
    const calls = [
      c.get(url()),
      c.post(url(), { name: '越权轮次', deadline: '2026-12-20T18:00:00+08:00' }),
      c.get(url(`/${round.id}`)),
      c.patch(url(`/${round.id}`), { baseRevision: 1, name: '越权' }),
      c.post(url(`/${round.id}/propose`)),
      c.get(url(`/${round.id}/assignments`)),
      c.post(url(`/${round.id}/assignments`), { applicationId: w.bjApp, expertId: E.spare.id }),
      c.patch(url(`/${round.id}/assignments/${pair.id}`), { state: 'removed', reason: '越权移除' }),
      c.post(url(`/${round.id}/publish`)),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('专家93');
    }
  }
  for (const c of [w.bjEnterprise, w.beijing, org])
    expect(
      (await c.post(`/api/v1/my/assignments/${pair.id}/decline`, { reason: '越权拒绝评审' }))
        .status,
    ).toBe(403);
  expect((await new Client(t.app).get(url())).status).toBe(401);
});
