// 专家评分 through the API: what an expert sees (only their own published assignments, no identity
// in an anonymous round), autosave over a version, submit and its lock, the organizer's reopening,
// the deadline; and who else may call these routes (nobody sees a reviewer's name or score).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { forwardedWorld, type ForwardedWorld } from '../../../test/fixtures/review';
import {
  insertScoringExperts,
  insertScoringRound,
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
let e: SeededExpert[]; // e[0] 张评审 … e[3]; e[4] has no assignment
let x: Client[]; // their clients
let r1: SeededRound; // named round
let r2: SeededRound; // 匿名评审
let bjName: string; // the 北京 applicant's name as filed

const COMMENT =
  '该方案面向高炉炼铁的实际需求，依托工业互联网平台实现炉况诊断，部署应用情况较好，具有一定的推广价值，建议进一步完善知识产权材料。';
const FULL = { scenario: 16, industry_value: 20.5, technology: 15, deployment: 18, promotion: 12 };
const url = (id: string) => `/api/v1/my/reviews/${id}`;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  w = await forwardedWorld(t, 9400, 3);
  e = await insertScoringExperts(t, [
    { login: 'scoring-e1', name: '张评审', employerName: '中国信息通信研究院' },
    { login: 'scoring-e2', name: '李评审', employerName: '中国电子技术标准化研究院' },
    { login: 'scoring-e3', name: '王评审', employerName: '清华大学' },
    { login: 'scoring-e4', name: '赵评审', employerName: '北京航空航天大学' },
    { login: 'scoring-e5', name: '钱评审', employerName: '浙江大学' },
  ]);
  x = [];
  for (const [i, s] of e.entries())
    x.push(await signedIn(t.app, s.login, SCORING_EXPERT_PASSWORD, `10.94.0.${i + 1}`));
  const organizer = await userIdOf(t, 'organizer');
  const [b0, b1, b2] = w.bjForwarded as [string, string, string];
  const [s0, s1, s2] = w.shForwarded as [string, string, string];
  r1 = await insertScoringRound(t, {
    campaignId: w.campaignId,
    createdBy: organizer,
    name: '第一轮专家评审',
    panels: [
      {
        name: '第一组',
        pairs: [
          { applicationId: b0, expertId: e[0]!.id },
          { applicationId: b0, expertId: e[1]!.id },
          { applicationId: b1, expertId: e[0]!.id },
          { applicationId: b1, expertId: e[2]!.id },
          { applicationId: s0, expertId: e[1]!.id },
          { applicationId: s0, expertId: e[2]!.id },
          { applicationId: s1, expertId: e[3]!.id },
          { applicationId: b2, expertId: e[0]!.id, state: 'declined' },
          { applicationId: s2, expertId: e[0]!.id, state: 'removed' },
        ],
      },
    ],
  });
  r2 = await insertScoringRound(t, {
    campaignId: w.campaignId,
    createdBy: organizer,
    name: '匿名复评',
    anonymous: true,
    panels: [{ name: '复评组', pairs: [{ applicationId: b0, expertId: e[3]!.id }] }],
  });
  // a round not yet published: its pairs are only proposed
  await insertScoringRound(t, {
    campaignId: w.campaignId,
    createdBy: organizer,
    name: '未发布的轮次',
    state: 'draft',
    panels: [{ name: '草稿组', pairs: [{ applicationId: b1, expertId: e[3]!.id }] }],
  });
  const [row] = await query<{ name: string }>(
    t,
    `select facts->>'applicantName' as name from applications where id = '${b0}'`,
  );
  bjName = row!.name;
});
afterAll(() => t?.close());

describe('the expert’s list', () => {
  test('only their own published assignments, with state, deadline and applicant', async () => {
    const res = await x[0]!.get('/api/v1/my/reviews');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.assignmentId).sort()).toEqual(
      [
        r1.assignment(w.bjForwarded[0]!, e[0]!.id),
        r1.assignment(w.bjForwarded[1]!, e[0]!.id),
      ].sort(),
    );
    expect(res.body.items[0]).toMatchObject({
      roundName: '第一轮专家评审',
      panelName: '第一组',
      anonymous: false,
      closed: false,
      state: 'not_started',
      total: null,
      deadline: '2026-11-30T16:00:00.000Z',
      applicantName: bjName,
    });
    // an expert account without an experts row, another expert with nothing assigned: empty lists
    expect((await (await signedIn(t.app, 'expert')).get('/api/v1/my/reviews')).body.items).toEqual(
      [],
    );
    expect((await x[4]!.get('/api/v1/my/reviews')).body.items).toEqual([]);
  });

  test('an anonymous round names no applicant; a proposed pair is not listed', async () => {
    const items = (await x[3]!.get('/api/v1/my/reviews')).body.items;
    expect(items.map((i: any) => i.roundName).sort()).toEqual(['匿名复评', '第一轮专家评审']);
    const anonymous = items.find((i: any) => i.anonymous);
    expect(anonymous).toMatchObject({ applicantName: null, region: '110000' });
    expect(JSON.stringify(anonymous)).not.toContain(bjName);
  });

  test('nobody but experts: 403 (401 without a session)', async () => {
    for (const c of [w.org, w.beijing, w.bjEnterprise])
      expect((await c.get('/api/v1/my/reviews')).status).toBe(403);
    expect((await new Client(t.app).get('/api/v1/my/reviews')).status).toBe(401);
  });
});

describe('one assignment', () => {
  test('the frozen version, its attachments, the rubric and the review', async () => {
    const id = r1.assignment(w.bjForwarded[0]!, e[0]!.id);
    const res = await x[0]!.get(url(id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assignment).toMatchObject({ assignmentId: id, applicantName: bjName });
    expect(res.body.application.data.applicant.name).toBe(bjName);
    expect(res.body.application.versionNo).toBe(1);
    expect(res.body.application.attachments.map((a: any) => a.filename)).toEqual([
      '软件著作权证书.pdf',
    ]);
    expect(res.body.rubric.map((c: any) => [c.code, c.maxScore])).toEqual([
      ['scenario', 20],
      ['industry_value', 25],
      ['technology', 20],
      ['deployment', 20],
      ['promotion', 15],
    ]);
    expect(res.body.commentMinChars).toBe(50);
    expect(res.body.recommendations.map((o: any) => o.label)).toEqual([
      '强烈推荐',
      '推荐',
      '不推荐',
    ]);
    expect(res.body.review).toMatchObject({ state: 'not_started', version: 0, total: 0 });
    expect(JSON.stringify(res.body)).not.toMatch(/verificationCode/);

    const file = res.body.application.attachments[0].id;
    const got = await x[0]!.get(`${url(id)}/attachments/${file}`);
    expect(got.status).toBe(200);
    expect(got.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // an attachment of another application, through this assignment: not found
    const other = (await x[0]!.get(url(r1.assignment(w.bjForwarded[1]!, e[0]!.id)))).body
      .application.attachments[0].id;
    expect((await x[0]!.get(`${url(id)}/attachments/${other}`)).status).toBe(404);
  });

  test('匿名评审: the identity facts are blank wherever the expert reads them', async () => {
    const id = r2.assignment(w.bjForwarded[0]!, e[3]!.id);
    const res = await x[3]!.get(url(id));
    expect(res.status).toBe(200);
    const applicant = res.body.application.data.applicant;
    expect(applicant).toMatchObject({
      name: '',
      uscc: '',
      contactName: '',
      phone: '',
      email: '',
      region: '110000',
    });
    expect(res.body.assignment).toMatchObject({ applicantName: null, region: '110000' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(bjName);
    expect(text).not.toContain(w.bjUscc);
    // the same application in the named round shows them
    const named = await x[0]!.get(url(r1.assignment(w.bjForwarded[0]!, e[0]!.id)));
    expect(named.body.application.data.applicant.uscc).toBe(w.bjUscc);
  });

  test('another expert’s, a proposed one, none at all: 404; own declined or withdrawn: 409', async () => {
    const mine = r1.assignment(w.bjForwarded[0]!, e[0]!.id);
    expect((await x[2]!.get(url(mine))).status).toBe(404);
    expect((await x[4]!.get(url(mine))).status).toBe(404);
    expect((await x[0]!.get(`${url(mine)}/attachments/${mine}`)).status).toBe(404);
    const proposed = (
      await query<{ id: string }>(
        t,
        `select id from review_assignments where state = 'proposed' and expert_id = '${e[3]!.id}'`,
      )
    )[0]!.id;
    expect((await x[3]!.get(url(proposed))).status).toBe(404);
    expect((await x[0]!.get(url('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    const declined = await x[0]!.get(url(r1.assignment(w.bjForwarded[2]!, e[0]!.id)));
    expect(declined.status).toBe(409);
    expect(declined.body.error.code).toBe('ASSIGNMENT_INACTIVE');
    const save = await x[0]!.request('PUT', url(r1.assignment(w.shForwarded[2]!, e[0]!.id)), {
      baseVersion: 0,
      scores: {},
      comment: '',
    });
    expect(save.body.error.code).toBe('ASSIGNMENT_INACTIVE');
    // staff never read an expert's assignment
    for (const c of [w.org, w.beijing, w.bjEnterprise])
      expect((await c.get(url(mine))).status).toBe(403);
  });
});

describe('scoring', () => {
  let id: string;
  beforeAll(() => {
    id = r1.assignment(w.bjForwarded[0]!, e[0]!.id);
  });

  test('autosave over the version edited: partial scores, a stale version is refused', async () => {
    const first = await x[0]!.request('PUT', url(id), {
      baseVersion: 0,
      scores: { scenario: 15.5 },
      comment: '初步意见',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({
      state: 'draft',
      version: 1,
      scores: { scenario: 15.5 },
      recommendation: null,
      total: 15.5, // weights = maxima: the total is the sum
    });
    expect(first.body.savedAt).toBe(t.clock.now().toISOString());
    // a second window still on version 0
    const stale = await x[0]!.request('PUT', url(id), {
      baseVersion: 0,
      scores: { scenario: 1 },
      comment: '',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'REVIEW_CONFLICT',
      details: { currentVersion: 1 },
    });
    const second = await x[0]!.request('PUT', url(id), {
      baseVersion: 1,
      scores: { scenario: 15.5, technology: 12 },
      recommendation: 'recommend',
      comment: '初步意见',
    });
    expect(second.body).toMatchObject({ version: 2, total: 27.5, recommendation: 'recommend' });
    expect(
      (await x[0]!.request('PUT', url(id), { baseVersion: 1, scores: {}, comment: '' })).body.error
        .details.currentVersion,
    ).toBe(2);
  });

  test('a score out of range, off the half-point grid or for no criterion: 400 naming it', async () => {
    const bad = async (scores: Record<string, number>, recommendation?: string) =>
      (await x[0]!.request('PUT', url(id), { baseVersion: 2, scores, comment: '', recommendation }))
        .body.error;
    expect(await bad({ industry_value: 26 })).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '“行业特点与引领作用”的分数应在0到25分之间',
      details: [{ path: 'scores.industry_value' }],
    });
    expect((await bad({ scenario: -0.5 })).message).toContain('应用场景与平台支撑');
    expect((await bad({ scenario: 10.25 })).message).toBe(
      '“应用场景与平台支撑”的分数最小单位为0.5分',
    );
    expect((await bad({ innovation: 3 })).message).toBe('评分标准中没有“innovation”这一项');
    expect((await bad({}, 'maybe')).message).toBe('没有“maybe”这一推荐意见');
    // nothing was written
    expect((await x[0]!.get(url(id))).body.review.version).toBe(2);
  });

  test('other experts and other roles cannot save or submit it', async () => {
    const body = { baseVersion: 2, scores: {}, comment: '' };
    expect((await x[1]!.request('PUT', url(id), body)).status).toBe(404);
    expect((await x[1]!.post(`${url(id)}/submit`, { baseVersion: 2 })).status).toBe(404);
    for (const c of [w.org, w.beijing, w.bjEnterprise]) {
      expect((await c.request('PUT', url(id), body)).status).toBe(403);
      expect((await c.post(`${url(id)}/submit`, { baseVersion: 2 })).status).toBe(403);
    }
  });

  test('submit needs every score, a recommendation and the comment’s 字数', async () => {
    const res = await x[0]!.post(`${url(id)}/submit`, { baseVersion: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REVIEW_INCOMPLETE');
    expect(res.body.error.details).toEqual([
      { path: 'scores.industry_value', message: '请为“行业特点与引领作用”打分' },
      { path: 'scores.deployment', message: '请为“产业化与部署应用”打分' },
      { path: 'scores.promotion', message: '请为“借鉴意义与推广价值”打分' },
      { path: 'comment', message: '评审意见至少50字（现有4字）' },
    ]);
    // nothing scored at all yet (no row): the same refusal
    const untouched = r1.assignment(w.bjForwarded[1]!, e[0]!.id);
    expect((await x[0]!.post(`${url(untouched)}/submit`, { baseVersion: 1 })).body.error.code).toBe(
      'REVIEW_INCOMPLETE',
    );
  });

  test('submitted: locked, audited; a stale version is refused first', async () => {
    const saved = await x[0]!.request('PUT', url(id), {
      baseVersion: 2,
      scores: FULL,
      recommendation: 'strong',
      comment: COMMENT,
    });
    expect(saved.body.version).toBe(3);
    expect((await x[0]!.post(`${url(id)}/submit`, { baseVersion: 2 })).body.error.code).toBe(
      'REVIEW_CONFLICT',
    );
    const done = await x[0]!.post(`${url(id)}/submit`, { baseVersion: 3 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'submitted', version: 4, total: 81.5 });
    expect(done.body.submittedAt).toBe(t.clock.now().toISOString());

    const again = await x[0]!.request('PUT', url(id), {
      baseVersion: 4,
      scores: FULL,
      comment: COMMENT,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REVIEW_SUBMITTED');
    expect((await x[0]!.post(`${url(id)}/submit`, { baseVersion: 4 })).body.error.code).toBe(
      'REVIEW_SUBMITTED',
    );
    const audit = (await w.org.get(`/api/v1/audit-events?targetId=${id}`)).body.items;
    expect(audit.map((a: any) => a.action)).toEqual(['review.submit']);
    expect(audit[0].summary.after).toMatchObject({ state: 'submitted', total: 81.5 });
    const list = (await x[0]!.get('/api/v1/my/reviews')).body.items;
    expect(list.find((i: any) => i.assignmentId === id)).toMatchObject({
      state: 'submitted',
      total: 81.5,
    });
  });

  test('the organizer reopens it with a reason: a draft again, audited, the expert told', async () => {
    const reopen = (c: Client, reason: string, round = r1.roundId) =>
      c.post(`/api/v1/review-rounds/${round}/reviews/${id}/reopen`, { reason });
    expect((await reopen(x[0]!, '请补充意见')).status).toBe(403);
    expect((await reopen(w.beijing, '请补充意见')).status).toBe(403);
    const short = await reopen(w.org, '补充');
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('至少4个字');
    expect((await reopen(w.org, '请补充意见', r2.roundId)).status).toBe(404); // another round's path

    const res = await reopen(w.org, '评审意见请补充对知识产权的判断');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: 'draft',
      reopenReason: '评审意见请补充对知识产权的判断',
    });
    const mine = (await x[0]!.get(url(id))).body.review;
    expect(mine).toMatchObject({
      state: 'draft',
      version: 5,
      submittedAt: null,
      reopenReason: '评审意见请补充对知识产权的判断',
      scores: FULL,
    });
    const audit = (await w.org.get(`/api/v1/audit-events?targetId=${id}`)).body.items;
    expect(audit.map((a: any) => a.action).sort()).toEqual(['review.reopen', 'review.submit']);
    const note = (await x[0]!.get('/api/v1/notifications?pageSize=100')).body.items.find(
      (m: any) => m.kind === 'review.reopened',
    );
    expect(note.body).toContain('评审意见请补充对知识产权的判断');
    expect(note.link).toBe(`/expert/reviews/${id}`);
    // a draft cannot be reopened
    const twice = await reopen(w.org, '再次重新开放');
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('WRONG_STATE');
    // the expert saves and submits again
    const saved = await x[0]!.request('PUT', url(id), {
      baseVersion: 5,
      scores: { ...FULL, technology: 17 },
      recommendation: 'strong',
      comment: `${COMMENT}知识产权清晰。`,
    });
    expect(saved.status).toBe(200);
    expect((await x[0]!.post(`${url(id)}/submit`, { baseVersion: 6 })).body.total).toBe(83.5);
  });

  test('after the deadline: no save, no submit, no reopening', async () => {
    const other = r1.assignment(w.bjForwarded[1]!, e[0]!.id);
    // the round's deadline moved into the past (the clock stays: sessions would expire)
    const setDeadline = (at: string) =>
      query(t, `update review_rounds set deadline = '${at}' where id = '${r1.roundId}'`);
    await setDeadline('2026-10-31T00:00:00+08:00');
    try {
      const save = await x[0]!.request('PUT', url(other), {
        baseVersion: 0,
        scores: {},
        comment: '',
      });
      expect(save.status).toBe(409);
      expect(save.body.error).toMatchObject({
        code: 'REVIEW_CLOSED',
        message: '本轮评审已于2026年10月30日 24:00（北京时间）截止，不能再保存或提交评分',
      });
      expect((await x[0]!.post(`${url(other)}/submit`, { baseVersion: 1 })).body.error.code).toBe(
        'REVIEW_CLOSED',
      );
      const reopen = await w.org.post(`/api/v1/review-rounds/${r1.roundId}/reviews/${id}/reopen`, {
        reason: '逾期后重新开放',
      });
      expect(reopen.body.error.code).toBe('REVIEW_CLOSED');
      const list = (await x[0]!.get('/api/v1/my/reviews')).body.items;
      expect(list.every((i: any) => i.closed)).toBe(true);
    } finally {
      await setDeadline('2026-12-01T00:00:00+08:00');
    }
  });

  test('what enterprises and recommenders read names no reviewer and no score', async () => {
    const app = w.bjForwarded[0]!;
    const names = e.map((s) => s.name);
    for (const c of [w.bjEnterprise, w.beijing]) {
      for (const path of [`/api/v1/applications/${app}`, `/api/v1/applications/${app}/history`]) {
        const res = await c.get(path);
        expect(res.status, path).toBe(200);
        const text = JSON.stringify(res.body);
        for (const n of [...names, ...e.map((s) => s.login), '81.5', '83.5'])
          expect(text, `${path} ${n}`).not.toContain(n);
      }
      expect((await c.get(`/api/v1/review-rounds/${r1.roundId}/results`)).status).toBe(403);
    }
  });
});
