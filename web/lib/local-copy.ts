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
