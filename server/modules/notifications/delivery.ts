// E-mail delivery: a pg-boss worker takes the jobs queued with the outbox rows, claims each row
// (a conditional UPDATE: two processes never both send one), sends it over SMTP and records the
// outcome. A failure leaves the message queued with the reason and pg-boss retries it with
// back-off; after the last retry it is failed for good, with the reason, in the delivery log.
import type PgBoss from 'pg-boss';
import { NOTIFICATION_KIND_INFO, type NotificationKind } from '../../../domain/notifications';
import { QUEUES } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import type { Mailer } from '../../lib/mailer';
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

/** Starts the e-mail worker on a running pg-boss. */
export async function startEmailWorker(
  boss: PgBoss,
  deps: Pick<Deps, 'db' | 'clock'>,
  mailer: Mailer,
  opts: { pollingIntervalSeconds?: number; batchSize?: number } = {},
) {
  const name = QUEUES.emailDeliver.name;
  await boss.work<{ id: string }>(
    name,
    {
      batchSize: opts.batchSize ?? 20,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2,
      includeMetadata: true,
    },
    async (jobs) => {
      const retry: string[] = [];
      for (const job of jobs as unknown as EmailJob[]) {
        const outcome = await deliverEmail(
          deps,
          mailer,
          job.data.id,
          job.retryCount >= job.retryLimit,
        );
        if (outcome === 'retry') retry.push(job.id);
      }
      // the others complete with the batch; these go back with pg-boss's back-off
      if (retry.length) await boss.fail(name, retry);
    },
  );
}
