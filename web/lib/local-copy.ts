// A browser's unsaved copy of a form in localStorage, so a closed tab or a refused save loses nothing.

export interface LocalCopy<T> {
  /** The server version the copy was edited from (0 before the first save). */
  baseVersion: number;
  data: T;
  at: string;
}

export function readLocalCopy<T extends object>(key: string): LocalCopy<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalCopy<T>;
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

export function writeLocalCopy<T extends object>(key: string, copy: LocalCopy<T>): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    /* full or private mode: the page still holds the input */
  }
}

export function clearLocalCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    /* ignore */
  }
}

/** Same content, whatever the key order or empty values (null, '', {}). */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => normalise(x) ?? {});
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = normalise((v as Record<string, unknown>)[k]);
      if (x === undefined || x === null || x === '') continue;
      if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0) continue;
      out[k] = x;
    }
    return out;
  }
  return v;
}

/** Drops empty values (null, undefined, '') from objects; rows of lists stay where they are. */
export function withoutEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => withoutEmpty(x) ?? {});
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = withoutEmpty(x);
      if (c === undefined || c === null || c === '') continue;
      out[k] = c;
    }
    return out;
  }
  return v;
}
