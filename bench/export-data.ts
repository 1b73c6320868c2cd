// `admin export-data` (issue 18): an embedded data folder with the demo and a generated campaign of
// N applications with attachment files, exported by the real command (a child process, as an
// operator runs it) into a fresh PostgreSQL database and a files folder. Time (the whole command,
// and the export itself as it prints it) and the command's peak RSS (VmHWM).
// Env: BENCH_EXPORT_APPLICATIONS (1000), BENCH_EXPORT_FILE_KB (64, per attachment), BENCH_RUNS (1),
// BENCH_DATABASE_URL or TEST_DATABASE_URL (admin URL; fresh databases are created and dropped).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { seedDemoAccounts, seedDemoCampaign } from '../server/db/seed/demo';
import { seedReference } from '../server/db/seed/reference';
import { systemClock } from '../server/lib/clock';
import { localFileStorage } from '../server/lib/files';
import { seedExportCampaign } from '../test/fixtures/export-data';
import { createDatabase } from './draft-save';

const APPLICATIONS = Number(process.env.BENCH_EXPORT_APPLICATIONS ?? 1000);
const FILE_KB = Number(process.env.BENCH_EXPORT_FILE_KB ?? 64);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);

function hwmMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return undefined; // gone already
  }
}

async function exportOnce(dataDir: string, url: string, filesDir: string) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli/admin.ts', 'export-data', '--to', url, '--files-dir', filesDir],
    {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, hwmMiB(child.pid!) ?? 0);
  }, 50);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`export-data exited ${code}:\n${out}`);
  const exportSeconds = Number(/export done in ([\d.]+) s/.exec(out)?.[1]);
  const summary = out.slice(out.indexOf('导出完成'));
  return { ms, exportSeconds, peak, summary };
}

export async function benchExportData() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-bench-export-'));
  const dataDir = path.join(root, 'data');
  try {
    const t0 = performance.now();
    const source = await openDatabase({ kind: 'pglite', dataDir });
    let seeded;
    try {
      const deps = {
        db: source.db,
        clock: systemClock,
        config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
        files: localFileStorage(path.join(dataDir, 'files')),
      };
      await seedReference(source.db);
      await seedDemoCampaign(deps);
      await seedDemoAccounts(deps);
      seeded = await seedExportCampaign(deps, {
        applications: APPLICATIONS,
        fileBytes: FILE_KB * 1024,
      });
    } finally {
      await source.close();
    }
    console.log(
      `source: demo + ${seeded.applications} applications, ${seeded.files} attachment files (${(
        seeded.bytes /
        1024 /
        1024
      ).toFixed(1)} MB), made in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    for (let i = 0; i < RUNS; i++) {
      const target = await createDatabase();
      const filesDir = path.join(root, `files-${i}`);
      try {
        const r = await exportOnce(dataDir, target.url, filesDir);
        if (i === 0) console.log(r.summary.trimEnd());
        console.log(
          `run ${i + 1}: command ${(r.ms / 1000).toFixed(1)} s (start, open, migrate the target, export, verify), export itself ${r.exportSeconds.toFixed(1)} s, peak RSS ${r.peak.toFixed(0)} MiB`,
        );
      } finally {
        await target.drop();
        fs.rmSync(filesDir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
