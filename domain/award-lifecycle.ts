// 动态管理 (issue 15): what falls due in a published solution's life, by the Beijing calendar —
// reminders to its enterprise and recommender 90 and 30 days before its validity ends, and its
// expiry on the day after its last valid day. Scheduled work asks this on every run (and at
// start), with what it has already done: whatever is due and not done is returned once, so a run
// missed at midnight is made up by the next, and a second run finds nothing. A reminder whose
// moment has been overtaken (the server down until after the next reminder or the expiry) is
// dropped rather than sent late beside a newer one. Pure: no I/O.
import { addCalendarDays } from './working-days';

/** Days before the end of validity on which the enterprise and its recommender are reminded. */
export const EXPIRY_REMINDER_DAYS = [90, 30] as const;

export type LifecycleAction =
  | { kind: 'remind'; publicId: string; daysBefore: number; key: string; expiresOn: string }
  | { kind: 'expire'; publicId: string; key: string; expiresOn: string };

export interface LifecycleSubject {
  publicId: string;
  status: 'valid' | 'revoked' | 'expired' | 'withdrawn';
  /** the last valid day, YYYY-MM-DD */
  validUntil: string;
}

/** The day a validity ends on: the day after its last valid day (YYYY-MM-DD). */
export const expiresOnOf = (validUntil: string) => addCalendarDays(validUntil, 1);

/** The idempotence key of an action, stored when it is done: `expire:<id>`, `remind-90:<id>`. */
export const lifecycleKey = (kind: 'expire' | `remind-${number}`, publicId: string) =>
  `${kind}:${publicId}`;

/**
 * What is due on `today` (Beijing, YYYY-MM-DD) for these solutions and not yet in `done` (keys).
 * A revoked or expired solution gets nothing more; expiry comes on its day or at the first run
 * after it; of the reminders due, only the latest one not overtaken.
 */
export function dueLifecycleActions(
  subjects: readonly LifecycleSubject[],
  today: string,
  done: ReadonlySet<string>,
  reminderDays: readonly number[] = EXPIRY_REMINDER_DAYS,
): LifecycleAction[] {
  const out: LifecycleAction[] = [];
  const days = [...reminderDays].sort((a, b) => b - a); // 90, then 30
  for (const s of subjects) {
    if (s.status !== 'valid') continue;
    const expiresOn = expiresOnOf(s.validUntil);
    if (today >= expiresOn) {
      const key = lifecycleKey('expire', s.publicId);
      if (!done.has(key)) out.push({ kind: 'expire', publicId: s.publicId, key, expiresOn });
      continue;
    }
    // the latest reminder whose day has come
    const due = days.filter((d) => today >= addCalendarDays(expiresOn, -d)).at(-1);
    if (due === undefined) continue;
    const key = lifecycleKey(`remind-${due}`, s.publicId);
    if (!done.has(key))
      out.push({ kind: 'remind', publicId: s.publicId, daysBefore: due, key, expiresOn });
  }
  return out;
}

/** The next day after `today` something falls due for a solution, or null: for the schedule. */
export function nextLifecycleDay(
  s: LifecycleSubject,
  today: string,
  reminderDays: readonly number[] = EXPIRY_REMINDER_DAYS,
): string | null {
  if (s.status !== 'valid') return null;
  const expiresOn = expiresOnOf(s.validUntil);
  const days = [...reminderDays.map((d) => addCalendarDays(expiresOn, -d)), expiresOn].sort();
  return days.find((d) => d > today) ?? null;
}
