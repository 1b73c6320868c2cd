// This browser's unsaved copy of a 附件4 report, so a refused save or a closed tab loses nothing.

export interface FollowUpLocalCopy {
  /** The draftVersion the copy was edited from (0 before the first save). */
  baseVersion: number;
  data: Record<string, unknown>;
  at: string;
}

const key = (campaignId: string, awardId: string) => `zx.followUp.${campaignId}.${awardId}`;

export function readFollowUpCopy(campaignId: string, awardId: string): FollowUpLocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key(campaignId, awardId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as FollowUpLocalCopy;
    return parsed &&
      typeof parsed.baseVersion === 'number' &&
      parsed.data &&
      typeof parsed.data === 'object'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

export function writeFollowUpCopy(
  campaignId: string,
  awardId: string,
  copy: FollowUpLocalCopy,
): void {
  try {
    window.localStorage.setItem(key(campaignId, awardId), JSON.stringify(copy));
  } catch {
    /* full or private mode: the page still holds the input */
  }
}

export function clearFollowUpCopy(campaignId: string, awardId: string): void {
  try {
    window.localStorage.removeItem(key(campaignId, awardId));
  } catch {
    /* ignore */
  }
}

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
