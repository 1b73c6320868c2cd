// An unsaved copy of the form in localStorage, so a closed tab or a refused save loses nothing.
import type { ApplicationData } from '../../lib/applications';
import {
  clearLocalCopy as clearStored,
  readLocalCopy as readStored,
  writeLocalCopy as writeStored,
  type LocalCopy as Stored,
} from '../../lib/local-copy';

export type LocalCopy = Stored<ApplicationData>;

const key = (appId: string) => `zx.draft.${appId}`;

export const readLocalCopy = (appId: string) => readStored<ApplicationData>(key(appId));
export const writeLocalCopy = (appId: string, copy: LocalCopy) => writeStored(key(appId), copy);
export const clearLocalCopy = (appId: string) => clearStored(key(appId));

/** Stable JSON for comparing two versions of the data (key order and empty values ignored). */
export function sameData(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  return JSON.stringify(normalise(v));
}

function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
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

/** The text a person typed, label by label, for copying out of a conflict. */
export function plainTextOf(
  data: ApplicationData,
  labelOf: (path: Array<string | number>) => string,
): string {
  const lines: string[] = [];
  const visit = (v: unknown, path: Array<string | number>) => {
    if (typeof v === 'string' && v.trim()) lines.push(`【${labelOf(path)}】\n${v}`);
    else if (typeof v === 'number') lines.push(`【${labelOf(path)}】${v}`);
    else if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'string')) {
        if (v.length && !v.every((x) => /^[0-9a-f-]{36}$/.test(x as string)))
          lines.push(`【${labelOf(path)}】${v.join('、')}`);
      } else v.forEach((x, i) => visit(x, [...path, i]));
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
  };
  visit(data, []);
  return lines.join('\n\n');
}
