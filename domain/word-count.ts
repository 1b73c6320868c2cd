// 字数 as WPS/Word counts it: every CJK ideograph and every CJK or full-width punctuation
// mark is one; a run of other visible characters (a Latin word, a number, "v2.0") is one;
// whitespace, including the ideographic space U+3000, is nothing.

function isIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x20000 && cp <= 0x2fa1f) || // Extensions B–F, compatibility supplement
    (cp >= 0xf900 && cp <= 0xfaff) // compatibility ideographs
  );
}

const EXTRA_MARKS = new Set([0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026]); // “ ” ‘ ’ — …

function isWidePunctuation(cp: number): boolean {
  return (cp >= 0x3001 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || EXTRA_MARKS.has(cp);
}

/** What `/\s/u` matches (ECMAScript WhiteSpace and LineTerminator), as a code-unit test. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// A save counts each long text twice (the form's limits, then the application's facts): the
// last long texts' counts are kept. Keyed by the text itself, so a changed text is counted anew.
const LONG = 200;
const recent = new Map<string, number>();

export function countWords(text: string): number {
  if (text.length < LONG) return count(text);
  let n = recent.get(text);
  if (n === undefined) {
    if (recent.size >= 256) recent.clear();
    recent.set(text, (n = count(text)));
  }
  return n;
}

// Runs on every draft save over every counted text (≈5,000 字): one pass over UTF-16 code
// units, a surrogate pair read as its code point, no regular expression or string per character.
function count(text: string): number {
  let count = 0;
  let inRun = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isSpace(cp)) {
      inRun = false;
    } else if (isIdeograph(cp) || isWidePunctuation(cp)) {
      count++;
      inRun = false;
    } else if (!inRun) {
      count++;
      inRun = true;
    }
  }
  return count;
}
