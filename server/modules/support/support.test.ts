// 配套支持 (issue 15) through the API: only the recommender of a solution's unit records support
// (another unit, the enterprise and organizers are refused); funding needs its amount in whole 元,
// the day may not be in the future, a document is checked by its content and must be the unit's
// own; the enterprise reads its records, never writes; a record is withdrawn with a reason by its
// unit and stays; the organizer's totals per unit count what stands.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, postFile } from '../../../test/fixtures/applications';
import { publishedWorld, type PublishedWorld } from '../../../test/fixtures/showcase';
import { createTestApp, query, type TestApp } from '../../../test/harness';

let t: TestApp;
let w: PublishedWorld;
let bj: string;
const URL = '/api/v1/support-records';

const policy = (publicId: string, over: Record<string, unknown> = {}) => ({
  publicId,
  kind: 'policy',
  title: '列入本市工业互联网推广目录',
  day: '2027-01-15',
  documentNo: '京经信发〔2027〕5号',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 } });
  w = await publishedWorld(t, 9821);
  bj = w.bjPublicIds[0]!;
  t.clock.set('2027-02-01T10:00:00+08:00');
});
afterAll(() => t?.close());

describe('recordSupport', () => {
  test('another unit, the enterprise and organizers are refused', async () => {
    expect((await w.shanghai.post(URL, policy(bj))).status).toBe(403);
    expect((await w.bjEnterprise.post(URL, policy(bj))).status).toBe(403);
    expect((await w.org.post(URL, policy(bj))).status).toBe(403);
    expect((await w.beijing.post(URL, policy('2026-IIAPP-999'))).status).toBe(404);
    expect(await query(t, 'select id from support_records')).toEqual([]);
  });

  test('funding needs an amount in whole 元; the day may not be in the future', async () => {
    const noAmount = await w.beijing.post(URL, policy(bj, { kind: 'funding' }));
    expect(noAmount.status).toBe(400);
    expect(JSON.stringify(noAmount.body.error.details)).toContain('金额');
    const fraction = await w.beijing.post(URL, policy(bj, { kind: 'funding', amountYuan: 1.5 }));
    expect(fraction.status).toBe(400);
    const future = await w.beijing.post(URL, policy(bj, { day: '2027-02-02' }));
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('不能晚于今天');
  });

  test('the unit records policy and funding support, with its document', async () => {
    const fake = await postFile(w.beijing, `${URL}/documents`, '文件.pdf', Buffer.from('nope'));
    expect(fake.status).toBe(400);
    const doc = await postFile(w.beijing, `${URL}/documents`, '支持文件.pdf', PDF);
    expect(doc.status).toBe(201);
    // another unit cannot use it
    const foreign = await w.shanghai.post(
      URL,
      policy(w.shPublicIds[0]!, { documentId: doc.body.id }),
    );
    expect(foreign.status).toBe(400);
    const p = await w.beijing.post(URL, policy(bj, { documentId: doc.body.id }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({
      publicId: bj,
      kind: 'policy',
      kindLabel: '政策支持',
      amountYuan: null,
      document: { id: doc.body.id, filename: '支持文件.pdf' },
      canWithdraw: true,
      withdrawnAt: null,
    });
    const f = await w.beijing.post(
      URL,
      policy(bj, { kind: 'funding', title: '数字化转型专项资金', amountYuan: 500000 }),
    );
    expect(f.status).toBe(201);
    const r = await w.beijing.post(
      URL,
      policy(w.bjPublicIds[1]!, { kind: 'resource', title: '对接应用场景', day: '2027-02-01' }),
    );
    expect(r.status).toBe(201);
    const audits = await query<{ n: number }>(
      t,
      `select count(*)::int as n from audit_log where action = 'support.record'`,
    );
    expect(audits[0]!.n).toBe(3);
    // the unit downloads its document; another unit cannot
    expect((await w.beijing.get(`${URL}/documents/${doc.body.id}`)).status).toBe(200);
    expect((await w.shanghai.get(`${URL}/documents/${doc.body.id}`)).status).toBe(403);
  });
});

describe('listSupport', () => {
  test('the unit sees its selected solutions with their validity and records', async () => {
    const res = await w.beijing.get(URL);
    expect(res.status).toBe(200);
    expect(res.body.canRecord).toBe(true);
    expect(res.body.solutions.map((s: { publicId: string }) => s.publicId).sort()).toEqual(
      [...w.bjPublicIds].sort(),
    );
    const s = res.body.solutions.find((x: { publicId: string }) => x.publicId === bj);
    expect(s).toMatchObject({ validUntil: '2028-11-06', status: 'valid' });
    expect(s.records.map((r: { kind: string }) => r.kind).sort()).toEqual(['funding', 'policy']);
  });

  test('the enterprise reads its own, read-only; another unit sees none of them', async () => {
    const own = await w.bjEnterprise.get(URL);
    expect(own.body.canRecord).toBe(false);
    const records = own.body.solutions.flatMap((s: { records: unknown[] }) => s.records);
    expect(records).toHaveLength(3);
    expect(records.every((r: { canWithdraw: boolean }) => !r.canWithdraw)).toBe(true);
    const other = await w.shEnterprise.get(URL);
    expect(other.body.solutions.flatMap((s: { records: unknown[] }) => s.records)).toEqual([]);
    const sh = await w.shanghai.get(URL);
    expect(sh.body.solutions.map((s: { publicId: string }) => s.publicId)).not.toContain(bj);
  });
});

describe('withdrawSupport and the totals', () => {
  test('only the recording unit withdraws, with a reason; the record stays', async () => {
    const [row] = await query<{ id: string }>(
      t,
      `select id from support_records where kind = 'funding'`,
    );
    const url = `${URL}/${row!.id}/withdraw`;
    expect((await w.shanghai.post(url, { reason: '误登记的记录' })).status).toBe(403);
    expect((await w.bjEnterprise.post(url, { reason: '误登记的记录' })).status).toBe(403);
    expect((await w.beijing.post(url, { reason: '短' })).status).toBe(400);
    const res = await w.beijing.post(url, { reason: '金额登记有误' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ withdrawReason: '金额登记有误', canWithdraw: false });
    expect(res.body.withdrawnAt).not.toBeNull();
    const again = await w.beijing.post(url, { reason: '金额登记有误' });
    expect(again.status).toBe(409);
    expect(await query(t, `select id from support_records where id = '${row!.id}'`)).toHaveLength(
      1,
    );
  });

  test('the organizer’s totals per unit count what stands; only organizers see them', async () => {
    // 上海市 records funding for one of its own
    const f = await w.shanghai.post(
      URL,
      policy(w.shPublicIds[0]!, { kind: 'funding', title: '专项资金', amountYuan: 300000 }),
    );
    expect(f.status).toBe(201);
    expect((await w.beijing.get(`${URL}/totals`)).status).toBe(403);
    const res = await w.org.get(`${URL}/totals`);
    expect(res.status).toBe(200);
    const byUnit = (id: string) => res.body.items.find((i: { unitId: string }) => i.unitId === id);
    expect(byUnit(w.beijingUnit)).toMatchObject({
      selected: w.bjPublicIds.length,
      supported: 2,
      policy: 1,
      funding: 0,
      resource: 1,
      fundingYuan: 0,
    });
    expect(byUnit(w.shanghaiUnit)).toMatchObject({
      selected: w.shPublicIds.length,
      supported: 1,
      funding: 1,
      fundingYuan: 300000,
    });
    expect(res.body.total).toMatchObject({
      policy: 1,
      funding: 1,
      resource: 1,
      fundingYuan: 300000,
    });
    // and 动态管理 shows each solution's totals
    const lc = await w.org.get(`/api/v1/award-lifecycle?unitId=${w.shanghaiUnit}`);
    const item = lc.body.items.find((i: { publicId: string }) => i.publicId === w.shPublicIds[0]);
    expect(item.support).toEqual({
      count: 1,
      policy: 0,
      funding: 1,
      resource: 0,
      fundingYuan: 300000,
    });
  });
});
