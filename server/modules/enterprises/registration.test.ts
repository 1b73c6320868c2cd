import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  countRows,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  makeUscc,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const REAL_FAILING_CHECK = '91350203M0001QAY9B'; // /work/shared/data/uscc-samples.csv
let ipCounter = 0;
/** Registration is rate-limited per IP; each test registers from its own address. */
const anonymous = () => new Client(t.app, `10.1.0.${++ipCounter}`);

async function counts() {
  return {
    users: await countRows(t, 'users'),
    enterprises: await countRows(t, 'enterprises'),
    audit: await countRows(t, 'audit_log'),
  };
}

/** Registers, expecting a refusal; asserts that nothing at all was written. */
async function refused(body: unknown, client = anonymous(), url = '/api/v1/enterprises') {
  const before = await counts();
  const res = await client.post(url, body);
  expect(await counts()).toEqual(before);
  expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  return res;
}

function usccIssue(res: { body: { error: { details?: { path: string; message: string }[] } } }) {
  return res.body.error.details?.find((d) => d.path === 'uscc')?.message ?? '';
}

describe('POST /api/v1/enterprises (self-service registration)', () => {
  test('a valid registration creates the enterprise and its account, and writes an audit row', async () => {
    const body = registration(1);
    const res = await anonymous().post('/api/v1/enterprises', body);
    expect(res.status).toBe(201);
    expect(res.body.login).toBe(body.uscc);
    expect(res.body.enterprise).toMatchObject({
      name: body.name,
      uscc: body.uscc,
      cityCode: '110100',
      checkDigitOverrideReason: null,
    });

    const [audit] = await query<Record<string, unknown>>(
      t,
      `select * from audit_log where action = 'enterprise.register' and target_id = '${res.body.enterprise.id}'`,
    );
    expect(audit).toMatchObject({
      actor_role: 'anonymous',
      actor_label: body.uscc,
      target_type: 'enterprise',
      ip: `10.1.0.${ipCounter}`,
    });
    expect((audit!.summary as { after: Record<string, unknown> }).after).toMatchObject({
      uscc: body.uscc,
      name: body.name,
    });
  });

  test('the new enterprise signs in with its code (either case) and with its e-mail', async () => {
    const body = registration(2);
    expect((await anonymous().post('/api/v1/enterprises', body)).status).toBe(201);
    for (const login of [body.uscc, body.uscc.toLowerCase(), body.email.toUpperCase()]) {
      const c = await signedIn(t.app, login, body.password, '10.1.1.1');
      const me = await c.get('/api/v1/me');
      expect(me.body.user).toMatchObject({ role: 'enterprise', login: body.uscc });
      expect(me.body.enterprise.uscc).toBe(body.uscc);
    }
  });

  test.each([
    ['too short', '9111010800000000', '应为18位，当前为16位'],
    ['forbidden letter O', '91110108MA01XK2O8K', '第16位“O”'],
    ['lower case', '91110108ma01xk2q8k', '第9位“m”'],
  ])('a malformed code (%s) → 400 naming the problem', async (_what, uscc, message) => {
    const res = await refused(registration(3, { uscc }));
    expect(res.status).toBe(400);
    expect(usccIssue(res)).toContain(message);
  });

  test('a wrong check character → 400 saying which character it should be', async () => {
    const good = makeUscc(4);
    const wrong = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const res = await refused(registration(4, { uscc: wrong }));
    expect(res.status).toBe(400);
    expect(usccIssue(res)).toContain(`第18位应为“${good[17]}”`);
  });

  test('the real code failing its check digit is refused here, even with a reason in the body', async () => {
    const res = await refused(
      registration(5, {
        uscc: REAL_FAILING_CHECK,
        checkDigitOverrideReason: '营业执照如此，确认无误',
      }),
    );
    expect(res.status).toBe(400);
    expect(usccIssue(res)).toContain('校验位');
  });

  test('the same code again → 409 USCC_TAKEN, nothing else created', async () => {
    const res = await refused(
      registration(6, { uscc: DEMO_ENTERPRISE_USCC, email: 'other6@test.zhengxuan.invalid' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('USCC_TAKEN');
  });

  test('an e-mail used by another account (any case) → 409 EMAIL_TAKEN, nothing created', async () => {
    for (const email of ['enterprise@demo.zhengxuan.invalid', 'ORGANIZER@demo.zhengxuan.invalid']) {
      const res = await refused(registration(7, { email }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('EMAIL_TAKEN');
    }
  });

  test('a city outside the chosen province → 400 on cityCode; an unknown province → 400', async () => {
    const res = await refused(registration(8, { provinceCode: '110000', cityCode: '310100' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'cityCode', message: expect.stringContaining('不属于北京市') },
    ]);
    const unknown = await refused(registration(8, { provinceCode: '990000', cityCode: '990100' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('provinceCode');
    // a province given as the city
    const same = await refused(registration(8, { provinceCode: '110000', cityCode: '110000' }));
    expect(same.status).toBe(400);
  });

  test.each([
    ['too short', 'abc12345'],
    ['letters only', 'abcdefghijkl'],
    ['digits only', '123456789012'],
  ])('a weak password (%s) → 400 on password', async (_what, password) => {
    const res = await refused(registration(9, { password }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('password');
  });

  test('other invalid fields → 400 with one issue per field', async () => {
    const res = await refused(
      registration(10, { name: '甲', phone: '12345', email: 'not-an-email', contactName: '' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'contactName',
      'email',
      'name',
      'phone',
    ]);
  });

  test('registrations at once: each code once, and a concurrent duplicate is refused', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => registration(100 + i));
    const dup = registration(100, { email: 'dup100@test.zhengxuan.invalid' });
    const results = await Promise.all(
      [...bodies, dup].map((b, i) =>
        new Client(t.app, `10.2.0.${i}`).post('/api/v1/enterprises', b),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual([
      'USCC_TAKEN',
    ]);
    const [row] = await query<{ n: number }>(
      t,
      `select count(*)::int as n from enterprises where uscc = '${bodies[0]!.uscc}'`,
    );
    expect(Number(row!.n)).toBe(1);
  });
});

describe('POST /api/v1/enterprises/accepted (organizer registers a code failing its check digit)', () => {
  const ACCEPTED = '/api/v1/enterprises/accepted';
  let organizer: Client;
  beforeAll(async () => {
    organizer = await signedIn(t.app, 'organizer');
  });

  test('without a reason → 400, nothing written', async () => {
    const res = await refused(registration(20, { uscc: REAL_FAILING_CHECK }), organizer, ACCEPTED);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('USCC_INVALID');
  });

  test('a malformed code is refused even with a reason', async () => {
    const res = await refused(
      registration(21, {
        uscc: '91350203M0001QAY9',
        checkDigitOverrideReason: '营业执照如此，已核对',
      }),
      organizer,
      ACCEPTED,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'uscc' });
    const letter = await refused(
      registration(21, {
        uscc: '91350203M0001QAYOB',
        checkDigitOverrideReason: '营业执照如此，已核对',
      }),
      organizer,
      ACCEPTED,
    );
    expect(letter.status).toBe(400);
  });

  test('non-organizers → 403, anonymous → 401, nothing written', async () => {
    const body = registration(22, {
      uscc: REAL_FAILING_CHECK,
      checkDigitOverrideReason: '营业执照如此，已核对',
    });
    for (const login of ['beijing', 'casic', 'expert', DEMO_ENTERPRISE_USCC]) {
      const res = await refused(body, await signedIn(t.app, login), ACCEPTED);
      expect(res.status).toBe(403);
    }
    expect((await refused(body, anonymous(), ACCEPTED)).status).toBe(401);
  });

  test('with a reason → 201; the reason is kept on the enterprise and in the audit note', async () => {
    const reason = '营业执照原件已核对，代码为登记机关所发';
    const res = await organizer.post(
      '/api/v1/enterprises/accepted',
      registration(23, { uscc: REAL_FAILING_CHECK, checkDigitOverrideReason: reason }),
    );
    expect(res.status).toBe(201);
    expect(res.body.enterprise).toMatchObject({
      uscc: REAL_FAILING_CHECK,
      checkDigitOverrideReason: reason,
    });
    const [audit] = await query<{
      actor_label: string;
      actor_role: string;
      summary: { note: string };
    }>(t, `select * from audit_log where target_id = '${res.body.enterprise.id}'`);
    expect(audit).toMatchObject({ actor_label: 'organizer', actor_role: 'organizer' });
    expect(audit!.summary.note).toContain(reason);
    // and the enterprise can sign in with it
    await signedIn(t.app, REAL_FAILING_CHECK, 'Secret2021pass', '10.1.3.1');
  });

  test('a valid code through the organizer route needs no reason and records none', async () => {
    const res = await organizer.post(
      '/api/v1/enterprises/accepted',
      registration(24, { checkDigitOverrideReason: '不需要的理由' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.enterprise.checkDigitOverrideReason).toBeNull();
  });
});
