// Nothing heavy on the event loop (issue 17): how fast GET /api/health answers while the server
// renders 12 applications' PDFs for the first time, exports the registry as XLSX and sweeps the
// campaign for duplicates, all at once — with rendering in worker threads (the default) and on the
// main thread (WORKER_THREADS=0), side by side in one run. Also at rest.
//
// Two real servers (`tsx server/main.ts`, embedded PGlite, demo accounts, each its own data folder),
// the same 12 full applications (≈5000 字, 5 APPs, a figure) submitted to each. Each round empties
// the servers' print cache (DATA_DIR/files/prints), so every PDF is a first render. A separate
// process polls /api/health every 10 ms at a fixed rate (a request is sent on time even while an
// earlier one is still waiting, so a stall is counted by every poll it delays). Rounds alternate
// threads/inline; medians are quoted.
//
// First, the rendering alone in this process (no HTTP, no database): the main thread's event-loop
// delay while 12 PDFs render through the pool or on the main thread.
//
// Env: BENCH_SERVERS (1; 0: the rendering alone), BENCH_ROUNDS (3 per side, after one warm-up round each), BENCH_REST_MS (2000), BENCH_SWEEP
// (1; 0 leaves the duplicates sweep out of the load),
// BENCH_WORKER_THREADS (the threads side's WORKER_THREADS; default: the server's default).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEMO_ENTERPRISE_USCC, DEMO_PASSWORD } from '../server/db/seed/demo';
import { acquireWorkerPool, releaseWorkerPool, runInWorker } from '../server/lib/worker-pool';
import { FIGURE_PNG, fullSampleData, fullSamplePrintInput } from '../test/fixtures/print-sample';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REST_MS = Number(process.env.BENCH_REST_MS ?? 2000);
const APPS = 12;
const POLL_MS = 10;
const SWEEP = process.env.BENCH_SWEEP !== '0';

// a minimal valid PDF: the 软件著作权证书 attachment
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

type Mode = 'threads' | 'inline';
interface Server {
  mode: Mode;
  origin: string;
  dataDir: string;
  child: ChildProcess;
  enterprise: Headers;
  organizer: Headers;
  campaignId: string;
  apps: string[];
}
type Headers = Record<string, string>;

async function startServer(
  mode: Mode,
  dataDir: string,
): Promise<Omit<Server, 'enterprise' | 'organizer' | 'campaignId' | 'apps'>> {
  const threads = mode === 'inline' ? '0' : (process.env.BENCH_WORKER_THREADS ?? '');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      WORKER_THREADS: threads,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  child.stdout!.resume();
  return { mode, origin, dataDir, child };
}

async function signIn(origin: string, login: string): Promise<Headers> {
  const res = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${login} ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('zx_session='));
  if (!session) throw new Error('no session cookie');
  return { cookie: session, 'x-csrf-token': body.csrfToken };
}

async function call(
  origin: string,
  headers: Headers,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  const res = await fetch(origin + url, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status}: ${await res.text()}`);
  return res;
}
const json = async <T>(r: Promise<Response>) => (await (await r).json()) as T;

async function upload(
  s: Pick<Server, 'origin'>,
  h: Headers,
  appId: string,
  name: string,
  bytes: Buffer,
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${s.origin}/api/v1/applications/${appId}/attachments`, {
    method: 'POST',
    headers: h,
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** The full sample, filed by the demo enterprise with its own attachments, submitted. */
async function submitFullApplication(
  s: Pick<Server, 'origin'>,
  h: Headers,
  campaignId: string,
  i: number,
) {
  const created = await json<{ id: string; draftVersion: number }>(
    call(s.origin, h, 'POST', '/api/v1/applications', { campaignId }),
  );
  const certificate = await upload(s, h, created.id, '软件著作权证书.pdf', PDF);
  const figure = await upload(s, h, created.id, '系统架构图.png', FIGURE_PNG);
  const data = fullSampleData() as Record<string, Record<string, unknown>>;
  data.solution!.name = `${String(data.solution!.name)}（${i + 1}）`;
  data.applicant!.uscc = DEMO_ENTERPRISE_USCC;
  data.ip!.certificates = [certificate];
  data.figures = { figures: [figure], tables: [], other: [] };
  const saved = await json<{ draftVersion: number }>(
    call(s.origin, h, 'PUT', `/api/v1/applications/${created.id}/draft`, {
      baseVersion: created.draftVersion,
      data,
    }),
  );
  await call(s.origin, h, 'POST', `/api/v1/applications/${created.id}/submit`, {
    draftVersion: saved.draftVersion,
  });
  return created.id;
}

async function prepare(mode: Mode, dataDir: string): Promise<Server> {
  const base = await startServer(mode, dataDir);
  try {
    return await populate(base);
  } catch (e) {
    base.child.kill('SIGTERM');
    throw e;
  }
}

async function populate(
  base: Omit<Server, 'enterprise' | 'organizer' | 'campaignId' | 'apps'>,
): Promise<Server> {
  const enterprise = await signIn(base.origin, DEMO_ENTERPRISE_USCC);
  const organizer = await signIn(base.origin, 'organizer');
  const campaigns = await json<{ items: { id: string; isDemo: boolean }[] }>(
    call(base.origin, enterprise, 'GET', '/api/v1/campaigns'),
  );
  const campaign = campaigns.items.find((c) => c.isDemo);
  if (!campaign) throw new Error('no demo campaign');
  const apps: string[] = [];
  for (let i = 0; i < APPS; i++)
    apps.push(await submitFullApplication(base, enterprise, campaign.id, i));
  return { ...base, enterprise, organizer, campaignId: campaign.id, apps };
}

// ------------------------------------------------------------------ the poller (its own process)

const POLLER = `
const [origin, every] = [process.argv[1], Number(process.argv[2])];
const lat = []; let errors = 0; let firstError = ''; const pending = new Set();
const once = () => {
  const t = performance.now();
  const p = fetch(origin + '/api/health').then((r) => r.arrayBuffer().then(() => {
    if (r.status === 200) lat.push(performance.now() - t); else { errors++; firstError ||= 'HTTP ' + r.status; }
  }), (e) => { errors++; firstError ||= String(e.cause?.code ?? e.message); });
  pending.add(p); p.finally(() => pending.delete(p));
  return p;
};
await once(); // connected
process.stdout.write('ready\\n');
const timer = setInterval(once, every);
process.stdin.once('data', async () => {
  clearInterval(timer);
  await Promise.all(pending);
  process.stdout.write(JSON.stringify({ lat, errors, firstError }) + '\\n');
  process.exit(0);
});
`;

interface PollResult {
  lat: number[];
  errors: number;
  firstError: string;
}
interface Poll {
  stop(): Promise<PollResult>;
}

async function startPoller(origin: string): Promise<Poll> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', POLLER, origin, String(POLL_MS)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (out.startsWith('ready\n')) {
        clearInterval(check);
        resolve();
      }
    }, 5);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`poller exited ${code}`));
    });
  });
  return {
    async stop() {
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.stdin.end('stop\n');
      await done;
      return JSON.parse(out.slice('ready\n'.length)) as PollResult;
    },
  };
}

// ------------------------------------------------------------------ one round

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Stats {
  p50: number;
  p99: number;
  max: number;
  n: number;
  errors: number;
  firstError: string;
}
function stats(r: PollResult): Stats {
  const s = [...r.lat].sort((a, b) => a - b);
  return {
    p50: quantile(s, 0.5),
    p99: quantile(s, 0.99),
    max: s.at(-1) ?? NaN,
    n: s.length,
    errors: r.errors,
    firstError: r.firstError,
  };
}

interface Round {
  mode: Mode;
  rest: Stats;
  load: Stats;
  /** from the first request of the load to the last response */
  loadMs: number;
  /** when the last response of each kind arrived, from the start of the load */
  took: Record<string, number>;
}

async function round(s: Server): Promise<Round> {
  // at rest
  let poll = await startPoller(s.origin);
  await new Promise((r) => setTimeout(r, REST_MS));
  const rest = stats(await poll.stop());

  // under load: every PDF a first render
  fs.rmSync(path.join(s.dataDir, 'files', 'prints'), { recursive: true, force: true });
  poll = await startPoller(s.origin);
  await new Promise((r) => setTimeout(r, 100));
  const t = performance.now();
  const took: Record<string, number> = {};
  const timed = async (what: string, r: Promise<Response>) => {
    await (await r).arrayBuffer();
    took[what] = Math.max(took[what] ?? 0, performance.now() - t);
  };
  await Promise.all([
    ...s.apps.map((id) =>
      timed(
        'pdf',
        call(s.origin, s.enterprise, 'GET', `/api/v1/applications/${id}/versions/1/pdf`),
      ),
    ),
    timed(
      'xlsx',
      call(s.origin, s.organizer, 'GET', `/api/v1/campaigns/${s.campaignId}/registry/export.xlsx`),
    ),
    ...(SWEEP
      ? [
          timed(
            'sweep',
            call(
              s.origin,
              s.organizer,
              'POST',
              `/api/v1/campaigns/${s.campaignId}/findings/sweep`,
              {},
            ),
          ),
        ]
      : []),
  ]);
  const loadMs = performance.now() - t;
  await new Promise((r) => setTimeout(r, 50));
  const load = stats(await poll.stop());
  return { mode: s.mode, rest, load, loadMs, took };
}

const tookText = (r: Round) =>
  Object.entries(r.took)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
const f = (x: number) => x.toFixed(1).padStart(6);
const fmt = (st: Stats) =>
  `p50 ${f(st.p50)} ms  p99 ${f(st.p99)} ms  max ${f(st.max)} ms  (${st.n} polls${st.errors ? `, ${st.errors} failed: ${st.firstError}` : ''})`;

/**
 * The rendering alone, in this process: 12 full PDFs at once through server/lib/worker-pool.ts, with
 * one thread and on the main thread (WORKER_THREADS=0), and the main thread's event-loop delay
 * meanwhile (perf_hooks, 5 ms resolution). No HTTP, no database: what the pool itself changes.
 */
async function renderOnly() {
  const input = fullSamplePrintInput();
  acquireWorkerPool();
  try {
    const threads = Number(process.env.BENCH_WORKER_THREADS || 1);
    // warm: the pool's thread and this thread each load pdfmake and the fonts once
    await runInWorker({ workerThreads: threads }, 'print', 'applicationPdf', input);
    await runInWorker({ workerThreads: 0 }, 'print', 'applicationPdf', input);
    const rows: { mode: Mode; ms: number; p50: number; p99: number; max: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      for (const mode of i % 2 === 0
        ? (['threads', 'inline'] as const)
        : (['inline', 'threads'] as const)) {
        const h = monitorEventLoopDelay({ resolution: 5 });
        h.enable();
        const t = performance.now();
        await Promise.all(
          Array.from({ length: APPS }, () =>
            runInWorker(
              { workerThreads: mode === 'inline' ? 0 : threads },
              'print',
              'applicationPdf',
              input,
            ),
          ),
        );
        h.disable();
        const r = {
          mode,
          ms: performance.now() - t,
          p50: h.percentile(50) / 1e6,
          p99: h.percentile(99) / 1e6,
          max: h.max / 1e6,
        };
        rows.push(r);
        console.log(
          `  round ${i + 1} ${mode.padEnd(7)} ${APPS} PDFs in ${r.ms.toFixed(0)} ms; event-loop delay p50 ${f(r.p50)} p99 ${f(r.p99)} max ${f(r.max)} ms`,
        );
      }
    }
    for (const mode of ['threads', 'inline'] as const) {
      const xs = rows.filter((r) => r.mode === mode);
      const m = (pick: (r: (typeof rows)[number]) => number) => f(median(xs.map(pick)));
      console.log(
        `  median ${mode.padEnd(7)} ${m((r) => r.ms)} ms for ${APPS} PDFs; event-loop delay p50 ${m((r) => r.p50)} p99 ${m((r) => r.p99)} max ${m((r) => r.max)} ms`,
      );
    }
  } finally {
    await releaseWorkerPool();
  }
}

export async function benchEventLoop() {
  console.log(`rendering only (this process, ${os.availableParallelism()} CPUs):`);
  await renderOnly();
  if (process.env.BENCH_SERVERS === '0') return;
  console.log('the real server:');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-loop-'));
  const servers: Server[] = [];
  try {
    for (const mode of ['threads', 'inline'] as const)
      servers.push(await prepare(mode, path.join(root, mode)));
    console.log(
      `${APPS} full applications submitted to each of two servers (embedded PGlite); ${os.availableParallelism()} CPUs. ` +
        `Load: ${APPS} first-time PDF renders + registry XLSX export${SWEEP ? ' + duplicates sweep' : ''}, at once. ` +
        `/api/health polled every ${POLL_MS} ms from another process. threads: WORKER_THREADS=${process.env.BENCH_WORKER_THREADS ?? 'default'}; inline: WORKER_THREADS=0.`,
    );
    // warm-up: the first render of a process loads pdfmake and the fonts (in the worker, or on the main thread)
    for (const s of servers) {
      const r = await round(s);
      console.log(
        `  warm-up ${s.mode.padEnd(7)} load ${fmt(r.load)}  load took ${r.loadMs.toFixed(0)} ms`,
      );
    }
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? servers : [...servers].reverse();
      for (const s of order) {
        const r = await round(s);
        rounds.push(r);
        console.log(
          `  round ${i + 1} ${s.mode.padEnd(7)} rest ${fmt(r.rest)}\n                  load ${fmt(r.load)}  load took ${r.loadMs.toFixed(0)} ms (${tookText(r)})`,
        );
      }
    }
    for (const mode of ['threads', 'inline'] as const) {
      const xs = rounds.filter((r) => r.mode === mode);
      const m = (pick: (r: Round) => number) => f(median(xs.map(pick)));
      console.log(
        `  median ${mode.padEnd(7)} rest p50 ${m((r) => r.rest.p50)} p99 ${m((r) => r.rest.p99)} max ${m((r) => r.rest.max)} | ` +
          `load p50 ${m((r) => r.load.p50)} p99 ${m((r) => r.load.p99)} max ${m((r) => r.load.max)} ms | load took ${m((r) => r.loadMs)} ms`,
      );
    }
  } finally {
    for (const s of servers) {
      if (s.child.exitCode !== null) continue;
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}
