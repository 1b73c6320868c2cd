// This browser's unsaved copy of a 附件4 report, so a refused save or a closed tab loses nothing.
import {
  clearLocalCopy,
  readLocalCopy,
  writeLocalCopy,
  type LocalCopy,
} from '../../lib/local-copy';

export type FollowUpLocalCopy = LocalCopy<Record<string, unknown>>;

const key = (campaignId: string, awardId: string) => `zx.followUp.${campaignId}.${awardId}`;

export const readFollowUpCopy = (campaignId: string, awardId: string) =>
  readLocalCopy<Record<string, unknown>>(key(campaignId, awardId));
export const writeFollowUpCopy = (campaignId: string, awardId: string, copy: FollowUpLocalCopy) =>
  writeLocalCopy(key(campaignId, awardId), copy);
export const clearFollowUpCopy = (campaignId: string, awardId: string) =>
  clearLocalCopy(key(campaignId, awardId));

/** Drops empty values (null, undefined, '') from objects; rows of lists stay where they are. */
export function cleanData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => cleanData(x) ?? {});
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = cleanData(x);
      if (c === undefined || c === null || c === '') continue;
      out[k] = c;
    }
    return out;
  }
  if (typeof v === 'string') return v;
  return v;
}

/** Same content, whatever the key order or empty values. */
export function sameFollowUpData(a: unknown, b: unknown): boolean {
  return stable(cleanData(a)) === stable(cleanData(b));
}

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q)))
      : x,
  );
}
