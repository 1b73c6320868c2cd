import { randomUUID } from 'node:crypto';
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

/** One message to a set of recipients (resolved), as written by writeMessages. */
export interface Delivery {
  recipients: Recipient[];
  link: string | null;
  values: Record<string, string>;
  valuesFor?: (r: Recipient) => Record<string, string>;
  dedupeKey?: string | null;
}

/**
 * The one writer of messages, in the caller's transaction: renders the campaign's template of the
 * kind (else the platform's, else the default) for each recipient of each delivery, writes the
 * in-app messages (one whose dedupe key the user already has is skipped), and for each message
 * written whose recipient takes the kind by e-mail an outbound e-mail and the job that delivers
 * it. Several deliveries go in a few statements (the reminder sweep writes thousands at once).
 * Answers how many in-app messages (for e-mail-only kinds: e-mails) were written.
 */
export async function writeMessages(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  head: { kind: NotificationKind; campaignId: string | null; email?: boolean },
  deliveries: Delivery[],
): Promise<number> {
  const { kind, campaignId } = head;
  const info = NOTIFICATION_KIND_INFO[kind];
  const stored = await findTemplate(tx, campaignId, kind);
  const template = stored ? { subject: stored.subject, body: stored.body } : defaultTemplate(kind);
  const now = deps.clock.now();
  const messages = deliveries.flatMap((d) => {
    const url = d.link ? `${deps.config.publicUrl}${d.link}` : deps.config.publicUrl;
    return d.recipients.map((r) => ({
      id: randomUUID(),
      recipient: r,
      link: d.link,
      dedupeKey: d.dedupeKey ?? null,
      text: renderTemplate(template, {
        ...d.values,
        姓名: r.name,
        平台名称: PLATFORM_NAME,
        链接: url,
        ...d.valuesFor?.(r),
      }),
    }));
  });
  if (messages.length === 0) return 0;

  let kept = messages;
  if (!info.emailOnly) {
    const written = await insertNotifications(
      tx,
      messages.map((m) => ({
        id: m.id,
        userId: m.recipient.id,
        kind,
        campaignId,
        subject: m.text.subject,
        body: m.text.body,
        link: m.link,
        dedupeKey: m.dedupeKey,
        createdAt: now,
      })),
    );
    const ids = new Set(written.map((w) => w.id));
    kept = messages.filter((m) => ids.has(m.id)); // a reminder already sent is not sent again
  }
  if (!deps.config.smtpUrl || head.email === false) return info.emailOnly ? 0 : kept.length;

  const emails = await insertOutboundEmails(
    tx,
    kept
      .filter(
        (m) => m.recipient.email && (info.emailRequired || !m.recipient.emailOff.includes(kind)),
      )
      .map((m) => ({
        notificationId: info.emailOnly ? null : m.id,
        userId: m.recipient.id,
        kind,
        toAddress: m.recipient.email,
        subject: m.text.subject,
        body: m.text.body,
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
  return info.emailOnly ? emails.length : kept.length;
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
  return writeMessages(
    tx,
    deps,
    { kind: input.kind, campaignId: input.campaignId ?? null, email: input.email },
    [
      {
        recipients,
        link: input.link ?? null,
        values: input.values,
        valuesFor: input.valuesFor,
        dedupeKey: input.dedupeKey,
      },
    ],
  );
}

/**
 * An e-mail to someone without an account (an objector, at the address they gave), in the
 * caller's transaction: the campaign's template of the kind (else the platform's, else the
 * default), one outbound e-mail with no user, and the job that delivers it. Answers whether it
 * was written: not when e-mail is off (no SMTP_URL).
 */
export async function emailAddress(
  tx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  input: {
    kind: NotificationKind;
    campaignId: string | null;
    to: { address: string; name: string };
    /** the page the message is about, a path inside the platform */
    link?: string | null;
    values: Record<string, string>;
  },
): Promise<boolean> {
  if (!deps.config.smtpUrl) return false;
  const stored = await findTemplate(tx, input.campaignId, input.kind);
  const template = stored
    ? { subject: stored.subject, body: stored.body }
    : defaultTemplate(input.kind);
  const text = renderTemplate(template, {
    ...input.values,
    姓名: input.to.name,
    平台名称: PLATFORM_NAME,
    链接: input.link ? `${deps.config.publicUrl}${input.link}` : deps.config.publicUrl,
  });
  const [email] = await insertOutboundEmails(tx, [
    {
      notificationId: null,
      userId: null,
      kind: input.kind,
      toAddress: input.to.address,
      subject: text.subject,
      body: text.body,
      createdAt: deps.clock.now(),
    },
  ]);
  await enqueueJobs(tx, QUEUES.emailDeliver.name, [{ id: email!.id }]);
  return true;
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
