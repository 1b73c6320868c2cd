// 动态管理 (issue 15): what falls due in a published solution's life, by the Beijing calendar —
// reminders to its enterprise and recommender 90 and 30 days before its validity ends, and its
// expiry on the day after its last valid day. Scheduled work asks this on every run (and at
// start), with what it has already done: whatever is due and not done is returned once, so a run
// missed at midnight is made up by the next, and a second run finds nothing. A reminder whose
// moment has been overtaken (the server down until after the next reminder or the expiry) is
// dropped rather than sent late beside a newer one. Pure: no I/O.
import { PUBLISHED_STATUSES } from './publication';
import { addCalendarDays } from './working-days';
import { z } from './zod';

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

/** Calendar days from `from` to `to` (YYYY-MM-DD, Beijing days): 还有N天. */
export const calendarDaysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

// ------------------------------------------------------------------ 撤销 and 退出 (issue 15)

/** Why an organizer revokes a solution or records its withdrawal. */
export const REVOCATION_REASONS = [
  'spot_check_failed',
  'false_information',
  'deregistered',
  'other',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export const REVOCATION_REASON_LABELS: Record<RevocationReason, string> = {
  spot_check_failed: '抽查不合格',
  false_information: '提供虚假信息',
  deregistered: '企业注销',
  other: '其他',
};

/** revoke: 撤销 by the organizer (已撤销); withdraw: the enterprise withdrew (已退出). */
export const REVOKE_ACTIONS = ['revoke', 'withdraw'] as const;
export type RevokeAction = (typeof REVOKE_ACTIONS)[number];

/** The organizer's note on a revocation or withdrawal: at least this many characters. */
export const REVOKE_NOTE_MIN = 4;

/** The public line of the history for a revocation or withdrawal: its reason, never a person. */
export function revokedNote(action: RevokeAction, reason: RevocationReason): string {
  const label = REVOCATION_REASON_LABELS[reason];
  return action === 'revoke'
    ? `经主管部门核实，撤销入选资格（原因：${label}）`
    : `企业申请退出，入选资格终止（原因：${label}）`;
}

/** The public line of the history for an expiry. */
export function expiredNote(validUntil: string): string {
  const [y, m, d] = validUntil.split('-').map(Number);
  return `入选有效期已于${y}年${m}月${d}日届满，自次日起过期`;
}

const uuid = (what: string) => z.string().uuid(`${what}编号格式不正确`);

/** revokeAward */
export const revokeAwardSchema = z.object({
  publicId: z.string().trim().min(1, '请填写公开编号').max(40),
  action: z.enum(REVOKE_ACTIONS),
  reasonCode: z.enum(REVOCATION_REASONS),
  note: z
    .string()
    .trim()
    .min(REVOKE_NOTE_MIN, `请填写说明（至少${REVOKE_NOTE_MIN}个字）`)
    .max(1000, '说明最多1000字'),
  /** an uploaded document (purpose revocation_evidence) */
  evidenceDocumentId: uuid('证明材料').nullish(),
});
export type RevokeAwardInput = z.infer<typeof revokeAwardSchema>;

/** listAwardLifecycle: the filters (GET parameters). */
export const awardLifecycleQuerySchema = z.object({
  /** the list (its campaign) */
  campaignId: uuid('名单').optional(),
  /** the status as of today (Beijing) */
  status: z.enum(PUBLISHED_STATUSES).optional(),
  unitId: uuid('推荐单位').optional(),
  /** valid and ending within this many days */
  expiringWithinDays: z.coerce.number().int().min(0).max(3660).optional(),
  /** words in the public id, solution or enterprise name */
  q: z.string().trim().max(100, '搜索词最多100字').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AwardLifecycleQuery = z.infer<typeof awardLifecycleQuerySchema>;
