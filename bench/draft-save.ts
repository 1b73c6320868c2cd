// Saving a full draft (≈5000 字 + 5 APPs) on PostgreSQL under 50 concurrent connections:
// the real app (PUT /api/v1/applications/:id/draft — session, CSRF, validation, 字数, the
// optimistic-concurrency update) against a bare Fastify + pg endpoint that writes the same
// JSON to the same table with one UPDATE. Rounds alternate A/B/A/B… in one run so the noise of
// this shared machine hits both; medians are quoted.
//
// Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (admin URL; a fresh database is created and
// dropped), BENCH_CONNECTIONS (50), BENCH_SECONDS (10 per round), BENCH_ROUNDS (3 each),
// BENCH_MAX_REQUESTS (per round, 1e9), BENCH_SIDES (app,bare).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { seedReference } from '../server/db/seed/reference';
import {
  seedDemoAccounts,
  seedDemoCampaign,
  DEMO_ENTERPRISE_USCC,
  DEMO_PASSWORD,
} from '../server/db/seed/demo';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { localFileStorage } from '../server/lib/files';
import { fullSampleData } from '../test/fixtures/print-sample';
import type { LoadJob, LoadResult } from './load-client';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 1e9);
/** `app` alone, e.g. under --cpu-prof so that the profile holds the app only */
const SIDES = (process.env.BENCH_SIDES ?? 'app,bare').split(',');
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

function assertLoopback(u: string) {
  const host = new URL(u).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`bench uses loopback only, not ${host}`);
}

export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  assertLoopback(ADMIN_URL);
  const name = `zx_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: ADMIN_URL });
      await again.connect();
      // pool.end() does not wait for the backends to leave: wait a little before forcing.
      for (let i = 0; i < 100; i++) {
        const { rows } = await again.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** The floor: Fastify with no plugins, one pg.Pool, one UPDATE of the same row shape. */
async function buildBare(pool: pg.Pool): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  app.put<{ Params: { id: string }; Body: { baseVersion: number; data: unknown } }>(
    '/bare/:id',
    async (req, reply) => {
      const { rows } = await pool.query<{ draft_version: number }>(
        'UPDATE applications SET data=$1, draft_version=draft_version+1, updated_at=now() WHERE id=$2 AND draft_version=$3 RETURNING draft_version',
        [JSON.stringify(req.body.data), req.params.id, req.body.baseVersion],
      );
      if (rows.length === 0) return reply.status(409).send({ error: 'conflict' });
      return { draftVersion: rows[0]!.draft_version };
    },
  );
  return app;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Sign in over HTTP, as a browser would; returns the cookie and CSRF headers. */
async function signIn(origin: string): Promise<Record<string, string>> {
  const res = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: DEMO_ENTERPRISE_USCC, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('zx_session='));
  if (!session) throw new Error('no session cookie');
  return { cookie: session, 'x-csrf-token': body.csrfToken };
}

async function api<T>(
  origin: string,
  headers: Record<string, string>,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(origin + url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

function drive(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'load-client.ts')],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited ${code}`));
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (e) {
        reject(e as Error);
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}

interface Round {
  name: 'app' | 'bare';
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failures: Record<string, number>;
  /** CPU time per saved request: this process (the server measured) and PostgreSQL's backends */
  nodeCpuMs: number;
  pgCpuMs: number;
}

/**
 * CPU seconds used by the PostgreSQL backends serving `database` while `during` runs: each
 * backend's utime + stime from /proc, sampled every 200 ms so that a backend a pool closes or
 * opens meanwhile is counted too (0 when PostgreSQL runs elsewhere).
 */
async function backendCpuSecondsDuring<T>(
  database: string,
  during: () => Promise<T>,
): Promise<{ result: T; seconds: number }> {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async () => {
    // a backend's process title names its database ("postgres: user db 127.0.0.1(port) idle"):
    // read from /proc, so that measuring takes no connection of its own
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue;
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
        const pid = Number(entry);
        if (!first.has(pid)) first.set(pid, 0);
        last.set(pid, ticks);
      } catch {
        /* a process that left meanwhile */
      }
    }
  };
  await sample();
  // a backend seen at the start counts from there; one that starts later, from its birth
  for (const [pid, ticks] of last) first.set(pid, ticks);
  let running = true;
  const poller = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, 200));
      await sample();
    }
  })();
  const result = await during();
  running = false;
  await poller;
  await sample();
  let ticks = 0;
  for (const [pid, end] of last) ticks += end - (first.get(pid) ?? 0);
  return { result, seconds: ticks / 100 }; // USER_HZ
}

function summarise(
  name: Round['name'],
  r: LoadResult,
  cpu: { nodeSeconds: number; pgSeconds: number },
): Round {
  return {
    nodeCpuMs: (cpu.nodeSeconds * 1000) / Math.max(1, r.ok),
    pgCpuMs: (cpu.pgSeconds * 1000) / Math.max(1, r.ok),
    name,
    rps: (r.ok / r.elapsedMs) * 1000,
    p50: quantile(r.latencies, 0.5),
    p99: quantile(r.latencies, 0.99),
    ok: r.ok,
    failures: r.failures,
  };
}

const fmtRound = (r: Round, i: number) =>
  `  round ${i + 1} ${r.name.padEnd(4)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  200s ${r.ok}  non-200 ${JSON.stringify(r.failures)}  CPU/save node ${r.nodeCpuMs.toFixed(2)} ms + PostgreSQL ${r.pgCpuMs.toFixed(2)} ms`;

export async function benchDraftSave() {
  const database = await createDatabase();
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  let bare: FastifyInstance | undefined;
  let barePool: pg.Pool | undefined;
  const dbName = new URL(database.url).pathname.slice(1);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-files-'));
  try {
    db = await openDatabase({ kind: 'postgres', url: database.url, poolSize: CONNECTIONS });
    await seedReference(db.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
    const deps: Deps = { db: db.db, clock: systemClock, config, files: localFileStorage(filesDir) };
    await seedDemoCampaign(deps);
    await seedDemoAccounts(deps);
    // one enterprise owns every benched draft: the call allows it 100 (the default is 20)
    await db.db.execute(
      sql`update campaigns set settings = settings || '{"maxDraftsPerEnterprise": 100}'::jsonb where is_demo`,
    );
    app = await buildApp(deps);
    const appOrigin = await listen(app);
    barePool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
    bare = await buildBare(barePool);
    const bareOrigin = await listen(bare);

    const headers = await signIn(appOrigin);
    const campaigns = await api<{ items: { id: string; isDemo: boolean }[] }>(
      appOrigin,
      headers,
      'GET',
      '/api/v1/campaigns',
    );
    const campaign = campaigns.items.find((c) => c.isDemo);
    if (!campaign) throw new Error('no demo campaign');

    const data = fullSampleData();
    const dataJson = JSON.stringify(data);
    let words = 0;
    // One application per virtual client and per side; both sides write the same table.
    const make = async () => {
      const versions: Record<string, number> = {};
      for (let i = 0; i < CONNECTIONS; i++) {
        const created = await api<{ id: string; draftVersion: number }>(
          appOrigin,
          headers,
          'POST',
          '/api/v1/applications',
          { campaignId: campaign.id },
        );
        // first save through the app so both sides start from the same full row
        const saved = await api<{ draftVersion: number; wordCount: number }>(
          appOrigin,
          headers,
          'PUT',
          `/api/v1/applications/${created.id}/draft`,
          { baseVersion: created.draftVersion, data },
        );
        versions[created.id] = saved.draftVersion;
        words = saved.wordCount;
      }
      return versions;
    };
    let appVersions = await make();
    let bareVersions = await make();

    console.log(
      `PostgreSQL (fresh database), ${CONNECTIONS} connections, body ${(Buffer.byteLength(dataJson) / 1024).toFixed(1)} KiB JSON (${words} 字 of text, 5 APPs), ` +
        `${ROUNDS} rounds × ${SECONDS} s each, alternating, load from a separate process; ${os.cpus().length} CPUs`,
    );
    console.log(`  app : PUT ${appOrigin}/api/v1/applications/:id/draft (pg pool ${CONNECTIONS})`);
    console.log(
      `  bare: PUT ${bareOrigin}/bare/:id (Fastify, no plugins, pg.Pool ${CONNECTIONS}, one UPDATE)`,
    );

    const job = (side: 'app' | 'bare', seconds: number): LoadJob =>
      side === 'app'
        ? {
            origin: appOrigin,
            pathTemplate: '/api/v1/applications/{id}/draft',
            headers,
            dataJson,
            versions: appVersions,
            seconds,
            maxRequests: MAX_REQUESTS,
          }
        : {
            origin: bareOrigin,
            pathTemplate: '/bare/{id}',
            headers: {},
            dataJson,
            versions: bareVersions,
            seconds,
            maxRequests: MAX_REQUESTS,
          };
    const runSide = async (side: 'app' | 'bare', seconds: number) => {
      const r = await drive(job(side, seconds));
      if (side === 'app') appVersions = r.versions;
      else bareVersions = r.versions;
      return r;
    };

    // warm-up: JIT, pool connections, plan caches (not reported beyond a line)
    const wa = await runSide('app', 2);
    const wb = await runSide('bare', 2);
    console.log(`  warm-up 2 s each: app ${wa.ok} ok, bare ${wb.ok} ok`);

    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const side of order.filter((s) => SIDES.includes(s))) {
        const node0 = process.cpuUsage();
        const { result, seconds: pgSeconds } = await backendCpuSecondsDuring(dbName, () =>
          runSide(side, SECONDS),
        );
        const node1 = process.cpuUsage(node0);
        const r = summarise(side, result, {
          nodeSeconds: (node1.user + node1.system) / 1e6,
          pgSeconds,
        });
        rounds.push(r);
        console.log(fmtRound(r, rounds.length - 1));
      }
    }
    const of = (name: Round['name']) => rounds.filter((r) => r.name === name);
    const a = of('app');
    const b = of('bare');
    const row = (n: string, xs: Round[]) =>
      `  median ${n.padEnd(4)} ${median(xs.map((x) => x.rps))
        .toFixed(1)
        .padStart(7)} req/s  p50 ${median(xs.map((x) => x.p50))
        .toFixed(1)
        .padStart(6)} ms  p99 ${median(xs.map((x) => x.p99))
        .toFixed(1)
        .padStart(
          6,
        )} ms  CPU/save node ${median(xs.map((x) => x.nodeCpuMs)).toFixed(2)} ms + PostgreSQL ${median(
        xs.map((x) => x.pgCpuMs),
      ).toFixed(2)} ms`;
    if (a.length) console.log(row('app', a));
    if (b.length) console.log(row('bare', b));
    // ratio per pair of adjacent rounds, then the median of those
    const ratios = a.map((x, i) => x.rps / (b[i]?.rps ?? NaN));
    if (a.length && b.length)
      console.log(
        `  throughput ratio app/bare: median ${median(ratios).toFixed(3)} (per round pair: ${ratios.map((r) => r.toFixed(3)).join(', ')}); ratio of medians ${(median(a.map((x) => x.rps)) / median(b.map((x) => x.rps))).toFixed(3)}`,
      );
    const non200 = rounds.reduce(
      (n, r) => n + Object.values(r.failures).reduce((s, v) => s + v, 0),
      0,
    );
    console.log(`  non-200 responses in measured rounds: ${non200}`);
  } finally {
    await app?.close().catch(() => {});
    await bare?.close().catch(() => {});
    await barePool?.end().catch(() => {});
    await db?.close().catch(() => {});
    await database.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
