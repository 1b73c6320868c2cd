import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_INFO,
  PLATFORM_NAME,
  defaultTemplate,
  renderTemplate,
  type NotificationKind,
  type NotificationRole,
} from '../../../domain/notifications';
import type { Db } from '../../db/client';
import { QUEUES, enqueueJobs } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import {
  countUnread,
  findPreferences,
  findRecipients,
  findRecipientsBy,
  findTemplate,
  insertNotifications,
  insertOutboundEmails,
  listNotificationsOf,
  markRead,
  savePreferences,
  type Recipient,
} from './repository';

/** Who gets a message: users by id, or the active users of enterprises, units or roles. */
export type Recipients =
  | { userIds: string[] }
  | {
      enterpriseIds?: string[];
      /** the enterprises holding these 统一社会信用代码 now (an award names its winner by code) */
      enterpriseUsccs?: string[];
      unitIds?: string[];
      roles?: Array<'enterprise' | 'recommender' | 'organizer' | 'expert'>;
    };

export interface NotifyInput {
  kind: NotificationKind;
  to: Recipients;
  campaignId?: string | null;
  /** the page the message is about, a path inside the platform */
  link?: string | null;
  /** the template's variables (besides 姓名, 平台名称 and 链接, which are filled here) */
  values: Record<string, string>;
  /** per-recipient values, e.g. a link with a personal token */
  valuesFor?: (r: Recipient) => Record<string, string>;
  /** a reminder's identity: a user gets a message with the same key only once */
  dedupeKey?: string;
  /** false: in-app only, no e-mail (an announcement its author did not want e-mailed) */
  email?: boolean;
}

/**
 * Writes the messages of an event, in the event's transaction: the in-app messages, and for each
 * recipient who takes this kind by e-mail an outbound e-mail with the job that delivers it. All
 * or nothing with the event. Answers how many in-app messages (or, for e-mail-only kinds, e-mails)
 * were written.
 */
export async function notify(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  input: NotifyInput,
): Promise<number> {
  const recipients =
    'userIds' in input.to
      ? await findRecipients(tx, input.to.userIds)
      : await findRecipientsBy(tx, input.to);
  if (recipients.length === 0) return 0;
  const info = NOTIFICATION_KIND_INFO[input.kind];
  const stored = await findTemplate(tx, input.campaignId ?? null, input.kind);
  const template = stored
    ? { subject: stored.subject, body: stored.body }
    : defaultTemplate(input.kind);
  const now = deps.clock.now();
  const url = input.link ? `${deps.config.publicUrl}${input.link}` : deps.config.publicUrl;
  const rendered = new Map(
    recipients.map((r) => [
      r.id,
      renderTemplate(template, {
        ...input.values,
        姓名: r.name,
        平台名称: PLATFORM_NAME,
        链接: url,
        ...input.valuesFor?.(r),
      }),
    ]),
  );

  let written: Array<{ id: string; userId: string }> = [];
  if (!info.emailOnly) {
    written = await insertNotifications(
      tx,
      recipients.map((r) => ({
        userId: r.id,
        kind: input.kind,
        campaignId: input.campaignId ?? null,
        subject: rendered.get(r.id)!.subject,
        body: rendered.get(r.id)!.body,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        createdAt: now,
      })),
    );
  }
  if (!deps.config.smtpUrl || input.email === false) return info.emailOnly ? 0 : written.length;

  // e-mail: for the messages just written (a reminder already sent is not sent again)
  const notificationOf = new Map(written.map((w) => [w.userId, w.id]));
  const emailed = recipients.filter(
    (r) =>
      (info.emailOnly || notificationOf.has(r.id)) &&
      r.email &&
      (info.emailRequired || !r.emailOff.includes(input.kind)),
  );
  const emails = await insertOutboundEmails(
    tx,
    emailed.map((r) => ({
      notificationId: notificationOf.get(r.id) ?? null,
      userId: r.id,
      kind: input.kind,
      toAddress: r.email,
      subject: rendered.get(r.id)!.subject,
      body: rendered.get(r.id)!.body,
      createdAt: now,
    })),
  );
  for (let i = 0; i < emails.length; i += 1000) {
    await enqueueJobs(
      tx,
      QUEUES.emailDeliver.name,
      emails.slice(i, i + 1000).map((e) => ({ id: e.id })),
    );
  }
  return info.emailOnly ? emails.length : written.length;
}

export function notificationKindLabel(kind: string): string {
  return NOTIFICATION_KIND_INFO[kind as NotificationKind]?.label ?? kind;
}

export async function listMyNotifications(
  deps: Pick<Deps, 'db'>,
  userId: string,
  q: { unread?: 'true' | 'false'; page: number; pageSize: number },
) {
  return listNotificationsOf(deps.db, userId, {
    unreadOnly: q.unread === 'true',
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

export async function markMyNotificationsRead(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  ids: string[] | undefined,
) {
  await markRead(deps.db, userId, ids, deps.clock.now());
  return { unread: await countUnread(deps.db, userId) };
}

export async function preferencesOf(
  deps: Pick<Deps, 'db' | 'config'>,
  user: { id: string; email: string; role: NotificationRole },
) {
  const saved = await findPreferences(deps.db, user.id);
  const off = new Set(saved?.emailOff ?? []);
  return {
    address: user.email,
    emailEnabled: !!deps.config.smtpUrl,
    // the kinds this user can receive; a forgotten-password link is e-mail only, not a choice
    items: NOTIFICATION_KINDS.filter(
      (k) =>
        !NOTIFICATION_KIND_INFO[k].emailOnly && NOTIFICATION_KIND_INFO[k].roles.includes(user.role),
    ).map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_INFO[kind].label,
      email: NOTIFICATION_KIND_INFO[kind].emailRequired ? true : !off.has(kind),
      emailRequired: !!NOTIFICATION_KIND_INFO[kind].emailRequired,
    })),
  };
}

export async function updatePreferences(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  user: { id: string; email: string; role: NotificationRole },
  emailOff: NotificationKind[],
) {
  const off = [...new Set(emailOff)].filter((k) => !NOTIFICATION_KIND_INFO[k].emailRequired);
  await savePreferences(deps.db, user.id, off, deps.clock.now());
  return preferencesOf(deps, user);
}
