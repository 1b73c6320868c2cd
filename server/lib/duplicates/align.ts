// Sentence alignment: which sentences of one text reappear, possibly reworded or moved, in the
// other. Gives the overlap measure (robust to reordered sections and paraphrase, where a
// global shingle Jaccard is not) and the overlapping passages shown as evidence.
import { bigramSet, contentOf } from './text';

export interface Span {
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Content characters. */
  length: number;
  grams: Uint32Array;
}

export interface AlignedPassage {
  a: Span;
  b: Span;
  /** Mean sentence similarity in the passage, 0–1. */
  similarity: number;
}

export interface Alignment {
  /** Share of each text's content in sentences found in the other, weighted by their similarity. */
  overlapA: number;
  overlapB: number;
  passages: AlignedPassage[];
  /** Per sentence of `a`, the similarity of its best match in `b` (0: none reached the minimum). */
  simA: Float64Array;
  /** Per sentence of `b`, the best similarity of a sentence of `a` matched to it. */
  simB: Float64Array;
}

const BREAK = new Set([...'。！？；!?;\n\r'].map((c) => c.charCodeAt(0)));
const CLAUSE = new Set([...'，,：:'].map((c) => c.charCodeAt(0)));
const MIN_SENTENCE = 8; // content characters; shorter ones (headings, 一、) say nothing
const MAX_SENTENCE = 120; // longer ones are cut at a comma, so a reworded half still matches

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    const content = contentOf(text, from, to);
    if (content.codes.length < MIN_SENTENCE) return;
    if (content.codes.length > MAX_SENTENCE) {
      const cut = clauseCut(text, from, to, content.offsets);
      if (cut > from) {
        push(from, cut);
        push(cut, to);
        return;
      }
    }
    out.push({
      start: content.offsets[0]!,
      end: content.offsets[content.codes.length - 1]! + 1,
      length: content.codes.length,
      grams: bigramSet(content.codes),
    });
  };
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || BREAK.has(text.charCodeAt(i))) {
      if (i > start) push(start, i);
      start = i + 1;
    }
  }
  return out;
}

// The comma nearest the middle of an over-long sentence; `from` when it has none.
function clauseCut(text: string, from: number, to: number, offsets: Uint32Array): number {
  const middle = offsets[offsets.length >> 1]!;
  let best = from;
  for (let i = from + 1; i < to - 1; i++) {
    if (CLAUSE.has(text.charCodeAt(i)) && Math.abs(i - middle) < Math.abs(best - middle))
      best = i + 1;
  }
  return best;
}

/**
 * Each sentence of `a` is paired with the sentence of `b` sharing most bigrams (Dice ≥
 * `minSimilarity`); consecutive pairs that are consecutive on both sides form one passage.
 */
export function alignSentences(a: Sentence[], b: Sentence[], minSimilarity: number): Alignment {
  const postings = new Map<number, number[]>();
  b.forEach((s, j) => {
    for (const g of s.grams) {
      const list = postings.get(g);
      if (list) list.push(j);
      else postings.set(g, [j]);
    }
  });
  const shared = new Int32Array(b.length);
  const touched: number[] = [];
  const matchOf = new Int32Array(a.length).fill(-1);
  const simOf = new Float64Array(a.length);
  const bSim = new Float64Array(b.length);
  a.forEach((s, i) => {
    for (const g of s.grams) {
      for (const j of postings.get(g) ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    let best = -1;
    let bestSim = minSimilarity;
    for (const j of touched) {
      const dice = (2 * shared[j]!) / (s.grams.length + b[j]!.grams.length);
      if (dice >= bestSim) {
        best = j;
        bestSim = dice;
      }
      shared[j] = 0;
    }
    touched.length = 0;
    if (best >= 0) {
      matchOf[i] = best;
      simOf[i] = bestSim;
      bSim[best] = Math.max(bSim[best]!, bestSim);
    }
  });
  return {
    overlapA: weightedShare(a, (i) => simOf[i]!),
    overlapB: weightedShare(b, (j) => bSim[j]!),
    passages: passagesOf(a, b, matchOf, simOf),
    simA: simOf,
    simB: bSim,
  };
}

function weightedShare(sentences: Sentence[], sim: (i: number) => number): number {
  let total = 0;
  let found = 0;
  sentences.forEach((s, i) => {
    total += s.length;
    found += s.length * sim(i);
  });
  return total ? found / total : 0;
}

function passagesOf(
  a: Sentence[],
  b: Sentence[],
  matchOf: Int32Array,
  simOf: Float64Array,
): AlignedPassage[] {
  const out: AlignedPassage[] = [];
  let current: { a: Span; b: Span; sims: number[]; lastA: number; lastB: number } | null = null;
  const close = () => {
    if (!current) return;
    const similarity = current.sims.reduce((x, y) => x + y, 0) / current.sims.length;
    out.push({ a: current.a, b: current.b, similarity });
    current = null;
  };
  for (let i = 0; i < a.length; i++) {
    const j = matchOf[i]!;
    if (j < 0) {
      close();
      continue;
    }
    const continues =
      current !== null &&
      i === current.lastA + 1 &&
      j > current.lastB - 2 &&
      j <= current.lastB + 2;
    if (!continues) {
      close();
      current = {
        a: { start: a[i]!.start, end: a[i]!.end },
        b: { start: b[j]!.start, end: b[j]!.end },
        sims: [],
        lastA: i,
        lastB: j,
      };
    }
    const c = current!;
    c.a.end = a[i]!.end;
    c.b.start = Math.min(c.b.start, b[j]!.start);
    c.b.end = Math.max(c.b.end, b[j]!.end);
    c.sims.push(simOf[i]!);
    c.lastA = i;
    c.lastB = j;
  }
  close();
  return out;
}
