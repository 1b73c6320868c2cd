// The notifications module's public face: notify() for every module's events (inside their
// transactions), the 消息中心 routes, and the background work (e-mail delivery).
import type PgBoss from 'pg-boss';
import type { Deps } from '../../lib/deps';
import type { Mailer } from '../../lib/mailer';
import { startEmailWorker } from './delivery';
import { startReminderWork } from './reminders';

export { emailAddress, notify, type NotifyInput, type Recipients } from './service';
export { notificationRoutes } from './routes';
export { deliverEmail } from './delivery';
export { runReminderSweep, type SweepResult } from './reminders';
export { notificationAdminRoutes } from './admin-routes';
export {
  copyCampaignTemplates,
  exportCampaignTemplates,
  importCampaignTemplates,
} from './templates';

/** The module's workers and schedules on a running pg-boss. */
export async function startNotificationWork(
  boss: PgBoss,
  deps: Deps,
  mailer: Mailer | null,
  opts: { pollingIntervalSeconds?: number } = {},
) {
  if (mailer) await startEmailWorker(boss, deps, mailer, opts);
  // reminders are in-app messages too: they run with or without e-mail
  await startReminderWork(boss, deps, opts);
}
