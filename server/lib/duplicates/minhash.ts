// One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li
// 2014): every shingle is hashed once, its top bits choose one of `size` bins and the bin keeps
// the smallest remaining bits. The share of equal bins estimates the Jaccard similarity of the
// shingle sets, at the cost of one hash per character instead of one per character and bin.
import { forEachShingle } from './text';

const EMPTY = 0xffffffff;

/** `size` must be a power of two ≤ 1024. */
export function minhashSignature(text: string, size: number): Uint32Array {
  const bits = Math.log2(size);
  const valueBits = 32 - bits;
  const valueMask = valueBits === 32 ? 0xffffffff : (1 << valueBits) - 1;
  const sig = new Uint32Array(size).fill(EMPTY);
  forEachShingle(text, 3, (h) => {
    const bin = h >>> valueBits;
    const value = (h & valueMask) >>> 0;
    if (value < sig[bin]!) sig[bin] = value;
  });
  densify(sig, valueBits);
  return sig;
}

// An empty bin takes the value of the next filled bin to its right, marked with the distance so
// that two texts agree on it only when they agree on that bin and on the emptiness in between.
function densify(sig: Uint32Array, valueBits: number): void {
  const size = sig.length;
  let anyFilled = false;
  for (let i = 0; i < size; i++) if (sig[i] !== EMPTY) anyFilled = true;
  if (!anyFilled) return;
  const copy = Uint32Array.from(sig);
  for (let i = 0; i < size; i++) {
    if (copy[i] !== EMPTY) continue;
    let d = 1;
    while (copy[(i + d) % size] === EMPTY) d++;
    sig[i] = (copy[(i + d) % size]! + d * (1 << Math.min(valueBits, 30))) >>> 0;
  }
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
