// 系统评价 (issue 15) through its routes: a round over published lists with the campaign's rubric
// frozen, experts proposed under the conflict rules with shortfalls shown, published to the
// experts, each expert scoring only its own solutions within the rubric, the results normalised
// per expert and banded at the organizer's lines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_POST_AWARD_DIMENSIONS } from '../../../domain/campaign';
import { publishedWorld, type PublishedList } from '../../../test/fixtures/published';
import { addedExpert, expertClient } from '../../../test/fixtures/review-assignments';
import { createTestApp, query, signedIn, type Client, type TestApp } from '../../../test/harness';
import * as service from './service';

let t: TestApp;
let org: Client;
let list: PublishedList;
const DEADLINE = '2026-11-20T17:00:00+08:00';

interface SolutionRow {
  public_id: string;
  enterprise_name: string;
  uscc: string;
  unit_id: string;
  status: string;
}
let solutions: SolutionRow[];

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 } });
  org = await signedIn(t.app, 'organizer');
  // only this file's experts take part
  await query(t, `update experts set active = false`);
  list = await publishedWorld(t, 5, { year: 2022, series: 'EVAL', revoked: 1 });
  solutions = await query<SolutionRow>(
    t,
    `select public_id, enterprise_name, uscc, unit_id, status from published_solutions
     where campaign_id = '${list.campaignId}' order by seq`,
  );
});
afterAll(() => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  title: '2022年入选解决方案系统评价',
  listCampaignIds: [list.campaignId],
  reviewsPerSolution: 2,
  maxLoad: 10,
  deadline: DEADLINE,
  ...over,
});

describe('creating a round', () => {
  test('refused without a published list, with bad sizes, a past deadline or nothing to evaluate', async () => {
    const demo = (await query<{ id: string }>(t, `select id from campaigns where is_demo`))[0]!;
    const unpublished = await org.post(
      '/api/v1/evaluation-rounds',
      body({ listCampaignIds: [demo.id] }),
    );
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.message).toContain('只能评价已发布的入选名单');
    const none = await org.post('/api/v1/evaluation-rounds', body({ listCampaignIds: [] }));
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body.error.details)).toContain('请至少选择一份已发布的名单');
    for (const [over, message] of [
      [{ reviewsPerSolution: 0 }, '每个方案至少1位专家'],
      [{ reviewsPerSolution: 16 }, '每个方案最多15位专家'],
      [{ maxLoad: 0 }, '每位专家至少评价1个方案'],
      [{ reviewsPerSolution: 1.5 }, '每个方案的专家数应为整数'],
    ] as const) {
      const res = await org.post('/api/v1/evaluation-rounds', body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain(message);
    }
    const past = await org.post(
      '/api/v1/evaluation-rounds',
      body({ deadline: '2026-10-01T00:00:00+08:00' }),
    );
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('截止时间应晚于现在');
    const revoked = await publishedWorld(t, 1, { year: 2023, series: 'GONE', revoked: 1 });
    const empty = await org.post(
      '/api/v1/evaluation-rounds',
      body({ listCampaignIds: [revoked.campaignId] }),
    );
    expect(empty.status).toBe(409);
    expect(empty.body.error.message).toContain('已撤销、已退出的不参加评价');
    expect(await query(t, `select 1 from evaluation_rounds`)).toHaveLength(0);
  });
});

describe('a round from proposal to bands', () => {
  // experts: 1 works for the first solution's enterprise, 2 declared the second's unit, 3 is free
  const experts: Awaited<ReturnType<typeof addedExpert>>[] = [];
  let roundId: string;
  let detail: {
    pairs: { id: string; publicId: string; expertId: string; state: string }[];
    shortfalls: { publicId: string; missing: number; reason: string }[];
    rubric: { code: string; maxScore: number; guidance: string }[];
    solutions: number;
  };

  test('the proposal keeps the conflict rules, covers the valid solutions and shows shortfalls', async () => {
    const [first, second] = solutions.filter((s) => s.status === 'valid');
    experts.push(
      await addedExpert(org, 7101, {
        employerName: first!.enterprise_name,
        employerUscc: first!.uscc,
      }),
      await addedExpert(org, 7102, { conflictUnitIds: [second!.unit_id] }),
      await addedExpert(org, 7103),
    );
    const res = await org.post('/api/v1/evaluation-rounds', body({ reviewsPerSolution: 3 }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    detail = res.body;
    roundId = res.body.id;
    expect(res.body.state).toBe('draft');
    // the rubric frozen from the campaign's settings
    expect(detail.rubric.map((d) => [d.code, d.maxScore])).toEqual(
      DEFAULT_POST_AWARD_DIMENSIONS.map((d) => [d.code, 25]),
    );
    // the revoked solution is not evaluated
    const valid = solutions.filter((s) => s.status === 'valid').map((s) => s.public_id);
    expect(detail.solutions).toBe(valid.length);
    expect(new Set(detail.pairs.map((p) => p.publicId))).toEqual(new Set(valid));
    const has = (n: number, publicId: string) =>
      detail.pairs.some((p) => p.expertId === experts[n]!.id && p.publicId === publicId);
    expect(has(0, first!.public_id)).toBe(false); // employer is the applicant
    expect(has(1, second!.public_id)).toBe(false); // declared the recommending unit
    expect(has(2, first!.public_id) && has(1, first!.public_id)).toBe(true);
    // three experts, each conflicted solution gets two: a shortfall of one, with the reason
    const short = new Map(detail.shortfalls.map((s) => [s.publicId, s]));
    expect(short.get(first!.public_id)).toMatchObject({ missing: 1 });
    expect(short.get(first!.public_id)!.reason).toContain('1位须回避');
    expect(short.get(second!.public_id)).toMatchObject({ missing: 1 });
    expect(detail.pairs.every((p) => p.state === 'proposed')).toBe(true);
    const audit = await query(
      t,
      `select 1 from audit_log where action = 'evaluation_round.create' and target_id = '${roundId}'`,
    );
    expect(audit).toHaveLength(1);
  });

  test('publishing tells each expert once; an expert sees only its own', async () => {
    const before = await client(0).then((c) => c.get('/api/v1/my/evaluations'));
    expect(before.body.items).toEqual([]); // nothing before publication
    const res = await org.post(`/api/v1/evaluation-rounds/${roundId}/publish`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('published');
    const again = await org.post(`/api/v1/evaluation-rounds/${roundId}/publish`, {});
    expect(again.status).toBe(409);
    const messages = await query<{ n: number }>(
      t,
      `select count(*)::int as n from notifications where kind = 'evaluation.assigned'`,
    );
    expect(messages[0]!.n).toBe(3);

    const c0 = await client(0);
    const mine = (await c0.get('/api/v1/my/evaluations')).body.items as {
      id: string;
      publicId: string;
    }[];
    const expected = detail.pairs.filter((p) => p.expertId === experts[0]!.id);
    expect(mine.map((m) => m.id).sort()).toEqual(expected.map((p) => p.id).sort());
    const other = detail.pairs.find((p) => p.expertId !== experts[0]!.id)!;
    expect((await c0.get(`/api/v1/my/evaluations/${other.id}`)).status).toBe(404);
    expect(
      (
        await c0.request('PUT', `/api/v1/my/evaluations/${other.id}`, {
          scores: {},
          baseVersion: 1,
        })
      ).status,
    ).toBe(404);
    const own = await c0.get(`/api/v1/my/evaluations/${mine[0]!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.solution.publicId).toBe(mine[0]!.publicId);
    expect(own.body.rubric[0].guidance.length).toBeGreaterThan(0);
    expect(own.body.selfEvaluation).toBeNull();
    expect(own.body.spotChecks).toEqual([]);
  });

  test('scores: within 0…max in halves, over the version seen, every dimension to submit', async () => {
    const c = await client(2);
    const [a] = (await c.get('/api/v1/my/evaluations')).body.items as { id: string }[];
    const url = `/api/v1/my/evaluations/${a!.id}`;
    const over = await c.request('PUT', url, { scores: { strength: 26 }, baseVersion: 1 });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('“综合实力”的分数应在0到25分之间');
    const step = await c.request('PUT', url, { scores: { strength: 20.3 }, baseVersion: 1 });
    expect(step.body.error.message).toBe('“综合实力”的分数最小单位为0.5分');
    const unknown = await c.request('PUT', url, { scores: { beauty: 3 }, baseVersion: 1 });
    expect(unknown.status).toBe(400);
    const saved = await c.request('PUT', url, { scores: { strength: 20 }, baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, scoreState: 'draft' });
    const stale = await c.request('PUT', url, { scores: { strength: 21 }, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVIEW_CONFLICT');
    const missing = await c.post(`${url}/submit`, { baseVersion: 2 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('REVIEW_INCOMPLETE');
    expect(missing.body.error.message).toContain('请为“关键技术创新”打分');
    const staleSubmit = await c.post(`${url}/submit`, { baseVersion: 1 });
    expect(staleSubmit.body.error.code).toBe('REVIEW_CONFLICT');
  });

  test('results are normalised per expert, and banded at the lines', async () => {
    // expert 3 (free) is lenient, expert 2 is harsh: both put the solutions in the same order
    const order = solutions.filter((s) => s.status === 'valid').map((s) => s.public_id);
    const scoreAll = async (n: number, base: number) => {
      const c = await client(n);
      const items = (await c.get('/api/v1/my/evaluations')).body.items as {
        id: string;
        publicId: string;
        version: number;
      }[];
      for (const a of items) {
        const x = base - order.indexOf(a.publicId) * 2;
        const s = { strength: x, innovation: x, benefit: x, promotion: x };
        const saved = await c.request('PUT', `/api/v1/my/evaluations/${a.id}`, {
          scores: s,
          comment: '',
          baseVersion: a.version,
        });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        const sub = await c.post(`/api/v1/my/evaluations/${a.id}/submit`, {
          baseVersion: saved.body.version,
        });
        expect(sub.status, JSON.stringify(sub.body)).toBe(200);
      }
      return items;
    };
    await scoreAll(2, 22);
    await scoreAll(1, 15);
    const submittedOnce = await client(2);
    const first = (await submittedOnce.get('/api/v1/my/evaluations')).body.items[0];
    const resubmit = await submittedOnce.request('PUT', `/api/v1/my/evaluations/${first.id}`, {
      scores: { strength: 1 },
      baseVersion: first.version,
    });
    expect(resubmit.body.error.code).toBe('REVIEW_SUBMITTED');

    const res = await org.get(`/api/v1/evaluation-rounds/${roundId}/results`);
    expect(res.status).toBe(200);
    type Row = {
      publicId: string;
      means: Record<string, number | null>;
      rawTotal: number | null;
      normalisedTotal: number | null;
      rank: number | null;
      band: string | null;
    };
    const rows = res.body.results as Row[];
    const byId = new Map(rows.map((r) => [r.publicId, r]));
    // the order the experts agree on, whatever their leniency
    const ranked = rows.filter((r) => r.rank !== null).map((r) => r.publicId);
    expect(ranked).toEqual(order.filter((id) => ranked.includes(id)));
    // normalisation changed the totals: not the raw means
    expect(rows.some((r) => r.rawTotal !== null && r.normalisedTotal !== r.rawTotal)).toBe(true);
    const top = byId.get(ranked[0]!)!;
    expect(top.means.strength).not.toBeNull();
    expect(rows.every((r) => r.band === null)).toBe(true);

    // the lines: the top total exactly (A类), one hundredth above the second (B类 misses it)
    const second = byId.get(ranked[1]!)!;
    const bands = [
      { name: 'A类', min: top.normalisedTotal! },
      { name: 'B类', min: Math.round((second.normalisedTotal! + 0.01) * 100) / 100 },
      { name: 'C类', min: 0 },
    ];
    const set = await org.request('PUT', `/api/v1/evaluation-rounds/${roundId}/bands`, { bands });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const banded = new Map((set.body.results as Row[]).map((r) => [r.publicId, r.band]));
    expect(banded.get(top.publicId)).toBe('A类');
    expect(banded.get(second.publicId)).toBe('C类');
    expect(set.body.counts).toContainEqual({ name: 'A类', count: 1 });

    const disorder = await org.request('PUT', `/api/v1/evaluation-rounds/${roundId}/bands`, {
      bands: [
        { name: 'B类', min: 70 },
        { name: 'A类', min: 85 },
      ],
    });
    expect(disorder.status).toBe(400);
    expect(disorder.body.error.details).toContainEqual({
      path: 'bands.1.min',
      message: '“A类”的分数线应低于“B类”的（70分）',
    });

    // the catalogue's helper reads the same
    const forCatalogue = await service.bandedResultsOf(t.deps.db, roundId);
    expect(forCatalogue.round.bands).toEqual(bands);
    expect(forCatalogue.results.find((r) => r.publicId === top.publicId)).toEqual({
      publicId: top.publicId,
      band: 'A类',
      score: top.normalisedTotal,
    });
  });

  test('after the deadline no score is taken; closing makes the bands final', async () => {
    const c = await client(0);
    const [a] = (await c.get('/api/v1/my/evaluations')).body.items as {
      id: string;
      version: number;
    }[];
    t.clock.set('2026-11-20T17:00:01+08:00');
    const late = await c.request('PUT', `/api/v1/my/evaluations/${a!.id}`, {
      scores: { strength: 10 },
      baseVersion: a!.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('REVIEW_CLOSED');
    expect(late.body.error.message).toContain('截止');
    const closed = await org.post(`/api/v1/evaluation-rounds/${roundId}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    const bands = await org.request('PUT', `/api/v1/evaluation-rounds/${roundId}/bands`, {
      bands: [{ name: 'A类', min: 50 }],
    });
    expect(bands.status).toBe(409);
    const actions = await query<{ action: string }>(
      t,
      `select action from audit_log where target_id = '${roundId}' order by id`,
    );
    expect(actions.map((r) => r.action)).toEqual([
      'evaluation_round.create',
      'evaluation_round.publish',
      'evaluation_round.bands',
      'evaluation_round.close',
    ]);
  });

  const clients = new Map<number, Client>();
  async function client(n: number) {
    if (!clients.has(n)) clients.set(n, await expertClient(t, experts[n]!));
    return clients.get(n)!;
  }
});

test('the expert view carries the self-evaluation and spot-check sections the sources give', async () => {
  const [a] = await query<{ id: string; user_id: string }>(
    t,
    `select a.id, e.user_id from evaluation_assignments a join experts e on e.id = a.expert_id
     where a.state = 'published' limit 1`,
  );
  const d = await service.myEvaluation(
    t.deps,
    { id: a!.user_id, role: 'expert' } as Parameters<typeof service.myEvaluation>[1],
    a!.id,
    {
      selfEvaluationSummary: async (_db, publicId) => ({
        roundId: 'r',
        title: `自查评估 ${publicId}`,
        state: 'forwarded',
        forwardedAt: '2026-10-01T00:00:00.000Z',
        sections: [{ label: '推广情况', value: '新增用户30家' }],
      }),
      spotCheckFindingsOf: async () => [
        {
          spotCheckTitle: '2026年随机抽查',
          method: 'site',
          conclusion: 'pass',
          finding: '现场核查属实',
          recordedAt: '2026-10-10T00:00:00.000Z',
        },
      ],
    },
  );
  expect(d.selfEvaluation?.title).toBe(`自查评估 ${d.solution.publicId}`);
  expect(d.spotChecks[0]).toMatchObject({ conclusion: 'pass', finding: '现场核查属实' });
});
