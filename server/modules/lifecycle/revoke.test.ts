// 撤销 and 退出 (issue 15) through the API: only an organizer, with a known public id, a reason and
// a note of at least 4 characters, evidence checked by its content; a revoked or withdrawn
// solution is refused again with its own code. The new status and the history (reason and day,
// never the organizer) show at once on the public list and page, the open data, the Atom feed and
// /verify; the enterprise and its recommender are told, the audit row written. listAwardLifecycle:
// organizers see all, a recommender its unit's, an enterprise its own, with the filters.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDF, postFile } from '../../../test/fixtures/applications';
import { publishedWorld, type PublishedWorld } from '../../../test/fixtures/showcase';
import {
  Client,
  createTestApp,
  query,
  signedIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness';
import { runLifecycle } from './index';

let t: TestApp;
let w: PublishedWorld;
let anon: Client;
let organizerName: string;
const URL = '/api/v1/award-lifecycle/revocations';

const body = (publicId: string, over: Record<string, unknown> = {}) => ({
  publicId,
  action: 'revoke',
  reasonCode: 'spot_check_failed',
  note: '随机抽查现场核验，应用情况与申报材料严重不符。',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000, sessionHours: 24 * 365 } });
  w = await publishedWorld(t, 9811);
  anon = new Client(t.app);
  t.clock.set('2027-03-01T10:00:00+08:00');
  const [org] = await query<{ name: string }>(
    t,
    `select name from users where login = 'organizer'`,
  );
  organizerName = org!.name;
});
afterAll(() => t?.close());

describe('listAwardLifecycle', () => {
  test('organizers see all, a recommender its unit, an enterprise its own', async () => {
    const org = await w.org.get('/api/v1/award-lifecycle?pageSize=100');
    expect(org.status).toBe(200);
    const ids = org.body.items.map((i: { publicId: string }) => i.publicId);
    expect(ids).toEqual(expect.arrayContaining([...w.bjPublicIds, ...w.shPublicIds]));
    const item = org.body.items.find((i: { publicId: string }) => i.publicId === w.bjPublicIds[0]);
    expect(item).toMatchObject({
      validFrom: '2026-11-07',
      validUntil: '2028-11-06',
      status: 'valid',
      statusLabel: '有效',
      daysLeft: 616,
      nextDueOn: '2028-08-09',
      support: { count: 0, fundingYuan: 0 },
    });
    expect(item.events.map((e: { kind: string }) => e.kind)).toEqual(['published']);
    const unit = await w.beijing.get('/api/v1/award-lifecycle');
    expect(unit.body.items.map((i: { publicId: string }) => i.publicId).sort()).toEqual(
      [...w.bjPublicIds].sort(),
    );
    const ent = await w.shEnterprise.get('/api/v1/award-lifecycle');
    expect(ent.body.items.map((i: { publicId: string }) => i.publicId).sort()).toEqual(
      [...w.shPublicIds].sort(),
    );
  });

  test('filters: expiring within N days, unit, status', async () => {
    const soon = await w.org.get('/api/v1/award-lifecycle?expiringWithinDays=90');
    expect(soon.body.total).toBe(0);
    const later = await w.org.get('/api/v1/award-lifecycle?expiringWithinDays=700');
    expect(later.body.total).toBe(4);
    const sh = await w.org.get(`/api/v1/award-lifecycle?unitId=${w.shanghaiUnit}`);
    expect(sh.body.items.map((i: { publicId: string }) => i.publicId).sort()).toEqual(
      [...w.shPublicIds].sort(),
    );
    expect((await w.org.get('/api/v1/award-lifecycle?status=revoked')).body.total).toBe(0);
    expect((await w.org.get('/api/v1/award-lifecycle?expiringWithinDays=-1')).status).toBe(400);
  });
});

describe('revokeAward refusals', () => {
  test('not an organizer: 403, nothing changed', async () => {
    for (const c of [w.bjEnterprise, w.beijing])
      expect((await c.post(URL, body(w.bjPublicIds[0]!))).status).toBe(403);
    expect((await anon.post(URL, body(w.bjPublicIds[0]!))).status).toBe(401);
    const [row] = await query<{ status: string }>(
      t,
      `select status from published_solutions where public_id = '${w.bjPublicIds[0]}'`,
    );
    expect(row!.status).toBe('valid');
  });

  test('an unknown id: 404; a short note, an unknown reason or missing evidence: 400', async () => {
    const unknown = await w.org.post(URL, body('2026-IIAPP-999'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('公开编号');
    const short = await w.org.post(URL, body(w.bjPublicIds[0]!, { note: '不符' }));
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.error.details)).toContain('至少4个字');
    expect((await w.org.post(URL, body(w.bjPublicIds[0]!, { reasonCode: 'x' }))).status).toBe(400);
    const noDoc = await w.org.post(
      URL,
      body(w.bjPublicIds[0]!, { evidenceDocumentId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(noDoc.status).toBe(400);
  });

  test('evidence that is not a PDF or an image by its content is refused', async () => {
    const fake = await postFile(
      w.org,
      '/api/v1/award-lifecycle/evidence',
      '证明.pdf',
      Buffer.from('not a pdf at all'),
    );
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('FILE_REJECTED');
  });
});

describe('a revocation', () => {
  let id: string;
  let code: string;

  test('with evidence: 已撤销, its history, the audit row, the enterprise and its unit told', async () => {
    id = w.bjPublicIds[0]!;
    const ev = await postFile(w.org, '/api/v1/award-lifecycle/evidence', '抽查报告.pdf', PDF);
    expect(ev.status).toBe(201);
    const res = await w.org.post(URL, body(id, { evidenceDocumentId: ev.body.id }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ publicId: id, status: 'revoked', statusLabel: '已撤销' });
    expect(res.body.events.at(-1)).toMatchObject({
      kind: 'revoked',
      day: '2027-03-01',
      reasonCode: 'spot_check_failed',
      reasonLabel: '抽查不合格',
      evidence: { id: ev.body.id, filename: '抽查报告.pdf' },
    });
    const evidence = await w.org.get(`/api/v1/award-lifecycle/evidence/${ev.body.id}`);
    expect(evidence.status).toBe(200);
    expect((await w.beijing.get(`/api/v1/award-lifecycle/evidence/${ev.body.id}`)).status).toBe(
      403,
    );
    // the unit reads the history, not the evidence
    const unit = await w.beijing.get('/api/v1/award-lifecycle?status=revoked');
    expect(unit.body.items[0].events.at(-1).evidence).toBeNull();

    const audits = await query<{ actor_role: string; summary: Record<string, any> }>(
      t,
      `select actor_role, summary from audit_log where action = 'published_solution.revoke' and target_id = '${id}'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_role).toBe('organizer');
    expect(audits[0]!.summary.before).toEqual({ status: 'valid' });
    expect(audits[0]!.summary.note).toContain('严重不符');
    const bjUser = (await w.bjEnterprise.get('/api/v1/me')).body.user.id;
    const unitUser = await userIdOf(t, 'beijing');
    for (const user of [bjUser, unitUser]) {
      const msgs = await query<{ subject: string; body: string }>(
        t,
        `select subject, body from notifications where user_id = '${user}' and kind = 'award.status_changed'`,
      );
      expect(msgs).toHaveLength(1);
      expect(msgs[0]!.subject).toContain('撤销入选资格');
      expect(msgs[0]!.body).toContain('抽查不合格');
    }
    const rows = await query<{ code: string }>(
      t,
      `select certificate_code as code from published_solutions where public_id = '${id}'`,
    );
    code = rows[0]!.code;
  });

  test('again: 409 ALREADY_REVOKED, nothing more written', async () => {
    const again = await w.org.post(URL, body(id));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REVOKED');
    expect(again.body.error.message).toContain('已撤销');
    const withdraw = await w.org.post(URL, body(id, { action: 'withdraw' }));
    expect(withdraw.body.error.code).toBe('ALREADY_REVOKED');
    const [n] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from published_solution_events where public_id = '${id}'`,
    );
    expect(n!.n).toBe(2);
  });

  test('the public list, page, open data, Atom feed and /verify show it (never the organizer)', async () => {
    const list = await anon.get('/api/v1/published-solutions?status=revoked');
    expect(list.body.items.map((i: { publicId: string }) => i.publicId)).toEqual([id]);
    const detail = await anon.get(`/api/v1/published-solutions/${id}`);
    expect(detail.body.status).toBe('revoked');
    expect(detail.body.history.at(-1)).toEqual({
      kind: 'revoked',
      kindLabel: '撤销',
      day: '2027-03-01',
      note: '经主管部门核实，撤销入选资格（原因：抽查不合格）',
      reasonLabel: '抽查不合格',
    });
    const page = await anon.get(`/solutions/${id}`);
    expect(page.raw.body).toContain('已撤销');
    expect(page.raw.body).toContain('抽查不合格');
    const json = await anon.get('/api/v1/published-solutions.json');
    const rec = json.body.items.find((r: { publicId: string }) => r.publicId === id);
    expect(rec).toMatchObject({
      status: 'revoked',
      statusLabel: '已撤销',
      statusChangedOn: '2027-03-01',
      statusReason: '抽查不合格',
      history: ['2026-11-07 发布入选', '2027-03-01 撤销（抽查不合格）'],
    });
    const csv = (await anon.get('/api/v1/published-solutions.csv')).raw.body;
    expect(csv).toContain('2026-11-07 发布入选；2027-03-01 撤销（抽查不合格）');
    const atom = (await anon.get('/api/v1/published-solutions/changes.atom')).raw.body;
    expect(atom).toContain(`撤销：`);
    const verify = await anon.get(`/api/v1/verify/${code}`);
    expect(verify.body).toMatchObject({
      status: 'revoked',
      statusChangedOn: '2027-03-01',
      statusReason: '抽查不合格',
    });
    for (const text of [
      JSON.stringify(detail.body),
      page.raw.body,
      JSON.stringify(json.body),
      csv,
      atom,
    ])
      expect(text).not.toContain(organizerName);
  });
});

describe('a withdrawal', () => {
  test('已退出, then refused with ALREADY_WITHDRAWN; the public list filters by it', async () => {
    const id = w.shPublicIds[0]!;
    const res = await w.org.post(
      URL,
      body(id, { action: 'withdraw', reasonCode: 'deregistered', note: '企业已注销，申请退出。' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', statusLabel: '已退出' });
    expect(res.body.events.at(-1)).toMatchObject({ kind: 'withdrawn', reasonLabel: '企业注销' });
    const again = await w.org.post(URL, body(id));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_WITHDRAWN');
    const list = await anon.get('/api/v1/published-solutions?status=withdrawn');
    expect(list.body.items.map((i: { publicId: string }) => i.publicId)).toEqual([id]);
    expect(list.body.items[0].statusLabel).toBe('已退出');
  });

  test('an expired solution may still be revoked; the schedule then leaves it alone', async () => {
    const id = w.shPublicIds[1]!;
    t.clock.set('2028-11-10T10:00:00+08:00');
    const org = await signedIn(t.app, 'organizer');
    const before = await org.get(`/api/v1/award-lifecycle?status=expired`);
    expect(before.body.items.map((i: { publicId: string }) => i.publicId)).toContain(id);
    const res = await org.post(URL, body(id, { reasonCode: 'false_information' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('revoked');
    await runLifecycle(t.deps);
    const [row] = await query<{ status: string }>(
      t,
      `select status from published_solutions where public_id = '${id}'`,
    );
    expect(row!.status).toBe('revoked');
    // the one still valid in the records expires; the revoked and withdrawn stay as they are
    expect(await query(t, `select key from lifecycle_actions where public_id = '${id}'`)).toEqual(
      [],
    );
  });
});
