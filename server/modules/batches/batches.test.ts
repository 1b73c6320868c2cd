// The recommender's batch: ranks kept 1..n, sign-off only when ready and in time, a locked desk
// after it, the organizer's reopen, and no unit seeing another's.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePng, makeXlsx } from '../../../test/fixtures/files';
import { PDF } from '../../../test/fixtures/applications';
import {
  Client,
  createTestApp,
  query,
  signedIn,
  testDbKind,
  type TestApp,
} from '../../../test/harness';
import {
  batchUrl,
  deskWorld,
  filed,
  filedMany,
  newCampaign,
  postFile,
  recommend,
  uploadScan,
  type DeskWorld,
} from '../../../test/fixtures/desk';

let t: TestApp;
let w: DeskWorld;

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 10_000 } });
  w = await deskWorld(t, 7100);
});
afterAll(() => t.close());

const ids = (rows: { applicationId: string }[]) => rows.map((r) => r.applicationId);
const ranks = (rows: { rank: number }[]) => rows.map((r) => r.rank);

async function batchOf(c: Client, campaignId: string, unitId = w.beijingUnit) {
  const res = await c.get(batchUrl(campaignId, unitId));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function stateOf(id: string) {
  return (await w.org.get(`/api/v1/applications/${id}`)).body.application.state as string;
}

describe('ranking', () => {
  test('ranks stay 1..n when recommending at any rank and after taking one back', async () => {
    const c = await newCampaign(w.org);
    const [a, b, x] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['方案A', '方案B', '方案X']);
    expect((await recommend(w.beijing, a!, 5)).body.recommendRank).toBe(1); // no gap left before it
    expect((await recommend(w.beijing, b!, 1)).body.recommendRank).toBe(1); // a moves down
    expect((await recommend(w.beijing, x!, 2)).body.recommendRank).toBe(2);
    let batch = await batchOf(w.beijing, c.id);
    expect(ids(batch.rows)).toEqual([b, x, a]);
    expect(ranks(batch.rows)).toEqual([1, 2, 3]);
    expect(batch).toMatchObject({ id: null, state: 'open', quota: 10, recommended: 3 });

    expect((await w.beijing.post(`/api/v1/applications/${x}/unrecommend`, {})).status).toBe(200);
    batch = await batchOf(w.beijing, c.id);
    expect(ids(batch.rows)).toEqual([b, a]);
    expect(ranks(batch.rows)).toEqual([1, 2]);
    const inbox = (await w.beijing.get(`/api/v1/inbox?campaignId=${c.id}`)).body;
    const rankIn = (id: string) =>
      inbox.items.find((i: { id: string }) => i.id === id).recommendRank;
    expect([rankIn(b!), rankIn(a!), rankIn(x!)]).toEqual([1, 2, null]);
    expect(inbox).toMatchObject({ recommended: 2, batchState: 'open' });
  });

  test('reorder takes exactly the recommended ids; any other set is a 409 asking to refresh', async () => {
    const c = await newCampaign(w.org);
    const [a, b, x, pending] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, [
      '排序A',
      '排序B',
      '排序X',
      '待审',
    ]);
    for (const [i, id] of [a, b, x].entries()) await recommend(w.beijing, id!, i + 1);
    const url = `${batchUrl(c.id, w.beijingUnit)}/ranking`;
    const put = (who: Client, order: unknown[]) => who.request('PUT', url, { order });

    const moved = await put(w.beijing, [x, a, b]);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(ids(moved.body.rows)).toEqual([x, a, b]);
    expect(ranks(moved.body.rows)).toEqual([1, 2, 3]);
    expect(moved.body.id).toEqual(expect.any(String)); // the first write made the batch

    for (const wrong of [
      [x, a], // one missing
      [x, a, b, pending], // one not recommended
      [x, a, a], // a duplicate
      [x, a, crypto.randomUUID()], // an unknown one
    ]) {
      const res = await put(w.beijing, wrong);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(res.body.error.message).toContain('请刷新');
    }
    expect(ids((await batchOf(w.beijing, c.id)).rows)).toEqual([x, a, b]);

    for (const who of [w.shanghai, w.org, w.bjEnterprise]) {
      expect((await put(who, [a, b, x])).status).toBe(403);
    }
    expect((await put(new Client(t.app), [a, b, x])).status).toBe(401);
    const org = (await w.org.get(`/api/v1/audit-events?action=batch.reorder`)).body.items;
    expect(org[0].summary).toMatchObject({
      before: { order: [a, b, x] },
      after: { order: [x, a, b] },
    });
  });
});

describe('sign-off', () => {
  test('refused until something is recommended and the stamped scan is uploaded', async () => {
    const c = await newCampaign(w.org);
    const url = `${batchUrl(c.id, w.beijingUnit)}/sign-off`;
    const [a] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['签发A']);

    let res = await w.beijing.post(url, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'BATCH_NOT_READY',
      details: { missing: ['recommended', 'stamped_scan'] },
    });
    expect(res.body.error.message).toContain('至少推荐1个');
    expect(res.body.error.message).toContain('扫描件');

    await recommend(w.beijing, a!, 1);
    res = await w.beijing.post(url, {});
    expect(res.body.error).toMatchObject({
      code: 'BATCH_NOT_READY',
      details: { missing: ['stamped_scan'] },
    });
    expect(res.body.error.message).not.toContain('至少推荐');

    const scanOnly = await newCampaign(w.org);
    expect((await uploadScan(w.beijing, scanOnly.id, w.beijingUnit)).status).toBe(200);
    res = await w.beijing.post(`${batchUrl(scanOnly.id, w.beijingUnit)}/sign-off`, {});
    expect(res.body.error).toMatchObject({
      code: 'BATCH_NOT_READY',
      details: { missing: ['recommended'] },
    });
    expect(await stateOf(a!)).toBe('recommended');
  });

  test('a change to the list or its order drops the stamped scan: paper = online', async () => {
    const c = await newCampaign(w.org);
    const [a, b, d] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['纸质A', '纸质B', '纸质C']);
    await recommend(w.beijing, a!, 1);
    await recommend(w.beijing, b!, 2);
    const scan = async () => (await batchOf(w.beijing, c.id)).stampedScan;

    expect((await uploadScan(w.beijing, c.id, w.beijingUnit)).status).toBe(200);
    const same = await w.beijing.request('PUT', `${batchUrl(c.id, w.beijingUnit)}/ranking`, {
      order: [a, b],
    });
    expect(same.status).toBe(200);
    expect(await scan()).not.toBeNull(); // the same order: the stamped table still holds

    const swapped = await w.beijing.request('PUT', `${batchUrl(c.id, w.beijingUnit)}/ranking`, {
      order: [b, a],
    });
    expect(swapped.status).toBe(200);
    expect(await scan()).toBeNull();

    expect((await uploadScan(w.beijing, c.id, w.beijingUnit)).status).toBe(200);
    await recommend(w.beijing, d!, 3);
    expect(await scan()).toBeNull();

    expect((await uploadScan(w.beijing, c.id, w.beijingUnit)).status).toBe(200);
    const back = await w.beijing.post(`/api/v1/applications/${d}/unrecommend`, {});
    expect(back.status).toBe(200);
    expect(await scan()).toBeNull();
    const res = await w.beijing.post(`${batchUrl(c.id, w.beijingUnit)}/sign-off`, {});
    expect(res.body.error).toMatchObject({
      code: 'BATCH_NOT_READY',
      details: { missing: ['stamped_scan'] },
    });
  });

  test('the stamped scan is a PDF or an image, checked by content', async () => {
    const c = await newCampaign(w.org);
    const url = `${batchUrl(c.id, w.beijingUnit)}/stamped-scan`;
    const xlsx = await postFile(w.beijing, url, '汇总表.xlsx', makeXlsx());
    expect(xlsx.status).toBe(400);
    expect(xlsx.body.error).toMatchObject({
      code: 'FILE_REJECTED',
      message: '盖章扫描件须为PDF文件或图片（PNG、JPEG）',
    });
    const disguised = await postFile(w.beijing, url, '汇总表.pdf', makePng());
    expect(disguised.body.error.code).toBe('FILE_REJECTED');
    expect((await batchOf(w.beijing, c.id)).stampedScan).toBeNull();

    const png = makePng(30, 20);
    const ok = await postFile(w.beijing, url, '汇总表.png', png);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stampedScan).toMatchObject({
      filename: '汇总表.png',
      mime: 'image/png',
      size: png.length,
    });
    const back = await w.org.get(url);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.raw.rawPayload, png)).toBe(0);
  });

  test('signs off: recommended → forwarded, audited; the desk is then locked', async () => {
    const c = await newCampaign(w.org);
    const [a, b, pending, other] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, [
      '报送A',
      '报送B',
      '仍待审',
      '另一个待审',
    ]);
    await recommend(w.beijing, a!, 1);
    await recommend(w.beijing, b!, 2);
    expect((await uploadScan(w.beijing, c.id, w.beijingUnit)).status).toBe(200);
    const base = batchUrl(c.id, w.beijingUnit);
    for (const who of [w.shanghai, w.org, w.bjEnterprise])
      expect((await who.post(`${base}/sign-off`, {})).status).toBe(403);

    const res = await w.beijing.post(`${base}/sign-off`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'signed_off', recommended: 2, reopenedAt: null });
    expect(res.body.signedOffAt).toBe(t.clock.now().toISOString());
    expect(ids(res.body.rows)).toEqual([a, b]);
    expect([await stateOf(a!), await stateOf(b!), await stateOf(pending!)]).toEqual([
      'forwarded',
      'forwarded',
      'submitted',
    ]);
    const audit = (await w.org.get(`/api/v1/audit-events?targetId=${res.body.id}`)).body.items;
    expect(
      audit.find((r: { action: string }) => r.action === 'batch.sign_off').summary,
    ).toMatchObject({
      after: { state: 'signed_off', count: 2 },
    });
    const history = (await w.org.get(`/api/v1/audit-events?targetId=${a}`)).body.items;
    expect(history[0]).toMatchObject({
      action: 'application.forward',
      actorLabel: 'beijing',
      summary: { before: { state: 'recommended' }, after: { state: 'forwarded' } },
    });

    const inbox = (await w.beijing.get(`/api/v1/inbox?campaignId=${c.id}`)).body;
    expect(inbox).toMatchObject({ batchState: 'signed_off', recommended: 2 });

    const locked = [
      await w.beijing.post(`${base}/sign-off`, {}),
      await recommend(w.beijing, pending!, 3),
      await w.beijing.post(`/api/v1/applications/${pending}/return`, { comment: '请补充材料' }),
      await w.beijing.post(`/api/v1/applications/${other}/reject`, { reason: '不符合要求' }),
      await w.beijing.post(`/api/v1/applications/${a}/unrecommend`, {}),
      await w.beijing.request('PUT', `${base}/ranking`, { order: [b, a] }),
      await uploadScan(w.beijing, c.id, w.beijingUnit),
    ];
    expect(locked.map((r) => [r.status, r.body.error?.code])).toEqual(
      locked.map(() => [409, 'BATCH_SIGNED_OFF']),
    );
    expect([await stateOf(a!), await stateOf(pending!), await stateOf(other!)]).toEqual([
      'forwarded',
      'submitted',
      'submitted',
    ]);
  });

  test('after the paper deadline there is no sign-off, and no reopening either', async () => {
    const c = await newCampaign(w.org);
    const [a] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['迟到']);
    await recommend(w.beijing, a!, 1);
    await uploadScan(w.beijing, c.id, w.beijingUnit);
    const done = await newCampaign(w.org);
    const [d] = await filedMany(w.bjEnterprise, done.id, w.bjUscc, ['按时']);
    await recommend(w.beijing, d!, 1);
    await uploadScan(w.beijing, done.id, w.beijingUnit);
    expect((await w.beijing.post(`${batchUrl(done.id, w.beijingUnit)}/sign-off`, {})).status).toBe(
      200,
    );
    const now = t.clock.now().toISOString();
    t.clock.set(new Date(new Date(c.paperDeadline).getTime() + 1).toISOString());
    try {
      // sessions last hours, not months
      const [late, org] = [await signedIn(t.app, 'beijing'), await signedIn(t.app, 'organizer')];
      const res = await late.post(`${batchUrl(c.id, w.beijingUnit)}/sign-off`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('DEADLINE_PASSED');
      expect(res.body.error.message).toContain('确认报送');
      const reopen = await org.post(`${batchUrl(done.id, w.beijingUnit)}/reopen`, {
        reason: '截止后重开',
      });
      expect(reopen.status).toBe(409);
      expect(reopen.body.error.code).toBe('DEADLINE_PASSED');
    } finally {
      t.clock.set(now);
    }
    expect([await stateOf(a!), await stateOf(d!)]).toEqual(['recommended', 'forwarded']);
  });

  test(`decisions racing a sign-off never leave a recommended application behind it (${testDbKind})`, async () => {
    const c = await newCampaign(w.org);
    const apps = await filedMany(
      w.bjEnterprise,
      c.id,
      w.bjUscc,
      // not 竞态0..6: one enterprise's names differing only by a number are 疑似重复
      Array.from({ length: 7 }, (_, i) => `竞态${'甲乙丙丁戊己庚'[i]}`),
    );
    await recommend(w.beijing, apps[0]!, 1);
    await uploadScan(w.beijing, c.id, w.beijingUnit);
    const staff = [w.beijing, w.beijing.clone()];
    const returnIt = (who: Client, id: string) =>
      who.post(`/api/v1/applications/${id}/return`, { comment: '请补充材料' });
    const results = await Promise.all([
      ...apps.slice(1, 3).map((id, i) => recommend(staff[i % 2]!, id, 1)),
      returnIt(staff[1]!, apps[3]!),
      w.beijing.post(`${batchUrl(c.id, w.beijingUnit)}/sign-off`, {}),
      returnIt(staff[0]!, apps[4]!),
      ...apps.slice(5).map((id, i) => recommend(staff[i % 2]!, id, 1)),
    ]);
    const signOff = results[3]!;
    const decisions = results.filter((_, i) => i !== 3);
    const recommends = [results[0]!, results[1]!, results[5]!, results[6]!];
    expect(
      decisions.every(
        (r) => r.status === 200 || (r.status === 409 && r.body.error.code === 'BATCH_SIGNED_OFF'),
      ),
    ).toBe(true);
    const rows = await query<{ state: string; n: number }>(
      t,
      `select state, count(*)::int as n from applications where campaign_id = '${c.id}' group by state`,
    );
    const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    const recommendedOk = recommends.filter((r) => r.status === 200).length;
    if (signOff.status === 200) {
      // the sign-off came before every recommendation (each refused); a return may have come
      // before it too (a returned application leaves the signed list as it was)
      expect(recommends.every((r) => r.status === 409)).toBe(true);
      expect(n('recommended')).toBe(0);
      expect(n('forwarded')).toBe(1);
      expect(signOff.body.recommended).toBe(1);
    } else {
      // a recommendation went first and changed the list: the stamped scan no longer holds
      expect(signOff.body.error).toMatchObject({
        code: 'BATCH_NOT_READY',
        details: { missing: ['stamped_scan'] },
      });
      expect(recommendedOk).toBeGreaterThan(0);
      expect(n('forwarded')).toBe(0);
      expect(n('recommended')).toBe(1 + recommendedOk);
    }
  });
});

describe('reopen', () => {
  test('only the organizer reopens, with a reason; the applications return to the desk', async () => {
    const c = await newCampaign(w.org);
    const [a, b] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['重开A', '重开B']);
    await recommend(w.beijing, a!, 1);
    const base = batchUrl(c.id, w.beijingUnit);
    const notYet = await w.org.post(`${base}/reopen`, { reason: '尚未报送' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('WRONG_STATE');
    await uploadScan(w.beijing, c.id, w.beijingUnit);
    expect((await w.beijing.post(`${base}/sign-off`, {})).status).toBe(200);

    for (const who of [w.beijing, w.shanghai, w.bjEnterprise])
      expect((await who.post(`${base}/reopen`, { reason: '请重新排序' })).status).toBe(403);
    expect((await w.org.post(`${base}/reopen`, { reason: ' 改' })).status).toBe(400);

    const res = await w.org.post(`${base}/reopen`, { reason: '名单中有重复申报，请调整' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      state: 'open',
      signedOffAt: null,
      stampedScan: null,
      reopenReason: '名单中有重复申报，请调整',
      reopenedAt: t.clock.now().toISOString(),
      recommended: 1,
    });
    expect(await stateOf(a!)).toBe('recommended');
    const audit = (await w.org.get(`/api/v1/audit-events?targetId=${res.body.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'batch.reopen',
      actorRole: 'organizer',
      summary: { note: '名单中有重复申报，请调整', after: { state: 'open', count: 1 } },
    });

    // the desk works again, and a new stamped scan is needed
    expect((await recommend(w.beijing, b!, 1)).status).toBe(200);
    const again = await w.beijing.post(`${base}/sign-off`, {});
    expect(again.body.error).toMatchObject({
      code: 'BATCH_NOT_READY',
      details: { missing: ['stamped_scan'] },
    });
    expect(ids((await batchOf(w.beijing, c.id)).rows)).toEqual([b, a]);
  });
});

describe('isolation', () => {
  test('a unit reads only its own batch, table and scan; the organizer reads any', async () => {
    const c = await newCampaign(w.org);
    const [a] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['北京的方案']);
    const s = await filed(w.shEnterprise, c.id, {
      uscc: w.shUscc,
      name: '上海的方案',
      region: '310100',
    });
    await recommend(w.beijing, a!, 1);
    await recommend(w.shanghai, s, 1);
    expect((await recommend(w.shanghai, a!, 2)).status).toBe(403);
    await uploadScan(w.beijing, c.id, w.beijingUnit, PDF);
    const base = batchUrl(c.id, w.beijingUnit);
    const reads = ['', '/summary-table.xlsx', '/summary-table.pdf', '/stamped-scan'];
    for (const path of reads) {
      expect((await w.shanghai.get(`${base}${path}`)).status, path).toBe(403);
      expect((await w.bjEnterprise.get(`${base}${path}`)).status, path).toBe(403);
      expect((await new Client(t.app).get(`${base}${path}`)).status, path).toBe(401);
      expect((await w.beijing.get(`${base}${path}`)).status, path).toBe(200);
      expect((await w.org.get(`${base}${path}`)).status, path).toBe(200);
    }
    expect(ids((await batchOf(w.shanghai, c.id, w.shanghaiUnit)).rows)).toEqual([s]);
    expect(ids((await batchOf(w.org, c.id, w.shanghaiUnit)).rows)).toEqual([s]);
    expect((await w.org.get(`${batchUrl(c.id, crypto.randomUUID())}`)).status).toBe(404);
    expect((await w.org.get(`${batchUrl(crypto.randomUUID(), w.beijingUnit)}`)).status).toBe(404);
    expect((await w.shanghai.get(`${batchUrl(c.id, w.shanghaiUnit)}/stamped-scan`)).status).toBe(
      404,
    );
    expect((await uploadScan(w.shanghai, c.id, w.beijingUnit)).status).toBe(403);
    expect((await uploadScan(w.bjEnterprise, c.id, w.beijingUnit)).status).toBe(403);
  });
});

describe('quota after a reopen', () => {
  test('a quota lowered while the batch was reopened must be met before signing off again', async () => {
    const c = await newCampaign(w.org);
    const [a, b] = await filedMany(w.bjEnterprise, c.id, w.bjUscc, ['配额甲', '配额乙']);
    await recommend(w.beijing, a!, 1);
    await recommend(w.beijing, b!, 2);
    const base = batchUrl(c.id, w.beijingUnit);
    await uploadScan(w.beijing, c.id, w.beijingUnit);
    expect((await w.beijing.post(`${base}/sign-off`, {})).status).toBe(200);
    expect((await w.org.post(`${base}/reopen`, { reason: '配额调整' })).status).toBe(200);
    const lowered = await w.org.patch(`/api/v1/recommender-units/${w.beijingUnit}`, {
      quotaOverride: 1,
    });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
    try {
      await uploadScan(w.beijing, c.id, w.beijingUnit);
      const res = await w.beijing.post(`${base}/sign-off`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('BATCH_NOT_READY');
      expect(res.body.error.details.missing).toEqual(['quota']);
      expect(res.body.error.message).toContain('取消1个推荐');

      expect((await w.beijing.post(`/api/v1/applications/${b}/unrecommend`, {})).status).toBe(200);
      await uploadScan(w.beijing, c.id, w.beijingUnit);
      expect((await w.beijing.post(`${base}/sign-off`, {})).status).toBe(200);
    } finally {
      await w.org.patch(`/api/v1/recommender-units/${w.beijingUnit}`, { quotaOverride: null });
    }
  });
});
