import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';
import { migrateJobs, type SqlExecutor } from './jobs';
import { projectPath } from '../lib/paths';

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** raw statements for pg-boss (several at once when without parameters) */
  executor: SqlExecutor;
  /**
   * Runs `fn` while no other process runs its own start-up work on this database: migrations and
   * seeds. On PostgreSQL a session advisory lock on a connection of its own (any number of nodes
   * may start at once; the others wait, then find the work done); on the embedded database the
   * data folder's lock already keeps every other process out.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of start-up work (migrations, seeds): one number for every node. */
export const STARTUP_LOCK = 7420100;

/** A session advisory lock held on a connection opened for it, released (and closed) after `fn`. */
async function underStartupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    // ending the session lets the lock go even when the unlock cannot be sent
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

const migrationsFolder = projectPath('server/db/migrations');
/**
 * An initialised and migrated database folder that `npm start`'s build leaves beside the bundle
 * (scripts/build-server.mjs): a new data folder starts as a copy of it, instead of running
 * PostgreSQL's initdb (the most of a first start's time). Only beside dist-server/main.js: from
 * the sources (tsx, tests) there is none, and a new folder is initialised as before. Migrations
 * newer than the copy are applied to it as to any existing database.
 */
const pgdataTemplate = fileURLToPath(new URL('./pgdata-template', import.meta.url));

function startFromTemplate(pgdata: string) {
  if (fs.existsSync(pgdata) || !fs.existsSync(path.join(pgdataTemplate, 'PG_VERSION'))) return;
  const partial = `${pgdata}.copying`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(pgdataTemplate, partial, { recursive: true });
  fs.renameSync(partial, pgdata); // whole or not at all
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  // folder on disk, locked while open; sharedBuffersMb: its page cache (default 32)
  | { kind: 'pglite'; dataDir: string; sharedBuffersMb?: number }
  | { kind: 'pglite-memory'; loadDataDir?: Blob }; // e.g. a prepared, migrated copy

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const executor: SqlExecutor = {
      executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
    };
    const exclusive = <T>(fn: () => Promise<T>) => underStartupLock(target.url, fn);
    try {
      await exclusive(async () => {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
        await migrateJobs(executor);
      });
    } catch (e) {
      await pool.end();
      throw e;
    }
    return { db, kind: 'postgres', executor, exclusive, close: () => pool.end() };
  }
  let release = () => {};
  let client: PGlite;
  if (target.kind === 'pglite') {
    release = lockDataDir(target.dataDir);
    const pgdata = path.join(target.dataDir, 'pgdata');
    startFromTemplate(pgdata);
    // PGlite's default shared_buffers (128 MB) is all touched at start: +140 MiB of RSS against
    // 16 MB, for a cache the OS's own file cache backs anyway (docs/DECISIONS.md, start-up).
    client = new PGlite(pgdata, {
      extensions: { pg_trgm },
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${target.sharedBuffersMb ?? 32}MB`,
      ],
    });
  } else {
    client = new PGlite({ extensions: { pg_trgm }, loadDataDir: target.loadDataDir });
  }
  const executor: SqlExecutor = {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
  try {
    await client.waitReady;
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    await migrateJobs(executor);
  } catch (e) {
    await client.close().catch(() => {});
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    executor,
    exclusive: (fn) => fn(),
    async close() {
      await client.close();
      release();
    },
  };
}
