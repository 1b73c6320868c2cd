// Text reduced to its content characters (Han, Latin letters, digits; folded to one width and
// case), each remembering where it stood in the original, so evidence can point into the
// original string. Punctuation, spaces and layout carry no resemblance.

export interface Content {
  /** Folded character codes, content characters only. */
  codes: Uint16Array;
  /** For each content character, its UTF-16 index in the original text. */
  offsets: Uint32Array;
}

/** The folded code of a content character, or 0 for anything else. */
export function foldCode(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c; // CJK Unified Ideographs, the bulk of any text
  if (c >= 0x3400 && c <= 0x4dbf) return c; // Extension A
  if (c >= 0x30 && c <= 0x39) return c; // 0-9
  if (c >= 0x61 && c <= 0x7a) return c; // a-z
  if (c >= 0x41 && c <= 0x5a) return c + 0x20; // A-Z
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0; // ０-９
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0; // ａ-ｚ
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 0x20; // Ａ-Ｚ
  return 0;
}

export function contentOf(text: string, start = 0, end = text.length): Content {
  const codes = new Uint16Array(end - start);
  const offsets = new Uint32Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c) {
      codes[n] = c;
      offsets[n++] = i;
    }
  }
  return { codes: codes.subarray(0, n), offsets: offsets.subarray(0, n) };
}

/** Number of content characters, without allocating. */
export function contentLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (foldCode(text.charCodeAt(i))) n++;
  return n;
}

/** murmur3's finaliser: spreads any 32-bit input over all 32 bits. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Calls `each` with the hash of every run of `k` (2 or 3) content characters of `text`. */
export function forEachShingle(text: string, k: 2 | 3, each: (hash: number) => void): void {
  let a = 0;
  let b = 0;
  let have = 0;
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (!c) continue;
    if (have >= k - 1) {
      const x = k === 3 ? Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c : (b << 16) | c;
      each(mix32(x));
    }
    a = b;
    b = c;
    have++;
  }
}

/** The distinct bigram hashes of folded codes, sorted. */
export function bigramSet(codes: Uint16Array, from = 0, to = codes.length): Uint32Array {
  if (to - from < 2) return new Uint32Array(0);
  const out = new Uint32Array(to - from - 1);
  for (let i = from + 1; i < to; i++) out[i - from - 1] = ((codes[i - 1]! << 16) | codes[i]!) >>> 0;
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.subarray(0, n);
}

/** Size of the intersection of two sorted sets. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
