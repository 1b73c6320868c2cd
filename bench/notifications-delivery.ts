// 10,000 reminders queued and delivered to an SMTP server on loopback, on PGlite and on PostgreSQL:
// 10,000 enterprise accounts with a draft each in one campaign (inserted with SQL), the reminder
// sweep run 3 days before the online deadline (in-app messages, outbox rows and delivery jobs, in
// chunks; a second sweep must write none), then the background (pg-boss + the e-mail worker, as
// the server starts it) delivers them to an SMTP sink in a child process. Measured:
// time to queue, time until all are sent, peak RSS and heap of the server process, and that each
// recipient got exactly one message and every outbox row is sent.
//
// Env: BENCH_REMINDERS (10000), BENCH_ROUNDS (3 per database), BENCH_TARGETS ("pglite,postgres"),
// BENCH_DELIVERY_TIMEOUT (seconds, 900), BENCH_DATABASE_URL or TEST_DATABASE_URL (admin URL; a
// fresh database is created and dropped per run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { reminderDueAt } from '../domain/notifications';
import { startBackground } from '../server/background';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { seedReference } from '../server/db/seed/reference';
import { seedDemoCampaign } from '../server/db/seed/demo';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { localFileStorage } from '../server/lib/files';
import { runReminderSweep } from '../server/modules/notifications';
import { createDatabase } from './draft-save';

const COUNT = Number(process.env.BENCH_REMINDERS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGETS = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',') as Array<
  'pglite' | 'postgres'
>;
const DELIVERY_TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT ?? 900) * 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (n: number) => n / 1024 / 1024;

interface SinkReport {
  total: number;
  connections: number;
  recipients: number;
  messages: number;
  dupRecipients: number;
  dupMessages: number;
}

interface Sink {
  url: string;
  report(): Promise<SinkReport>;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'smtp-sink.ts')],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (l) => waiting.shift()?.(l));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    async report() {
      const line = next();
      child.stdin.write('report\n');
      return JSON.parse(await line) as SinkReport;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** Peak RSS and heap of this process, sampled every 50 ms. */
function memorySampler() {
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  return {
    start,
    stop() {
      clearInterval(timer);
      return { rss, heap };
    },
  };
}

async function rows<T>(db: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** 10,000 enterprises, their accounts and a draft each in the campaign, in three statements. */
async function seedDrafts(db: Database, campaignId: string) {
  await db.db.execute(sql`
    insert into enterprises (name, uscc, province_code, city_code, contact_name, phone, email)
    select '基准企业' || i, 'BENCH' || lpad(i::text, 13, '0'), '110000', '110100', '联系人' || i,
           '13800000000', 'bench' || i || '@bench.invalid'
    from generate_series(1, ${COUNT}) as i`);
  await db.db.execute(sql`
    insert into users (login, email, name, role, password_hash, enterprise_id)
    select uscc, email, contact_name, 'enterprise', 'bench-no-password', id
    from enterprises where uscc like 'BENCH%'`);
  await db.db.execute(sql`
    insert into applications (campaign_id, enterprise_id, channel_unit_id, state, form_id, data,
                              solution_name, created_at, updated_at)
    select ${campaignId}, e.id, (select id from recommender_units where name = '北京市'), 'draft',
           coalesce((select settings->>'formId' from campaigns where id = ${campaignId}), 'miit-iiapp-2021'),
           '{}'::jsonb, '基准方案' || substr(e.name, 5), now(), now()
    from enterprises e where e.uscc like 'BENCH%'`);
}

interface Run {
  queueMs: number;
  deliverMs: number | null;
  sent: number;
  failed: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  baseRssMiB: number;
  sink: SinkReport;
  ok: boolean;
}

async function oneRun(kind: 'pglite' | 'postgres'): Promise<Run> {
  const pgDb = kind === 'postgres' ? await createDatabase() : undefined;
  const sink = await startSink();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-files-'));
  let database: Database | undefined;
  let bg: Awaited<ReturnType<typeof startBackground>> | undefined;
  try {
    database = await openDatabase(
      pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'pglite-memory' },
    );
    await seedReference(database.db);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST: '/nonexistent',
      SMTP_URL: sink.url,
    });
    const deps: Deps = {
      db: database.db,
      clock: systemClock,
      config,
      files: localFileStorage(filesDir),
    };
    await seedDemoCampaign(deps);
    const [campaign] = await rows<{ id: string; title: string; online_deadline: string }>(
      database,
      sql`select id, title, online_deadline from campaigns where is_demo order by created_at desc limit 1`,
    );
    await seedDrafts(database, campaign!.id);
    const drafts = await rows<{ enterprise_id: string; user_id: string; solution_name: string }>(
      database,
      sql`select a.enterprise_id, u.id as user_id, a.solution_name from applications a
          join users u on u.enterprise_id = a.enterprise_id
          where a.campaign_id = ${campaign!.id} and a.state = 'draft'`,
    );
    if (drafts.length !== COUNT) throw new Error(`seeded ${drafts.length} drafts, not ${COUNT}`);

    // a real (not demo) call, swept 3 days before its online deadline at 09:05 Beijing time
    await database.db.execute(sql`update campaigns set is_demo = false where id = ${campaign!.id}`);
    const at = new Date(reminderDueAt(new Date(campaign!.online_deadline), 3).getTime() + 300_000);
    const sweepDeps = { ...deps, clock: { now: () => new Date(at), sleep: systemClock.sleep } };

    global.gc?.();
    const memory = memorySampler();
    // the reminder sweep as the schedule runs it: in-app messages, outbox rows and delivery jobs
    const t0 = performance.now();
    const swept = await runReminderSweep(sweepDeps);
    const queueMs = performance.now() - t0;
    if (swept.online !== COUNT) throw new Error(`the sweep wrote ${swept.online}, not ${COUNT}`);
    const again = await runReminderSweep(sweepDeps);
    if (again.online !== 0) throw new Error(`a second sweep wrote ${again.online} again`);

    // the background as the server starts it
    const t1 = performance.now();
    bg = await startBackground(database, deps, console);
    let deliverMs: number | null = null;
    let sent = 0;
    let failed = 0;
    let lastLog = t1;
    while (performance.now() - t1 < DELIVERY_TIMEOUT_MS) {
      const [c] = await rows<{ sent: number; failed: number }>(
        database,
        sql`select count(*) filter (where state = 'sent')::int as sent,
                   count(*) filter (where state = 'failed')::int as failed from outbound_emails`,
      );
      sent = Number(c!.sent);
      failed = Number(c!.failed);
      if (sent + failed >= COUNT) {
        deliverMs = performance.now() - t1;
        break;
      }
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        console.log(
          `    … ${sent} sent after ${((lastLog - t1) / 1000).toFixed(0)} s (${(sent / ((lastLog - t1) / 1000)).toFixed(1)}/s)`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const elapsed = performance.now() - t1;
    await bg.stop();
    bg = undefined;
    const peak = memory.stop();
    // a moment for the sink to count the last messages
    await new Promise((r) => setTimeout(r, 300));
    const report = await sink.report();
    const ok =
      deliverMs !== null &&
      sent === COUNT &&
      report.total === COUNT &&
      report.recipients === COUNT &&
      report.dupRecipients === 0 &&
      report.dupMessages === 0;
    if (deliverMs === null)
      console.log(
        `    timed out: ${sent} of ${COUNT} sent in ${(elapsed / 1000).toFixed(0)} s (${(sent / (elapsed / 1000)).toFixed(1)}/s)`,
      );
    return {
      queueMs,
      deliverMs,
      sent,
      failed,
      peakRssMiB: mib(peak.rss),
      peakHeapMiB: mib(peak.heap),
      baseRssMiB: mib(memory.start.rss),
      sink: report,
      ok,
    };
  } finally {
    await bg?.stop();
    await database?.close();
    await sink.close();
    await pgDb?.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

export async function benchRemindersDelivery() {
  console.log(
    `${COUNT} reminders (the reminder sweep, 3 days before the online deadline; a second sweep writes none), delivered by the e-mail worker with its defaults to an SMTP sink on loopback (child process); ${ROUNDS} runs per database; ${os.cpus().length} CPUs`,
  );
  for (const target of TARGETS) {
    const runs: Run[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await oneRun(target);
      runs.push(r);
      console.log(
        `  ${target.padEnd(8)} run ${i + 1}: queued in ${(r.queueMs / 1000).toFixed(2)} s; ` +
          `${r.deliverMs === null ? 'not all delivered' : `all delivered in ${(r.deliverMs / 1000).toFixed(1)} s (${(COUNT / (r.deliverMs / 1000)).toFixed(0)}/s)`}; ` +
          `sent ${r.sent}, failed ${r.failed}; SMTP got ${r.sink.total} messages for ${r.sink.recipients} recipients over ${r.sink.connections} connections, ` +
          `duplicates ${r.sink.dupRecipients}/${r.sink.dupMessages}; peak RSS ${r.peakRssMiB.toFixed(0)} MiB (from ${r.baseRssMiB.toFixed(0)}), peak heap ${r.peakHeapMiB.toFixed(0)} MiB; ${r.ok ? 'OK' : 'NOT OK'}`,
      );
    }
    const done = runs.filter((r) => r.deliverMs !== null);
    console.log(
      `  ${target.padEnd(8)} median: queue ${(median(runs.map((r) => r.queueMs)) / 1000).toFixed(2)} s; ` +
        `deliver ${done.length ? `${(median(done.map((r) => r.deliverMs!)) / 1000).toFixed(1)} s` : 'n/a'}; ` +
        `peak RSS ${median(runs.map((r) => r.peakRssMiB)).toFixed(0)} MiB; peak heap ${median(runs.map((r) => r.peakHeapMiB)).toFixed(0)} MiB; ` +
        `${runs.every((r) => r.ok) ? 'no duplicates, all sent' : 'PROBLEMS (see runs)'}`,
    );
  }
}
