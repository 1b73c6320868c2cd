// `admin export-data`: a stopped embedded data folder (the demo plus a campaign of 1,000
// applications with attachment files) into fresh PostgreSQL databases and a fake S3 — table by
// table equal, files byte-equal, the audit chain verifying on the target; refusals and the dry run
// write nothing. PostgreSQL only (the target is PostgreSQL); the source is a real PGlite folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { testDbKind, TestClock } from '../../test/harness';
import {
  createEmptyDatabase,
  seedExportCampaign,
  tableDigests,
  type ExportCampaign,
} from '../../test/fixtures/export-data';
import { startFakeS3 } from '../../test/fixtures/fake-s3';
import { runExportData } from '../cli/export-data';
import { loadConfig } from '../config';
import { localFileStorage, s3FileStorage, type FileStorage } from '../lib/files';
import { verifyAudit } from '../modules/audit';
import { openDatabase } from './client';
import { ExportMismatchError, ExportRefusedError, exportData } from './export-data';
import { seedDemoAccounts, seedDemoCampaign } from './seed/demo';
import { seedReference } from './seed/reference';

const enabled = testDbKind === 'postgres' && !!process.env.TEST_DATABASE_URL;

/** Every key and its bytes. */
async function contents(files: FileStorage) {
  const out = new Map<string, Buffer>();
  for (const key of await files.list('')) out.set(key, await files.get(key));
  return out;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Tables and schemas in a database: none but PostgreSQL's own when nothing was written. */
const userRelations = (url: string) =>
  withClient(url, async (c) =>
    Number(
      (
        await c.query(
          `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`,
        )
      ).rows[0].n,
    ),
  );

/** console.log's lines while `work` runs. */
async function printed<T>(work: () => Promise<T>): Promise<{ result: T; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    lines.push(a.join(' '));
  });
  try {
    return { result: await work(), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe.runIf(enabled)('export-data: an embedded data folder into PostgreSQL', () => {
  // made in beforeAll: a skipped describe's body still runs (to collect), its hooks do not
  const root = path.join(os.tmpdir(), `zx-export-${process.pid}-${Date.now()}`);
  const dataDir = path.join(root, 'data');
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' };
  const sourceFiles = localFileStorage(path.join(dataDir, 'files'));
  const dropLater: (() => Promise<void>)[] = [];
  let campaign: ExportCampaign;
  let sourceDigest: Map<string, string[]>;

  const emptyDatabase = async () => {
    const db = await createEmptyDatabase();
    dropLater.push(db.drop);
    return db;
  };
  const openSource = () => openDatabase({ kind: 'pglite', dataDir });

  beforeAll(async () => {
    // the platform as it ran: demo, then a generated campaign; then stopped (closed)
    fs.mkdirSync(root, { recursive: true });
    const source = await openSource();
    try {
      const deps = {
        db: source.db,
        clock: new TestClock(),
        config: loadConfig(env),
        files: sourceFiles,
      };
      await seedReference(source.db);
      await seedDemoCampaign(deps);
      await seedDemoAccounts(deps);
      campaign = await seedExportCampaign(deps, { applications: 1000, fileBytes: 1024 });
      sourceDigest = await tableDigests(
        async (text) => (await source.executor.executeSql(text)).rows,
      );
    } finally {
      await source.close();
    }
  }, 180_000);

  afterAll(async () => {
    for (const drop of dropLater) await drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the dry run prints what it would copy and writes nothing', async () => {
    const target = await emptyDatabase();
    const filesDir = path.join(root, 'dry-files');
    const { result, out } = await printed(() =>
      runExportData(loadConfig(env), { to: target.url, 'files-dir': filesDir, 'dry-run': true }),
    );
    expect(result).toBe(0);
    expect(out).toContain('DRY RUN');
    expect(out).toMatch(/^ {2}applications: 1000$/m);
    expect(out).toContain(`files: ${campaign.files + 2} (`); // and the demo's scan, the checkpoint
    expect(out).toContain('would be copied');
    expect(out).toContain('empty: it would take the export');
    expect(await userRelations(target.url)).toBe(0); // not even migrated
    expect(fs.existsSync(filesDir)).toBe(false);
  }, 60_000);

  test('round trip to PostgreSQL and S3: every table equal, files byte-equal, the audit chain verifies', async () => {
    const target = await emptyDatabase();
    const s3 = await startFakeS3();
    try {
      const config = loadConfig({
        ...env,
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: s3.options.region,
        S3_BUCKET: s3.options.bucket,
        S3_ACCESS_KEY_ID: s3.options.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey,
      });
      const { result, out } = await printed(() =>
        runExportData(config, { to: target.url, 'files-to-s3': true }),
      );
      expect(result).toBe(0);
      expect(out).toContain('applications: 1000 → 1000');
      expect(out).toContain('pgboss.job (pending): 1 → 1');
      expect(out).toMatch(
        /target: 审计日志完整 audit log intact: \d+ rows, checked against 1 checkpoints/,
      );

      const source = await openSource();
      const targetDb = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 });
      try {
        // table by table, row by row
        const pglite = async (text: string) => (await source.executor.executeSql(text)).rows;
        const before = await tableDigests(pglite);
        const after = await withClient(target.url, (c) =>
          tableDigests(async (text) => (await c.query(text)).rows),
        );
        expect(before).toEqual(sourceDigest); // the export wrote nothing into the source
        expect([...after.keys()]).toEqual([...before.keys()]);
        for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
        expect(before.get('applications')).toHaveLength(1000);
        expect(before.get('attachments')).toHaveLength(campaign.files);
        // the pending job for the e-mail in the outbox, and the sequences where they were
        const jobs = (text: string) => `select name, data::text, state::text from pgboss.job
          where state in ('created', 'retry', 'active') ${text}`;
        const pendingBefore = (await source.executor.executeSql(jobs('order by id'))).rows;
        const pendingAfter = await withClient(
          target.url,
          async (c) => (await c.query(jobs('order by id'))).rows,
        );
        expect(pendingBefore).toHaveLength(1);
        expect(pendingAfter).toEqual(pendingBefore);
        const seq = 'select last_value::text as v, is_called from audit_log_id_seq';
        expect(await withClient(target.url, async (c) => (await c.query(seq)).rows)).toEqual(
          (await source.executor.executeSql(seq)).rows,
        );
        // files: the same keys, the same bytes
        const bucket = s3FileStorage(s3.options);
        const a = await contents(sourceFiles);
        const b = await contents(bucket);
        expect([...b.keys()]).toEqual([...a.keys()]);
        for (const [key, bytes] of a) expect(b.get(key)!.equals(bytes), key).toBe(true);
        expect(a.size).toBe(campaign.files + 2); // and the demo's scan, the checkpoint
        // the chain, checked against the checkpoint now in the bucket
        const verdict = await verifyAudit({ db: targetDb.db, files: bucket });
        expect(verdict).toMatchObject({ ok: true, checkpoints: 1 });
        expect(verdict.rows).toBe((await verifyAudit({ db: source.db, files: sourceFiles })).rows);
        // a server starting on the target finds it seeded: nothing more is written
        await seedReference(targetDb.db);
        const started = await withClient(target.url, (c) =>
          tableDigests(async (text) => (await c.query(text)).rows),
        );
        expect(started).toEqual(after);
      } finally {
        await targetDb.close();
        await source.close();
      }
    } finally {
      await s3.close();
    }
  }, 120_000);

  test('a target that is not empty is refused with a clear message, and nothing is written', async () => {
    const target = await emptyDatabase();
    // a server was started on it once: migrated and seeded with reference data
    const started = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 });
    await seedReference(started.db);
    const digest = () =>
      withClient(target.url, (c) => tableDigests(async (text) => (await c.query(text)).rows));
    const before = await digest();
    const source = await openSource();
    const targetFiles = localFileStorage(path.join(root, 'refused-files'));
    try {
      const err = await exportData({ source, target: started, sourceFiles, targetFiles }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ExportRefusedError);
      expect((err as Error).message).toContain('目标数据库不是空库');
      expect((err as Error).message).toContain('The target database is not empty');
      expect((err as Error).message).toContain('regions');
    } finally {
      await source.close();
      await started.close();
    }
    expect(await digest()).toEqual(before);
    expect(await targetFiles.list('')).toEqual([]);
  }, 60_000);

  test('a failure at the end (the audit chain does not verify on the target) rolls everything back', async () => {
    const target = await emptyDatabase();
    const opened = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 });
    // the target storage holds a checkpoint the chain cannot match (another platform's, or altered)
    const targetFiles = localFileStorage(path.join(root, 'spoiled-files'));
    await targetFiles.put(
      'audit-checkpoints/2020-01-01-000000000001.json',
      Buffer.from('{"not": "a checkpoint"}'),
      'application/json',
    );
    const source = await openSource();
    try {
      const err = await exportData({ source, target: opened, sourceFiles, targetFiles }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ExportMismatchError);
      expect((err as ExportMismatchError).verdict?.reason).toBe('checkpoint_unreadable');
    } finally {
      await source.close();
    }
    try {
      const digest = await withClient(target.url, (c) =>
        tableDigests(async (text) => (await c.query(text)).rows),
      );
      for (const [table, rows] of digest) expect(rows, table).toEqual([]);
      const jobs = await withClient(
        target.url,
        async (c) => (await c.query('select count(*)::int as n from pgboss.job')).rows[0].n,
      );
      expect(jobs).toBe(0);
      const seq = await withClient(
        target.url,
        async (c) =>
          (await c.query('select last_value::int as v, is_called from audit_log_id_seq')).rows[0],
      );
      expect(seq).toEqual({ v: 1, is_called: false });
    } finally {
      await opened.close();
    }
  }, 60_000);

  test('the admin command: exit 2 and the reason when refused (here: DATABASE_URL set)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli/admin.ts',
        'export-data',
        '--to',
        process.env.TEST_DATABASE_URL!,
      ],
      {
        env: { ...process.env, ...env, DATABASE_URL: process.env.TEST_DATABASE_URL },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toContain('unset DATABASE_URL');
    expect(run.status).toBe(2);
  }, 90_000);
});
