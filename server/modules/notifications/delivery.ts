// E-mail delivery: a pg-boss worker takes the jobs queued with the outbox rows, claims each row
// (a conditional UPDATE: two processes never both send one), sends it over SMTP and records the
// outcome. A failure leaves the message queued with the reason and pg-boss retries it with
// back-off; after the last retry it is failed for good, with the reason, in the delivery log.
import type PgBoss from 'pg-boss';
import { NOTIFICATION_KIND_INFO, type NotificationKind } from '../../../domain/notifications';
import { QUEUES } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import { SMTP_CONNECTIONS, type Mailer } from '../../lib/mailer';
import { claimEmail, markEmailFailed, markEmailSent } from './repository';

/** How long a claim holds: longer than the SMTP timeouts, so a live send is never taken over. */
const LEASE_MS = 2 * 60_000;

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

/** Delivers one outbound e-mail. `final`: the last attempt pg-boss will make. */
export async function deliverEmail(
  deps: Pick<Deps, 'db' | 'clock'>,
  mailer: Mailer,
  id: string,
  final: boolean,
): Promise<DeliveryOutcome> {
  const row = await claimEmail(deps.db, id, deps.clock.now(), LEASE_MS);
  if (!row) return 'skipped'; // sent already, or another worker has it
  try {
    const { messageId } = await mailer.send({
      to: row.toAddress,
      subject: row.subject,
      text: row.body,
      reference: row.id,
    });
    // a message carrying a password link is not kept once delivered: the link is for its reader only
    const redacted = NOTIFICATION_KIND_INFO[row.kind as NotificationKind]?.emailRequired
      ? '（含一次性设置密码链接，发送后不保留正文）'
      : undefined;
    await markEmailSent(deps.db, row.id, deps.clock.now(), messageId, redacted);
    return 'sent';
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    await markEmailFailed(deps.db, row.id, reason, final);
    return final ? 'failed' : 'retry';
  }
}

interface EmailJob {
  id: string;
  data: { id: string };
  retryCount: number;
  retryLimit: number;
}

/** Runs `fn` over the items, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Starts the e-mail worker on a running pg-boss. A batch is sent over the mailer's pooled SMTP
 * connections, as many at once as it keeps; after a full batch the worker fetches the next one at
 * once (pg-boss would otherwise wait out its polling interval), so a queue of 10,000 reminders
 * drains at SMTP speed while an idle queue is polled every couple of seconds.
 */
export async function startEmailWorker(
  boss: PgBoss,
  deps: Pick<Deps, 'db' | 'clock'>,
  mailer: Mailer,
  opts: { pollingIntervalSeconds?: number; batchSize?: number; concurrency?: number } = {},
) {
  const name = QUEUES.emailDeliver.name;
  const batchSize = opts.batchSize ?? 50;
  const worker: { id?: string } = {};
  worker.id = await boss.work<{ id: string }>(
    name,
    {
      batchSize,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
      includeMetadata: true,
    },
    async (jobs) => {
      const retry: string[] = [];
      await eachLimited(
        jobs as unknown as EmailJob[],
        opts.concurrency ?? SMTP_CONNECTIONS,
        async (job) => {
          const outcome = await deliverEmail(
            deps,
            mailer,
            job.data.id,
            job.retryCount >= job.retryLimit,
          );
          if (outcome === 'retry') retry.push(job.id);
        },
      );
      // the others complete with the batch; these go back with pg-boss's back-off
      if (retry.length) await boss.fail(name, retry);
      // a full batch: more are probably waiting
      if (jobs.length === batchSize && worker.id) boss.notifyWorker(worker.id);
    },
  );
}
