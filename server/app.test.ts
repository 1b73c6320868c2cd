import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  Client,
  countRows,
  createTestApp,
  query,
  registration,
  signedIn,
  type TestApp,
} from '../test/harness';

let t: TestApp;
let organizer: Client;
beforeAll(async () => {
  t = await createTestApp();
  organizer = await signedIn(t.app, 'organizer');
});
afterAll(() => t.close());

const ENVELOPE = {
  error: { code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) },
};

const newExpert = (n: number) => ({
  role: 'expert',
  login: `csrf-expert-${n}`,
  name: '专家甲',
  email: `csrf-expert-${n}@test.zhengxuan.invalid`,
});

describe('CSRF', () => {
  test('a signed-in POST without the token, or with a wrong one → 403 CSRF_REJECTED, nothing done', async () => {
    const before = await countRows(t, 'users');
    const auditBefore = await countRows(t, 'audit_log');
    const noToken = organizer.clone();
    noToken.csrf = undefined;
    const wrong = organizer.clone();
    wrong.csrf = 'not-the-token';
    for (const [i, c] of [noToken, wrong].entries()) {
      const res = await c.post('/api/v1/users', newExpert(i));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_REJECTED');
      const patch = await c.patch(
        `/api/v1/users/${(await organizer.get('/api/v1/me')).body.user.id}`,
        {
          name: '被改名',
        },
      );
      expect(patch.status).toBe(403);
    }
    expect(await countRows(t, 'users')).toBe(before);
    expect(await countRows(t, 'audit_log')).toBe(auditBefore);
    expect((await organizer.get('/api/v1/me')).body.user.name).toBe('演示主管部门');
  });

  test('sign-out without the token is refused and the session lives on', async () => {
    const c = await signedIn(t.app, 'expert');
    const noToken = c.clone();
    noToken.csrf = undefined;
    expect((await noToken.post('/api/v1/auth/sign-out')).status).toBe(403);
    expect((await c.get('/api/v1/me')).status).toBe(200);
  });

  test('another user’s token does not do', async () => {
    const expert = await signedIn(t.app, 'expert');
    const mixed = organizer.clone();
    mixed.csrf = expert.csrf;
    expect((await mixed.post('/api/v1/users', newExpert(3))).status).toBe(403);
  });

  test('the right token works (GETs need none)', async () => {
    expect((await organizer.post('/api/v1/users', newExpert(4))).status).toBe(201);
    const noToken = organizer.clone();
    noToken.csrf = undefined;
    expect((await noToken.get('/api/v1/users')).status).toBe(200);
  });

  test('an anonymous POST from a foreign Origin → 403; from our own Origin it passes', async () => {
    const before = await countRows(t, 'enterprises');
    const anon = new Client(t.app, '10.4.0.1');
    for (const origin of ['https://evil.example', 'null', 'not a url']) {
      const res = await anon.request('POST', '/api/v1/enterprises', registration(1), { origin });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF_REJECTED');
      const signIn = await anon.request(
        'POST',
        '/api/v1/auth/sign-in',
        { login: 'organizer', password: 'Demo2021zx' },
        { origin },
      );
      expect(signIn.status).toBe(403);
    }
    expect(await countRows(t, 'enterprises')).toBe(before);
    const ok = await anon.request('POST', '/api/v1/enterprises', registration(1), {
      origin: 'http://zx.example',
      host: 'zx.example',
    });
    expect(ok.status).toBe(201);
  });
});

describe('security headers', () => {
  test('helmet: nosniff, a CSP forbidding framing, no x-powered-by', async () => {
    for (const url of ['/api/v1/campaigns', '/api/v1/nothing-here']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('bad input never gives a 5xx; every refusal has the error envelope', () => {
  const anon = () => new Client(t.app, '10.4.1.1');

  test('malformed JSON → 400', async () => {
    const res = await anon().request('POST', '/api/v1/enterprises', '{"name": "x",', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(ENVELOPE);
  });

  test('an empty JSON body and a JSON array → 400', async () => {
    for (const payload of ['', '[]', 'null', '"text"']) {
      const res = await anon().request('POST', '/api/v1/auth/sign-in', payload, {
        'content-type': 'application/json',
      });
      expect(res.status, payload).toBe(400);
      expect(res.body).toMatchObject(ENVELOPE);
    }
  });

  test('a content type the API does not take → 415', async () => {
    const res = await anon().request('POST', '/api/v1/auth/sign-in', 'login=organizer', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject(ENVELOPE);
  });

  test('a body over 1 MB → 413', async () => {
    const res = await anon().post('/api/v1/enterprises', {
      ...registration(2),
      name: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject(ENVELOPE);
  });

  test('unknown fields are ignored, never written (no mass assignment)', async () => {
    const body: Record<string, unknown> = registration(3, {
      role: 'organizer',
      status: 'disabled',
      mustChangePassword: true,
      checkDigitOverrideReason: '自己写的理由',
      id: '00000000-0000-4000-8000-000000000000',
    });
    const res = await new Client(t.app, '10.4.2.1').post('/api/v1/enterprises', body);
    expect(res.status).toBe(201);
    expect(res.body.enterprise.id).not.toBe(body.id);
    expect(res.body.enterprise.checkDigitOverrideReason).toBeNull();
    const me = await (
      await signedIn(t.app, body.uscc as string, body.password as string, '10.4.2.2')
    ).get('/api/v1/me');
    expect(me.body.user).toMatchObject({
      role: 'enterprise',
      status: 'active',
      mustChangePassword: false,
    });
  });

  test('wrong types and non-uuid ids → 400 VALIDATION_FAILED with field paths', async () => {
    const res = await anon().post('/api/v1/auth/sign-in', { login: 123, password: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'login',
      'password',
    ]);
    for (const url of ['/api/v1/enterprises/not-a-uuid', "/api/v1/enterprises/1'%20or%20'1'='1"]) {
      const r = await organizer.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body).toMatchObject(ENVELOPE);
    }
    const patch = await organizer.patch('/api/v1/users/12345', { name: '某某' });
    expect(patch.status).toBe(400);
  });

  test('an unknown id → 404 with the envelope', async () => {
    const r = await organizer.get('/api/v1/enterprises/00000000-0000-4000-8000-000000000000');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject(ENVELOPE);
  });

  test('very long strings → 400', async () => {
    const long = 'x'.repeat(10_000);
    const checks = [
      await anon().post('/api/v1/auth/sign-in', { login: long, password: long }),
      await organizer.get(`/api/v1/industries?q=${long}`),
      await organizer.get(`/api/v1/enterprises?q=${long}`),
      await organizer.post('/api/v1/recommender-units', { name: long, type: 'association' }),
    ];
    for (const r of checks) {
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject(ENVELOPE);
    }
    // a path parameter longer than the router takes
    const path = await organizer.get(`/api/v1/campaigns/${long}`);
    expect(path.status).toBe(414);
    expect(path.body).toMatchObject(ENVELOPE);
  });

  test('a malformed URL (broken percent-encoding) → 400 with the envelope', async () => {
    const r = await organizer.get('/api/v1/campaigns/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject(ENVELOPE);
  });

  test('SQL-ish and LIKE-ish text in q parameters is just text', async () => {
    const count = await countRows(t, 'users');
    for (const q of ["' or 1=1 --", "'; drop table users; --", '%', '_', '\\', '%_%']) {
      const enc = encodeURIComponent(q);
      for (const url of [
        `/api/v1/industries?q=${enc}`,
        `/api/v1/enterprises?q=${enc}`,
        `/api/v1/users?q=${enc}`,
        `/api/v1/recommender-units?q=${enc}`,
      ]) {
        const r = await organizer.get(url);
        expect(r.status, url).toBe(200);
        expect(r.body.items, url).toEqual([]);
      }
    }
    expect(await countRows(t, 'users')).toBe(count);
  });

  test('a NUL character in text → 400, not a database error', async () => {
    const urls = [
      `/api/v1/industries?q=${encodeURIComponent('软\u0000件')}`,
      `/api/v1/users?q=${encodeURIComponent('a\u0000')}`,
      `/api/v1/campaigns/${encodeURIComponent('miit\u0000')}`,
    ];
    for (const url of urls) {
      const r = await organizer.get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(r.status, url).toBeLessThan(500);
      expect(r.body).toMatchObject(ENVELOPE);
    }
    const before = await countRows(t, 'enterprises');
    const reg = await new Client(t.app, '10.4.3.1').post(
      '/api/v1/enterprises',
      registration(4, { name: '测试\u0000企业有限公司' }),
    );
    expect(reg.status).toBe(400);
    expect(reg.body).toMatchObject(ENVELOPE);
    const signIn = await anon().post('/api/v1/auth/sign-in', { login: 'org\u0000', password: 'x' });
    expect(signIn.status).toBe(400);
    expect(await countRows(t, 'enterprises')).toBe(before);
  });

  test('out-of-range numbers in the query → 400', async () => {
    for (const url of [
      '/api/v1/audit-events?beforeId=99999999999999999999',
      '/api/v1/audit-events?beforeId=-1',
      '/api/v1/audit-events?limit=abc',
      '/api/v1/audit-events?from=yesterday',
      '/api/v1/industries?level=9',
      '/api/v1/industries?limit=1e9',
    ]) {
      const r = await organizer.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body).toMatchObject(ENVELOPE);
    }
  });

  test('unknown routes and methods → 404 with the envelope', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing'],
      ['DELETE', '/api/v1/users'],
      ['PUT', '/api/v1/campaigns/miit-iiapp-2021'],
    ] as const) {
      const r = await organizer.request(method, url);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(r.body).toMatchObject(ENVELOPE);
    }
  });

  test('health answers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.json()).toEqual({ status: 'ok' });
    expect(await query(t, 'select 1 as one')).toEqual([{ one: 1 }]);
  });
});
