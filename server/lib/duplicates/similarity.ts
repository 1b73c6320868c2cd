// How alike two solution names are, and how much of two texts overlaps.
import { alignSentences, type Alignment, type Sentence } from './align';
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
