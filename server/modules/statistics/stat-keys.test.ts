// 监测分析's keys (application_stat_keys): written from the facts when an application is submitted,
// rewritten when it is resubmitted after a return, and when a backfill recomputes its facts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submittedApplication } from '../../../test/fixtures/applications';
import { verifiedByOrganizer } from '../../../test/fixtures/verification';
import {
  Client,
  createTestApp,
  makeUscc,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { backfillFacts } from '../applications';
import { backfillStatKeys } from '.';

let t: TestApp;
let campaignId: string;
let beijing: Client;
let org: Client;
let me: Client;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  beijing = await signedIn(t.app, 'beijing');
  org = await signedIn(t.app, 'organizer');
  campaignId = (await beijing.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id;
  const reg = registration(8700);
  expect((await new Client(t.app, '10.87.0.1').post('/api/v1/enterprises', reg)).status).toBe(201);
  me = await signedIn(t.app, reg.uscc, 'Secret2021pass', '10.87.0.2');
  await verifiedByOrganizer(t, me);
});
afterAll(() => t.close());

/** The application's keys, as `dimension=key` (`@section` for the industry ones). */
async function keysOf(id: string): Promise<string[]> {
  const rows = await query<{ dimension: string; key: string; section: string }>(
    t,
    `select dimension, key, section from application_stat_keys where application_id = '${id}'
     order by dimension, key, section`,
  );
  return rows.map((r) => `${r.dimension}=${r.key}${r.section ? `@${r.section}` : ''}`);
}

const SAMPLE_KEYS = [
  'appCount=2',
  'businessStage=生产制造',
  'category=basic_common',
  'deployment=私有云',
  'deployment=边缘侧',
  'focusArea=核心基础零部件',
  'industryDivision=34@C',
  'industrySection=C@C',
  'ownership=民营企业',
  'province=110000',
  'revenueBand=10000to100000',
  'size=中型',
];

const provinceCount = async (province: string) => {
  const res = await org.get(
    `/api/v1/campaigns/${campaignId}/statistics/breakdown?dimension=category&province=${province}`,
  );
  expect(res.status).toBe(200);
  return res.body.total.submitted as number;
};

describe('the keys an application is counted by', () => {
  test('a withdrawn application loses them: it is no longer counted, nor its province', async () => {
    const overview = async () =>
      (await org.get(`/api/v1/campaigns/${campaignId}/statistics/overview`)).body as {
        campaign: { submitted: number; provinces: number };
      };
    const before = await overview();
    const id = await submittedApplication(me, campaignId, makeUscc(8710));
    expect(await keysOf(id)).toEqual(SAMPLE_KEYS);
    expect((await overview()).campaign.submitted).toBe(before.campaign.submitted + 1);

    expect((await me.post(`/api/v1/applications/${id}/withdraw`, {})).status).toBe(200);
    expect(await keysOf(id)).toEqual([]);
    const after = await overview();
    expect(after.campaign.submitted).toBe(before.campaign.submitted);
    expect(after.campaign.provinces).toBe(before.campaign.provinces);
  });

  test('a submit writes them; a draft has none; return, edit and resubmit rewrites them', async () => {
    const draft = (await me.post('/api/v1/applications', { campaignId })).body.id as string;
    expect(await keysOf(draft)).toEqual([]);

    const beijingBefore = await provinceCount('110000');
    const shanghaiBefore = await provinceCount('310000');
    const id = await submittedApplication(me, campaignId, makeUscc(8700));
    const keys = await keysOf(id);
    expect(keys).toEqual(SAMPLE_KEYS);
    expect(await provinceCount('110000')).toBe(beijingBefore + 1);

    expect(
      (await beijing.post(`/api/v1/applications/${id}/return`, { comment: '请核对所在地区' }))
        .status,
    ).toBe(200);
    const mine = (await me.get(`/api/v1/applications/${id}`)).body.application;
    const data = structuredClone(mine.data);
    data.applicant.region = '310104';
    data.solution.industries = ['6511'];
    const saved = await me.request('PUT', `/api/v1/applications/${id}/draft`, {
      baseVersion: mine.draftVersion,
      data,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // until it is resubmitted, it is counted as it was submitted
    expect(await keysOf(id)).toEqual(keys);

    const again = await me.post(`/api/v1/applications/${id}/submit`, {
      draftVersion: saved.body.draftVersion,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const rewritten = await keysOf(id);
    expect(rewritten).toContain('province=310000');
    expect(rewritten).toContain('industrySection=I@I');
    expect(rewritten).toContain('industryDivision=65@I');
    expect(rewritten).not.toContain('province=110000');
    expect(rewritten.filter((k) => k.startsWith('industry'))).toHaveLength(2);
    expect(await provinceCount('110000')).toBe(beijingBefore);
    expect(await provinceCount('310000')).toBe(shanghaiBefore + 1);
  });

  test('the facts backfill rewrites them; the keys backfill fills in those missing', async () => {
    const id = await submittedApplication(me, campaignId, makeUscc(8700));
    const keys = await keysOf(id);
    expect(keys).toContain('province=110000');

    // an application saved before facts were kept, and keys that no longer match
    await query(t, `update applications set facts = '{}'::jsonb where id = '${id}'`);
    await query(
      t,
      `update application_stat_keys set key = '999999' where application_id = '${id}'
       and dimension = 'province'`,
    );
    await backfillFacts(t.deps.db);
    expect(await keysOf(id)).toEqual(keys);

    await query(t, `delete from application_stat_keys where application_id = '${id}'`);
    await backfillStatKeys(t.deps.db);
    expect(await keysOf(id)).toEqual(keys);
    await backfillStatKeys(t.deps.db); // nothing left to fill
    expect(await keysOf(id)).toEqual(keys);
  });
});
