// 找回密码 and the links organizers' actions send, through a real SMTP server on loopback: the
// e-mail reaches the account's address with a personal link; the link works once, for a while;
// the answer never tells whether the account exists. Without e-mail, one-time passwords remain.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  countRows,
  createTestApp,
  DEMO_PASSWORD,
  makeUscc,
  query,
  signedIn,
  type TestApp,
} from '../../../test/harness';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../test/harness/smtp';
import { claimFields, fileClaim } from '../../../test/fixtures/verification';
import { startBackground, type Background } from '../../background';
import { MAX_LIVE_RESET_LINKS, RESET_ANSWER_MS } from './password-links';

const PUBLIC_URL = 'https://zx.example.cn';
const LINK = /https:\/\/zx\.example\.cn\/reset-password\?token=([A-Za-z0-9_-]{43})/;

let t: TestApp;
let smtp: TestSmtp;
let bg: Background;
let organizer: Client;
let ipCounter = 0;
const nextIp = () => `10.41.0.${++ipCounter}`;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({
    config: { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, signInRatePerMinute: 1000 },
  });
  bg = await startBackground(t.database, t.deps, console, { pollingIntervalSeconds: 0.5 });
  organizer = await signedIn(t.app, 'organizer', DEMO_PASSWORD, nextIp());
});

afterAll(async () => {
  await bg?.stop();
  await t?.close();
  await smtp?.close();
});

let userCounter = 0;
/** A fresh expert with a known password (given, so no link is sent). */
async function newAccount(password = 'Start2021pass') {
  const login = `reset-user-${++userCounter}`;
  const email = `${login}@test.zhengxuan.invalid`;
  const res = await organizer.post('/api/v1/users', {
    role: 'expert',
    login,
    name: '找回专家',
    email,
    password,
  });
  expect(res.status).toBe(201);
  expect(res.body.linkSentTo).toBeUndefined();
  return { login, email, password, id: res.body.user.id as string };
}

/** The next e-mail to `to` after `count` had arrived, and its token. */
async function mailTo(to: string, count: number): Promise<{ mail: ReceivedMail; token: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.mails.slice(count).find((m) => m.to.includes(to));
    if (mail) {
      const token = LINK.exec(mail.text)?.[1];
      expect(token, mail.text).toBeTruthy();
      return { mail, token: token! };
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const request = (login: string, ip = nextIp()) =>
  new Client(t.app, ip).post('/api/v1/auth/password-reset', { login });
const confirm = (c: Client, token: string, newPassword = 'Renewed2026pass') =>
  c.post('/api/v1/auth/password-reset/confirm', { token, newPassword });
const emailsTo = async (address: string) =>
  Number(
    (
      await query<{ n: number }>(
        t,
        `select count(*)::int as n from outbound_emails where to_address = '${address}'`,
      )
    )[0]!.n,
  );
const auditRows = (action: string, targetId: string) =>
  query<{ actor_role: string; actor_label: string; ip: string; note: string | null }>(
    t,
    `select *, summary->>'note' as note from audit_log where action = '${action}' and target_id = '${targetId}' order by id`,
  );

describe('asking for a link (找回密码)', () => {
  test('by login: one e-mail to the account’s address with a personal link; only its hash is stored', async () => {
    const { login, email, id } = await newAccount();
    const before = smtp.mails.length;
    const ip = nextIp();
    const res = await request(login, ip);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, emailEnabled: true });

    const { mail, token } = await mailTo(email, before);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('征选平台找回密码');
    expect(mail.text).toContain(`您的账号（${login}）`);
    expect(mail.text).toContain('30分钟内有效');
    const rows = await query<{ id: string; purpose: string; ip: string; ttl: number }>(
      t,
      `select id, purpose, ip, extract(epoch from expires_at - created_at)::int as ttl
         from password_reset_tokens where user_id = '${id}'`,
    );
    expect(rows).toEqual([
      {
        id: createHash('sha256').update(token).digest('hex'),
        purpose: 'reset',
        ip,
        ttl: 30 * 60,
      },
    ]);
    // no in-app message carries the link, and the delivery log keeps no copy of it once sent
    expect(await countRows(t, `notifications where user_id = '${id}'`)).toBe(0);
    await expect
      .poll(
        async () =>
          (
            await query<{ state: string; body: string }>(
              t,
              `select state, body from outbound_emails where user_id = '${id}'`,
            )
          )[0],
      )
      .toEqual({ state: 'sent', body: '（含一次性设置密码链接，发送后不保留正文）' });
    const [row] = await auditRows('user.password_reset_request', id);
    expect(row).toMatchObject({ actor_role: 'anonymous', ip });
  });

  test('by e-mail address, in any case', async () => {
    const { email } = await newAccount();
    const before = smtp.mails.length;
    expect((await request(email.toUpperCase())).status).toBe(200);
    const { mail } = await mailTo(email, before);
    expect(mail.to).toEqual([email]);
  });

  test('an unknown or disabled account gets the same answer, and nothing is sent', async () => {
    const { login, email, id } = await newAccount();
    const disabled = await newAccount();
    await organizer.patch(`/api/v1/users/${disabled.id}`, { status: 'disabled' });
    const emails = await countRows(t, 'outbound_emails');
    const tokens = await countRows(t, 'password_reset_tokens');

    const known = await request(login);
    const answers = [
      await request('nobody-at-all'),
      await request('nobody@nowhere.invalid'),
      await request(disabled.login),
    ];
    for (const a of answers) {
      expect(a.status).toBe(known.status);
      expect(a.body).toEqual(known.body);
    }
    expect(await countRows(t, 'outbound_emails')).toBe(emails + 1);
    expect(await countRows(t, 'password_reset_tokens')).toBe(tokens + 1);
    expect(await emailsTo(email)).toBe(1);
    expect(await emailsTo(disabled.email)).toBe(0);
    expect((await auditRows('user.password_reset_request', id)).length).toBe(1);
  });

  test('known and unknown accounts take alike long to answer (at least the floor)', async () => {
    async function timed(login: string) {
      const slept = t.clock.now().getTime();
      const started = performance.now();
      const res = await request(login);
      return { res, ms: performance.now() - started + (t.clock.now().getTime() - slept) };
    }
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { login } = await newAccount();
      known.push((await timed(login)).ms);
      unknown.push((await timed(`nobody-${i}@nowhere.invalid`)).ms);
    }
    for (const ms of [...known, ...unknown]) expect(ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    expect(median(unknown) / median(known)).toBeGreaterThan(1 / 3);
    expect(median(unknown) / median(known)).toBeLessThan(3);
  });

  test(`an account holds at most ${MAX_LIVE_RESET_LINKS} live links: a further request sends nothing, silently`, async () => {
    const { login, email, id } = await newAccount();
    const before = smtp.mails.length;
    const answers = [];
    for (let i = 0; i <= MAX_LIVE_RESET_LINKS; i++) answers.push(await request(login));
    for (const a of answers) expect(a).toMatchObject({ status: 200, body: answers[0]!.body });
    expect(await emailsTo(email)).toBe(MAX_LIVE_RESET_LINKS);
    const rows = await auditRows('user.password_reset_request', id);
    expect(rows.at(-1)!.note).toContain('未发送');

    // using one link ends the others; then the account may ask again
    const { token } = await mailTo(email, before);
    expect((await confirm(new Client(t.app, nextIp()), token)).status).toBe(200);
    const live = await query<{ n: number }>(
      t,
      `select count(*)::int as n from password_reset_tokens where user_id = '${id}' and used_at is null`,
    );
    expect(live[0]!.n).toBe(0);
    await request(login);
    expect(await emailsTo(email)).toBe(MAX_LIVE_RESET_LINKS + 1);
  });

  test('five requests per address in ten minutes; the sixth → 429, another address is fine', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(`nobody-rate-${i}`, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await request('organizer', ip);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await request('nobody-else')).status).toBe(200);
  });

  test('bad input → 400 and nothing written', async () => {
    const tokens = await countRows(t, 'password_reset_tokens');
    for (const body of [{}, { login: '' }, { login: '   ' }, { login: 'x'.repeat(201) }]) {
      const res = await new Client(t.app, nextIp()).post('/api/v1/auth/password-reset', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(await countRows(t, 'password_reset_tokens')).toBe(tokens);
  });
});

describe('setting the password by the link', () => {
  test('works once: signs the browser in, ends every other session, the old password fails', async () => {
    const { login, email, password, id } = await newAccount();
    const elsewhere = await signedIn(t.app, login, password, nextIp());
    const before = smtp.mails.length;
    await request(login);
    const { token } = await mailTo(email, before);

    const browser = new Client(t.app, nextIp());
    const checked = await browser.post('/api/v1/auth/password-reset/check', { token });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ login, purpose: 'reset' });

    // a weak password is refused and the link stays good
    const weak = await confirm(browser, token, 'short1');
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe('newPassword');

    const res = await confirm(browser, token);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ login, mustChangePassword: false });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    browser.csrf = res.body.csrfToken;
    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.login).toBe(login);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    const sessions = await query(t, `select id from sessions where user_id = '${id}'`);
    expect(sessions.length).toBe(1);

    expect((await new Client(t.app, nextIp()).signIn(login, password)).status).toBe(401);
    expect((await new Client(t.app, nextIp()).signIn(login, 'Renewed2026pass')).status).toBe(200);

    // the second use, and the check, are refused
    for (const again of [
      await confirm(new Client(t.app, nextIp()), token, 'Another2026pass'),
      await new Client(t.app, nextIp()).post('/api/v1/auth/password-reset/check', { token }),
    ]) {
      expect(again.status).toBe(400);
      expect(again.body.error).toMatchObject({
        code: 'RESET_TOKEN_INVALID',
        message: '链接无效或已过期，请重新申请找回密码',
      });
    }
    expect((await new Client(t.app, nextIp()).signIn(login, 'Another2026pass')).status).toBe(401);
    const [row] = await auditRows('user.set_password_by_link', id);
    expect(row).toMatchObject({ actor_label: login, note: '找回密码' });
  });

  test('two uses at once: exactly one sets the password', async () => {
    const { login, email } = await newAccount();
    const before = smtp.mails.length;
    await request(login);
    const { token } = await mailTo(email, before);
    const results = await Promise.all([
      confirm(new Client(t.app, nextIp()), token, 'First2026pass'),
      confirm(new Client(t.app, nextIp()), token, 'Second2026pass'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const winner = results[0]!.status === 200 ? 'First2026pass' : 'Second2026pass';
    const loser = winner === 'First2026pass' ? 'Second2026pass' : 'First2026pass';
    expect((await new Client(t.app, nextIp()).signIn(login, winner)).status).toBe(200);
    expect((await new Client(t.app, nextIp()).signIn(login, loser)).status).toBe(401);
  });

  test('expires after 30 minutes', async () => {
    const { login, email, password } = await newAccount();
    const before = smtp.mails.length;
    await request(login);
    const { token } = await mailTo(email, before);
    t.clock.advance(29 * 60_000);
    const c = new Client(t.app, nextIp());
    expect((await c.post('/api/v1/auth/password-reset/check', { token })).status).toBe(200);
    t.clock.advance(61_000);
    const late = await confirm(c, token);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('RESET_TOKEN_INVALID');
    expect((await new Client(t.app, nextIp()).signIn(login, password)).status).toBe(200);
  });

  test('an unknown token, and a link of an account disabled since, are refused', async () => {
    const unknown = await confirm(new Client(t.app, nextIp()), 'A'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('RESET_TOKEN_INVALID');

    const { login, email, id } = await newAccount();
    const before = smtp.mails.length;
    await request(login);
    const { token } = await mailTo(email, before);
    await organizer.patch(`/api/v1/users/${id}`, { status: 'disabled' });
    const res = await confirm(new Client(t.app, nextIp()), token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_TOKEN_INVALID');
    const used = await query<{ used_at: string | null }>(
      t,
      `select used_at from password_reset_tokens where user_id = '${id}'`,
    );
    expect(used[0]!.used_at).toBeNull();
  });

  test('lifts the sign-in locks of the account', async () => {
    const { login, email } = await newAccount();
    const attacker = nextIp();
    for (let i = 0; i < 5; i++) await new Client(t.app, attacker).signIn(login, 'Wrong2021pass');
    expect((await new Client(t.app, attacker).signIn(login, 'Wrong2021pass')).status).toBe(423);
    const before = smtp.mails.length;
    await request(login);
    const { token } = await mailTo(email, before);
    expect((await confirm(new Client(t.app, nextIp()), token)).status).toBe(200);
    expect((await new Client(t.app, attacker).signIn(login, 'Renewed2026pass')).status).toBe(200);
  });
});

describe('accounts an organizer opens or resets, with e-mail on', () => {
  test('a new account gets a 72-hour link by e-mail; no password is shown', async () => {
    const login = 'link-expert';
    const email = 'link-expert@test.zhengxuan.invalid';
    const before = smtp.mails.length;
    const res = await organizer.post('/api/v1/users', {
      role: 'expert',
      login,
      name: '链接专家',
      email,
    });
    expect(res.status).toBe(201);
    expect(res.body.oneTimePassword).toBeUndefined();
    expect(res.body.linkSentTo).toBe(email);
    const id = res.body.user.id as string;

    const { mail, token } = await mailTo(email, before);
    expect(mail.subject).toBe('征选平台账号已开通');
    expect(mail.text).toContain(`登录账号：${login}`);
    expect(mail.text).toContain('72小时内有效');
    expect(await countRows(t, `notifications where user_id = '${id}'`)).toBe(0);
    const [row] = await query<{ ttl: number }>(
      t,
      `select extract(epoch from expires_at - created_at)::int as ttl from password_reset_tokens where user_id = '${id}'`,
    );
    expect(row!.ttl).toBe(72 * 3600);
    expect((await auditRows('user.password_link_sent', id)).length).toBe(1);

    const browser = new Client(t.app, nextIp());
    const checked = await browser.post('/api/v1/auth/password-reset/check', { token });
    expect(checked.body).toMatchObject({ login, purpose: 'account_created' });
    const set = await confirm(browser, token, 'Chosen2026pass');
    expect(set.status).toBe(200);
    expect(set.body.user.mustChangePassword).toBe(false);
    expect((await browser.get('/api/v1/me')).body.user.login).toBe(login);
    expect((await new Client(t.app, nextIp()).signIn(login, 'Chosen2026pass')).status).toBe(200);
  });

  test('a reset ends the old password and sessions and sends a link; earlier links end', async () => {
    const { login, email, password, id } = await newAccount();
    const theirs = await signedIn(t.app, login, password, nextIp());
    let before = smtp.mails.length;
    await request(login);
    const { token: selfServed } = await mailTo(email, before);

    before = smtp.mails.length;
    const res = await organizer.post(`/api/v1/users/${id}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ linkSentTo: email });
    expect((await theirs.get('/api/v1/me')).status).toBe(401);
    expect((await new Client(t.app, nextIp()).signIn(login, password)).status).toBe(401);

    const { mail, token } = await mailTo(email, before);
    expect(mail.subject).toBe('征选平台账号密码已重置');
    expect((await confirm(new Client(t.app, nextIp()), selfServed)).status).toBe(400);
    const set = await confirm(new Client(t.app, nextIp()), token, 'Again2026pass');
    expect(set.status).toBe(200);
    expect((await new Client(t.app, nextIp()).signIn(login, 'Again2026pass')).status).toBe(200);
  });

  test('a disabled account’s reset still shows a one-time password (a link could not be used)', async () => {
    const { id } = await newAccount();
    await organizer.patch(`/api/v1/users/${id}`, { status: 'disabled' });
    const res = await organizer.post(`/api/v1/users/${id}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(res.body.linkSentTo).toBeUndefined();
  });
});

describe('a credit code moved to a claimant, with e-mail on', () => {
  test('the claimant’s new account gets a link at the claim’s address; no password is shown', async () => {
    const uscc = makeUscc(9401);
    const filed = await fileClaim(new Client(t.app, nextIp()), uscc);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const claims = (await organizer.get('/api/v1/uscc-claims?state=open')).body.items as {
      id: string;
      uscc: string;
    }[];
    const claim = claims.find((c) => c.uscc === uscc)!;
    const email = claimFields(uscc).email;
    const before = smtp.mails.length;
    const res = await organizer.post(`/api/v1/uscc-claims/${claim.id}/resolve`, {
      decision: 'upheld',
      reason: '申诉企业营业执照与代码一致',
      moveCode: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.account).toEqual({ login: uscc, linkSentTo: email });
    const { mail, token } = await mailTo(email, before);
    expect(mail.subject).toBe('征选平台账号已开通');
    expect(mail.text).toContain(`登录账号：${uscc}`);
    const browser = new Client(t.app, nextIp());
    const set = await confirm(browser, token, 'Claimed2026pass');
    expect(set.status).toBe(200);
    expect((await browser.get('/api/v1/me')).body.enterprise).toMatchObject({
      uscc,
      verificationStatus: 'verified',
    });
  });
});

describe('with e-mail off', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await createTestApp({ config: { smtpUrl: undefined } });
  });
  afterAll(() => off?.close());

  test('organizers still get a one-time password; a reset request answers alike and writes nothing', async () => {
    const org = await signedIn(off.app, 'organizer', DEMO_PASSWORD, '10.42.0.1');
    const created = await org.post('/api/v1/users', {
      role: 'expert',
      login: 'otp-still',
      name: '一次性专家',
      email: 'otp-still@test.zhengxuan.invalid',
    });
    expect(created.status).toBe(201);
    expect(created.body.linkSentTo).toBeUndefined();
    const otp = created.body.oneTimePassword as string;
    const c = await signedIn(off.app, 'otp-still', otp, '10.42.0.2');
    expect((await c.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);

    const reset = await org.post(`/api/v1/users/${created.body.user.id}/password-reset`);
    expect(reset.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);

    for (const login of ['otp-still', 'nobody-here']) {
      const res = await new Client(off.app, '10.42.0.3').post('/api/v1/auth/password-reset', {
        login,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true, emailEnabled: false });
    }
    expect(await countRows(off, 'password_reset_tokens')).toBe(0);
    expect(await countRows(off, 'outbound_emails')).toBe(0);
  });
});
