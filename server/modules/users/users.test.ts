import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  countRows,
  createTestApp,
  query,
  signedIn,
  userIdOf,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
let organizer: Client;
let beijingUnitId: string;
beforeAll(async () => {
  t = await createTestApp();
  organizer = await signedIn(t.app, 'organizer');
  const units = await organizer.get(`/api/v1/recommender-units?q=${encodeURIComponent('北京市')}`);
  beijingUnitId = units.body.items.find((u: { name: string }) => u.name === '北京市').id;
});
afterAll(() => t.close());

const staff = (login: string, over: Record<string, unknown> = {}) => ({
  role: 'expert',
  login,
  name: '张专家',
  email: `${login}@test.zhengxuan.invalid`,
  ...over,
});

async function auditFor(targetId: string) {
  return query<{
    action: string;
    actor_label: string;
    actor_role: string;
    ip: string;
    summary: any;
  }>(t, `select * from audit_log where target_id = '${targetId}' order by id`);
}

describe('creating staff accounts', () => {
  test('a recommender bound to a unit, with a one-time password to change', async () => {
    const res = await organizer.post(
      '/api/v1/users',
      staff('bj-second', {
        role: 'recommender',
        recommenderUnitId: beijingUnitId,
        phone: '010-68208206',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      role: 'recommender',
      recommenderUnitId: beijingUnitId,
      recommenderUnitName: '北京市',
      mustChangePassword: true,
      status: 'active',
    });
    const c = await signedIn(t.app, 'bj-second', res.body.oneTimePassword);
    const me = await c.get('/api/v1/me');
    expect(me.body.recommenderUnit).toMatchObject({ name: '北京市', type: 'province' });
    const [row] = await auditFor(res.body.user.id);
    expect(row).toMatchObject({
      action: 'user.create',
      actor_label: 'organizer',
      actor_role: 'organizer',
      ip: '127.0.0.1',
    });
    expect(row!.summary.after).toEqual({
      login: 'bj-second',
      role: 'recommender',
      recommenderUnitId: beijingUnitId,
    });
  });

  test('a recommender without a unit, with an unknown one or with a disabled one → 400', async () => {
    const before = await countRows(t, 'users');
    const none = await organizer.post('/api/v1/users', staff('rec-none', { role: 'recommender' }));
    expect(none.status).toBe(400);
    expect(none.body.error.details.map((d: { path: string }) => d.path)).toContain(
      'recommenderUnitId',
    );

    const unknown = await organizer.post(
      '/api/v1/users',
      staff('rec-unknown', {
        role: 'recommender',
        recommenderUnitId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(unknown.status).toBe(400);

    const unit = await organizer.post('/api/v1/recommender-units', {
      name: '已停用的测试协会',
      type: 'association',
    });
    await organizer.patch(`/api/v1/recommender-units/${unit.body.id}`, { active: false });
    const inactive = await organizer.post(
      '/api/v1/users',
      staff('rec-inactive', { role: 'recommender', recommenderUnitId: unit.body.id }),
    );
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.details[0]).toMatchObject({ path: 'recommenderUnitId' });
    expect(await countRows(t, 'users')).toBe(before);
  });

  test('an expert ignores a unit; an organizer account administers once it has chosen its password', async () => {
    const expert = await organizer.post(
      '/api/v1/users',
      staff('expert-two', { recommenderUnitId: beijingUnitId }),
    );
    expect(expert.status).toBe(201);
    expect(expert.body.user.recommenderUnitId).toBeNull();

    const org = await organizer.post(
      '/api/v1/users',
      staff('organizer-two', { role: 'organizer', password: 'Chosen2021pass' }),
    );
    expect(org.status).toBe(201);
    expect(org.body.oneTimePassword).toBeUndefined();
    const second = await signedIn(t.app, 'organizer-two', 'Chosen2021pass');
    expect((await second.get('/api/v1/users')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await second.post('/api/v1/me/password', {
      currentPassword: 'Chosen2021pass',
      newPassword: 'Chosen2026pass',
    });
    expect((await second.get('/api/v1/users')).status).toBe(200);
  });

  test('the same login (any case) → 409 LOGIN_TAKEN; the same e-mail → 409 EMAIL_TAKEN; nothing created', async () => {
    const before = await countRows(t, 'users');
    for (const login of ['beijing', 'BeiJing']) {
      const res = await organizer.post(
        '/api/v1/users',
        staff(login, { email: `${login}-x@test.zhengxuan.invalid` }),
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('LOGIN_TAKEN');
    }
    const email = await organizer.post(
      '/api/v1/users',
      staff('fresh-login', { email: 'Expert@demo.zhengxuan.invalid' }),
    );
    expect(email.status).toBe(409);
    expect(email.body.error.code).toBe('EMAIL_TAKEN');
    expect(await countRows(t, 'users')).toBe(before);
  });

  test('invalid logins and roles → 400', async () => {
    for (const body of [
      staff('ab'),
      staff('has space'),
      staff('中文名'),
      staff('x'.repeat(41)),
      staff('role-enterprise', { role: 'enterprise' }),
    ]) {
      expect((await organizer.post('/api/v1/users', body)).status).toBe(400);
    }
  });
});

describe('changing accounts', () => {
  test('disabling ends the user’s sessions and blocks sign-in; enabling lets them back', async () => {
    const created = await organizer.post(
      '/api/v1/users',
      staff('to-disable', { password: 'Start2021pass' }),
    );
    const id = created.body.user.id;
    const theirs = await signedIn(t.app, 'to-disable', 'Start2021pass');

    const res = await organizer.patch(`/api/v1/users/${id}`, { status: 'disabled' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('disabled');
    expect((await theirs.get('/api/v1/me')).status).toBe(401);
    expect(await query(t, `select 1 from sessions where user_id = '${id}'`)).toEqual([]);
    const refused = await new Client(t.app).signIn('to-disable', 'Start2021pass');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');

    expect((await organizer.patch(`/api/v1/users/${id}`, { status: 'active' })).status).toBe(200);
    await signedIn(t.app, 'to-disable', 'Start2021pass');

    const actions = (await auditFor(id)).map((r) => [r.action, r.summary.before, r.summary.after]);
    expect(actions).toContainEqual(['user.disable', { status: 'active' }, { status: 'disabled' }]);
    expect(actions).toContainEqual(['user.enable', { status: 'disabled' }, { status: 'active' }]);
  });

  test('an organizer cannot disable their own account', async () => {
    const me = (await organizer.get('/api/v1/me')).body.user;
    const res = await organizer.patch(`/api/v1/users/${me.id}`, { status: 'disabled' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await organizer.get('/api/v1/me')).body.user.status).toBe('active');
  });

  test('name and phone changes are recorded with before and after; no change, no row', async () => {
    const id = await userIdOf(t, 'expert');
    const res = await organizer.patch(`/api/v1/users/${id}`, {
      name: '改名专家',
      phone: '13911112222',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '改名专家', phone: '13911112222' });
    const rows = await auditFor(id);
    expect(rows.at(-1)).toMatchObject({
      action: 'user.update',
      summary: {
        before: { name: '演示专家', phone: null },
        after: { name: '改名专家', phone: '13911112222' },
      },
    });
    const n = rows.length;
    await organizer.patch(`/api/v1/users/${id}`, { name: '改名专家' });
    expect((await auditFor(id)).length).toBe(n);
  });

  test('an unknown user → 404; a bad phone → 400', async () => {
    expect(
      (
        await organizer.patch('/api/v1/users/00000000-0000-4000-8000-000000000000', {
          name: '某某',
        })
      ).status,
    ).toBe(404);
    const id = await userIdOf(t, 'expert');
    expect((await organizer.patch(`/api/v1/users/${id}`, { phone: '12' })).status).toBe(400);
  });
});

describe('listing accounts', () => {
  test('filters by role, unit and text', async () => {
    const recommenders = (await organizer.get('/api/v1/users?role=recommender')).body.items;
    expect(recommenders.every((u: { role: string }) => u.role === 'recommender')).toBe(true);
    expect(recommenders.map((u: { login: string }) => u.login)).toEqual(
      expect.arrayContaining(['beijing', 'casic']),
    );
    const ofBeijing = (await organizer.get(`/api/v1/users?recommenderUnitId=${beijingUnitId}`)).body
      .items;
    expect(ofBeijing.map((u: { login: string }) => u.login).sort()).toEqual([
      'beijing',
      'bj-second',
    ]);
    const byName = (await organizer.get(`/api/v1/users?q=${encodeURIComponent('北京示例')}`)).body
      .items;
    expect(byName.map((u: { enterpriseName: string }) => u.enterpriseName)).toEqual([
      '北京示例智造科技有限公司',
    ]);
    expect((await organizer.get('/api/v1/users?role=nobody')).status).toBe(400);
  });

  test('no password hash or lock counter leaves the server', async () => {
    const res = await organizer.get('/api/v1/users');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('failedSignIns');
  });
});
