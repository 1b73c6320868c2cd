// Reordering 附件3 on the page before it is saved.

/** The list with the item at `from` moved to `to` (both clamped); the input is not changed. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** Whether two orders of ids differ. */
export function orderChanged(a: readonly string[], b: readonly string[]): boolean {
  return a.length !== b.length || a.some((id, i) => id !== b[i]);
}

/** The rank a new recommendation gets: after the last one. */
export function nextRank(ranks: readonly number[]): number {
  return Math.min(100, ranks.reduce((m, r) => Math.max(m, r), 0) + 1);
}

/** Quota use for the bar: used, limit, remaining (never below zero). */
export function quotaUse(quota: number, recommended: number) {
  return { used: recommended, quota, remaining: Math.max(0, quota - recommended) };
}
