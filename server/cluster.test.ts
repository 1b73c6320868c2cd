// Several server nodes on one PostgreSQL database, as an operator runs them for the deadline weeks:
// three real processes started at the same moment on a fresh database, rate limits and sign-in
// lock-outs over two of them, and nginx (Debian's, on loopback, with deploy/nginx.conf) in front of
// all three under a load of draft saves, submits and recommendations while one node is killed
// (SIGKILL) and another is stopped (SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from './db/client';
import { verifyAuditChain } from './modules/audit/service';
import { Client, firstSignIn, registration, signedIn, testDbKind } from '../test/harness';
import { completeApplication } from '../test/fixtures/application';
import { PDF, upload } from '../test/fixtures/applications';
import { decide, enterpriseIdOf, uploadProof } from '../test/fixtures/verification';

const adminUrl = process.env.TEST_DATABASE_URL;
const NGINX = '/usr/sbin/nginx';
let root = '';
/** every process started, killed at the end whatever happened */
const children: ChildProcess[] = [];
const dbName = `zx_cluster_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const dbUrl = (() => {
  const u = new URL(adminUrl ?? 'postgres://localhost/x');
  u.pathname = `/${dbName}`;
  return u.toString();
})();

interface Node {
  name: string;
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` as its own process; resolves when it has printed its last start-up line. */
function startNode(name: string, env: Record<string, string> = {}): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      DATA_DIR: path.join(root, name),
      // the nodes' shared file storage (a network share or S3 in production)
      FILES_DIR: path.join(root, 'files'),
      PORT: '0',
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      DEMO_ACCOUNTS: '1',
      DEMO_CAMPAIGN: '1',
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      WORKERS: '1',
      WORKER_THREADS: '0',
      SIGN_IN_RATE_PER_MINUTE: '30',
      SIGN_IN_SLOWDOWN_MS: '0',
      SMTP_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise<Node>((resolve, reject) => {
    const check = () => {
      const port = /running at http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      // the e-mail line follows the address; the demo accounts, when printed, in the same tick
      if (port && out.includes('邮件通知')) {
        child.stdout!.off('data', check);
        setTimeout(
          () => resolve({ name, child, port: Number(port), output: () => out, exited }),
          200,
        );
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) =>
      reject(new Error(`${name} exited (${code}) before it was ready:\n${out}`)),
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * deploy/nginx.conf with its upstream servers and listen address pointed at loopback ports, and
 * its pid and temporary files in `dir` (the compose file's nginx runs the same file).
 */
function nginxConfFor(dir: string, port: number, upstreams: number[]): string {
  const conf = fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
  const servers = upstreams.map((p) => `server 127.0.0.1:${p};`).join('\n        ');
  const out = conf
    .replace(/^\s*pid\s+[^;]+;/m, `pid ${dir}/nginx.pid;`)
    .replace(/^\s*error_log\s+[^;]+;/m, `error_log ${dir}/error.log warn;`)
    .replaceAll('/tmp/zhengxuan-nginx', `${dir}/tmp`)
    .replace(/access_log\s+\S+/g, `access_log ${dir}/access.log`)
    .replace(
      /(upstream\s+zhengxuan\s*\{)((?:\s*server\s+app\d+:\d+[^;]*;)+)/,
      (_m, head: string) => `${head}\n        ${servers}`,
    )
    .replace(/^(\s*)listen\s+8080;/m, `$1listen 127.0.0.1:${port};`);
  expect(out).toContain(`listen 127.0.0.1:${port};`);
  expect(out).toContain(servers);
  return out;
}

async function sqlRows<T>(database: Database, text: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

const run = testDbKind === 'postgres' && !!adminUrl;

describe.runIf(run)('several nodes on one PostgreSQL database', () => {
  let nodes: Node[] = [];
  let database: Database;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-cluster-'));
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    await admin.end();
  });

  afterAll(async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    for (const c of running) c.kill('SIGKILL');
    await Promise.all(running.map((c) => new Promise((r) => c.once('exit', r))));
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('three nodes started at once on a fresh database all become ready; migrations and seeds run once', async () => {
    const started = performance.now();
    // b is stopped under load later: a short grace, so that a stop that does not finish (exit 1)
    // rather than one that takes its time is what the test sees
    nodes = await Promise.all(
      ['a', 'b', 'c'].map((n) => startNode(n, n === 'b' ? { SHUTDOWN_GRACE_SECONDS: '5' } : {})),
    );
    const ms = performance.now() - started;
    for (const n of nodes) {
      const res = await fetch(`http://127.0.0.1:${n.port}/api/health`);
      expect(res.status, n.output()).toBe(200);
    }
    database = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 2 });
    const journal = JSON.parse(
      fs.readFileSync(path.resolve('server/db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    const [migrated] = await sqlRows<{ n: number }>(
      database,
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(migrated!.n).toBe(journal.entries.length);
    // the demo accounts were created by exactly one node, which printed them
    expect(
      nodes.filter((n) => n.output().includes('已创建演示账号')).map((n) => n.name),
    ).toHaveLength(1);
    const [demoCampaigns] = await sqlRows<{ n: number }>(
      database,
      "select count(*)::int as n from campaigns where code like 'demo-%'",
    );
    expect(demoCampaigns!.n).toBe(1);
    const regions = JSON.parse(
      fs.readFileSync(path.resolve('server/db/seed/data/gbt2260_regions.json'), 'utf8'),
    ) as { regions: unknown[] };
    const [regionCount] = await sqlRows<{ n: number }>(
      database,
      'select count(*)::int as n from regions',
    );
    expect(regionCount!.n).toBe(regions.regions.length);
    const twice = await sqlRows(
      database,
      'select name from recommender_units group by name having count(*) > 1',
    );
    expect(twice).toEqual([]);
    const creations = await sqlRows<{ n: number }>(
      database,
      "select count(*)::int as n from audit_log where action = 'user.create' group by target_id having count(*) > 1",
    );
    expect(creations).toEqual([]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    console.log(`[cluster] three nodes ready on a fresh database in ${Math.round(ms)} ms`);
  }, 180_000);

  test('rate limits and sign-in lock-outs count requests on both nodes together', async () => {
    const [a, b] = nodes.map((n) => `http://127.0.0.1:${n.port}`);
    // 30 sign-ins a minute from one address (SIGN_IN_RATE_PER_MINUTE): alternately on two nodes
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await new Client(i % 2 ? b! : a!, ip).signIn(`nobody${i}`, 'Wrong2021pass');
      statuses.push(res.status);
    }
    expect(
      statuses.slice(0, 30).every((s) => s === 401),
      JSON.stringify(statuses),
    ).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await new Client(a!, ip).signIn('beijing')).status).toBe(429);
    expect((await new Client(b!, ip).signIn('beijing')).status).toBe(429);
    expect((await new Client(a!, '203.0.113.8').signIn('beijing')).status).toBe(200); // another address

    // five wrong passwords of one account from one address, on two nodes: locked on both
    const from = '203.0.113.9';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await new Client(i % 2 ? b! : a!, from).signIn('casic', 'Wrong2021pass');
      answers.push(res.body?.error?.code);
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('INVALID_CREDENTIALS'));
    expect(answers[4]).toBe('ACCOUNT_LOCKED');
    for (const base of [a!, b!]) {
      const res = await new Client(base, from).signIn('casic'); // the right password, too late
      expect(res.body?.error?.code).toBe('ACCOUNT_LOCKED');
    }
  }, 60_000);

  test.runIf(fs.existsSync(NGINX))(
    'behind nginx under load, one node killed and one stopped: no acknowledged save lost, every application whole, the quota holds',
    async () => {
      const dir = path.join(root, 'nginx');
      fs.mkdirSync(dir, { recursive: true });
      const port = await freePort();
      const confFile = path.join(dir, 'nginx.conf');
      fs.writeFileSync(
        confFile,
        nginxConfFor(
          dir,
          port,
          nodes.map((n) => n.port),
        ),
      );
      const nginx = spawn(NGINX, ['-p', dir, '-c', confFile, '-g', 'daemon off;'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let nginxOut = '';
      nginx.stderr!.on('data', (b: Buffer) => (nginxOut += b.toString()));
      const base = `http://127.0.0.1:${port}`;
      try {
        for (let i = 0; i < 50; i++) {
          const ok = await fetch(`${base}/api/health`).then(
            (r) => r.ok,
            () => false,
          );
          if (ok) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect((await fetch(`${base}/api/health`)).status, nginxOut).toBe(200);
        const world = await prepare(base);
        const result = await underLoad(base, world, nodes);
        // what nginx met on the way: connections refused or cut by the killed and the stopped node
        const upstreamErrors = fs
          .readFileSync(path.join(dir, 'error.log'), 'utf8')
          .split('\n')
          .filter((l) => /upstream/.test(l)).length;
        console.log(`[cluster] ${JSON.stringify({ ...result.figures, upstreamErrors })}`);
        // only requests in flight on a node as it went fail (a client has one at a time), and only
        // right then: afterwards nginx sends everything to the nodes still there
        expect(result.figures.failed).toBeLessThanOrEqual(3);
        for (const f of result.failedAt)
          expect(
            Object.values(result.events).some((t) => f >= t && f <= t + 1500),
            JSON.stringify(result.figures),
          ).toBe(true);
        // no acknowledged save lost
        for (const s of world.savers) {
          const res = await s.client.get(`/api/v1/applications/${s.id}`);
          expect(res.status).toBe(200);
          const { application } = res.body;
          const n = Number(/第(\d+)次保存/.exec(application.data.solution.summary as string)?.[1]);
          expect(n, `${s.id}: acknowledged ${s.acked}, sent ${s.sent}`).toBeGreaterThanOrEqual(
            s.acked,
          );
          expect(n).toBeLessThanOrEqual(s.sent);
          expect(application.draftVersion).toBeGreaterThanOrEqual(s.ackedVersion);
        }
        // every submitted application whole: its version, its state
        for (const id of world.filings) {
          const res = await world.filer.get(`/api/v1/applications/${id}`);
          expect(res.status).toBe(200);
          expect(res.body.application.state, id).not.toBe('draft');
          expect((await world.filer.get(`/api/v1/applications/${id}/versions/1`)).status).toBe(200);
        }
        // the quota holds: exactly 10 of the 12 recommended, whichever node answered
        const inbox = (
          await world.beijing[0]!.get(
            `/api/v1/inbox?campaignId=${world.campaignId}&state=recommended`,
          )
        ).body;
        expect(inbox.quota).toBe(10);
        expect(inbox.items).toHaveLength(10);
        // the duplicate index of each node caught up with the filings submitted on the others:
        // every pair of the identical filings was found, whichever nodes took them. (A submit cut
        // by the SIGKILL after its commit has no findings of its own until a sweep: the findings
        // step runs after the commit. Left out here; see the closing note of issue 18.)
        const answered = world.filings.filter((id) => result.submitAnswered.has(id));
        expect(answered.length).toBeGreaterThanOrEqual(11);
        const ids = answered.map((id) => `'${id}'`).join(',');
        const [pairs] = await sqlRows<{ n: number }>(
          database,
          `select count(distinct (least(application_id, match_application_id), greatest(application_id, match_application_id)))::int as n
             from duplicate_findings where application_id in (${ids}) and match_application_id in (${ids})`,
        );
        expect(pairs!.n).toBe((answered.length * (answered.length - 1)) / 2);
        expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
        // the stopped node finished its requests and left within its grace, not forced out
        expect(
          result.figures.sigtermExitCode,
          `${JSON.stringify(result.figures)}\n${nodes[1]!.output().slice(-3000)}`,
        ).toBe(0);
      } finally {
        nginx.kill('SIGTERM');
        await new Promise((r) => nginx.once('exit', r));
      }
    },
    300_000,
  );
});

interface Saver {
  client: Client;
  id: string;
  uscc: string;
  version: number;
  /** the highest save number answered 200, and the draft version it returned */
  acked: number;
  ackedVersion: number;
  /** the highest save number sent */
  sent: number;
}

async function prepare(base: string) {
  const org = await signedIn(base, 'organizer', undefined, '198.51.100.1');
  const beijing = [await signedIn(base, 'beijing', undefined, '198.51.100.2')];
  const unitId = (await beijing[0]!.get('/api/v1/me')).body.recommenderUnit.id as string;
  const second = await org.post('/api/v1/users', {
    role: 'recommender',
    login: 'beijing2',
    name: '北京第二推荐员',
    email: 'beijing2@test.zhengxuan.invalid',
    recommenderUnitId: unitId,
    password: 'Beijing2021two',
  });
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  beijing.push(await firstSignIn(base, 'beijing2', 'Beijing2021two', '198.51.100.3'));
  const campaignId = (await org.get('/api/v1/campaigns')).body.items.find(
    (c: { isDemo: boolean }) => c.isDemo,
  ).id as string;

  const savers: Saver[] = [];
  let filer: Client | undefined;
  const ready: { id: string; draftVersion: number }[] = [];
  for (let e = 0; e < 6; e++) {
    const ip = `198.51.101.${e + 1}`;
    const reg = registration(9100 + e);
    const created = await new Client(base, ip).post('/api/v1/enterprises', reg);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const client = await signedIn(base, reg.uscc, 'Secret2021pass', ip);
    const draft = await readyDraft(client, campaignId, reg.uscc);
    savers.push({
      client,
      id: draft.id,
      uscc: reg.uscc,
      version: draft.draftVersion,
      acked: 0,
      ackedVersion: draft.draftVersion,
      sent: 0,
    });
    if (e === 0) {
      filer = client;
      const enterpriseId = await enterpriseIdOf(client);
      expect((await uploadProof(client, enterpriseId)).status).toBe(200);
      expect((await decide(org, enterpriseId, 'verified')).status).toBe(200);
      for (let i = 0; i < 12; i++) ready.push(await readyDraft(client, campaignId, reg.uscc));
    }
  }
  return {
    org,
    beijing,
    campaignId,
    savers,
    filer: filer!,
    ready,
    filings: ready.map((r) => r.id),
  };
}

async function readyDraft(c: Client, campaignId: string, uscc: string) {
  const created = await c.post('/api/v1/applications', { campaignId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const cert = await upload(c, created.body.id, '软件著作权证书.pdf', PDF);
  expect(cert.status, JSON.stringify(cert.body)).toBe(201);
  const data = completeApplication({ uscc, certificateId: cert.body.id });
  data.solution.summary = '第0次保存';
  const saved = await c.request('PUT', `/api/v1/applications/${created.body.id}/draft`, {
    baseVersion: created.body.draftVersion,
    data,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { id: created.body.id as string, draftVersion: saved.body.draftVersion as number, data };
}

type World = Awaited<ReturnType<typeof prepare>>;

/** A request whose answer did not come (connection refused or reset): as a browser sees a dead server. */
async function attempt<T>(f: () => Promise<T>): Promise<T | 'failed'> {
  try {
    return await f();
  } catch {
    return 'failed';
  }
}

async function underLoad(base: string, world: World, nodes: Node[]) {
  let requests = 0;
  let failed = 0;
  const failures: string[] = [];
  const failedAt: number[] = [];
  const submitAnswered = new Set<string>();
  let stop = false;
  const started = performance.now();
  const at = () => Math.round(performance.now() - started);
  const events: Record<string, number> = {};
  const lastSuccessAfter: Record<string, number> = {};
  const count = (what: string, status: number | 'failed') => {
    requests++;
    if (status === 'failed' || status >= 500) {
      failed++;
      failures.push(`${at()}ms ${what} ${status}`);
      failedAt.push(at());
    } else {
      for (const [event, t] of Object.entries(events))
        if (!(event in lastSuccessAfter)) lastSuccessAfter[event] = at() - t;
    }
  };

  // autosaves: every client saves its draft again as soon as the last save was answered
  const saving = world.savers.map(async (s) => {
    const first = await s.client.get(`/api/v1/applications/${s.id}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const current = first.body.application.data as ReturnType<typeof completeApplication>;
    while (!stop) {
      const n = ++s.sent;
      current.solution.summary = `第${n}次保存`;
      const res = await attempt(() =>
        s.client.request('PUT', `/api/v1/applications/${s.id}/draft`, {
          baseVersion: s.version,
          data: current,
        }),
      );
      count('save', res === 'failed' ? res : res.status);
      if (res !== 'failed' && res.status === 200) {
        s.acked = n;
        s.version = s.ackedVersion = res.body.draftVersion;
      } else {
        // unknown outcome: read the draft again, as the editor does after a failed save
        const again = await attempt(() => s.client.get(`/api/v1/applications/${s.id}`));
        if (again !== 'failed' && again.status === 200)
          s.version = again.body.application.draftVersion;
      }
    }
  });

  // submits of the filer's twelve complete drafts, one after another, retried until answered
  const submitting = (async () => {
    for (const r of world.ready) {
      for (;;) {
        const res = await attempt(() =>
          world.filer.post(`/api/v1/applications/${r.id}/submit`, { draftVersion: r.draftVersion }),
        );
        count('submit', res === 'failed' ? res : res.status);
        if (res !== 'failed' && res.status === 200) {
          submitAnswered.add(r.id);
          break;
        }
        const state = await attempt(() => world.filer.get(`/api/v1/applications/${r.id}`));
        if (state !== 'failed' && state.status === 200 && state.body.application.state !== 'draft')
          break;
        await new Promise((res2) => setTimeout(res2, 100));
      }
    }
  })();

  // the recommenders: both staff, each application twice, once the filings are in
  const recommending = (async () => {
    await submitting;
    const tries = world.filings.flatMap((id, i) => [
      { who: world.beijing[0]!, id, rank: (i % 12) + 1 },
      { who: world.beijing[1]!, id, rank: (i % 12) + 1 },
    ]);
    await Promise.all(
      tries.map(async (t) => {
        for (;;) {
          const res = await attempt(() =>
            t.who.post(`/api/v1/applications/${t.id}/recommend`, { rank: t.rank }),
          );
          count('recommend', res === 'failed' ? res : res.status);
          if (res !== 'failed' && res.status < 500) return;
        }
      }),
    );
  })();

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(3000);
  events.sigkill = at();
  nodes[0]!.child.kill('SIGKILL');
  await sleep(3000);
  events.sigterm = at();
  nodes[1]!.child.kill('SIGTERM');
  const termCode = await nodes[1]!.exited;
  const termMs = at() - events.sigterm;
  await sleep(3000);
  stop = true;
  await Promise.all([...saving, submitting, recommending]);
  return {
    events,
    failedAt,
    submitAnswered,
    figures: {
      seconds: Math.round(at() / 100) / 10,
      requests,
      failed,
      failures,
      saves: world.savers.reduce((n, s) => n + s.acked, 0),
      recoveredMsAfter: lastSuccessAfter,
      sigtermExitCode: termCode,
      sigtermExitMs: termMs,
      // the stopped node's own account: how long its requests and its jobs took to finish
      sigtermStop: /\{[^\n]*"requestsMs"[^\n]*\}/.exec(nodes[1]!.output())?.[0],
    },
  };
}
