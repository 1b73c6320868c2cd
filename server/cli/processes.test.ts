// The real processes on one data folder: the server, a second server refused, the admin CLI.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/client';
import { verifyAuditChain } from '../modules/audit/service';
import { testDbKind } from '../../test/harness';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-proc-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dataDir = path.join(root, 'data', 'nested'); // the parent folders do not exist yet

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  WEB_DIST: '/nonexistent',
  LOG_LEVEL: 'warn',
  PORT: '0',
};
const node = (script: string, args: string[] = []) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe.runIf(testDbKind === 'pglite')('processes on the embedded database', () => {
  test('a second server on the same data folder exits at once; the lock is released on shutdown', async () => {
    const first = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (b: Buffer) => {
          output += b.toString();
          if (output.includes('演示账号仅供体验')) resolve(); // the last line of a first start
        });
        first.on('exit', (code) => reject(new Error(`first server exited ${code}: ${output}`)));
      });
      expect(output).toContain('Demo2021zx'); // a fresh folder gets the demo accounts, printed
      const second = node('server/main.ts');
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('正被另一个进程');
      expect(second.stderr).toContain(String(first.pid));
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
    }
    expect(fs.existsSync(path.join(dataDir, 'zhengxuan.lock'))).toBe(false);
  }, 120_000);

  test('admin CLI creates an account; audit-verify finds a tampered row', async () => {
    const created = node('server/cli/admin.ts', [
      'create-user',
      '--role',
      'expert',
      '--login',
      'wang',
      '--name',
      '王专家',
      '--email',
      'wang@example.cn',
    ]);
    expect(created.stdout).toContain('一次性密码');
    expect(created.status).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    const result = (await database.db.execute(
      sql`select id from audit_log where action = 'user.create' and actor_label like 'cli:%'`,
    )) as unknown as { rows: { id: number }[] };
    const [row] = result.rows;
    await database.db.execute(
      sql`update audit_log set actor_label = 'someone-else' where id = ${row!.id}`,
    );
    await database.close();

    const broken = node('server/cli/admin.ts', ['audit-verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('AUDIT LOG BROKEN: 该行内容被修改 row edited');
    expect(broken.stderr).toContain(`at row id ${row!.id}\n`);
  }, 120_000);
});
