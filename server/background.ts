// Background work of a server process: pg-boss with its workers and schedules. Any number of
// processes may run it on one PostgreSQL: a job is taken by one of them, a schedule fires once.
import type PgBoss from 'pg-boss';
import { createBoss } from './db/jobs';
import type { Database } from './db/client';
import type { Deps } from './lib/deps';
import { createMailer } from './lib/mailer';
import { startNotificationWork } from './modules/notifications';
import { startLifecycleWork } from './modules/lifecycle';
import { startMonitoringOpeningWork } from './modules/post-award-reports';

export interface Background {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startBackground(
  database: Database,
  deps: Deps,
  log: { error(msg: string): void },
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<Background> {
  const boss = createBoss(database.executor);
  boss.on('error', (e: Error) => log.error(`后台任务出错 background job error: ${e.message}`));
  await boss.start();
  const mailer = createMailer(deps.config);
  await startNotificationWork(boss, deps, mailer, opts);
  await startLifecycleWork(boss, deps, opts);
  await startMonitoringOpeningWork(boss, deps, log, opts);
  return {
    boss,
    async stop() {
      // finish the jobs in hand (up to 20 s), then let go
      await boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
      mailer?.close();
    },
  };
}
