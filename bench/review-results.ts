// 评审结果 at the notice's scale (issue 13), on PostgreSQL: 600 applications (seed-scale), 200
// experts in 4 panels of 50, each application reviewed by 5 experts of its panel — 3,000 submitted
// reviews, scores drawn with a seeded generator and a per-expert bias (some harsh, some lenient).
// Timed: the service (load the round, weight every review, normalise, rank: what getReviewResults
// does before serialising) and the route over loopback as the organizer, each once to warm up,
// then BENCH_RUNS times; also the XLSX export. Target: results < 1 s (median).
//
// Env: BENCH_RUNS (10), BENCH_DATABASE_URL or TEST_DATABASE_URL (admin URL; a fresh database is
// created and dropped).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { seedReference } from '../server/db/seed/reference';
import { seedDemoAccounts, seedDemoCampaign, DEMO_PASSWORD } from '../server/db/seed/demo';
import { seedScale } from '../server/db/seed/scale';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { localFileStorage } from '../server/lib/files';
import { roundResultsOf } from '../server/modules/reviews';
import {
  insertScoringExperts,
  insertScoringRound,
  insertSubmittedReviews,
  type SubmittedReviewSpec,
} from '../test/fixtures/review-scoring';
import { createDatabase } from './draft-save';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const APPLICATIONS = 600;
const EXPERTS = 200;
const PANELS = 4;
const PER_APPLICATION = 5;
const TARGET_MS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** mulberry32: the same scores every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function times(runs: number, f: () => Promise<unknown>) {
  await f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

function line(name: string, ms: number[], target?: number) {
  const m = median(ms);
  console.log(
    `  ${name.padEnd(34)} median ${m.toFixed(0).padStart(5)} ms  min ${Math.min(...ms)
      .toFixed(0)
      .padStart(5)}  max ${Math.max(...ms)
      .toFixed(0)
      .padStart(5)}` + (target ? `  ${m < target ? 'ok' : 'SLOW'}` : ''),
  );
  return m;
}

export async function benchReviewResults() {
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
    await seedScale(deps, { campaigns: 1, applications: APPLICATIONS + 100, seed: 1 });
    const t = { deps };
    const exec = async <T>(text: string) =>
      ((await deps.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
    // the campaign with the most filings, and 600 of them
    const [campaign] = await exec<{
      id: string;
      settings: { rubric: { code: string; weight: number; maxScore?: number }[] };
    }>(
      `select c.id, c.settings from campaigns c join applications a on a.campaign_id = c.id
        where a.current_version_no is not null group by c.id order by count(*) desc limit 1`,
    );
    const apps = (
      await exec<{ id: string }>(
        `select id from applications where campaign_id = '${campaign!.id}' and current_version_no is not null
          order by id limit ${APPLICATIONS}`,
      )
    ).map((r) => r.id);
    if (apps.length < APPLICATIONS) throw new Error(`only ${apps.length} applications seeded`);
    const [org] = await exec<{ id: string }>(`select id from users where login = 'organizer'`);

    const experts = await insertScoringExperts(
      t,
      Array.from({ length: EXPERTS }, (_, i) => ({
        login: `bench-expert-${i}`,
        name: `专家${String(i + 1).padStart(3, '0')}`,
        employerName: `第${(i % 40) + 1}研究院`,
      })),
    );
    const perPanel = EXPERTS / PANELS;
    const panelOf = (i: number) => i % PANELS;
    const round = await insertScoringRound(t, {
      campaignId: campaign!.id,
      createdBy: org!.id,
      name: '基准评审轮次',
      reviewsPerApplication: PER_APPLICATION,
      panels: Array.from({ length: PANELS }, (_, p) => ({
        name: `第${p + 1}组`,
        pairs: apps.flatMap((applicationId, i) =>
          panelOf(i) !== p
            ? []
            : Array.from({ length: PER_APPLICATION }, (_, k) => ({
                applicationId,
                // the i-th application of the panel: 5 consecutive experts of its 50
                expertId:
                  experts[
                    p * perPanel + ((Math.floor(i / PANELS) * PER_APPLICATION + k) % perPanel)
                  ]!.id,
              })),
        ),
      })),
    });
    const rand = rng(2021);
    const bias = experts.map(() => (rand() - 0.5) * 20); // −10 … +10 points
    const quality = apps.map(() => 55 + rand() * 35);
    const rubric = campaign!.settings.rubric;
    const reviews: SubmittedReviewSpec[] = [];
    apps.forEach((applicationId, i) => {
      const p = panelOf(i);
      for (let k = 0; k < PER_APPLICATION; k++) {
        const ex = p * perPanel + ((Math.floor(i / PANELS) * PER_APPLICATION + k) % perPanel);
        const level = Math.min(
          1,
          Math.max(0, (quality[i]! + bias[ex]! + (rand() - 0.5) * 16) / 100),
        );
        const scores = Object.fromEntries(
          rubric.map((c) => [c.code, Math.round((c.maxScore ?? c.weight) * level * 2) / 2]),
        );
        reviews.push({
          assignmentId: round.assignment(applicationId, experts[ex]!.id),
          roundId: round.roundId,
          applicationId,
          expertId: experts[ex]!.id,
          scores,
          recommendation: level > 0.7 ? 'recommend' : 'not_recommend',
          comment:
            '方案结合行业实际需求，依托工业互联网平台实现了关键环节的数字化，部署应用效果明确，具有较好的推广价值。',
        });
      }
    });
    await insertSubmittedReviews(t, reviews);
    await deps.db.execute(sql.raw('analyze'));
    console.log(
      `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${apps.length} applications, ${experts.length} experts, ` +
        `${PANELS} panels, ${reviews.length} submitted reviews (PostgreSQL)`,
    );

    const check = await roundResultsOf(deps, round.roundId);
    const ranked = check.results.reduce(
      (n, p) => n + p.applications.filter((a) => a.rank).length,
      0,
    );
    const outliers = check.results.reduce(
      (n, p) => n + p.experts.filter((e) => e.outlier).length,
      0,
    );
    console.log(`  ${ranked} applications ranked, ${outliers} outlier experts flagged`);

    app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const signIn = await fetch(`${origin}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'organizer', password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('zx_session='))!;
    const get = async (url: string) => {
      const res = await fetch(origin + url, { headers: { cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200)
        throw new Error(`GET ${url} → ${res.status} ${body.toString().slice(0, 200)}`);
      return body.length;
    };
    const base = `/api/v1/review-rounds/${round.roundId}`;
    console.log(`\neach once to warm up, then ${RUNS} runs`);
    const service = line(
      'service roundResultsOf',
      await times(RUNS, () => roundResultsOf(deps, round.roundId)),
      TARGET_MS,
    );
    const route = line(
      'GET …/results (route)',
      await times(RUNS, () => get(`${base}/results`)),
      TARGET_MS,
    );
    line('GET …/results.xlsx', await times(Math.min(RUNS, 5), () => get(`${base}/results.xlsx`)));
    console.log(`  results JSON ${((await get(`${base}/results`)) / 1024).toFixed(0)} KiB`);
    console.log(
      `\nverdict: ${service < TARGET_MS && route < TARGET_MS ? 'PASS' : 'FAIL'} — 3,000 reviews: service ${service.toFixed(0)} ms, ` +
        `route ${route.toFixed(0)} ms (median; target < ${TARGET_MS} ms)`,
    );
  } finally {
    await app?.close();
    await database?.close();
    await pgDb.drop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
