// The yearly opening of 年度运行监测 as scheduled work: daily at 00:10 Beijing, and once at start
// (a day the server was down is made up then). The unique (kind, year) keeps it to one opening.
import type PgBoss from 'pg-boss';
import { QUEUES } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import { runMonitoringOpening } from './service';

export const MONITORING_OPENING_CRON = '10 0 * * *';

export async function startMonitoringOpeningWork(
  boss: PgBoss,
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  log: { error(msg: string): void },
  opts: { pollingIntervalSeconds?: number } = {},
) {
  const name = QUEUES.postAwardMonitoringOpen.name;
  await boss.work(name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
    await runMonitoringOpening(deps);
  });
  await boss.schedule(name, MONITORING_OPENING_CRON, {}, { tz: 'Asia/Shanghai' });
  // catch-up at start: what fell due while no server ran
  await runMonitoringOpening(deps).catch((e: unknown) =>
    log.error(`年度运行监测开启失败 monitoring opening failed: ${(e as Error).message}`),
  );
}
