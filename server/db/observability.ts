// What /api/ready and /metrics read from the database: an answer, the applied migrations, and
// the background queues' depth. Each one cheap statement.
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { JOB_SCHEMA } from './jobs';

export async function databaseAnswers(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Rows in drizzle's own table of applied migrations (schema "drizzle"); 0 when it is missing. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** Jobs waiting (created, retry) or running (active), per queue and state. */
export async function jobQueueDepths(
  db: Db,
): Promise<{ queue: string; state: string; jobs: number }[]> {
  const result = (await db.execute(
    sql`select name as queue, state::text as state, count(*)::int as jobs
        from ${sql.identifier(JOB_SCHEMA)}.job
        where state <= 'active'
        group by name, state order by name, state`,
  )) as unknown as { rows: { queue: string; state: string; jobs: number }[] };
  return result.rows.map((r) => ({ queue: r.queue, state: r.state, jobs: Number(r.jobs) }));
}
