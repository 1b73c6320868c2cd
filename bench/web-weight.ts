// What the browser downloads on the first load of a page: the entry script, its static imports
// (the Vite manifest) and the lazy chunk of the page's route with its imports — fetched over HTTP
// from the real app (buildApp, static serving of web/dist), once asking for brotli, once for gzip,
// once for nothing, summing the bytes actually served. Sizes are deterministic: one pass, no medians.
//
// Before and after side by side: the "before" is a build of BENCH_BEFORE_REF (default main; "" to
// skip) from `git archive`, served by this same app (a build without .br/.gz files is served as
// is, which is how that ref served it). The "after" is web/dist, built now with the manifest
// (BENCH_BUILD=0 to use the existing web/dist as is).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { systemClock } from '../server/lib/clock';
import type { Deps } from '../server/lib/deps';
import { localFileStorage } from '../server/lib/files';

const root = path.resolve(import.meta.dirname, '..');

/** The pages measured: their address and the route modules (web/-relative) they load lazily. */
const PAGES: Array<{ name: string; url: string; modules: string[]; budgetKB?: number }> = [
  {
    name: '登录 sign-in',
    url: '/login',
    modules: ['features/auth/LoginPage.tsx'],
    budgetKB: 200,
  },
  {
    name: '活动页 public campaign',
    url: '/campaigns/miit-iiapp-2021',
    modules: ['features/campaigns/CampaignPage.tsx'],
    budgetKB: 200,
  },
  {
    name: '核验 /verify',
    url: '/verify',
    modules: ['features/verify/VerifyPage.tsx'],
    budgetKB: 200,
  },
  {
    name: '申报书 enterprise editor',
    url: '/applications/00000000-0000-0000-0000-000000000000',
    modules: ['features/applications/ApplicationPage.tsx'],
    budgetKB: 450,
  },
  {
    name: '申报进度 organizer admin',
    url: '/admin/progress',
    modules: ['features/admin-progress/ProgressPage.tsx'],
  },
  {
    name: '监测分析 organizer charts',
    url: '/admin/statistics',
    modules: ['features/statistics/StatisticsPage.tsx'],
  },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Files (dist-relative) the browser fetches for these manifest keys: each file and its static imports. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return; // bundled into a chunk already counted (e.g. an eager page in the entry)
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  return new Set([...files].filter((f) => f.endsWith('.js')));
}

function build(outDir: string, cwd: string) {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      'web/vite.config.ts',
      '--manifest',
      '--outDir',
      outDir,
      '--logLevel',
      'warn',
    ],
    { cwd, stdio: 'inherit' },
  );
  if (res.status !== 0) throw new Error(`vite build failed in ${cwd}`);
}

/** A build of `ref` (its web/, domain/ and docs/ from git archive, this checkout's node_modules). */
function buildRef(ref: string): { dist: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-web-weight-'));
  const archive = spawnSync('git', ['archive', '--format=tar', ref, 'web', 'domain', 'docs'], {
    cwd: root,
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0) throw new Error(`git archive ${ref}: ${archive.stderr.toString()}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr.toString()}`);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const dist = path.join(dir, 'web', 'dist');
  build(dist, dir);
  return { dist, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

interface Served {
  bytes: number;
  encoding: string;
  cacheControl: string;
  status: number;
}

/** GET with raw byte counting (no transparent decompression, unlike fetch). */
function get(origin: string, url: string, acceptEncoding?: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      origin + url,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        let bytes = 0;
        res.on('data', (b: Buffer) => (bytes += b.length));
        res.on('end', () =>
          resolve({
            bytes,
            status: res.statusCode ?? 0,
            encoding: String(res.headers['content-encoding'] ?? 'identity'),
            cacheControl: String(res.headers['cache-control'] ?? '—'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

const MODES = [
  { name: 'br', header: 'gzip, deflate, br' }, // what a browser sends
  { name: 'gzip', header: 'gzip' },
  { name: 'none', header: undefined },
] as const;

interface PageResult {
  name: string;
  files: number;
  kb: Record<(typeof MODES)[number]['name'], number>;
  encodings: Record<string, string>;
  cacheControl: string;
  htmlCacheControl: string;
  budgetKB?: number;
}

async function measure(dist: string): Promise<{ pages: PageResult[]; largest: string[] }> {
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const database = await openDatabase({ kind: 'pglite-memory' });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-files-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: dist });
  const deps: Deps = {
    db: database.db,
    clock: systemClock,
    config,
    files: localFileStorage(filesDir),
  };
  const app = await buildApp(deps);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const sizes = new Map<string, Record<string, number>>();
    const pages: PageResult[] = [];
    for (const page of PAGES) {
      const html = await get(origin, page.url, MODES[0].header);
      if (html.status !== 200) throw new Error(`${page.url} → ${html.status}`);
      const files = closure(manifest, [entry, ...page.modules]);
      const kb = { br: 0, gzip: 0, none: 0 };
      const encodings: Record<string, Set<string>> = {};
      const cache = new Set<string>();
      for (const file of files) {
        for (const mode of MODES) {
          const r = await get(origin, `/${file}`, mode.header);
          if (r.status !== 200) throw new Error(`/${file} → ${r.status}`);
          kb[mode.name] += r.bytes / 1024;
          (encodings[mode.name] ??= new Set()).add(r.encoding);
          cache.add(r.cacheControl);
          sizes.set(file, { ...sizes.get(file), [mode.name]: r.bytes / 1024 });
        }
      }
      pages.push({
        name: page.name,
        files: files.size,
        kb,
        encodings: Object.fromEntries(
          Object.entries(encodings).map(([k, v]) => [k, [...v].join('/')]),
        ),
        cacheControl: [...cache].join(' | '),
        htmlCacheControl: html.cacheControl,
        budgetKB: page.budgetKB,
      });
    }
    const largest = [...sizes.entries()]
      .sort((a, b) => b[1].none! - a[1].none!)
      .slice(0, 8)
      .map(
        ([f, s]) =>
          `    ${path.basename(f).padEnd(44)} ${s.none!.toFixed(1).padStart(7)} KB, br ${s.br!.toFixed(1).padStart(6)} KB`,
      );
    return { pages, largest };
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

function print(label: string, r: Awaited<ReturnType<typeof measure>>) {
  console.log(`\n${label}`);
  for (const p of r.pages) {
    const over =
      p.budgetKB !== undefined && p.kb.br > p.budgetKB ? `  OVER the ${p.budgetKB} KB budget` : '';
    console.log(
      `  ${p.name.padEnd(30)} ${String(p.files).padStart(3)} files  br ${p.kb.br.toFixed(1).padStart(7)} KB  gzip ${p.kb.gzip.toFixed(1).padStart(7)} KB  uncompressed ${p.kb.none.toFixed(1).padStart(7)} KB${over}`,
    );
    console.log(
      `  ${''.padEnd(30)} content-encoding br→${p.encodings.br} gzip→${p.encodings.gzip} none→${p.encodings.none}; assets cache-control: ${p.cacheControl}; page: ${p.htmlCacheControl}`,
    );
  }
  console.log('  largest chunks loaded by these pages:');
  for (const l of r.largest) console.log(l);
}

export async function benchWebWeight() {
  const beforeRef = process.env.BENCH_BEFORE_REF ?? 'main';
  if (beforeRef) {
    const before = buildRef(beforeRef);
    try {
      print(
        `BEFORE: a build of ${beforeRef}, JavaScript of the first load`,
        await measure(before.dist),
      );
    } finally {
      before.cleanup();
    }
  }
  const dist = path.join(root, 'web', 'dist');
  if (process.env.BENCH_BUILD !== '0') build(dist, root);
  print('AFTER: this checkout (web/dist), JavaScript of the first load', await measure(dist));
}
