import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  createTestApp,
  DEMO_PASSWORD,
  query,
  registration,
  signedIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness';
import { verifyAuditChain } from './service';

let t: TestApp;
let organizer: Client;
beforeAll(async () => {
  t = await createTestApp({ config: { signInRatePerMinute: 1000 } });
  organizer = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

interface Row {
  id: number;
  actionLabel: string;
  targetTypeLabel: string;
  objectLabel: string | null;
  objectLink: string | null;
  actorName: string | null;
  changes: { key: string; label: string; before: string | null; after: string | null }[];
  note: string | null;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: { before?: Record<string, unknown>; after?: Record<string, unknown>; note?: string };
  ip: string | null;
}
async function events(qs: string) {
  const res = await organizer.get(`/api/v1/audit-events?${qs}`);
  expect(res.status).toBe(200);
  return res.body as { items: Row[]; total: number; actions: string[] };
}
const latest = async (action: string) => (await events(`action=${action}&limit=1`)).items[0]!;

describe('what is recorded', () => {
  test('sign-in, failed sign-in and refused sign-in, with actor, role, target and IP', async () => {
    const expertId = await userIdOf(t, 'expert');
    await signedIn(t.app, 'expert', DEMO_PASSWORD, '10.5.0.1');
    expect(await latest('user.sign_in')).toMatchObject({
      actorId: expertId,
      actorRole: 'expert',
      actorLabel: 'expert',
      targetType: 'user',
      targetId: expertId,
      ip: '10.5.0.1',
    });
    await new Client(t.app, '10.5.0.2').signIn('expert', 'Wrong2021pass');
    expect(await latest('user.sign_in_failed')).toMatchObject({
      actorLabel: 'expert',
      targetId: expertId,
      ip: '10.5.0.2',
      summary: { after: { failedSignIns: 1, locked: false } },
    });

    const created = await organizer.post('/api/v1/users', {
      role: 'expert',
      login: 'audit-disabled',
      name: '停用专家',
      email: 'audit-disabled@test.zhengxuan.invalid',
      password: 'Start2021pass',
    });
    await organizer.patch(`/api/v1/users/${created.body.user.id}`, { status: 'disabled' });
    await new Client(t.app, '10.5.0.3').signIn('audit-disabled', 'Start2021pass');
    expect(await latest('user.sign_in_refused')).toMatchObject({
      actorLabel: 'audit-disabled',
      targetId: created.body.user.id,
      ip: '10.5.0.3',
      summary: { note: 'disabled' },
    });
  });

  test('account, unit and campaign changes and registrations, by the organizer or anonymous', async () => {
    const orgId = await userIdOf(t, 'organizer');
    const byOrganizer = {
      actorId: orgId,
      actorRole: 'organizer',
      actorLabel: 'organizer',
      ip: '127.0.0.1',
    };

    const user = await organizer.post('/api/v1/users', {
      role: 'expert',
      login: 'audit-expert',
      name: '审计专家',
      email: 'audit-expert@test.zhengxuan.invalid',
    });
    expect(await latest('user.create')).toMatchObject({
      ...byOrganizer,
      targetType: 'user',
      targetId: user.body.user.id,
      summary: { after: { login: 'audit-expert', role: 'expert' } },
    });
    await organizer.patch(`/api/v1/users/${user.body.user.id}`, { status: 'disabled' });
    expect(await latest('user.disable')).toMatchObject({
      ...byOrganizer,
      targetId: user.body.user.id,
      summary: { before: { status: 'active' }, after: { status: 'disabled' } },
    });
    await organizer.post(`/api/v1/users/${user.body.user.id}/password-reset`);
    expect(await latest('user.reset_password')).toMatchObject({
      ...byOrganizer,
      targetId: user.body.user.id,
    });

    const unit = await organizer.post('/api/v1/recommender-units', {
      name: '审计测试协会',
      type: 'association',
    });
    await organizer.patch(`/api/v1/recommender-units/${unit.body.id}`, { quotaOverride: 3 });
    expect(await latest('recommender_unit.update')).toMatchObject({
      ...byOrganizer,
      targetType: 'recommender_unit',
      targetId: unit.body.id,
      summary: { before: { quotaOverride: null }, after: { quotaOverride: 3 } },
    });

    const campaign = await organizer.post('/api/v1/campaigns/miit-iiapp-2021/copy', {
      code: 'audit-copy-2027',
      year: 2027,
      title: '审计测试活动',
      opensAt: '2027-09-01T00:00:00+08:00',
      onlineDeadline: '2027-10-20T23:59:59.999+08:00',
      paperDeadline: '2027-10-20T23:59:59.999+08:00',
    });
    expect(await latest('campaign.copy')).toMatchObject({
      ...byOrganizer,
      targetType: 'campaign',
      targetId: campaign.body.id,
      summary: { after: { code: 'audit-copy-2027', copiedFrom: 'miit-iiapp-2021' } },
    });

    const reg = await new Client(t.app, '10.5.1.1').post('/api/v1/enterprises', registration(1));
    expect(await latest('enterprise.register')).toMatchObject({
      actorId: null,
      actorRole: 'anonymous',
      actorLabel: registration(1).uscc,
      targetType: 'enterprise',
      targetId: reg.body.enterprise.id,
      ip: '10.5.1.1',
    });

    const expert = await signedIn(t.app, 'expert', DEMO_PASSWORD);
    await expert.post('/api/v1/auth/sign-out');
    expect(await latest('user.sign_out')).toMatchObject({
      actorLabel: 'expert',
      actorRole: 'expert',
    });
  });
});

describe('the log for people: names, not codes', () => {
  test('each row names its action, its object (with a link) and its changed fields in Chinese', async () => {
    const unit = (await events('action=recommender_unit.update&limit=1')).items[0]!;
    expect(unit).toMatchObject({
      action: 'recommender_unit.update', // the code stays, for experts
      actionLabel: '修改推荐单位',
      targetTypeLabel: '推荐单位',
      objectLabel: '审计测试协会',
      objectLink: '/admin/units',
      actorName: '演示主管部门（organizer）',
      changes: [{ key: 'quotaOverride', label: '推荐名额（单独设定）', before: '—', after: '3' }],
    });

    const disabled = (await events('action=user.disable&limit=1')).items[0]!;
    expect(disabled).toMatchObject({
      actionLabel: '停用账号',
      objectLabel: '审计专家（audit-expert）',
      objectLink: '/admin/users',
      changes: [{ key: 'status', label: '账号状态', before: '启用', after: '停用' }],
    });

    const copied = (await events('action=campaign.copy&limit=1')).items[0]!;
    expect(copied).toMatchObject({
      actionLabel: '复制活动',
      objectLabel: '审计测试活动',
      objectLink: '/admin/campaigns/audit-copy-2027/config',
    });
    const created = (await events('action=user.create&limit=1')).items[0]!;
    expect(created.changes).toEqual(
      expect.arrayContaining([{ key: 'role', label: '角色', before: null, after: '评审专家' }]),
    );

    const refused = (await events('action=user.sign_in_refused&limit=1')).items[0]!;
    expect(refused).toMatchObject({ actionLabel: '登录被拒绝', note: '账号已停用' });

    const registered = (await events('action=enterprise.register&limit=1')).items[0]!;
    expect(registered).toMatchObject({
      actionLabel: '企业注册',
      objectLabel: registration(1).name,
      objectLink: '/admin/enterprises',
    });
    // no raw UUIDs or field keys in what the page shows
    for (const row of (await events('limit=500')).items) {
      expect(row.actionLabel, row.action).toMatch(/[\u4e00-\u9fff]/);
      expect(row.targetTypeLabel, row.targetType).toMatch(/[\u4e00-\u9fff]/);
      for (const c of row.changes) {
        expect(c.label, c.key).not.toMatch(/^[a-z][A-Za-z]+$/);
        for (const v of [c.before, c.after])
          expect(v ?? '').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      }
    }
  });
});

describe('reading the log', () => {
  test('filters: action, actor, target type, time range; newest first', async () => {
    const byAction = await events('action=user.sign_in');
    expect(byAction.items.length).toBeGreaterThan(0);
    expect(byAction.items.every((r) => r.action === 'user.sign_in')).toBe(true);
    expect(byAction.total).toBe(byAction.items.length);
    const ids = byAction.items.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const byActor = await events('actorLabel=expert');
    expect(byActor.items.every((r) => r.actorLabel === 'expert')).toBe(true);
    const byTarget = await events('targetType=recommender_unit');
    expect(byTarget.items.map((r) => r.action).sort()).toEqual([
      'recommender_unit.create',
      'recommender_unit.update',
    ]);
    expect(byAction.actions).toEqual(
      expect.arrayContaining(['campaign.copy', 'enterprise.register', 'user.sign_in']),
    );

    // time range: move the clock a day on and act
    const from = new Date(t.clock.now().getTime() + 86_400_000);
    t.clock.set(from.toISOString());
    organizer = await signedIn(t.app, 'organizer'); // the old session has expired
    await signedIn(t.app, 'beijing');
    const window = await events(`from=${encodeURIComponent(from.toISOString())}`);
    expect(window.items.map((r) => [r.action, r.actorLabel])).toEqual([
      ['user.sign_in', 'beijing'],
      ['user.sign_in', 'organizer'],
    ]);
    const before = await events(
      `to=${encodeURIComponent(new Date(from.getTime() - 1).toISOString())}&actorLabel=beijing`,
    );
    expect(before.items).toEqual([]);
  });

  test('paging with beforeId walks the whole log once', async () => {
    const all = await events('limit=500');
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await events(`limit=7${beforeId ? `&beforeId=${beforeId}` : ''}`);
      if (page.items.length === 0) break;
      expect(page.total).toBe(all.total); // the total ignores paging
      seen.push(...page.items.map((r) => r.id));
      beforeId = page.items.at(-1)!.id;
    }
    // reading the log writes nothing, so the pages hold exactly the rows there were
    expect(seen).toEqual(all.items.map((r) => r.id));
  });

  test('the hash chain is never shown half: rows carry their hash, not the previous one', async () => {
    const { items } = await events('limit=1');
    expect(items[0]).toHaveProperty('hash');
    expect(items[0]).not.toHaveProperty('prevHash');
  });
});

describe('append-only and tamper-evident', () => {
  test('UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const before = await query(t, 'select * from audit_log order by id');
    for (const statement of [
      `update audit_log set summary = '{}' where id = 1`,
      `delete from audit_log where id = 1`,
      'truncate audit_log',
    ]) {
      const error = await query(t, statement).then(
        () => undefined,
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(error, statement).toMatch(/audit_log is append-only/);
    }
    expect(await query(t, 'select * from audit_log order by id')).toEqual(before);
  });

  test('concurrent appends (12 registrations and 12 sign-ins at once) keep one valid chain', async () => {
    const before = (await events('limit=1')).total;
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) =>
        new Client(t.app, `10.6.0.${i}`).post('/api/v1/enterprises', registration(200 + i)),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        new Client(t.app, `10.6.1.${i}`).signIn(
          ['beijing', 'casic', 'expert', 'organizer'][i % 4]!,
        ),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([
      ...Array(12).fill(200),
      ...Array(12).fill(201),
    ]);
    expect((await events('limit=1')).total).toBe(before + 24);
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, rows: before + 24 });
    const forks = await query(
      t,
      `select prev_hash from audit_log group by prev_hash having count(*) > 1`,
    );
    expect(forks).toEqual([]);
  });

  test('an edited row breaks its own hash; a deleted row breaks the next link', async () => {
    const ok = await organizer.get('/api/v1/audit-events/verification');
    expect(ok.body).toMatchObject({ ok: true });
    const total = ok.body.rows as number;
    expect(total).toBeGreaterThan(10);

    const [victim] = await query<{ id: number; summary: unknown }>(
      t,
      `select id, summary from audit_log where action = 'enterprise.register' order by id limit 1`,
    );
    const id = Number(victim!.id);
    const original = JSON.stringify(victim!.summary).replace(/'/g, "''");
    await query(t, 'alter table audit_log disable trigger audit_log_append_only');
    try {
      await query(
        t,
        `update audit_log set summary = jsonb_set(summary, '{after,name}', '"篡改后的名称"') where id = ${id}`,
      );
      const broken = await organizer.get('/api/v1/audit-events/verification');
      expect(broken.body).toEqual({
        ok: false,
        rows: expect.any(Number),
        brokenAtId: id,
        reason: 'hash_mismatch',
        checkpoints: 0,
        unreadableCheckpoints: [],
        stateMismatches: [],
      });
      expect(await verifyAuditChain(t.deps.db)).toMatchObject({
        ok: false,
        brokenAtId: id,
        reason: 'hash_mismatch',
      });

      // put it back: whole again (the hash covers content, not storage)
      await query(t, `update audit_log set summary = '${original}'::jsonb where id = ${id}`);
      expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, rows: total });

      // remove a row in the middle
      const [{ id: middle, next }] = (await query<{ id: number; next: number }>(
        t,
        `select id, lead(id) over (order by id) as next from audit_log order by id offset ${Math.floor(total / 2)} limit 1`,
      )) as [{ id: number; next: number }];
      await query(t, `delete from audit_log where id = ${middle}`);
      const gap = await organizer.get('/api/v1/audit-events/verification');
      expect(gap.body).toMatchObject({
        ok: false,
        brokenAtId: Number(next),
        reason: 'link_broken',
      });
    } finally {
      await query(t, 'alter table audit_log enable trigger audit_log_append_only');
    }
  });
});
