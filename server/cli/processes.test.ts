// The real processes: a second server on one data folder, and the admin CLI's audit check.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/client';
import { testDbKind } from '../test/harness';

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-proc-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'nested'); // the parent folders do not exist yet
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const env = (dataDir: string) => ({
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  WEB_DIST: '/nonexistent',
  LOG_LEVEL: 'warn',
});
const tsx = (script: string, args: string[] = []) =>
  [process.execPath, ['--import', 'tsx', script, ...args]] as const;

function admin(dataDir: string, ...args: string[]) {
  const [cmd, argv] = tsx('server/cli/admin.ts', args);
  const r = spawnSync(cmd, argv, {
    env: { ...env(dataDir), DATABASE_URL: undefined },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe.runIf(testDbKind === 'pglite')('processes on the embedded database', () => {
  test('a second server on the same data folder exits at once with a clear message', async () => {
    const dataDir = tempDataDir();
    const [cmd, argv] = tsx('server/main.ts');
    const first = spawn(cmd, argv, {
      env: { ...env(dataDir), DATABASE_URL: undefined, PORT: '0' },
    });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (b: Buffer) => {
          output += b.toString();
          if (output.includes('演示账号仅供体验')) resolve(); // the last line of a first start
        });
        first.on('exit', (code) => reject(new Error(`first server exited ${code}: ${output}`)));
      });
      expect(output).toContain('Demo2021zx'); // first start on a fresh folder prints the demo accounts
      const [cmd2, argv2] = tsx('server/main.ts');
      const second = spawnSync(cmd2, argv2, {
        env: { ...env(dataDir), DATABASE_URL: undefined, PORT: '0' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('正被另一个进程');
      expect(second.stderr).toContain(String(first.pid));
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
    expect(fs.existsSync(path.join(dataDir, 'zhengxuan.lock'))).toBe(false); // released on shutdown
  }, 90_000);

  test('admin CLI: creates an account, and audit-verify finds a tampered row', async () => {
    const dataDir = tempDataDir();
    const created = admin(
      dataDir,
      'create-user',
      '--role',
      'expert',
      '--login',
      'wang',
      '--name',
      '王专家',
      '--email',
      'wang@example.cn',
    );
    expect(created.out).toContain('一次性密码');
    expect(created.status).toBe(0);
    const intact = admin(dataDir, 'audit-verify');
    expect(intact.out).toContain('audit chain intact: 1 rows');
    expect(intact.status).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(
      sql`update audit_log set actor_label = 'someone-else' where action = 'user.create'`,
    );
    await database.close();

    const broken = admin(dataDir, 'audit-verify');
    expect(broken.status).toBe(1);
    expect(broken.out).toContain('AUDIT CHAIN BROKEN at row id 1');
  }, 90_000);
});
