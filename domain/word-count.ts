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

const WHITESPACE = /\s/u;

export function countWords(text: string): number {
  let count = 0;
  let inRun = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (WHITESPACE.test(ch)) {
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
