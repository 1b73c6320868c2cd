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

export type Schema = typeof schema;
/** Either driver's database, or a transaction on it: repositories take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** raw statements for pg-boss (several at once when without parameters) */
  executor: SqlExecutor;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string } // folder on disk, locked while open
  | { kind: 'pglite-memory'; loadDataDir?: Blob }; // e.g. a prepared, migrated copy

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const executor: SqlExecutor = {
      executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
    };
    try {
      await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
      await migrateJobs(executor);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return { db, kind: 'postgres', executor, close: () => pool.end() };
  }
  let release = () => {};
  let client: PGlite;
  if (target.kind === 'pglite') {
    release = lockDataDir(target.dataDir);
    client = new PGlite(path.join(target.dataDir, 'pgdata'), { extensions: { pg_trgm } });
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
    async close() {
      await client.close();
      release();
    },
  };
}
