// The catalogue's public pages (issue 14) as a visitor's browser loads them: a list of 500
// published solutions (test/fixtures/published.ts), the real app on loopback over the embedded
// database, Debian's Chromium. Each page is loaded cold (a new browser context: no cache, no
// connection) and warm (the same page reloaded), BENCH_RUNS times each, side by side in one run;
// medians of time to first byte, first contentful paint, DOMContentLoaded and load, and the bytes
// transferred. Then the server alone: each URL fetched from Node, medians of time to the headers
// and to the last byte. For comparison the application's own public campaign page (the React
// bundle) is measured the same way when the web is built (npm run build).
//
// Env: BENCH_RUNS (9), BENCH_SOLUTIONS (500), CHROMIUM_PATH (/usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/client';
import { seedReference } from '../server/db/seed/reference';
import { seedDemoCampaign } from '../server/db/seed/demo';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { localFileStorage } from '../server/lib/files';
import { generatePublishedList } from '../test/fixtures/published';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SOLUTIONS = Number(process.env.BENCH_SOLUTIONS ?? 500);

interface Timing {
  ttfb: number;
  fcp: number;
  dcl: number;
  load: number;
  bytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

/** The page's own timing of its current document. */
async function timingOf(page: Page): Promise<Timing> {
  // first contentful paint is reported a moment after load at the latest
  await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0,
    undefined,
    { timeout: 5_000 },
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]!;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      ttfb: nav.responseStart - nav.startTime,
      fcp: fcp.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      bytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
    };
  });
}

/** Cold: the first load in a new context; warm: the same page reloaded. */
async function load(context: BrowserContext, url: string): Promise<[Timing, Timing]> {
  const page = await context.newPage();
  try {
    const res = await page.goto(url, { waitUntil: 'load' });
    if (!res || res.status() !== 200) throw new Error(`GET ${url} → ${res?.status()}`);
    const cold = await timingOf(page);
    await page.reload({ waitUntil: 'load' });
    return [cold, await timingOf(page)];
  } finally {
    await page.close();
  }
}

/** The server alone: time to the headers and to the last byte of a fetch from Node. */
async function fetchTiming(url: string): Promise<{ headers: number; body: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const headers = performance.now() - t0;
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}`);
  return { headers, body: performance.now() - t0, bytes };
}

export async function benchCataloguePages() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-public-'));
  const webDist = path.resolve('web/dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  let database: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    await seedReference(database.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: hasWeb ? webDist : '/nonexistent' });
    const deps: Deps = {
      db: database.db,
      clock: systemClock,
      config,
      files: localFileStorage(path.join(dataDir, 'files')),
    };
    await seedDemoCampaign(deps);
    // last year's list: valid today, as a visitor would mostly see it
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;
    const list = await generatePublishedList(database.db, {
      n: SOLUTIONS,
      year,
      publishedOn: `${year}-12-01`,
      showcases: 20,
    });
    // the demo call the app's public campaign page shows (server/db/seed/demo.ts)
    const code = `demo-miit-iiapp-${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}`;
    app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const middle = list.publicIds[Math.floor(list.publicIds.length / 2)]!;
    const pages: [string, string][] = [
      [`catalogue (${SOLUTIONS} solutions)`, '/solutions'],
      ['catalogue, a search', `/solutions?q=${encodeURIComponent('质量')}`],
      ['a solution page', `/solutions/${middle}`],
      ['open data JSON', '/api/v1/published-solutions.json'],
    ];
    if (hasWeb) pages.push(['the app: public campaign page (bundle)', `/campaigns/${code}`]);
    else console.log('  (web not built: the app page is not measured; run npm run build first)');

    const cold = new Map<string, Timing[]>();
    const warm = new Map<string, Timing[]>();
    for (let i = 0; i < RUNS; i++) {
      for (const [name, url] of pages) {
        const context = await browser.newContext();
        try {
          const [c, w] = url.endsWith('.json')
            ? [await jsonTiming(context, origin + url), await jsonTiming(context, origin + url)]
            : await load(context, origin + url);
          cold.set(name, [...(cold.get(name) ?? []), c]);
          warm.set(name, [...(warm.get(name) ?? []), w]);
        } finally {
          await context.close();
        }
      }
    }
    const fmt = (x: number) => x.toFixed(0).padStart(6);
    console.log(
      `  ${SOLUTIONS} published solutions, PGlite, Chromium headless, medians of ${RUNS} runs (ms; KiB transferred)`,
    );
    console.log(`  ${'page'.padEnd(42)}      ttfb    fcp    dcl   load    KiB`);
    for (const [name] of pages)
      for (const [label, runs] of [
        ['cold', cold.get(name)!],
        ['warm', warm.get(name)!],
      ] as const) {
        const m = (k: keyof Timing) => median(runs.map((r) => r[k]));
        console.log(
          `  ${name.padEnd(42)} ${label} ${fmt(m('ttfb'))} ${fmt(m('fcp'))} ${fmt(m('dcl'))} ${fmt(m('load'))} ${fmt(m('bytes') / 1024)}`,
        );
      }

    // the server alone, the same URLs fetched from Node (one warm-up each)
    const server = new Map<string, { headers: number; body: number; bytes: number }[]>();
    for (const [, url] of pages) await fetchTiming(origin + url);
    for (let i = 0; i < RUNS; i++)
      for (const [name, url] of pages)
        server.set(name, [...(server.get(name) ?? []), await fetchTiming(origin + url)]);
    console.log(`\n  server alone (fetch from Node), medians of ${RUNS} runs (ms; KiB)`);
    console.log(`  ${'page'.padEnd(42)} headers   body    KiB`);
    for (const [name] of pages) {
      const runs = server.get(name)!;
      const m = (k: 'headers' | 'body' | 'bytes') => median(runs.map((r) => r[k]));
      console.log(
        `  ${name.padEnd(42)} ${fmt(m('headers'))} ${fmt(m('body'))} ${fmt(m('bytes') / 1024)}`,
      );
    }
  } finally {
    await browser.close();
    await app?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A data file has no paint: the time to its last byte, fetched by the page's own browser. */
async function jsonTiming(context: BrowserContext, url: string): Promise<Timing> {
  const t0 = performance.now();
  const res = await context.request.get(url);
  const body = await res.body();
  const ms = performance.now() - t0;
  if (res.status() !== 200) throw new Error(`GET ${url} → ${res.status()}`);
  return { ttfb: ms, fcp: ms, dcl: ms, load: ms, bytes: body.length };
}
