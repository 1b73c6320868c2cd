// `npm start` runs this first: build web/dist only when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'web', 'dist', 'index.html');
const skip = new Set([path.join(root, 'web', 'dist')]);

/** Newest modification time under a path (a file or a folder), ignoring skipped folders. */
function newest(p) {
  if (skip.has(p)) return 0;
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
const sources = ['web', 'domain', 'package-lock.json'].map((p) => newest(path.join(root, p)));
const stale = built === 0 || sources.some((m) => m > built);

if (stale) {
  console.log(
    built === 0
      ? '构建网页 Building the web app (web/dist missing)…'
      : '构建网页 Rebuilding the web app (sources changed)…',
  );
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (res.status !== 0) {
    console.error('网页构建失败 Web build failed');
    process.exit(res.status ?? 1);
  }
}
