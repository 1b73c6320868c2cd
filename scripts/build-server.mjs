// `npm start` runs this: the server compiled once into dist-server/ (an esbuild bundle of our own
// code; packages stay in node_modules), instead of transpiling every TypeScript file at each start.
// Rebuilt only when it is missing or older than its sources. `--force` rebuilds anyway.
// Entry points: server/main.ts → dist-server/main.js, server/workers/x.worker.ts →
// dist-server/workers/x.worker.js (each its own bundle, loaded by path in a worker thread).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-server');
const target = path.join(outdir, 'main.js');

/** Newest modification time under a path (a file or a folder). */
function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // a removed file changes its folder's time
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

/**
 * Node's ES module loader wants the file itself in a deep import into a package that has no
 * "exports" map (`nodemailer/lib/smtp-pool` is a folder; tsx resolves such imports as require
 * does): those are written into the bundle as the file they resolve to.
 */
const deepImports = {
  name: 'deep-imports',
  setup(b) {
    b.onResolve({ filter: /^(@[^/]+\/)?[^./][^/]*\/./ }, (args) => {
      const parts = args.path.split('/');
      const name = parts.slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
      const require = createRequire(args.importer || path.join(root, 'package.json'));
      let pkgFile;
      try {
        pkgFile = require.resolve(`${name}/package.json`);
      } catch {
        return undefined; // its "exports" hides package.json: Node resolves it by the map
      }
      if (JSON.parse(fs.readFileSync(pkgFile, 'utf8')).exports) return undefined;
      const file = require.resolve(args.path);
      const sub = path.relative(path.dirname(pkgFile), file).split(path.sep).join('/');
      return { path: `${name}/${sub}`, external: true };
    });
  },
};

function workerEntries() {
  const dir = path.join(root, 'server', 'workers');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.worker.ts'))
    .map((f) => path.join(dir, f));
}

const sources = [
  'server',
  'domain',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build-server.mjs',
];
const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
const stale =
  process.argv.includes('--force') ||
  built === 0 ||
  sources.some((p) => newest(path.join(root, p)) > built);

if (stale) {
  const started = performance.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, 'server', 'main.ts'), ...workerEntries()],
      outbase: path.join(root, 'server'),
      outdir,
      bundle: true,
      packages: 'external', // node_modules are imported as they are, at run time
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked', // stack traces name the TypeScript files (node --enable-source-maps)
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [deepImports],
    });
  } catch {
    console.error('服务端构建失败 Server build failed');
    process.exit(1);
  }
  await buildPgdataTemplate();
  console.log(
    `构建服务端 Server built into dist-server/ (${Math.round(performance.now() - started)} ms)`,
  );
}

/**
 * dist-server/pgdata-template: an embedded database initialised (initdb) and migrated once here,
 * which server/db/client.ts copies into a new data folder instead of running initdb at its start.
 * Without it (a failure here) a new data folder is initialised as before.
 */
async function buildPgdataTemplate() {
  const tmp = path.join(outdir, 'pgdata-template.tmp');
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = new PGlite(tmp, { extensions: { pg_trgm } });
    try {
      await client.waitReady;
      const migrationsFolder = path.join(root, 'server', 'db', 'migrations');
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.close();
    }
    fs.renameSync(tmp, path.join(outdir, 'pgdata-template'));
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    console.warn(`(no prepared database: ${e instanceof Error ? e.message : e})`);
  }
}
