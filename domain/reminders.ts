// 截止提醒: which reminder a message is (its dedupe key: a user gets each key once, whichever
// process runs the sweep and however often) and how many calendar days are left. No I/O here.

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant, as days since 1970-01-01. */
function beijingDay(d: Date): number {
  return Math.floor((d.getTime() + BEIJING_OFFSET_MS) / 86_400_000);
}

/**
 * Calendar days (Beijing) from today to the deadline's day: 7 on the morning of the 7-day
 * reminder, and still right when a reminder goes out late. A deadline of 24:00 belongs to the day
 * that ends then (its instant minus one millisecond), as in reminderDueAt.
 */
export function calendarDaysLeft(deadline: Date, now: Date): number {
  return Math.max(0, beijingDay(new Date(deadline.getTime() - 1)) - beijingDay(now));
}

/** The deadline's Beijing calendar day, "2021-10-20" (a 24:00 deadline belongs to the day it ends). */
export function deadlineDay(deadline: Date): string {
  return new Date(deadline.getTime() - 1 + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export type ReminderKind = 'online' | 'paper' | 'follow_up';

/**
 * One reminder's identity is prefix + subject + suffix: the subject is the application, the
 * unit in the campaign ("<campaignId>:<unitId>") or the award in the campaign; the suffix names
 * "days before" and the deadline's day (a deadline moved to another day is a new deadline, with
 * reminders of its own).
 */
export function reminderKeyParts(kind: ReminderKind, days: number, deadline: Date) {
  return { prefix: `reminder.${kind}:`, suffix: `:${days}:${deadlineDay(deadline)}` };
}

export function reminderKey(kind: ReminderKind, subject: string, days: number, deadline: Date) {
  const { prefix, suffix } = reminderKeyParts(kind, days, deadline);
  return `${prefix}${subject}${suffix}`;
}

/** 报送状态 in the paper-deadline reminder. */
export function batchStatusText(signedOff: boolean): string {
  return signedOff ? '已确认' : '尚未确认';
}
