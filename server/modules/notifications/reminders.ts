// 截止提醒: a sweep, run every 10 minutes by pg-boss (a schedule fires once across processes),
// that sends the reminder due now for each campaign's deadlines (domain/notifications.ts
// dueReminder: 7, 3 and 1 days before, from 09:00 Beijing time of that day; only the most recent
// one) to those who still have something to do:
// - online deadline: the enterprise of each application not submitted (draft or returned);
// - paper deadline: the recommenders of a unit with applications waiting for a decision, or with
//   recommended ones in a batch not signed off; and past winners whose 附件4 is not submitted.
// Each reminder has a dedupe key (domain/reminders.ts): a user gets it once, however often and in
// however many processes the sweep runs. Writes go in short transactions of a few hundred
// reminders each, messages and e-mails together, a few statements per transaction.
import type PgBoss from 'pg-boss';
import {
  dueReminder,
  formatBeijingDeadline,
  type NotificationKind,
} from '../../../domain/notifications';
import {
  batchStatusText,
  calendarDaysLeft,
  reminderKey,
  reminderKeyParts,
} from '../../../domain/reminders';
import { QUEUES } from '../../db/jobs';
import type { Deps } from '../../lib/deps';
import { findRecipients, type Recipient } from './repository';
import { writeMessages } from './service';
import {
  listCampaignsAhead,
  listUnfiledFollowUpsToRemind,
  listUnitsToRemind,
  listUnsubmittedToRemind,
  lockReminderWrites,
  recommendersOfUnits,
  usersOfEnterprises,
} from './reminders-repository';

type SweepDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** In-app messages written by one sweep, by reminder. */
export interface SweepResult {
  online: number;
  paper: number;
  followUp: number;
}

/** One reminder to the accounts of one enterprise or one unit. */
interface Reminder {
  group: string;
  link: string;
  values: Record<string, string>;
  dedupeKey: string;
}

/** Reminders per transaction: short transactions, a handful of statements each. */
const CHUNK = 500;

/**
 * Writes reminders of one kind through writeMessages (the one writer of messages), many per
 * statement: the sweep may have thousands. A key already there (sent before, or by another sweep
 * a moment ago) writes nothing, so no e-mail either.
 */
async function send(
  deps: SweepDeps,
  kind: NotificationKind,
  campaignId: string,
  audience: 'enterprise' | 'unit',
  reminders: Reminder[],
): Promise<number> {
  let total = 0;
  for (let i = 0; i < reminders.length; i += CHUNK) {
    const chunk = reminders.slice(i, i + CHUNK);
    total += await deps.db.transaction(async (tx) => {
      await lockReminderWrites(tx);
      const groups = [...new Set(chunk.map((r) => r.group))];
      const members =
        audience === 'enterprise'
          ? await usersOfEnterprises(tx, groups)
          : await recommendersOfUnits(tx, groups);
      const recipients = new Map(
        (await findRecipients(tx, [...new Set(members.map((m) => m.id))])).map((r) => [r.id, r]),
      );
      const byGroup = new Map<string, Recipient[]>();
      for (const m of members) {
        const who = recipients.get(m.id);
        if (who) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), who]);
      }
      return writeMessages(
        tx,
        deps,
        { kind, campaignId },
        chunk.map((r) => ({
          recipients: byGroup.get(r.group) ?? [],
          link: r.link,
          values: r.values,
          dedupeKey: r.dedupeKey,
        })),
      );
    });
  }
  return total;
}

/** "还有N天": calendar days, at least 1 while the deadline is ahead. */
const daysText = (deadline: Date, now: Date) =>
  String(Math.max(1, calendarDaysLeft(deadline, now)));

export async function runReminderSweep(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { online: 0, paper: 0, followUp: 0 };
  for (const c of await listCampaignsAhead(deps.db, now)) {
    const online = dueReminder(c.onlineDeadline, now);
    if (online !== null) {
      const deadline = c.onlineDeadline;
      const apps = await listUnsubmittedToRemind(
        deps.db,
        c.id,
        reminderKeyParts('online', online, deadline),
      );
      result.online += await send(
        deps,
        'reminder.online_deadline',
        c.id,
        'enterprise',
        apps.map((a) => ({
          group: a.enterpriseId,
          link: `/applications/${a.id}`,
          values: {
            活动名称: c.title,
            解决方案名称: a.name || '（未命名）',
            截止时间: formatBeijingDeadline(deadline),
            剩余天数: daysText(deadline, now),
          },
          dedupeKey: reminderKey('online', a.id, online, deadline),
        })),
      );
    }

    const paper = dueReminder(c.paperDeadline, now);
    if (paper !== null) {
      const deadline = c.paperDeadline;
      const common = {
        活动名称: c.title,
        截止时间: formatBeijingDeadline(deadline),
        剩余天数: daysText(deadline, now),
      };
      const units = await listUnitsToRemind(
        deps.db,
        c.id,
        reminderKeyParts('paper', paper, deadline),
      );
      result.paper += await send(
        deps,
        'reminder.paper_deadline',
        c.id,
        'unit',
        units.map((u) => ({
          group: u.unitId,
          link: `/desk/${c.id}`,
          values: {
            ...common,
            推荐单位: u.unitName,
            待审核数: String(u.pending),
            报送状态: batchStatusText(u.signedOff),
          },
          dedupeKey: reminderKey('paper', `${c.id}:${u.unitId}`, paper, deadline),
        })),
      );

      const unfiled = await listUnfiledFollowUpsToRemind(
        deps.db,
        c.id,
        c.settings.followUpAwardYears,
        reminderKeyParts('follow_up', paper, deadline),
      );
      result.followUp += await send(
        deps,
        'reminder.follow_up',
        c.id,
        'enterprise',
        unfiled.map((f) => ({
          group: f.enterpriseId,
          link: `/follow-ups/${c.id}/${f.awardId}`,
          values: { ...common, 解决方案名称: f.solutionName },
          dedupeKey: reminderKey('follow_up', `${c.id}:${f.awardId}`, paper, deadline),
        })),
      );
    }
  }
  return result;
}

/** Every 10 minutes, Beijing time; pg-boss fires a schedule once across processes. */
export const REMINDER_CRON = '*/10 * * * *';

/** The sweep's worker and its schedule on a running pg-boss. */
export async function startReminderWork(
  boss: PgBoss,
  deps: SweepDeps,
  opts: { pollingIntervalSeconds?: number } = {},
) {
  const name = QUEUES.remindersSweep.name;
  await boss.work(name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
    await runReminderSweep(deps);
  });
  await boss.schedule(name, REMINDER_CRON, {}, { tz: 'Asia/Shanghai' });
}
