// The outbox across real processes: a process killed (-9) right after committing an event's
// messages loses none and, restarted, sends each once; two server processes on one PostgreSQL
// send every message exactly once between them.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../test/harness/smtp';

let smtp: TestSmtp;
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const f of cleanups) await f();
  await smtp?.close();
});

/** A database of its own for the processes: a data folder, or a fresh PostgreSQL database. */
async function freshDatabase(): Promise<Record<string, string>> {
  if (testDbKind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-outbox-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `zx_outbox_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  cleanups.push(async () => {
    const again = new pg.Client({ connectionString: adminUrl });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

/** Starts a process (`node --import tsx file`) and waits for a line on its stdout. */
function start(file: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      SMTP_URL: smtp.url,
      DEMO_CAMPAIGN: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`${file} did not start:\n${out}\n${err}`)),
      90_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready.test(out)) reject(new Error(`${file} exited (${code}):\n${out}\n${err}`));
    });
  });
}

const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => c.once('exit', () => resolve()));

async function stop(c: ChildProcess) {
  c.kill('SIGTERM');
  await exited(c);
}

const subjects = (tag: string) => smtp.mails.filter((m) => m.subject.includes(tag));

describe('the outbox survives kill -9 between commit and send', () => {
  it('the messages committed by a killed process are sent once after a restart', async () => {
    const db = await freshDatabase();
    const writer = await start(
      'test/fixtures/notify-and-hang.ts',
      { ...db, COUNT: '3' },
      /COMMITTED 3/,
    );
    writer.kill('SIGKILL');
    await exited(writer);
    expect(subjects('停电检修通知')).toHaveLength(0); // nothing went out before the crash

    const server = await start('server/main.ts', db, /征选 Zhengxuan 已启动/);
    await expect.poll(() => subjects('停电检修通知').length, { timeout: 60_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 3_000)); // and nothing more arrives
    expect(subjects('停电检修通知')).toHaveLength(3);
    expect(new Set(subjects('停电检修通知').map((m) => m.to[0])).size).toBe(3);
    await stop(server);
  }, 240_000);
});

describe.runIf(testDbKind === 'postgres')('two server processes on one PostgreSQL', () => {
  it('send each of 200 messages exactly once', async () => {
    const db = await freshDatabase();
    // the first brings the database up; the second joins it
    const a = await start('server/main.ts', db, /征选 Zhengxuan 已启动/);
    const b = await start('server/main.ts', db, /征选 Zhengxuan 已启动/);
    const tag = '双进程测试';
    const url = db.DATABASE_URL!;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // 200 users and one announcement to all of them, written as an event writes it
    await client.query(`insert into users (login, email, name, role, password_hash)
      select 'u' || g, 'u' || g || '@test.zhengxuan.invalid', '用户' || g, 'enterprise', 'x'
      from generate_series(1, 200) g`);
    await client.end();
    const writer = await start(
      'test/fixtures/notify-and-hang.ts',
      { ...db, COUNT: '1000', TITLE: tag },
      /COMMITTED \d+/,
    );
    writer.kill('SIGKILL');
    await exited(writer);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query<{ n: number }>(
      `select count(*)::int as n from outbound_emails`,
    );
    const total = rows[0]!.n;
    expect(total).toBeGreaterThanOrEqual(200);
    await expect
      .poll(() => subjects(tag).length, { timeout: 120_000, interval: 500 })
      .toBeGreaterThanOrEqual(total);
    await new Promise((r) => setTimeout(r, 3_000));
    const got = subjects(tag);
    expect(got).toHaveLength(total);
    expect(new Set(got.map((m) => m.to[0])).size).toBe(total);
    const sent = await check.query<{ n: number }>(
      `select count(*)::int as n from outbound_emails where state = 'sent' and attempts = 1`,
    );
    expect(sent.rows[0]!.n).toBe(total);
    await check.end();
    await Promise.all([stop(a), stop(b)]);
  }, 300_000);
});
