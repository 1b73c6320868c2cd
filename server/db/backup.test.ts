// Backup and restore as docs/BACKUP.md tells an operator to do them: on PostgreSQL `pg_dump -Fc`
// plus a copy of the file storage, restored with `pg_restore` into a fresh database; on the
// embedded database a copy of the stopped data folder. Either restore passes audit-verify and
// holds the same rows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { createEmptyDatabase, tableDigests } from '../../test/fixtures/export-data';
import { TestClock, testDbKind } from '../../test/harness';
import { loadConfig } from '../config';
import { localFileStorage } from '../lib/files';
import { verifyAudit, writeAuditCheckpoint } from '../modules/audit';
import { openDatabase, type Database } from './client';
import { seedDemoAccounts, seedDemoCampaign } from './seed/demo';
import { seedReference } from './seed/reference';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The demo platform, with a checkpoint of its audit chain in its file storage. */
async function seedDemo(database: Database, filesDir: string) {
  const deps = {
    db: database.db,
    clock: new TestClock(),
    config: loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }),
    files: localFileStorage(filesDir),
  };
  await seedReference(database.db);
  await seedDemoCampaign(deps);
  await seedDemoAccounts(deps);
  await writeAuditCheckpoint(deps, 'backup-test');
}

const digestOf = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await tableDigests(async (text) => (await c.query(text)).rows);
  } finally {
    await c.end();
  }
};

describe.runIf(testDbKind === 'postgres' && !!process.env.TEST_DATABASE_URL)(
  'backup and restore on PostgreSQL',
  () => {
    test('pg_dump -Fc, pg_restore into a fresh database: audit-verify passes, the rows are the same', async () => {
      const original = await createEmptyDatabase('zx_backup_');
      const restored = await createEmptyDatabase('zx_restore_');
      try {
        const filesDir = path.join(root, 'pg-files');
        const database = await openDatabase({ kind: 'postgres', url: original.url, poolSize: 2 });
        try {
          await seedDemo(database, filesDir);
        } finally {
          await database.close();
        }
        const dump = path.join(root, 'zhengxuan.dump');
        const dumped = spawnSync('pg_dump', ['-Fc', '-f', dump, original.url], {
          encoding: 'utf8',
        });
        expect(dumped.stderr).toBe('');
        expect(dumped.status).toBe(0);
        // the file storage is backed up beside it (here: a folder copied)
        const filesCopy = path.join(root, 'pg-files-restored');
        fs.cpSync(filesDir, filesCopy, { recursive: true });

        const restore = spawnSync('pg_restore', ['--no-owner', '-d', restored.url, dump], {
          encoding: 'utf8',
        });
        expect(restore.stderr).toBe('');
        expect(restore.status).toBe(0);
        expect(await digestOf(restored.url)).toEqual(await digestOf(original.url));

        // a server started on the restored database (migrations: nothing left to do)
        const back = await openDatabase({ kind: 'postgres', url: restored.url, poolSize: 2 });
        try {
          const verdict = await verifyAudit({ db: back.db, files: localFileStorage(filesCopy) });
          expect(verdict).toMatchObject({ ok: true, checkpoints: 1 });
          expect(verdict.rows).toBeGreaterThan(0);
        } finally {
          await back.close();
        }
      } finally {
        await original.drop();
        await restored.drop();
      }
    }, 90_000);
  },
);

describe.runIf(testDbKind === 'pglite')('backup and restore of the embedded data folder', () => {
  test('a copy of the stopped DATA_DIR opens elsewhere and verifies', async () => {
    const dataDir = path.join(root, 'data');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    const digest = async (db: Database) =>
      tableDigests(async (text) => (await db.executor.executeSql(text)).rows);
    let before: Map<string, string[]>;
    try {
      await seedDemo(database, path.join(dataDir, 'files'));
      before = await digest(database);
    } finally {
      await database.close(); // the server stopped: the folder is whole on disk
    }
    const copy = path.join(root, 'restored', 'data');
    fs.cpSync(dataDir, copy, { recursive: true });
    expect(fs.existsSync(path.join(copy, 'zhengxuan.lock'))).toBe(false);

    const restored = await openDatabase({ kind: 'pglite', dataDir: copy });
    try {
      expect(await digest(restored)).toEqual(before);
      const verdict = await verifyAudit({
        db: restored.db,
        files: localFileStorage(path.join(copy, 'files')),
      });
      expect(verdict).toMatchObject({ ok: true, checkpoints: 1 });
      expect(verdict.rows).toBeGreaterThan(0);
    } finally {
      await restored.close();
    }
  }, 120_000);
});
