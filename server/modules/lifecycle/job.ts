// The lifecycle's background work: a pg-boss schedule every 30 minutes (a schedule fires once
// across processes) and one run at start, so a midnight missed while the server was down is made
// up as soon as it is up again. The Beijing day decides what is due, not the moment of the run.
import type PgBoss from 'pg-boss';
import { QUEUES } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import { runLifecycle } from './service';

export const LIFECYCLE_CRON = '*/30 * * * *';

export async function startLifecycleWork(
  boss: PgBoss,
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  opts: { pollingIntervalSeconds?: number } = {},
) {
  const name = QUEUES.awardLifecycle.name;
  await boss.work(name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
    await runLifecycle(deps);
  });
  await boss.schedule(name, LIFECYCLE_CRON, {}, { tz: 'Asia/Shanghai' });
  // the catch-up run at start (one waiting at a time, however many processes start together)
  await boss.send(name, {}, { singletonKey: 'start' });
}
