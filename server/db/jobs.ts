// Background jobs on pg-boss, in the platform's own database (schema pgboss), on PostgreSQL and,
// through a small adapter, on the embedded PGlite. A job is queued inside the transaction of the
// event that causes it (enqueueJob with the transaction), so it exists exactly when the event
// does: a crash between the commit and the work loses nothing and repeats nothing.
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Db } from './client';

export const JOB_SCHEMA = 'pgboss';

/** What pg-boss needs of a database: one statement (with $n parameters) or, without, several. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Every queue, with its retry policy. Later features add theirs here. */
export const QUEUES = {
  /** one outgoing e-mail (data: { id } of outbound_emails); retried with back-off */
  emailDeliver: {
    name: 'email-deliver',
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  },
  /** the reminder sweep, on a schedule (pg-boss runs a schedule once across processes) */
  remindersSweep: {
    name: 'reminders-sweep',
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  },
  /** 动态管理: expiries and expiry reminders of published solutions, on a schedule and at start */
  awardLifecycle: {
    name: 'award-lifecycle',
    options: { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  },
  /** 年度运行监测: the yearly round opened on the campaign's day (issue 15); daily, idempotent */
  postAwardMonitoringOpen: {
    name: 'post-award-monitoring-open',
    options: { retryLimit: 2, retryDelay: 300, expireInSeconds: 900 },
  },
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

/** "$1 … $n" text and values as one drizzle SQL, to run on a transaction. */
function parameterised(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      chunks.push(sql`${values[Number(part) - 1] ?? null}`);
    }
  });
  return sql.join(chunks, sql.raw(''));
}

/** pg-boss's statements run on a drizzle database or transaction. */
export function drizzleExecutor(db: Db): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const result = (await db.execute(parameterised(text, values))) as unknown as {
        rows: unknown[];
      };
      return { rows: result.rows };
    },
  };
}

// Used only to build pg-boss's INSERT for a given transaction; never started.
let sqlBuilder: PgBoss | undefined;
function builder(): PgBoss {
  sqlBuilder ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error('not connected')) },
    schema: JOB_SCHEMA,
  } as PgBoss.ConstructorOptions);
  return sqlBuilder;
}

/**
 * Queues a job in the caller's transaction: it is committed or rolled back with the event.
 * `startAfter` delays it; `singletonKey` makes it unique among the queue's waiting jobs.
 */
export async function enqueueJob(
  tx: Db,
  name: QueueName,
  data: object,
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  await builder().insert(
    [
      {
        name,
        data,
        ...(options.startAfter ? { startAfter: options.startAfter.toISOString() } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      } as PgBoss.JobInsert,
    ],
    { db: drizzleExecutor(tx) } as PgBoss.InsertOptions,
  );
}

/** Several jobs of one queue in one statement, in the caller's transaction. */
export async function enqueueJobs(tx: Db, name: QueueName, data: object[]): Promise<void> {
  if (data.length === 0) return;
  await builder().insert(
    data.map((d) => ({ name, data: d }) as PgBoss.JobInsert),
    { db: drizzleExecutor(tx) } as PgBoss.InsertOptions,
  );
}

/** pg-boss's own tables and the queues, created or brought up to date (idempotent). */
export async function migrateJobs(executor: SqlExecutor): Promise<void> {
  const boss = new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: true,
  } as PgBoss.ConstructorOptions);
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const q of Object.values(QUEUES)) {
      const options = { name: q.name, ...q.options };
      if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, options);
      else await boss.createQueue(q.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
}

/** A running pg-boss (workers, schedules, maintenance) on the given database. */
export function createBoss(executor: SqlExecutor): PgBoss {
  return new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    supervise: true,
    schedule: true,
    migrate: false,
    // the expiry and retention checks run every few minutes; nothing here needs them sooner
    maintenanceIntervalSeconds: 120,
  } as PgBoss.ConstructorOptions);
}
