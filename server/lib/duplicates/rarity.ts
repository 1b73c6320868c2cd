// How rare a term is across every indexed text: document frequencies of character bigrams, kept
// in a fixed table of counters (a bigram's hash picks its counter), so memory does not grow with
// the vocabulary. A collision can only make a term look commoner than it is, never rarer.
import { bigramSet, contentOf, foldCode, mix32 } from './text';

const BITS = 21; // 2M counters and as many stamps, 16 MiB
const MASK = (1 << BITS) - 1;

export type TermWeight = (gram: number) => number;

/** Distinct character bigrams of a text's content, sorted. */
export function textBigrams(text: string): Uint32Array {
  return bigramSet(contentOf(text).codes);
}

// One bigram in eight, chosen by its hash, so two texts sample the same terms.
const SKETCH_MASK = 7;

/**
 * A fixed sample of a text's distinct bigrams (those whose hash ends in three zero bits), sorted:
 * about 110 terms for a 申报书 of 1,100 characters, kept with every indexed text so that the
 * weighted overlap of two texts can be estimated for every candidate in a microsecond or two.
 */
export function textSketch(text: string): Uint32Array {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (!c) continue;
    if (prev) {
      const gram = ((prev << 16) | c) >>> 0;
      if ((mix32(gram) & SKETCH_MASK) === 0) out.push(gram);
    }
    prev = c;
  }
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** No corpus: no term is rarer than another, and none counts. */
export const nothingRare: TermWeight = () => 0;

export class TermFrequencies {
  // Per counter two numbers side by side, so a term costs one cache miss, not two: its document
  // frequency, and which text last counted it (so that a text counts each of its terms once).
  private table = new Uint32Array(2 << BITS);
  private serial = 0;
  private docs = 0;

  add(text: string) {
    this.count(text, 1);
    this.docs++;
  }

  remove(text: string) {
    this.count(text, -1);
    this.docs = Math.max(0, this.docs - 1);
  }

  /** Inverse document frequency, smoothed: a term in every text weighs about 0, an unseen one the most. */
  readonly weight: TermWeight = (gram) =>
    Math.log((this.docs + 1) / (this.table[(mix32(gram) & MASK) << 1]! + 1));

  private count(text: string, by: 1 | -1) {
    const stamp = (this.serial = (this.serial + 1) >>> 0 || 1);
    const table = this.table;
    let prev = 0;
    for (let i = 0; i < text.length; i++) {
      const c = foldCode(text.charCodeAt(i));
      if (!c) continue;
      if (prev) {
        const at = (mix32(((prev << 16) | c) >>> 0) & MASK) << 1;
        if (table[at + 1] !== stamp) {
          table[at + 1] = stamp;
          if (by > 0 || table[at]! > 0) table[at] = table[at]! + by;
        }
      }
      prev = c;
    }
  }
}

/**
 * Dice on the weighted sets: twice the weight the two share over the weight of both. The weight
 * of a text's terms is mostly in its rare ones, so two texts about the same named things score
 * high, two texts in the same trade's vocabulary low.
 */
export function weightedDice(a: Uint32Array, b: Uint32Array, weight: TermWeight): number {
  let i = 0;
  let j = 0;
  let wa = 0;
  let wb = 0;
  let shared = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) wa += weight(a[i++]!);
    else if (i >= a.length || a[i]! > b[j]!) wb += weight(b[j++]!);
    else {
      const w = weight(a[i]!);
      wa += w;
      wb += w;
      shared += w;
      i++;
      j++;
    }
  }
  return wa + wb > 0 ? (2 * shared) / (wa + wb) : 0;
}
