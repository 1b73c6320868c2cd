import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  countRows,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  DEMO_PASSWORD,
  firstSignIn,
  makeUscc,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';

const RATE = 10; // sign-in attempts per IP per minute in this file
const SLOWDOWN = 800;
const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;

let t: TestApp;
let organizer: Client;
let ipCounter = 0;
/** Each test signs in from its own address so the per-IP limit only bites where it is tested. */
const nextIp = () => `10.3.0.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      signInRatePerMinute: RATE,
      signInSlowdownMs: SLOWDOWN,
      signInLockAfter: LOCK_AFTER,
      signInLockMinutes: LOCK_MINUTES,
      sessionHours: SESSION_HOURS,
    },
  });
  organizer = await signedIn(t.app, 'organizer', DEMO_PASSWORD, nextIp());
});
afterAll(() => t.close());

let userCounter = 0;
/** A fresh expert account with a known password, so tests do not share counters. */
async function newAccount(password = 'Start2021pass') {
  const login = `auth-user-${++userCounter}`;
  const res = await organizer.post('/api/v1/users', {
    role: 'expert',
    login,
    name: '测试专家',
    email: `${login}@test.zhengxuan.invalid`,
    password,
  });
  expect(res.status).toBe(201);
  return { login, password, id: res.body.user.id as string };
}

const sessionsOf = async (userId: string) =>
  (await query(t, `select id from sessions where user_id = '${userId}'`)).length;

async function auditRows(action: string, targetId: string) {
  return query<{ actor_label: string; actor_role: string; ip: string; summary: any }>(
    t,
    `select * from audit_log where action = '${action}' and target_id = '${targetId}' order by id`,
  );
}

describe('sign-in', () => {
  test.each([
    ['login name', 'organizer', 'organizer'],
    ['e-mail, any case', 'Organizer@Demo.Zhengxuan.invalid', 'organizer'],
    ['统一社会信用代码', DEMO_ENTERPRISE_USCC, DEMO_ENTERPRISE_USCC],
    ['统一社会信用代码 in lower case', DEMO_ENTERPRISE_USCC.toLowerCase(), DEMO_ENTERPRISE_USCC],
  ])('by %s', async (_what, login, expected) => {
    const ip = nextIp();
    const c = new Client(t.app, ip);
    const res = await c.signIn(login);
    expect(res.status).toBe(200);
    expect(res.body.user.login).toBe(expected);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const cookie = res.raw.cookies.find((k) => k.name === 'zx_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await c.get('/api/v1/me')).body.user.login).toBe(expected);
    const rows = await auditRows('user.sign_in', res.body.user.id);
    expect(rows.at(-1)).toMatchObject({ actor_label: expected, ip });
  });

  test('a wrong password and an unknown account get the same 401 answer, body and all', async () => {
    const { login, id } = await newAccount();
    const wrong = await new Client(t.app, nextIp()).signIn(login, 'Wrong2021pass');
    const unknown = await new Client(t.app, nextIp()).signIn('nobody-here', 'Wrong2021pass');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
    const [row] = await auditRows('user.sign_in_failed', id);
    expect(row!.summary.after).toEqual({ failedSignIns: 1, locked: false });
  });

  test('known and unknown accounts take alike long to refuse, and lock alike', async () => {
    // what a caller waits: the real time spent (argon2, database) plus the delays slept
    async function timed(login: string, ip: string) {
      const slept = t.clock.now().getTime();
      const started = performance.now();
      const res = await new Client(t.app, ip).signIn(login, 'Wrong2021pass');
      const delayed = t.clock.now().getTime() - slept;
      return { res, delayed, ms: performance.now() - started + delayed };
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { login } = await newAccount();
      const a = await timed(login, nextIp());
      const b = await timed(`nobody-${i}@nowhere.invalid`, nextIp());
      expect(b.delayed).toBe(a.delayed); // the deliberate delay is the same
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);

    // the same delays, attempts left and lock for an account that does not exist
    const { login } = await newAccount();
    const ipKnown = nextIp();
    const ipUnknown = nextIp();
    for (let i = 1; i <= LOCK_AFTER; i++) {
      const a = await timed(login, ipKnown);
      const b = await timed('nobody-counted', ipUnknown);
      expect(b.res.status).toBe(a.res.status);
      expect(b.res.body).toEqual(a.res.body);
    }
    const lockedKnown = await new Client(t.app, ipKnown).signIn(login, 'Wrong2021pass');
    const lockedUnknown = await new Client(t.app, ipUnknown).signIn('nobody-counted', 'x');
    expect(lockedKnown.status).toBe(423);
    expect(lockedUnknown.body).toEqual(lockedKnown.body);
  });

  test('failures lock the account for their address only: the real user signs in from another', async () => {
    const { login, password, id } = await newAccount();
    const attacker = nextIp();
    for (let i = 0; i < LOCK_AFTER; i++)
      await new Client(t.app, attacker).signIn(login, 'Wrong2021pass');
    const stillLocked = await new Client(t.app, attacker).signIn(login, password);
    expect(stillLocked.status).toBe(423);
    expect(stillLocked.body.error.code).toBe('ACCOUNT_LOCKED');

    // the user, from elsewhere: no delay, all attempts left, signs in
    const user = new Client(t.app, nextIp());
    const before = t.clock.now().getTime();
    const typo = await user.signIn(login, 'Wrong2021pass');
    expect(t.clock.now().getTime() - before).toBe(0);
    expect(typo.body.error.details.attemptsLeft).toBe(LOCK_AFTER - 1);
    expect((await user.signIn(login, password)).status).toBe(200);
    // the organizer sees that someone is locked out of the account somewhere
    const listed = (await organizer.get(`/api/v1/users?q=${login}`)).body.items[0];
    expect(listed.id).toBe(id);
    expect(new Date(listed.lockedUntil).getTime()).toBeGreaterThan(t.clock.now().getTime());
  });

  test('from the third failure the answer is slowed down; the fifth locks the account', async () => {
    const { login, password, id } = await newAccount();
    const c = new Client(t.app, nextIp());
    const moved: number[] = [];
    for (let i = 1; i < LOCK_AFTER; i++) {
      const before = t.clock.now().getTime();
      const res = await c.signIn(login, 'Wrong2021pass');
      moved.push(t.clock.now().getTime() - before);
      expect(res.status).toBe(401);
      expect(res.body.error.details.attemptsLeft).toBe(LOCK_AFTER - i);
    }
    expect(moved).toEqual([0, 0, SLOWDOWN, 2 * SLOWDOWN]);

    const fifth = await c.signIn(login, 'Wrong2021pass');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { retryAfterMinutes: LOCK_MINUTES },
    });
    // locked: even the right password is refused, and the refusal is recorded
    const right = await c.signIn(login, password);
    expect(right.status).toBe(423);
    expect((await auditRows('user.sign_in_refused', id)).length).toBe(1);

    t.clock.advance((LOCK_MINUTES - 1) * 60_000);
    expect((await c.signIn(login, password)).status).toBe(423);
    t.clock.advance(60_000);
    expect((await c.signIn(login, password)).status).toBe(200);

    // the counter starts again from zero: two failures without delay, three attempts left
    const other = new Client(t.app, nextIp());
    const before = t.clock.now().getTime();
    await other.signIn(login, 'Wrong2021pass');
    const second = await other.signIn(login, 'Wrong2021pass');
    expect(t.clock.now().getTime() - before).toBe(0);
    expect(second.body.error.details.attemptsLeft).toBe(LOCK_AFTER - 2);
  });

  test('an unknown account is slowed down alike (no telling accounts apart by time)', async () => {
    const c = new Client(t.app, nextIp());
    const moved: number[] = [];
    for (let i = 1; i < LOCK_AFTER; i++) {
      const before = t.clock.now().getTime();
      await c.signIn('nobody-at-all', 'Wrong2021pass');
      moved.push(t.clock.now().getTime() - before);
    }
    expect(moved).toEqual([0, 0, SLOWDOWN, 2 * SLOWDOWN]);
  });

  test('a disabled account → 403 ACCOUNT_DISABLED with the right password', async () => {
    const { login, password, id } = await newAccount();
    expect((await organizer.patch(`/api/v1/users/${id}`, { status: 'disabled' })).status).toBe(200);
    const res = await new Client(t.app, nextIp()).signIn(login, password);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED');
    expect(await sessionsOf(id)).toBe(0);
  });

  test(`the per-IP limit answers 429 RATE_LIMITED after ${RATE} attempts a minute`, async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE; i++) {
      statuses.push((await new Client(t.app, ip).signIn(`nobody-${i}`, 'x')).status);
    }
    expect(statuses.slice(0, RATE).every((s) => s === 401)).toBe(true);
    const limited = await new Client(t.app, ip).signIn('organizer');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toEqual(expect.any(String));
    // another address is not affected
    expect((await new Client(t.app, nextIp()).signIn('organizer')).status).toBe(200);
  });
});

describe('sessions live in the database', () => {
  test('sign-out deletes the session; the old cookie then gets 401', async () => {
    const { login, password, id } = await newAccount();
    const c = await signedIn(t.app, login, password, nextIp());
    const oldCookie = c.cookie!;
    expect(await sessionsOf(id)).toBe(1);
    const out = await c.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(200);
    expect(out.raw.cookies.find((k) => k.name === 'zx_session')?.value).toBe('');
    expect(await sessionsOf(id)).toBe(0);

    const replay = new Client(t.app, nextIp());
    replay.cookie = oldCookie;
    const me = await replay.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
    expect((await auditRows('user.sign_out', id)).length).toBe(1);
  });

  test(`a session expires after ${SESSION_HOURS} hours`, async () => {
    const { login, password } = await newAccount();
    const c = await signedIn(t.app, login, password, nextIp());
    t.clock.advance(SESSION_HOURS * 3_600_000 - 1000);
    expect((await c.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(1001);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    // the organizer's session of this file ended too
    organizer = await signedIn(t.app, 'organizer', DEMO_PASSWORD, nextIp());
  });

  test('a made-up or oversized cookie is just anonymous', async () => {
    for (const value of ['made-up', 'x'.repeat(5000)]) {
      const c = new Client(t.app, nextIp());
      c.cookie = `zx_session=${value}`;
      expect((await c.get('/api/v1/me')).status).toBe(401);
      expect((await c.get('/api/v1/campaigns')).status).toBe(200);
    }
  });
});

describe('a one-time password must be changed before anything else', () => {
  test('until then the session reads itself, changes the password or signs out; the rest → 403', async () => {
    const created = await organizer.post('/api/v1/users', {
      role: 'organizer',
      login: 'otp-organizer',
      name: '新主管',
      email: 'otp-organizer@test.zhengxuan.invalid',
    });
    const otp = created.body.oneTimePassword as string;
    const c = await signedIn(t.app, 'otp-organizer', otp, nextIp());
    expect((await c.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);

    const users = await countRows(t, 'users');
    for (const res of [
      await c.get('/api/v1/users'),
      await c.get('/api/v1/audit-events'),
      await c.post('/api/v1/users', {
        role: 'expert',
        login: 'made-by-otp',
        name: '不该建成',
        email: 'made-by-otp@test.zhengxuan.invalid',
      }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect(await countRows(t, 'users')).toBe(users);
    // public pages stay public
    expect((await c.get('/api/v1/campaigns')).status).toBe(200);

    const changed = await c.post('/api/v1/me/password', {
      currentPassword: otp,
      newPassword: 'Chosen2026pass',
    });
    expect(changed.status).toBe(200);
    expect((await c.get('/api/v1/users')).status).toBe(200);
  });

  test('signing out works before the change', async () => {
    const created = await organizer.post('/api/v1/users', {
      role: 'expert',
      login: 'otp-leaver',
      name: '先退出',
      email: 'otp-leaver@test.zhengxuan.invalid',
    });
    const c = await signedIn(t.app, 'otp-leaver', created.body.oneTimePassword, nextIp());
    expect((await c.post('/api/v1/auth/sign-out')).status).toBe(200);
    expect(await sessionsOf(created.body.user.id)).toBe(0);
  });
});

describe('signing in again in the same browser', () => {
  test('ends the session the browser held before, the same account’s or another’s', async () => {
    const { login, password, id } = await newAccount();
    const browser = await signedIn(t.app, login, password, nextIp());
    const before = browser.clone();
    expect((await browser.signIn(login, password)).status).toBe(200);
    expect((await before.get('/api/v1/me')).status).toBe(401);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    expect(await sessionsOf(id)).toBe(1);

    const second = await newAccount();
    const asFirst = browser.clone();
    expect((await browser.signIn(second.login, second.password)).status).toBe(200);
    expect((await asFirst.get('/api/v1/me')).status).toBe(401);
    expect(await sessionsOf(id)).toBe(0);
    expect((await browser.get('/api/v1/me')).body.user.login).toBe(second.login);
  });

  test('a failed sign-in leaves the session as it was', async () => {
    const { login, password } = await newAccount();
    const browser = await signedIn(t.app, login, password, nextIp());
    expect((await browser.clone().signIn(login, 'Wrong2021pass')).status).toBe(401);
    expect((await browser.get('/api/v1/me')).status).toBe(200);
  });
});

describe('one’s own contact details (账号信息)', () => {
  let regNo = 9100;
  async function newEnterprise() {
    const reg = registration(++regNo);
    const res = await new Client(t.app, nextIp()).post('/api/v1/enterprises', reg);
    expect(res.status).toBe(201);
    const c = await signedIn(t.app, reg.uscc, reg.password, nextIp());
    return { reg, c, enterpriseId: res.body.enterprise.id as string };
  }

  test('an enterprise changes its contact person, phone and e-mail; its name and code stay', async () => {
    const { reg, c, enterpriseId } = await newEnterprise();
    const res = await c.patch('/api/v1/me/profile', {
      name: '李联系',
      phone: '010-68208206',
      email: ` New-${regNo}@Test.Zhengxuan.invalid `,
      currentPassword: reg.password,
      uscc: makeUscc(99999), // not editable here: ignored
    });
    expect(res.status).toBe(200);
    const email = `new-${regNo}@test.zhengxuan.invalid`;
    expect(res.body.enterprise).toMatchObject({
      name: reg.name,
      uscc: reg.uscc,
      contactName: '李联系',
      phone: '010-68208206',
      email,
    });
    expect(res.body.user).toMatchObject({ name: '李联系', phone: '010-68208206', email });
    // the e-mail signs in; the old one no longer does
    expect((await new Client(t.app, nextIp()).signIn(email, reg.password)).status).toBe(200);
    expect((await new Client(t.app, nextIp()).signIn(reg.email, reg.password)).status).toBe(401);
    const [row] = await auditRows('enterprise.update_contact', enterpriseId);
    expect(row!.summary).toMatchObject({
      before: { name: '王测试', phone: '13900000000', email: reg.email },
      after: { name: '李联系', phone: '010-68208206', email },
    });
    // the organizer sees the new contact
    const seen = await organizer.get(`/api/v1/enterprises/${enterpriseId}`);
    expect(seen.body).toMatchObject({ contactName: '李联系', phone: '010-68208206', email });
  });

  test('refused: bad phone or e-mail, another account’s e-mail, a new e-mail without the password', async () => {
    const { reg, c } = await newEnterprise();
    const bad = await c.patch('/api/v1/me/profile', { phone: '12345', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'phone',
    ]);
    const taken = await c.patch('/api/v1/me/profile', {
      email: 'Organizer@Demo.Zhengxuan.invalid',
      currentPassword: reg.password,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'EMAIL_TAKEN', details: [{ path: 'email' }] });
    for (const currentPassword of [undefined, 'Wrong2021pass']) {
      const res = await c.patch('/api/v1/me/profile', {
        name: '换人了',
        email: `other-${regNo}@test.zhengxuan.invalid`,
        currentPassword,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'WRONG_PASSWORD',
        details: [{ path: 'currentPassword' }],
      });
    }
    const me = (await c.get('/api/v1/me')).body;
    expect(me.enterprise).toMatchObject({ contactName: '王测试', email: reg.email });
    expect(me.user.name).toBe('王测试');
  });

  test('a staff member changes own name and phone (no password needed for those)', async () => {
    const { login, password, id } = await newAccount();
    const c = await firstSignIn(t.app, login, password, nextIp());
    const res = await c.patch('/api/v1/me/profile', { name: '赵专家', phone: '13800000001' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: '赵专家', phone: '13800000001' });
    expect(res.body.enterprise).toBeNull();
    const [row] = await auditRows('user.update_profile', id);
    expect(row!.summary.after).toEqual({ name: '赵专家', phone: '13800000001' });
    // anonymous → 401
    expect((await new Client(t.app, nextIp()).patch('/api/v1/me/profile', {})).status).toBe(401);
  });
});

describe('changing one’s own password', () => {
  test('a wrong current password → 400 WRONG_PASSWORD and nothing changes', async () => {
    const { login, password } = await newAccount();
    const c = await signedIn(t.app, login, password, nextIp());
    const res = await c.post('/api/v1/me/password', {
      currentPassword: 'Wrong2021pass',
      newPassword: 'Newer2021pass',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('WRONG_PASSWORD');
    await signedIn(t.app, login, password, nextIp());
  });

  test('a weak new password → 400 on newPassword', async () => {
    const { login, password } = await newAccount();
    const c = await signedIn(t.app, login, password, nextIp());
    const res = await c.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'short1',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('newPassword');
  });

  test('success: old password fails, other sessions end, this one stays, must-change cleared', async () => {
    // created without a password: a one-time password that must be changed
    const created = await organizer.post('/api/v1/users', {
      role: 'expert',
      login: 'otp-expert',
      name: '一次性密码专家',
      email: 'otp-expert@test.zhengxuan.invalid',
    });
    expect(created.status).toBe(201);
    const otp = created.body.oneTimePassword as string;
    expect(otp).toMatch(/^[A-Za-z0-9]{12}$/);
    const here = await signedIn(t.app, 'otp-expert', otp, nextIp());
    const elsewhere = await signedIn(t.app, 'otp-expert', otp, nextIp());
    expect((await here.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);

    const res = await here.post('/api/v1/me/password', {
      currentPassword: otp,
      newPassword: 'Chosen2021pass',
    });
    expect(res.status).toBe(200);
    const me = await here.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(false);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await new Client(t.app, nextIp()).signIn('otp-expert', otp)).status).toBe(401);
    await signedIn(t.app, 'otp-expert', 'Chosen2021pass', nextIp());
    expect((await auditRows('user.change_password', created.body.user.id)).length).toBe(1);
  });
});

describe('password reset by the organizer', () => {
  test('a one-time password that works once set, must be changed, and ends the user’s sessions', async () => {
    const { login, password, id } = await newAccount();
    const theirs = await signedIn(t.app, login, password, nextIp());
    const res = await organizer.post(`/api/v1/users/${id}/password-reset`);
    expect(res.status).toBe(200);
    const otp = res.body.oneTimePassword as string;
    expect(await sessionsOf(id)).toBe(0);
    expect((await theirs.get('/api/v1/me')).status).toBe(401);
    expect((await new Client(t.app, nextIp()).signIn(login, password)).status).toBe(401);
    const again = await signedIn(t.app, login, otp, nextIp());
    expect((await again.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);
    const [row] = await auditRows('user.reset_password', id);
    expect(row).toMatchObject({ actor_label: 'organizer', actor_role: 'organizer' });
  });

  test('a reset also lifts a lock', async () => {
    const { login, id } = await newAccount();
    const c = new Client(t.app, nextIp());
    for (let i = 0; i < LOCK_AFTER; i++) await c.signIn(login, 'Wrong2021pass');
    expect((await c.signIn(login, 'Wrong2021pass')).status).toBe(423);
    const { oneTimePassword } = (await organizer.post(`/api/v1/users/${id}/password-reset`)).body;
    expect((await new Client(t.app, nextIp()).signIn(login, oneTimePassword)).status).toBe(200);
  });

  test('an unknown user → 404', async () => {
    const res = await organizer.post(
      '/api/v1/users/00000000-0000-4000-8000-000000000000/password-reset',
    );
    expect(res.status).toBe(404);
  });
});
