// How alike two solution names are, and how much of two texts overlaps.
import { alignSentences, type Alignment, type Sentence } from './align';
import { weightedDice, type TermWeight } from './rarity';
import { intersectionSize } from './text';

/**
 * Dice on character bigrams of the normalised names; a name that is wholly contained in the
 * other (数控机床预测性维护 in 面向离散制造的数控机床预测性维护) counts almost as much, when it
 * is long enough to mean something.
 */
export function nameSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  const shared = intersectionSize(a, b);
  const dice = (2 * shared) / (a.length + b.length);
  const shorter = Math.min(a.length, b.length);
  const containment = shorter >= 5 ? (0.9 * shared) / shorter : 0;
  return Math.max(dice, containment);
}

export interface TextOverlap extends Alignment {
  /** One figure for the pair: mostly the better covered side, so that an extended or a cut copy still counts. */
  overlap: number;
}

export function textOverlap(a: Sentence[], b: Sentence[], sentenceSimilarity: number): TextOverlap {
  const alignment = alignSentences(a, b, sentenceSimilarity);
  const hi = Math.max(alignment.overlapA, alignment.overlapB);
  const lo = Math.min(alignment.overlapA, alignment.overlapB);
  return { ...alignment, overlap: 0.75 * hi + 0.25 * lo };
}

/** Sentences at or above this similarity to one on the other side are the same words, copied. */
export const VERBATIM = 0.8;

/**
 * How much the two texts say about the same rare things once what they share word for word is
 * set aside: rarity-weighted Dice on the bigrams of the sentences that have no near-verbatim
 * counterpart on the other side. A company's introduction, pasted unchanged into its every
 * 申报书, drops out; a resubmission reworded sentence by sentence, its sections reordered and
 * its figures rounded, keeps its equipment, places, parts and customers — the rare terms.
 */
export function paraphraseOverlap(
  a: Sentence[],
  b: Sentence[],
  alignment: Alignment,
  weight: TermWeight,
): number {
  return weightedDice(reworded(a, alignment.simA), reworded(b, alignment.simB), weight);
}

function reworded(sentences: Sentence[], sim: Float64Array): Uint32Array {
  let n = 0;
  sentences.forEach((s, i) => {
    if (sim[i]! < VERBATIM) n += s.grams.length;
  });
  const all = new Uint32Array(n);
  n = 0;
  sentences.forEach((s, i) => {
    if (sim[i]! < VERBATIM) {
      all.set(s.grams, n);
      n += s.grams.length;
    }
  });
  all.sort();
  let u = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[u++] = all[i]!;
  return all.subarray(0, u);
}
