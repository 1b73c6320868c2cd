// Start-up time and memory of the real server: on a fresh data folder (migrate + seed + demo
// accounts) and on an existing one, the old way (tsx transpiling server/main.ts at each start)
// and the way `npm start` starts it now (node dist-server/main.js, the esbuild bundle), side by
// side in one run, rounds alternated. Medians of N runs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// before: tsx and PGlite's default 128 MB shared_buffers; then the bundle alone; then as now
const WAYS = {
  'tsx server/main.ts, 128MB': { args: ['--import', 'tsx', 'server/main.ts'], buffers: '128' },
  'dist-server/main.js, 128MB': { args: ['dist-server/main.js'], buffers: '128' },
  'dist-server/main.js, 32MB': { args: ['dist-server/main.js'], buffers: '32' },
} as const;
type Way = keyof typeof WAYS;

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** CPU seconds the process has used (user + system, all its threads): less swayed by a busy machine. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
}

interface Sample {
  ms: number;
  cpu: number;
  rss: number;
}

async function startOnce(way: Way, dataDir: string): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', ...WAYS[way].args], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      PGLITE_SHARED_BUFFERS_MB: WAYS[way].buffers,
    },
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
  const cpu = cpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, 500)); // let start-up garbage settle
  const rss = rssMiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, cpu, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStartup() {
  // the bundle as `npm start` builds it (only when stale; not part of the timed start)
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('server build failed');
  const results = new Map<string, Sample[]>();
  const push = (key: string, r: Sample) => results.set(key, [...(results.get(key) ?? []), r]);
  const ways = Object.keys(WAYS) as Way[];
  for (let i = 0; i < RUNS; i++) {
    // alternate which way goes first in a round
    for (const way of i % 2 ? [...ways].reverse() : ways) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-'));
      try {
        push(`${way}, fresh`, await startOnce(way, path.join(dir, 'data')));
        push(`${way}, existing`, await startOnce(way, path.join(dir, 'data')));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  console.log(`start-up on embedded PGlite, ${RUNS} runs each, interleaved:`);
  for (const kind of ['fresh', 'existing']) {
    for (const way of ways) {
      const xs = results.get(`${way}, ${kind}`)!;
      console.log(
        `${`${kind.padEnd(9)} ${way}`.padEnd(38)} start→healthy median ${median(xs.map((x) => x.ms))
          .toFixed(0)
          .padStart(
            5,
          )} ms (runs: ${xs.map((x) => x.ms.toFixed(0)).join(', ')}), CPU median ${median(
          xs.map((x) => x.cpu),
        )
          .toFixed(0)
          .padStart(5)} ms, RSS median ${median(xs.map((x) => x.rss)).toFixed(0)} MiB`,
      );
    }
  }
}
