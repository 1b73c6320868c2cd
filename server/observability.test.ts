// What an operator watches (server/lib/observability.ts): one JSON log line per request with ids,
// route pattern, status and time and no personal data; /api/ready; token-guarded /metrics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { submittedApplication } from '../test/fixtures/applications';
import {
  Client,
  createTestApp,
  DEMO_ENTERPRISE_USCC,
  DEMO_PASSWORD,
  query,
  signedIn,
  userIdOf,
  type TestApp,
} from '../test/harness';
import { buildApp } from './app';
import { enqueueJob } from './db/jobs';
import { localFileStorage } from './lib/files';
import { bearerMatches } from './lib/observability';

const TOKEN = 'metrics-token-0123456789abcdef';
let t: TestApp; // LOG_LEVEL silent, no METRICS_TOKEN
let app: FastifyInstance; // same database: logs at info into `lines`, METRICS_TOKEN set
const lines: string[] = [];
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  app = await buildApp(
    { ...t.deps, config: { ...t.deps.config, logLevel: 'info', metricsToken: TOKEN } },
    { logStream: { write: (line) => void lines.push(line) } },
  );
  campaignId = (await new Client(app).get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id;
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
const completions = () => logged().filter((l) => l.msg === 'request completed');

describe('request logs', () => {
  test('one line per request: request id, route pattern, method, status, time; no URL or query', async () => {
    lines.length = 0;
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/campaigns?q=%E7%A7%98%E5%AF%86-secret-query',
      headers: { 'x-request-id': 'lb-7f3a.42' },
      remoteAddress: '10.20.30.40',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('lb-7f3a.42');
    expect(completions()).toEqual([
      expect.objectContaining({
        level: 30,
        reqId: 'lb-7f3a.42',
        route: '/api/v1/campaigns',
        method: 'GET',
        status: 200,
        ms: expect.any(Number),
      }),
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain('secret-query');
    expect(all).not.toContain('?q=');
    expect(all).not.toContain('10.20.30.40');
    expect(lines.length).toBe(1);
  });

  test('a request id that is not a plain token is replaced by a new one', async () => {
    for (const given of [
      'has space',
      'x'.repeat(129),
      '"quoted"',
      '张三',
      'zhang.san@example.cn',
    ]) {
      const res = await app.inject({ url: '/api/health', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.join('\n')).not.toContain(given);
    }
    // without the header too; and a refusal by an earlier hook still carries it
    const plain = await app.inject({ url: '/api/v1/nothing/here' });
    expect(plain.statusCode).toBe(404);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(completions().at(-1)).toMatchObject({ route: '(unmatched)', status: 404 });
  });

  test('signing in puts neither the password nor the login nor the session into any line; later lines carry the user id', async () => {
    lines.length = 0;
    const wrong = new Client(app, '10.31.0.1');
    expect((await wrong.signIn(DEMO_ENTERPRISE_USCC, 'Wrong-Password-2021')).status).toBe(401);
    const c = await signedIn(app, DEMO_ENTERPRISE_USCC, DEMO_PASSWORD, '10.31.0.2');
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const all = lines.join('\n');
    for (const secret of [
      DEMO_PASSWORD,
      'Wrong-Password-2021',
      DEMO_ENTERPRISE_USCC,
      c.cookie!.split('=')[1]!,
      c.csrf!,
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(/password|cookie|authorization/i);
    expect(all).not.toMatch(/@/); // no e-mail address
    const userId = await userIdOf(t, DEMO_ENTERPRISE_USCC);
    expect(completions().map((l) => [l.route, l.status, l.userId])).toEqual([
      ['/api/v1/auth/sign-in', 401, undefined],
      ['/api/v1/auth/sign-in', 200, undefined],
      ['/api/v1/me', 200, userId],
    ]);
  });
});

describe('/api/ready', () => {
  test('200 when the database, the file storage and the migrations are there', async () => {
    const res = await app.inject({ url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', storage: 'ok', migrations: 'ok' },
    });
  });

  test('503 naming the check that failed: storage unreachable, migrations missing', async () => {
    const notAFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zx-ready-')), 'file');
    fs.writeFileSync(notAFolder, 'x');
    const broken = await buildApp({ ...t.deps, files: localFileStorage(notAFolder) });
    try {
      const [last] = await query<{ id: number; hash: string; created_at: string }>(
        t,
        'select id, hash, created_at::text from drizzle.__drizzle_migrations order by id desc limit 1',
      );
      await query(t, `delete from drizzle.__drizzle_migrations where id = ${last!.id}`);
      let res;
      try {
        res = await broken.inject({ url: '/api/ready' });
      } finally {
        await query(
          t,
          `insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, '${last!.hash}', ${last!.created_at})`,
        );
      }
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe('unavailable');
      expect(body.checks.database).toBe('ok');
      // no path or host name in the public answer (the log has the driver's message)
      expect(body.checks.storage).toBe('failed: unreachable');
      expect(JSON.stringify(body)).not.toContain(notAFolder);
      expect(body.checks.migrations).toMatch(/^failed: \d+ of \d+ applied$/);
      // the row is back: the same app counts them again (not cached while missing)
      expect((await broken.inject({ url: '/api/ready' })).json().checks.migrations).toBe('ok');
    } finally {
      await broken.close();
    }
  });

  test('a closing app is not ready (503) but still serves the requests that reach it, until it has closed', async () => {
    const closing = await buildApp(t.deps);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    closing.addHook('preClose', () => held); // hold the close half-way, as in-flight work would
    await closing.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(closing.server.address() as { port: number }).port}/api/ready`;
    expect((await fetch(url)).status).toBe(200);
    const closed = closing.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const during = await fetch(url);
    expect(during.status).toBe(503);
    // other requests still on their way are served, not refused: a proxy would pass a 503 on
    const health = await fetch(url.replace('/api/ready', '/api/health'));
    expect(health.status).toBe(200);
    // … on a connection that then ends (Fastify's own doing), so a proxy's keep-alive connection
    // does not hold the node open under load: its next request goes to another node
    expect(health.headers.get('connection')).toBe('close');
    release();
    await closed;
    await expect(fetch(url)).rejects.toThrow(); // and then nothing listens
  });
});

/** Prometheus text format 0.0.4: HELP/TYPE comments and `name{labels} value` samples. */
function parsePrometheus(text: string) {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  expect(text.endsWith('\n')).toBe(true);
  const label = String.raw`[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\n"])*"`;
  const sample = new RegExp(
    String.raw`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:${label})(?:,${label})*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$`,
  );
  for (const line of text.trimEnd().split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(type);
      expect(types.has(name!), `TYPE ${name} twice`).toBe(false);
      types.set(name!, type!);
      continue;
    }
    if (line.startsWith('#')) {
      expect(line, 'a comment is HELP or TYPE').toMatch(/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* /);
      continue;
    }
    const m = sample.exec(line);
    expect(m, `not a Prometheus sample: ${line}`).not.toBeNull();
    const family = m![1]!.replace(/_(bucket|sum|count)$/, '');
    expect(types.has(m![1]!) || types.get(family) === 'histogram', `no TYPE for ${line}`).toBe(
      true,
    );
    samples.set(m![1]! + (m![2] ?? ''), Number(m![3]!.replace('Inf', 'Infinity')));
  }
  return samples;
}

describe('/metrics', () => {
  const scrape = async () => {
    const res = await app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parsePrometheus(res.body);
  };

  test('404 without METRICS_TOKEN; 401 without the bearer token or with another', async () => {
    const none = await t.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');
    for (const authorization of [
      undefined,
      '',
      TOKEN,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      'Bearer ',
    ]) {
      const res = await app.inject({
        url: '/metrics',
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      expect(res.body).not.toContain('zx_http_requests_total');
    }
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });

  test('counters move with requests; saves, submits, queue depth and process figures are there', async () => {
    const key =
      'zx_http_requests_total{route="/api/v1/campaigns/:idOrCode",method="GET",status="200"}';
    const before = await scrape();
    for (let i = 0; i < 3; i++)
      expect((await app.inject({ url: `/api/v1/campaigns/${campaignId}` })).statusCode).toBe(200);
    const ent = await signedIn(app, DEMO_ENTERPRISE_USCC, DEMO_PASSWORD, '10.32.0.1');
    await submittedApplication(ent, campaignId);
    await enqueueJob(t.deps.db, 'email-deliver', { id: '00000000-0000-0000-0000-000000000000' });
    const after = await scrape();
    expect(after.get(key)).toBe((before.get(key) ?? 0) + 3);
    expect(after.get('zx_draft_saves_total')).toBe((before.get('zx_draft_saves_total') ?? 0) + 1);
    expect(after.get('zx_submits_total')).toBe((before.get('zx_submits_total') ?? 0) + 1);
    const h = 'zx_http_request_duration_seconds';
    const route = '{route="/api/v1/campaigns/:idOrCode"}';
    expect(after.get(`${h}_count${route}`)).toBe((before.get(`${h}_count${route}`) ?? 0) + 3);
    expect(after.get(`${h}_bucket{route="/api/v1/campaigns/:idOrCode",le="+Inf"}`)).toBe(
      after.get(`${h}_count${route}`),
    );
    expect(
      after.get('zx_job_queue_depth{queue="email-deliver",state="created"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(after.get('process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(after.get('process_uptime_seconds')).toBeGreaterThan(0);
    const elu = after.get('nodejs_eventloop_utilization')!;
    expect(elu).toBeGreaterThanOrEqual(0);
    expect(elu).toBeLessThanOrEqual(1);
    expect(after.get('nodejs_eventloop_lag_seconds{stat="p99"}')).toBeGreaterThanOrEqual(0);
    // route patterns only: no application id in any label
    const text = (
      await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
    ).body;
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
