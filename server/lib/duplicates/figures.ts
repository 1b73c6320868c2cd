// The specific figures of a text — 426台, 3200个测点, 1.1亿元, 四十多台, 近千条 — as (value, unit)
// pairs, so that two texts can be asked how many figures they share once rounding, approximation
// (近, 余, 多, 约) and Chinese numerals are allowed for. A rewrite keeps them; another solution of
// the same trade does not have them.

export interface Figure {
  value: number;
  /** The measure word or unit after the number (台, 个, 万元 → 元 with the value scaled, %, mm). */
  unit: string;
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 一万八千 → 18000, 四十 → 40, 两百 → 200, 十 → 10; NaN when it is no numeral. */
export function chineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in SMALL) {
      section += (digit < 0 ? 1 : digit) * SMALL[ch]!;
      digit = -1;
    } else if (ch in LARGE) {
      total = (total + section + Math.max(digit, 0)) * LARGE[ch]!;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

// A number in digits or in Chinese numerals, an optional 万/亿, an optional 余/多, then the unit:
// a Latin unit (mm, kHz, MPa), %, ℃, or one Han measure word.
const FIGURE =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]*[十百千][零〇一二两三四五六七八九]?|[一二两三四五六七八九])\s*([万亿])?\s*[余多]?\s*(%|％|℃|[a-zA-Z]{1,4}|[\u4e00-\u9fff])/g;
// Measure words that say nothing specific, and what follows a year.
const NOT_A_UNIT = new Set([...'年月日号是的和与及或在为第级期']);

/** The figures of `text`; years, dates and ordinals left out. */
export function figuresOf(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [, number, scale, rawUnit] = m;
    const unit = rawUnit!.toLowerCase().replace('％', '%');
    if (NOT_A_UNIT.has(unit)) continue;
    let value = /\d/.test(number!) ? Number(number) : chineseNumber(number!);
    if (!Number.isFinite(value)) continue;
    if (scale) value = Number((value * LARGE[scale]!).toPrecision(12));
    if (value < 10 && unit !== '%') continue; // 3家, 4个模块: too common to tell texts apart
    out.push({ value, unit });
  }
  return out;
}

/**
 * How many figures of `a` have a counterpart in `b`: the same unit, the value within `tolerance`
 * (relative), each figure of `b` used once.
 */
export function sharedFigures(a: Figure[], b: Figure[], tolerance = 0.12): number {
  const used = new Uint8Array(b.length);
  let n = 0;
  for (const x of a) {
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      if (used[j] || y.unit !== x.unit) continue;
      if (Math.abs(x.value - y.value) <= tolerance * Math.max(x.value, y.value)) {
        used[j] = 1;
        n++;
        break;
      }
    }
  }
  return n;
}
