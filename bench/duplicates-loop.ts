// Issue 17, "nothing heavy on the event loop": what other requests see while the duplicate
// detector builds a campaign's index over 100,000 past awards and while a sweep runs. The real
// app on loopback over PostgreSQL; a separate process sends GET /api/health every 10 ms whether
// or not the previous ones have answered (open loop: a request that arrives while the loop is
// held waits, none is left unsent), and the latency of those sent during each phase is reported.
//
// Two ways side by side, rounds alternating: `blocking` does what the service did before (read
// everything, then index it in one synchronous loop; the sweep's queries in one loop), `sliced`
// is the service itself (slices of 8 ms with a macrotask turn between them, awards read a page at
// a time). Each round builds from scratch (a new index cache).
//
// Env: BENCH_DUP_INDEXED (100000 awards), BENCH_DUP_LOOP_APPLICATIONS (300, seed-scale, of which
// the filed ones are swept), BENCH_DUP_LOOP_ROUNDS (3 per way), BENCH_DATABASE_URL or
// TEST_DATABASE_URL (admin URL; a fresh database is created and dropped).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { factsOf, factText } from '../domain/facts';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import type { Db } from '../server/db/client';
import { openDatabase, type Database } from '../server/db/client';
import { seedReference } from '../server/db/seed/reference';
import { seedDemoAccounts, seedDemoCampaign } from '../server/db/seed/demo';
import { seedScale } from '../server/db/seed/scale';
import { SYSTEM_ACTOR } from '../server/lib/actor';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { createIndex, type DuplicateDoc } from '../server/lib/duplicates';
import { localFileStorage } from '../server/lib/files';
import { findCampaign, formOfCampaign, type CampaignRow } from '../server/modules/campaigns';
import { insertMissingAwards } from '../server/modules/awards/repository';
import * as dupRepo from '../server/modules/duplicates/repository';
import {
  checkAgainstAwards,
  settingsOf,
  sweepDuplicates,
} from '../server/modules/duplicates/service';
import { createRng } from '../test/duplicates-eval/random';
import { createDatabase } from './draft-save';
import { synthetic } from './duplicates';

const INDEXED = Number(process.env.BENCH_DUP_INDEXED ?? 100_000);
const APPLICATIONS = Number(process.env.BENCH_DUP_LOOP_APPLICATIONS ?? 300);
const ROUNDS = Number(process.env.BENCH_DUP_LOOP_ROUNDS ?? 3);
const CAMPAIGN = 'miit-iiapp-2021';
const PROBE_EVERY_MS = 10;
const TARGET_P99_MS = 20;

// The prober: its own process, so its clock runs while the server's loop is held.
const PROBER = `
const origin = process.argv[1];
const every = Number(process.argv[2]);
const samples = [];
let pending = 0, stopping = false;
const timer = setInterval(() => {
  const sent = Date.now();
  const t0 = performance.now();
  pending++;
  fetch(origin + '/api/health').then(async (res) => {
    await res.arrayBuffer();
    samples.push([sent, performance.now() - t0, res.status]);
  }, () => samples.push([sent, performance.now() - t0, 0])).finally(() => {
    pending--;
    if (stopping && pending === 0) done();
  });
}, every);
function done() { process.stdout.write(JSON.stringify(samples), () => process.exit(0)); }
process.stdin.on('end', () => process.exit(1)); // the bench went away
process.stdin.on('data', () => { stopping = true; clearInterval(timer); if (pending === 0) done(); });
`;

interface Prober {
  stop(): Promise<[sent: number, ms: number, status: number][]>;
}

function startProber(origin: string): Prober {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', PROBER, origin, String(PROBE_EVERY_MS)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    async stop() {
      child.stdin!.write('stop\n');
      await exited;
      return JSON.parse(out);
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]! : NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

interface Phase {
  ms: number;
  n: number;
  p50: number;
  p99: number;
  max: number;
}

function phase(samples: [number, number, number][], from: number, to: number): Phase {
  const lat = samples.filter(([sent]) => sent >= from && sent < to).map(([, ms]) => ms);
  return {
    ms: to - from,
    n: lat.length,
    p50: median(lat),
    p99: quantile(lat, 0.99),
    max: Math.max(...lat),
  };
}

// ---- `blocking`: the service's build and sweep as they were (main before issue 17) ----

const awardDoc = (a: dupRepo.AwardSource): DuplicateDoc => ({
  id: a.id,
  kind: 'award',
  year: a.year,
  enterprise: a.enterpriseName,
  uscc: a.uscc,
  name: a.solutionName,
  text: a.text,
});

async function blockingBuild(db: Db, campaign: CampaignRow) {
  const [awardRows, appRows, form] = await Promise.all([
    dupRepo.listAwardSources(db),
    dupRepo.listApplicationSources(db, campaign.id),
    formOfCampaign(db, campaign),
  ]);
  const index = createIndex(settingsOf(campaign));
  const docs = new Map<string, DuplicateDoc>();
  const appDocs = appRows.map((src): DuplicateDoc => ({
    id: src.id,
    kind: 'application',
    enterprise: src.enterpriseName,
    uscc: src.uscc,
    name: factsOf(form, src.data).solutionName,
    text: factText(form, src.data),
    channel: src.channelUnitName,
  }));
  for (const doc of [...awardRows.map(awardDoc), ...appDocs]) {
    index.add(doc);
    docs.set(doc.id, doc);
  }
  return { index, docs };
}

async function blockingSweep(db: Db, campaign: CampaignRow) {
  const ci = await blockingBuild(db, campaign);
  const apps = [...ci.docs.values()].filter((d) => d.kind === 'application');
  return apps.flatMap((doc) => ci.index.query(doc)).length;
}

// ---- `sliced`: the service ----

const probe = (campaign: CampaignRow) => ({
  id: '00000000-0000-4000-8000-000000000000',
  campaignId: campaign.id,
  data: {},
  enterpriseName: '某某科技有限公司',
  uscc: '',
  channelUnitId: null as unknown as string,
  channelUnitName: '北京市经济和信息化局',
});

type Way = 'blocking' | 'sliced';

export async function benchDuplicatesLoop() {
  const pgDb = await createDatabase();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-files-'));
  let database: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    database = await openDatabase({ kind: 'postgres', url: pgDb.url });
    await seedReference(database.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' });
    const deps: Deps = {
      db: database.db,
      clock: systemClock,
      config,
      files: localFileStorage(filesDir),
    };
    await seedDemoCampaign(deps);
    await seedDemoAccounts(deps);
    const t0 = performance.now();
    await seedScale(deps, { campaigns: 1, applications: APPLICATIONS, seed: 1 });
    const rng = createRng(5);
    for (let i = 0; i < INDEXED; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, INDEXED - i) }, (_, k) => {
        const d = synthetic(rng, `award-${i + k}`, 'award');
        return {
          year: d.year!,
          solutionName: d.name,
          enterpriseName: d.enterprise,
          uscc: d.uscc ?? '',
          category: '基础共性',
          recommenderName: '北京市经济和信息化局',
          source: 'imported' as const,
          text: d.text,
          createdAt: new Date(),
        };
      });
      await insertMissingAwards(deps.db, rows);
    }
    const campaign = (await findCampaign(deps.db, CAMPAIGN))!;
    const filed = (await dupRepo.listApplicationSources(deps.db, campaign.id)).length;
    const awards = await dupRepo.awardsFingerprint(deps.db);
    console.log(
      `  data: ${awards.split(':')[0]} awards, ${filed} filed applications in ${CAMPAIGN} ` +
        `(seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s); PostgreSQL; ` +
        `GET /api/health every ${PROBE_EVERY_MS} ms, open loop, from another process`,
    );

    app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const results: Record<Way, { idle: Phase[]; build: Phase[]; sweep: Phase[] }> = {
      blocking: { idle: [], build: [], sweep: [] },
      sliced: { idle: [], build: [], sweep: [] },
    };
    const ways: Way[] = ['blocking', 'sliced'];
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of round % 2 ? [...ways].reverse() : ways) {
        // a new index cache: the service keeps one per database object
        const db = Object.create(database.db) as Db;
        const roundDeps = { ...deps, db };
        (globalThis as { gc?: () => void }).gc?.();
        const prober = startProber(origin);
        const gaps: [number, number][] = [];
        let last = performance.now();
        const lag = setInterval(() => {
          const now = performance.now();
          if (now - last > 100) gaps.push([Date.now(), now - last]);
          last = now;
        }, 1);
        await new Promise((r) => setTimeout(r, 500));
        const a = Date.now();
        await new Promise((r) => setTimeout(r, 500));
        const b = Date.now();
        if (way === 'blocking') await blockingBuild(db, campaign);
        else await checkAgainstAwards(roundDeps, probe(campaign));
        const c = Date.now();
        await new Promise((r) => setTimeout(r, 200));
        const d = Date.now();
        if (way === 'blocking') await blockingSweep(db, campaign);
        else await sweepDuplicates(roundDeps, campaign, SYSTEM_ACTOR);
        const e = Date.now();
        const samples = await prober.stop();
        clearInterval(lag);
        if (process.env.BENCH_DUP_LOOP_GAPS)
          console.log(
            way,
            'build',
            b,
            c,
            'sweep',
            d,
            e,
            'gaps',
            JSON.stringify(gaps.map(([t, g]) => [t - b, Math.round(g)])),
          );
        const r = results[way];
        r.idle.push(phase(samples, a, b));
        r.build.push(phase(samples, b, c));
        r.sweep.push(phase(samples, d, e));
        const fmt = (p: Phase) =>
          `${(p.ms / 1000).toFixed(2)} s, health n=${p.n} p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} max ${p.max.toFixed(0)} ms`;
        console.log(
          `  round ${round + 1} ${way.padEnd(8)} load ${os.loadavg()[0]!.toFixed(1)} build ${fmt(r.build.at(-1)!)} | sweep ${fmt(r.sweep.at(-1)!)}`,
        );
      }
    }
    console.log(
      `\n  medians of ${ROUNDS} rounds (health latency in ms; sweep includes its own build):`,
    );
    for (const way of ways) {
      for (const name of ['idle', 'build', 'sweep'] as const) {
        const ps = results[way][name];
        console.log(
          `  ${way.padEnd(8)} ${name.padEnd(5)} ${name === 'idle' ? '        ' : `${(median(ps.map((p) => p.ms)) / 1000).toFixed(2)} s  `}` +
            `health p50 ${median(ps.map((p) => p.p50))
              .toFixed(1)
              .padStart(7)}  p99 ${median(ps.map((p) => p.p99))
              .toFixed(1)
              .padStart(7)}  max ${median(ps.map((p) => p.max))
              .toFixed(0)
              .padStart(6)}`,
        );
      }
    }
    const ratio =
      median(results.sliced.build.map((p) => p.ms)) /
      median(results.blocking.build.map((p) => p.ms));
    const p99 = median(results.sliced.build.map((p) => p.p99));
    console.log(
      `\n  build time sliced / blocking: ${ratio.toFixed(2)}; health p99 during the sliced build ` +
        `${p99.toFixed(1)} ms (target < ${TARGET_P99_MS}): ${p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await app?.close();
    await database?.close();
    await pgDb.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
