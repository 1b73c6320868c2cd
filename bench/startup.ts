// Start-up time and memory of the real server: on a fresh data folder (migrate + seed + demo
// accounts) and on an existing one, side by side in one run. Medians of N runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function startOnce(dataDir: string): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const health = await fetch(`${url}/api/health`);
  if (health.status !== 200) throw new Error(`health ${health.status}`);
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 500)); // let start-up garbage settle
  const rss = rssMiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup() {
  const fresh: { ms: number; rss: number }[] = [];
  const existing: { ms: number; rss: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-'));
    try {
      fresh.push(await startOnce(path.join(dir, 'data')));
      existing.push(await startOnce(path.join(dir, 'data')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const row = (name: string, xs: { ms: number; rss: number }[]) =>
    `${name.padEnd(28)} start→healthy median ${median(xs.map((x) => x.ms)).toFixed(0)} ms (runs: ${xs.map((x) => x.ms.toFixed(0)).join(', ')}), RSS median ${median(xs.map((x) => x.rss)).toFixed(0)} MiB`;
  console.log(`start-up on embedded PGlite, ${RUNS} runs each, interleaved:`);
  console.log(row('fresh data folder', fresh));
  console.log(row('existing data folder', existing));
}
