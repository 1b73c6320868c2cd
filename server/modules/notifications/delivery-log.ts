// 邮件发送记录: the delivery log organizers read (queued, sending, sent, failed with the reason),
// and 重新发送 of a failed e-mail: queued again with a new delivery job, in one transaction.
import type { OutboundEmailView } from '../../../domain/api/notifications';
import { QUEUES, enqueueJob } from '../../db/jobs';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import * as repo from './admin-repository';
import { notificationKindLabel } from './service';

type LogRow = Awaited<ReturnType<typeof repo.listOutbound>>['items'][number];

export function outboundEmailView(r: LogRow): OutboundEmailView {
  return {
    id: r.id,
    kind: r.kind as OutboundEmailView['kind'],
    kindLabel: notificationKindLabel(r.kind),
    to: r.toAddress,
    subject: r.subject,
    state: r.state,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

export async function listOutboundEmails(
  deps: Pick<Deps, 'db'>,
  q: {
    state?: OutboundEmailView['state'];
    kind?: string;
    q?: string;
    page: number;
    pageSize: number;
  },
) {
  const page = await repo.listOutbound(deps.db, {
    state: q.state,
    kind: q.kind,
    q: q.q || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: page.items.map(outboundEmailView), total: page.total };
}

/** A failed e-mail queued again; the worker sends it (once) with fresh retries. */
export async function resendOutboundEmail(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: string,
  actor: Actor,
) {
  const row = await deps.db.transaction(async (tx) => {
    const found = await repo.lockOutbound(tx, id);
    if (!found)
      throw new AppError('NOT_FOUND', { message: '未找到该邮件', messageEn: 'No such e-mail' });
    if (found.state !== 'failed')
      throw new AppError('WRONG_STATE', {
        message: '只有发送失败的邮件可以重新发送',
        messageEn: 'Only a failed e-mail can be resent',
      });
    const queued = (await repo.requeueOutbound(tx, id))!;
    await enqueueJob(tx, QUEUES.emailDeliver.name, { id });
    await recordAudit(tx, deps.clock, actor, {
      action: 'outbound_email.resend',
      targetType: 'outbound_email',
      targetId: id,
      before: { state: found.state, lastError: found.lastError },
      after: { state: queued.state, to: found.toAddress, subject: found.subject },
    });
    return queued;
  });
  return outboundEmailView(row);
}
