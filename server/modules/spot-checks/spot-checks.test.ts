// 随机抽查 (issue 15) through the API: the seed committed first (the platform's, secret until the
// draw, or the organizer's hash) and public at once; the draw only of a committed spot check, once,
// with the committed seed; revoked solutions outside the population; the sample stratified as set
// and recomputed by anyone — with the domain function and the public endpoints — from the published
// seed and population; tasks under the review's conflict rules (refused, or overridden with a
// reason); an expert sees and records only its own tasks, until the spot check is closed.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  PublicSpotCheck,
  SpotCheckDetail,
  SpotCheckVerification,
} from '../../../domain/api/spot-checks';
import { drawSpotCheck, planOf, provinceOf } from '../../../domain/spot-check';
import { postFile } from '../../../test/fixtures/applications';
import { makePng } from '../../../test/fixtures/files';
import { publishedWorld, type PublishedList } from '../../../test/fixtures/published';
import {
  addedExpert,
  expertClient,
  type CreatedExpert,
} from '../../../test/fixtures/review-assignments';
import { Client, createTestApp, query, signedIn, type TestApp } from '../../../test/harness';
import { spotCheckFindingsOf } from '.';

let t: TestApp;
let org: Client;
let anon: Client;
let w: PublishedList;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const ORGANIZER_SEED = 'c0ffee'.repeat(10) + 'beef';

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 } });
  org = await signedIn(t.app, 'organizer');
  anon = new Client(t.app, '10.7.7.7');
  w = await publishedWorld(t, 60, { year: 2021, revoked: 5 });
  // every solution recommended by 北京市, whose account is told when one is sampled
  await query(
    t,
    `update published_solutions s set unit_id = u.recommender_unit_id, unit_name = r.name
       from users u join recommender_units r on r.id = u.recommender_unit_id
      where u.login = 'beijing' and s.campaign_id = '${w.campaignId}'`,
  );
});
afterAll(() => t?.close());

const commit = (body: Record<string, unknown>) =>
  org.post('/api/v1/spot-checks', {
    title: '2023年随机抽查',
    listCampaignIds: [w.campaignId],
    ...body,
  });
const drawOf = (id: string, body: Record<string, unknown> = {}) =>
  org.post(`/api/v1/spot-checks/${id}/draw`, body);
const verificationOf = async (id: string): Promise<SpotCheckVerification> => {
  const res = await anon.get(`/api/v1/spot-checks/${id}/verification`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const detailOf = async (id: string): Promise<SpotCheckDetail> => {
  const res = await org.get(`/api/v1/spot-checks/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const storedSeed = async (id: string) =>
  (await query<{ seed: string | null }>(t, `select seed from spot_checks where id = '${id}'`))[0]!
    .seed;

describe('the commitment and the draw', () => {
  let platform: PublicSpotCheck;

  test('the platform’s seed: the hash is public at once, the seed shown nowhere before the draw', async () => {
    const res = await commit({ sizes: { total: 12 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    platform = res.body;
    expect(platform).toMatchObject({ seedSource: 'platform', state: 'committed', seed: null });
    expect(platform.commitment).toMatch(/^[0-9a-f]{64}$/);
    const seed = (await storedSeed(platform.id))!;
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sha(seed)).toBe(platform.commitment);

    const seen = [
      JSON.stringify(res.body),
      JSON.stringify((await anon.get('/api/v1/spot-checks')).body),
      JSON.stringify(await verificationOf(platform.id)),
      JSON.stringify(await detailOf(platform.id)),
      JSON.stringify((await org.get('/api/v1/spot-checks')).body),
      JSON.stringify(
        await query(t, `select summary from audit_log where target_id = '${platform.id}'`),
      ),
    ];
    for (const text of seen) {
      expect(text).toContain(platform.commitment);
      expect(text).not.toContain(seed);
    }
    const list = (await anon.get('/api/v1/spot-checks')).body.items as PublicSpotCheck[];
    expect(list.find((s) => s.id === platform.id)).toMatchObject({
      commitment: platform.commitment,
      seed: null,
      sampleSize: null,
    });
    // nothing to download before the draw
    expect((await anon.get(`/api/v1/spot-checks/${platform.id}/population.csv`)).status).toBe(409);
  });

  test('a draw needs a committed spot check', async () => {
    const res = await drawOf('00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/须先公布种子承诺/);
  });

  test('drawn once: the seed published, revoked solutions outside the population, the sampled told', async () => {
    const res = await drawOf(platform.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const seed = await storedSeed(platform.id);
    expect(res.body).toMatchObject({ state: 'drawn', seed, populationSize: 55, sampleSize: 12 });

    const again = await drawOf(platform.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('WRONG_STATE');
    expect(await storedSeed(platform.id)).toBe(seed);

    const v = await verificationOf(platform.id);
    const ids = v.population!.map((p) => p.publicId);
    for (const revoked of w.revokedIds) expect(ids).not.toContain(revoked);
    expect(ids).toHaveLength(w.publicIds.length - w.revokedIds.length);

    const told = await query<{ login: string; link: string }>(
      t,
      `select u.login, n.link from notifications n join users u on u.id = n.user_id
        where n.kind = 'spot_check.sampled'`,
    );
    expect(told.map((n) => n.login)).toEqual(Array(12).fill('beijing'));
    expect(told.every((n) => n.link === `/spot-checks/${platform.id}`)).toBe(true);

    const csv = await anon.get(`/api/v1/spot-checks/${platform.id}/population.csv`);
    expect(csv.status).toBe(200);
    const lines = csv.raw.body.trim().split('\r\n');
    expect(lines[0]).toBe('publicId,category,region');
    expect(lines).toHaveLength(56);
  });

  test('anyone recomputes the sample from the published seed and population', async () => {
    const v = await verificationOf(platform.id);
    const s = v.spotCheck;
    expect(s.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(sha(s.seed!)).toBe(s.commitment);
    expect(v.recomputed).toMatchObject({ match: true, wrong: [] });

    // with the domain function, from what was published
    const population = v.population!.map((p) => ({
      publicId: p.publicId,
      category: p.category,
      regionCode: p.region,
    }));
    const mine = drawSpotCheck(s.seed!, population, planOf(s.seed!, population, s.sizes));
    expect(mine.sample).toEqual(v.sample!.map((x) => x.publicId));
    expect(mine.populationDigest).toBe(s.populationDigest);

    // with the public endpoint, no sign-in
    const body = {
      seed: s.seed,
      population: v.population,
      sizes: s.sizes,
      commitment: s.commitment,
      sample: mine.sample,
    };
    const again = await anon.post('/api/v1/spot-checks/recompute', body);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({
      match: true,
      sample: mine.sample,
      commitment: s.commitment,
    });
    const swapped = [...mine.sample.slice(1), mine.sample[0]];
    const wrong = await anon.post('/api/v1/spot-checks/recompute', { ...body, sample: swapped });
    expect(wrong.body).toMatchObject({ match: false, wrong: ['sample'] });
    const otherSeed = await anon.post('/api/v1/spot-checks/recompute', {
      ...body,
      seed: 'f'.repeat(64),
    });
    expect(otherSeed.body).toMatchObject({ match: false, wrong: ['seed'] });
  });

  test('a total: one per stratum where the total allows, the rest in proportion', async () => {
    const v = await verificationOf(platform.id);
    const strata = v.strata!;
    expect(strata.reduce((n, s) => n + s.drawn, 0)).toBe(12);
    if (strata.length <= 12) expect(strata.every((s) => s.drawn >= 1)).toBe(true);
    else expect(strata.filter((s) => s.drawn === 1)).toHaveLength(12);
    for (const s of strata) expect(s.drawn).toBeLessThanOrEqual(s.size);
    // each sampled solution is of its stratum
    const population = new Map(v.population!.map((p) => [p.publicId, p]));
    for (const x of v.sample!) {
      const p = population.get(x.publicId)!;
      expect(x.stratum).toBe(`${p.category}|${p.region}`);
    }
  });
});

describe('the organizer’s own seed', () => {
  let id: string;

  test('only the hash is given; the draw needs the seed that hashes to it', async () => {
    const res = await commit({
      title: '按类别抽查',
      sizes: { byCategory: { basic_common: 3, secure_reliable: 2 } },
      seedHash: sha(ORGANIZER_SEED).toUpperCase(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ seedSource: 'organizer', commitment: sha(ORGANIZER_SEED) });
    expect(await storedSeed(id)).toBeNull();

    const none = await drawOf(id);
    expect(none.status).toBe(400);
    const wrongSeed = await drawOf(id, { seed: 'a'.repeat(64) });
    expect(wrongSeed.status).toBe(422);
    expect(wrongSeed.body.error.code).toBe('SEED_MISMATCH');
    expect((await detailOf(id)).state).toBe('committed');

    const ok = await drawOf(id, { seed: ORGANIZER_SEED });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'drawn', seed: ORGANIZER_SEED, sampleSize: 5 });
  });

  test('sizes per category: each category’s number, one per province while it lasts', async () => {
    const v = await verificationOf(id);
    expect(v.recomputed!.match).toBe(true);
    const drawnIn = (category: string) =>
      v.strata!.filter((s) => s.category === category).reduce((n, s) => n + s.drawn, 0);
    expect(drawnIn('basic_common')).toBe(3);
    expect(drawnIn('secure_reliable')).toBe(2);
    expect(drawnIn('industry_general')).toBe(0);
    for (const category of ['basic_common', 'secure_reliable'])
      expect(v.strata!.filter((s) => s.category === category).every((s) => s.drawn <= 1)).toBe(
        true,
      );
  });

  test('refused input: an unpublished list, an unknown category, both sizes or none', async () => {
    const bad = [
      { listCampaignIds: ['00000000-0000-4000-8000-000000000000'], sizes: { total: 1 } },
      { sizes: { byCategory: { nonexistent: 2 } } },
      { sizes: { total: 2, byCategory: { basic_common: 1 } } },
      { sizes: {} },
      { sizes: { total: 1 }, seedHash: 'xyz' },
    ];
    for (const body of bad) expect((await commit(body)).status, JSON.stringify(body)).toBe(400);
    const signedOut = await anon.post('/api/v1/spot-checks', {
      title: '匿名',
      listCampaignIds: [w.campaignId],
      sizes: { total: 1 },
    });
    expect(signedOut.status).toBe(401);
  });
});

describe('tasks and findings', () => {
  let id: string;
  let sample: SpotCheckDetail['sample'];
  const E = {} as Record<'employee' | 'local' | 'plain' | 'other', CreatedExpert>;
  let plainClient: Client;
  let otherClient: Client;

  beforeAll(async () => {
    const res = await commit({ title: '核查任务', sizes: { total: 4 } });
    id = res.body.id;
    expect((await drawOf(id)).status).toBe(200);
    sample = (await detailOf(id)).sample;
    const first = sample[0]!;
    const [s] = await query<{ uscc: string; region_code: string }>(
      t,
      `select uscc, region_code from published_solutions where public_id = '${first.publicId}'`,
    );
    const far = provinceOf(s!.region_code) === '650000' ? '460100' : '650100';
    E.employee = await addedExpert(org, 9501, {
      employerName: first.enterpriseName,
      employerUscc: s!.uscc,
      regionCode: far,
    });
    E.local = await addedExpert(org, 9502, { regionCode: provinceOf(s!.region_code) });
    E.plain = await addedExpert(org, 9503, { regionCode: far });
    E.other = await addedExpert(org, 9504, { regionCode: far });
    plainClient = await expertClient(t, E.plain);
    otherClient = await expertClient(t, E.other);
  });

  const assign = (body: Record<string, unknown>) =>
    org.post(`/api/v1/spot-checks/${id}/tasks`, body);

  test('a broken conflict rule is refused with the rules listed; a reason overrides it, kept and audited', async () => {
    const publicId = sample[0]!.publicId;
    const refused = await assign({ publicId, expertId: E.employee.id, method: 'site' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ASSIGNMENT_RULES_BROKEN');
    expect(refused.body.error.details.rules).toEqual(['employer_is_applicant']);
    expect(refused.body.error.message).toMatch(/专家所在单位为申报单位/);

    const local = await assign({ publicId, expertId: E.local.id, method: 'document' });
    expect(local.status).toBe(409);
    expect(local.body.error.details.rules).toEqual(['same_region']);
    // the organizer may let a local expert check it (回避本地区 off)
    const allowed = await assign({
      publicId,
      expertId: E.local.id,
      method: 'document',
      avoidSameRegion: false,
    });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);

    const overridden = await assign({
      publicId,
      expertId: E.employee.id,
      method: 'site',
      overrideReason: '现场核查需熟悉该企业产线的专家陪同',
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(201);
    const task = (overridden.body as SpotCheckDetail).sample
      .find((x) => x.publicId === publicId)!
      .tasks.find((x) => x.expertId === E.employee.id)!;
    expect(task).toMatchObject({
      method: 'site',
      overriddenRules: ['employer_is_applicant'],
      overrideReason: '现场核查需熟悉该企业产线的专家陪同',
    });
    const [audit] = await query<{ summary: { after: Record<string, unknown> } }>(
      t,
      `select summary from audit_log where action = 'spot_check_task.assign' and target_id = '${task.id}'`,
    );
    expect(audit!.summary.after).toMatchObject({ overriddenRules: ['employer_is_applicant'] });

    const twice = await assign({ publicId, expertId: E.employee.id, method: 'site' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('CONFLICT');
    const outside = await assign({
      publicId: w.revokedIds[0],
      expertId: E.plain.id,
      method: 'site',
    });
    expect(outside.status).toBe(400);
  });

  test('an expert sees only its own tasks, with the solution’s published facts', async () => {
    expect(
      (
        await assign({
          publicId: sample[1]!.publicId,
          expertId: E.plain.id,
          method: 'document',
          avoidSameRegion: false,
        })
      ).status,
    ).toBe(201);
    // (回避本地区 off: the sample, drawn from a fresh seed, may be anywhere)
    const res = await assign({
      publicId: sample[2]!.publicId,
      expertId: E.other.id,
      method: 'site',
      avoidSameRegion: false,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mine = await plainClient.get('/api/v1/my/spot-check-tasks');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x: { publicId: string }) => x.publicId)).toEqual([
      sample[1]!.publicId,
    ]);
    const taskId = mine.body.items[0].id;
    const detail = await plainClient.get(`/api/v1/my/spot-check-tasks/${taskId}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.solution).toMatchObject({
      publicId: sample[1]!.publicId,
      solutionName: sample[1]!.solutionName,
    });
    expect(detail.body.task.method).toBe('document');
    // another expert's task does not exist for it
    expect((await otherClient.get(`/api/v1/my/spot-check-tasks/${taskId}`)).status).toBe(404);
    const theirs = (await otherClient.get('/api/v1/my/spot-check-tasks')).body.items;
    expect(theirs.map((x: { publicId: string }) => x.publicId)).toEqual([sample[2]!.publicId]);
    expect(
      (
        await otherClient.request('PUT', `/api/v1/my/spot-check-tasks/${taskId}/finding`, {
          conclusion: 'pass',
          finding: '核查材料齐全，与申报一致。',
        })
      ).status,
    ).toBe(404);
  });

  test('a finding: refused when too short or unknown; changed until the spot check is closed', async () => {
    const taskId = (await plainClient.get('/api/v1/my/spot-check-tasks')).body.items[0].id;
    const url = `/api/v1/my/spot-check-tasks/${taskId}/finding`;
    const short = await plainClient.request('PUT', url, {
      conclusion: 'pass',
      finding: '合格 合格 合格',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/至少10个字/);
    const unknown = await plainClient.request('PUT', url, {
      conclusion: 'excellent',
      finding: '核查材料齐全，与申报情况一致。',
    });
    expect(unknown.status).toBe(400);

    const first = await plainClient.request('PUT', url, {
      conclusion: 'minor',
      finding: '应用企业数量与申报略有出入，需补充说明。',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ conclusion: 'minor' });
    const changed = await plainClient.request('PUT', url, {
      conclusion: 'fail',
      finding: '现场未见申报所述的APP部署，应用案例无法核实。',
    });
    expect(changed.status).toBe(200);

    // evidence: checked by content, kept with the finding, read by the organizer and the expert only
    const evidenceUrl = `/api/v1/my/spot-check-tasks/${taskId}/evidence`;
    const notImage = await postFile(
      plainClient,
      evidenceUrl,
      '照片.png',
      Buffer.from('不是图片'.repeat(30)),
    );
    expect(notImage.body.error.code).toBe('FILE_REJECTED');
    const up = await postFile(plainClient, evidenceUrl, '现场照片.png', makePng());
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.evidence).toMatchObject({ filename: '现场照片.png' });
    const file = `/api/v1/spot-check-tasks/${taskId}/evidence`;
    expect((await org.get(file)).status).toBe(200);
    expect((await plainClient.get(file)).status).toBe(200);
    expect((await otherClient.get(file)).status).toBe(404);
    expect((await postFile(otherClient, evidenceUrl, '照片.png', makePng())).status).toBe(404);

    const d = await detailOf(id);
    const task = d.sample.flatMap((x) => x.tasks).find((x) => x.id === taskId)!;
    expect(task.evidence).toMatchObject({ filename: '现场照片.png' });
    expect(task).toMatchObject({ conclusion: 'fail', state: 'done', expertName: '专家9503' });

    expect(await spotCheckFindingsOf(t.deps.db, sample[1]!.publicId)).toEqual([
      {
        spotCheckTitle: '核查任务',
        method: 'document',
        conclusion: 'fail',
        finding: '现场未见申报所述的APP部署，应用案例无法核实。',
        recordedAt: expect.any(String),
      },
    ]);

    const closed = await org.post(`/api/v1/spot-checks/${id}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    const late = await plainClient.request('PUT', url, {
      conclusion: 'pass',
      finding: '补充材料后核实无误，结论改为合格。',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/已结束/);
    expect((await postFile(plainClient, evidenceUrl, '补充.png', makePng())).status).toBe(409);
    expect((await spotCheckFindingsOf(t.deps.db, sample[1]!.publicId))[0]!.conclusion).toBe('fail');
    expect(
      (await assign({ publicId: sample[3]!.publicId, expertId: E.plain.id, method: 'site' }))
        .status,
    ).toBe(409);
  });

  test('nobody but the organizer sees who checks what', async () => {
    const v = JSON.stringify(await verificationOf(id));
    expect(v).not.toContain('专家950');
    expect(v).not.toContain(E.plain.id);
    const list = JSON.stringify((await anon.get('/api/v1/spot-checks')).body);
    expect(list).not.toContain('专家950');
  });
});
