// The recommender's decisions: only on its own unit's applications, within its quota whatever
// happens at the same time, audited, and before the deadline.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submittedApplication } from '../../../test/fixtures/applications';
import { verifiedByOrganizer } from '../../../test/fixtures/verification';
import {
  Client,
  createTestApp,
  makeUscc,
  registration,
  firstSignIn,
  signedIn,
  testDbKind,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let campaignId: string;
let beijing: Client;
let casic: Client;
const enterprises: Client[] = [];

async function enterprise(n: number) {
  const reg = registration(8000 + n);
  expect((await new Client(t.app, `10.8.${n}.1`).post('/api/v1/enterprises', reg)).status).toBe(
    201,
  );
  const c = await signedIn(t.app, reg.uscc, 'Secret2021pass', `10.8.${n}.2`);
  await verifiedByOrganizer(t, c); // 企业认证: recommending needs it
  return c;
}

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  beijing = await signedIn(t.app, 'beijing');
  casic = await signedIn(t.app, 'casic');
  campaignId = (await beijing.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id;
  for (let i = 0; i < 3; i++) enterprises.push(await enterprise(i));
});
afterAll(() => t.close());

describe('the inbox and the decisions', () => {
  test('a unit sees only what was filed through it, never drafts; others cannot act', async () => {
    const id = await submittedApplication(enterprises[0]!, campaignId, makeUscc(8000));
    const draft = (await enterprises[0]!.post('/api/v1/applications', { campaignId })).body.id;
    const inbox = (await beijing.get(`/api/v1/inbox?campaignId=${campaignId}`)).body;
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(inbox.items.map((i: { id: string }) => i.id)).not.toContain(draft);
    expect(inbox).toMatchObject({ quota: 10, batchState: 'open' });
    expect((await casic.get(`/api/v1/inbox?campaignId=${campaignId}`)).body.items).toEqual([]);
    expect((await casic.post(`/api/v1/applications/${id}/recommend`, { rank: 1 })).status).toBe(
      403,
    );
    expect(
      (await enterprises[0]!.post(`/api/v1/applications/${id}/recommend`, { rank: 1 })).status,
    ).toBe(403);
    expect((await enterprises[0]!.get(`/api/v1/inbox?campaignId=${campaignId}`)).status).toBe(403);
    const search = await beijing.get(`/api/v1/inbox?campaignId=${campaignId}&q=${makeUscc(8000)}`);
    expect(search.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  test('return with comments: the enterprise edits and resubmits a new version', async () => {
    const id = await submittedApplication(enterprises[1]!, campaignId, makeUscc(8001));
    const returned = await beijing.post(`/api/v1/applications/${id}/return`, {
      comment: '请补充量化指标',
    });
    expect(returned.body).toMatchObject({ state: 'returned', returnComment: '请补充量化指标' });
    const mine = (await enterprises[1]!.get(`/api/v1/applications/${id}`)).body.application;
    expect(mine.returnComment).toBe('请补充量化指标');
    const again = await enterprises[1]!.post(`/api/v1/applications/${id}/submit`, {
      draftVersion: mine.draftVersion,
    });
    expect(again.body.versionNo).toBe(2);
    expect((await beijing.post(`/api/v1/applications/${id}/return`, { comment: '' })).status).toBe(
      400,
    );
  });

  test('reject with a reason; recommend and take it back; every decision is audited', async () => {
    const a = await submittedApplication(enterprises[2]!, campaignId, makeUscc(8002));
    const b = await submittedApplication(enterprises[2]!, campaignId, makeUscc(8002));
    expect(
      (await beijing.post(`/api/v1/applications/${a}/reject`, { reason: '不属于工业APP' })).body,
    ).toMatchObject({
      state: 'rejected_by_recommender',
      rejectReason: '不属于工业APP',
    });
    expect(
      (await beijing.post(`/api/v1/applications/${a}/recommend`, { rank: 1 })).body.error.code,
    ).toBe('WRONG_STATE');
    expect(
      (await beijing.post(`/api/v1/applications/${b}/recommend`, { rank: 2 })).body,
    ).toMatchObject({ state: 'recommended', recommendRank: 1 }); // ranks stay 1..n: nothing above it
    expect((await enterprises[2]!.post(`/api/v1/applications/${b}/withdraw`)).status).toBe(409); // the recommender has acted
    expect((await beijing.post(`/api/v1/applications/${b}/unrecommend`, {})).body.state).toBe(
      'submitted',
    );
    const org = await signedIn(t.app, 'organizer');
    const actions = async (id: string) =>
      (await org.get(`/api/v1/audit-events?targetId=${id}`)).body.items.map(
        (r: { action: string }) => r.action,
      );
    expect(await actions(a)).toContain('application.reject');
    expect(await actions(b)).toEqual(
      expect.arrayContaining(['application.recommend', 'application.unrecommend']),
    );
  });

  test('the enterprise reads each decision with its reason where it looks: list, application, history', async () => {
    const me = enterprises[0]!;
    const mine = async (id: string) => ({
      row: (await me.get(`/api/v1/applications`)).body.items.find((r: any) => r.id === id),
      app: (await me.get(`/api/v1/applications/${id}`)).body.application,
      history: (await me.get(`/api/v1/applications/${id}/history`)).body.items as any[],
    });
    const rejected = await submittedApplication(me, campaignId, makeUscc(8000));
    let seen = await mine(rejected);
    expect(seen.row).toMatchObject({ state: 'submitted', rejectReason: null, decidedAt: null });
    await beijing.post(`/api/v1/applications/${rejected}/reject`, { reason: '不属于工业APP。' });
    seen = await mine(rejected);
    const at = t.clock.now().toISOString();
    expect(seen.row).toMatchObject({
      state: 'rejected_by_recommender',
      rejectReason: '不属于工业APP。',
      decidedAt: at,
    });
    expect(seen.app).toMatchObject({ rejectReason: '不属于工业APP。', decidedAt: at });
    expect(seen.history.at(-1)).toMatchObject({
      action: 'application.reject',
      toState: 'rejected_by_recommender',
      note: '不属于工业APP。',
    });

    const returned = await submittedApplication(me, campaignId, makeUscc(8000));
    await beijing.post(`/api/v1/applications/${returned}/return`, { comment: '请补充合作协议' });
    seen = await mine(returned);
    expect(seen.row).toMatchObject({
      state: 'returned',
      returnComment: '请补充合作协议',
      rejectReason: null,
      decidedAt: at,
    });
    expect(seen.history.at(-1)).toMatchObject({
      action: 'application.return',
      note: '请补充合作协议',
    });

    const recommended = await submittedApplication(me, campaignId, makeUscc(8000));
    await beijing.post(`/api/v1/applications/${recommended}/recommend`, { rank: 1 });
    seen = await mine(recommended);
    expect(seen.row).toMatchObject({ state: 'recommended', rejectReason: null, decidedAt: at });
    expect(seen.app.decidedAt).toBe(at);
    await beijing.post(`/api/v1/applications/${recommended}/unrecommend`, {});
  });

  test('after the deadline no decision is taken', async () => {
    const id = await submittedApplication(enterprises[0]!, campaignId, makeUscc(8000));
    const campaign = (await beijing.get(`/api/v1/campaigns/${campaignId}`)).body;
    t.clock.set(new Date(new Date(campaign.paperDeadline).getTime() + 1).toISOString());
    try {
      const late = await signedIn(t.app, 'beijing', undefined, '10.8.99.1');
      const res = await late.post(`/api/v1/applications/${id}/recommend`, { rank: 1 });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DEADLINE_PASSED');
    } finally {
      t.clock.set('2026-11-01T09:00:00+08:00');
    }
  });
});

describe(`the quota holds under concurrency (${testDbKind})`, () => {
  test('60 simultaneous recommend requests for 14 applications: exactly the quota ends recommended', async () => {
    const quotaTest = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
    try {
      const reg = registration(8500);
      await new Client(quotaTest.app).post('/api/v1/enterprises', reg);
      const ent = await signedIn(quotaTest.app, reg.uscc, 'Secret2021pass');
      await verifiedByOrganizer(quotaTest, ent);
      const campaign = (await ent.get('/api/v1/campaigns')).body.items.find(
        (c: { isDemo: boolean }) => c.isDemo,
      ).id;
      const ids: string[] = [];
      for (let i = 0; i < 14; i++) ids.push(await submittedApplication(ent, campaign, reg.uscc));
      // two staff of the unit, double clicks and retries: several sessions, every application several times
      const staff = [await signedIn(quotaTest.app, 'beijing')];
      const org = await signedIn(quotaTest.app, 'organizer');
      const unitId = (await staff[0]!.get('/api/v1/me')).body.recommenderUnit.id;
      const second = await org.post('/api/v1/users', {
        role: 'recommender',
        login: 'beijing2',
        name: '北京第二推荐员',
        email: 'beijing2@test.zhengxuan.invalid',
        recommenderUnitId: unitId,
        password: 'Beijing2021two',
      });
      expect(second.status).toBe(201);
      staff.push(await firstSignIn(quotaTest.app, 'beijing2', 'Beijing2021two'));
      const attempts = Array.from({ length: 60 }, (_, i) => ({
        who: staff[i % 2]!,
        id: ids[i % ids.length]!,
        rank: (i % 14) + 1,
      }));
      const started = performance.now();
      const results = await Promise.all(
        attempts.map((a) => a.who.post(`/api/v1/applications/${a.id}/recommend`, { rank: a.rank })),
      );
      const ms = performance.now() - started;
      const byStatus = results.reduce<Record<number, number>>(
        (m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }),
        {},
      );
      const inbox = (await staff[0]!.get(`/api/v1/inbox?campaignId=${campaign}&state=recommended`))
        .body;
      console.log(
        `[quota ${testDbKind}] ${attempts.length} attempts on ${ids.length} applications in ${ms.toFixed(0)} ms: ${JSON.stringify(byStatus)}; recommended ${inbox.items.length} of quota ${inbox.quota}`,
      );
      expect(inbox.items).toHaveLength(10);
      expect(inbox.recommended).toBe(10);
      // and the ranks stay 1..n, however the requests interleaved
      expect(inbox.items.map((i: { recommendRank: number }) => i.recommendRank)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
      expect(byStatus[200]).toBe(10);
      expect(
        results
          .filter((r) => r.status !== 200)
          .every((r) => ['QUOTA_EXCEEDED', 'WRONG_STATE'].includes(r.body.error.code)),
      ).toBe(true);
      expect(results.some((r) => r.body?.error?.code === 'QUOTA_EXCEEDED')).toBe(true);
    } finally {
      await quotaTest.close();
    }
  }, 120_000);
});
