// One pair: how the enterprises relate, how alike the names and texts are, and whether that
// makes a finding. The thresholds depend on the relation: the same enterprise needs less.
import type { AlignedPassage } from './align';
import { estimateJaccard } from './minhash';
import { sharedFigures } from './figures';
import { figuresOfDoc, sentencesOf, type PreparedDoc } from './prepare';
import { nothingRare, weightedDice, type TermWeight } from './rarity';
import { describe } from './reasons';
import type { DuplicateSettings } from './settings';
import { nameSimilarity, paraphraseOverlap, textOverlap } from './similarity';
import type { Evidence, Finding, Signals } from './types';

export type Relation = 'same' | 'related' | 'other';

export function relationOf(a: PreparedDoc, b: PreparedDoc): Relation {
  if (a.uscc && a.uscc === b.uscc) return 'same';
  if (a.enterprise.core && a.enterprise.key === b.enterprise.key) return 'same';
  if (a.brand && a.brand === b.brand) return 'related';
  return 'other';
}

const TIER = {
  same: 'sameEnterprise',
  related: 'relatedEnterprise',
  other: 'otherEnterprise',
} as const;
const WEIGHT = { same: 1, related: 0.95, other: 0.9 } as const;

// The sketches' weighted overlap estimates the whole texts', which bounds the reworded parts'
// (on the tuning half a duplicate's reworded parts score at most a few hundredths above its whole
// texts): a pair is aligned for a paraphrase only when the estimate reaches this share of the
// threshold, and, where the tier asks for figures, when the figures agree.
const PARAPHRASE_GATE = 0.8;

/**
 * The finding for `app` (an application) against `other` (an award or another application), or
 * null. Two awards are never compared. `weight` says how rare a term is among the indexed texts;
 * without it nothing is, and only the name and the shared 3-grams can make a finding.
 */
export function comparePair(
  app: PreparedDoc,
  other: PreparedDoc,
  settings: DuplicateSettings,
  weight: TermWeight = nothingRare,
): Finding | null {
  if (app.doc.kind !== 'application') {
    if (other.doc.kind !== 'application') return null;
    return comparePair(other, app, settings, weight);
  }
  const relation = relationOf(app, other);
  const tier = settings[TIER[relation]];
  const nameSim = tier.name === null ? 0 : nameSimilarity(app.nameGrams, other.nameGrams);
  let overlap: number | null = null;
  let paraphrase: number | null = null;
  let byText = false;
  let byParaphrase = false;
  let passages: AlignedPassage[] = [];
  if (app.signature && other.signature) {
    overlap = 0;
    // Two ways in: enough shared 3-grams (a copy, lightly reworded), or enough shared rare terms
    // (a rewrite throughout, which keeps few 3-grams but its named things and figures).
    const byJaccard = estimateJaccard(app.signature, other.signature) >= tier.jaccard;
    const mayBeReworded =
      tier.paraphrase !== null &&
      weightedDice(app.sketch!, other.sketch!, weight) >= PARAPHRASE_GATE * tier.paraphrase &&
      figuresAgree(app, other, tier.figures);
    if (byJaccard || mayBeReworded) {
      const a = sentencesOf(app);
      const b = sentencesOf(other);
      const t = textOverlap(a, b, settings.sentenceSimilarity);
      overlap = t.overlap;
      passages = t.passages;
      byText = byJaccard && overlap >= tier.text;
      if (tier.paraphrase !== null) {
        paraphrase = paraphraseOverlap(a, b, t, weight);
        byParaphrase = mayBeReworded && paraphrase >= tier.paraphrase;
      }
    }
  }
  const byName = tier.name !== null && nameSim >= tier.name;
  if (!byName && !byText && !byParaphrase) return null;

  const signals: Signals = {
    sameUscc: Boolean(app.uscc && app.uscc === other.uscc),
    sameEnterpriseName: Boolean(app.enterprise.core && app.enterprise.key === other.enterprise.key),
    relatedBrand: relation === 'related' ? app.brand : null,
    nameSimilarity: round2(nameSim),
    textOverlap: overlap === null ? null : round2(overlap),
    paraphrase: paraphrase === null ? null : round2(paraphrase),
    differentChannel:
      other.doc.kind === 'application' && app.doc.channel && other.doc.channel
        ? app.doc.channel !== other.doc.channel
        : null,
  };
  // A paraphrase at its threshold counts as much as a text overlap at its own, and 1 as 1.
  const reworded = byParaphrase
    ? tier.text + ((1 - tier.text) * (paraphrase! - tier.paraphrase!)) / (1 - tier.paraphrase!)
    : 0;
  const strongest = Math.max(byName ? nameSim : 0, byText ? overlap! : 0, reworded);
  return {
    kind: other.doc.kind,
    application: app.doc.id,
    match: other.doc.id,
    score: round2(Math.min(1, strongest * WEIGHT[relation])),
    reasons: describe(app, other, signals, passages.length, byParaphrase),
    signals,
    evidence: passages.map((p) => evidenceOf(p, app.doc.text!, other.doc.text!)),
  };
}

/** At least `share` of the figures of the text with fewer, and at least three, found in the other. */
function figuresAgree(a: PreparedDoc, b: PreparedDoc, share: number | null): boolean {
  if (share === null) return true;
  const fa = figuresOfDoc(a);
  const fb = figuresOfDoc(b);
  const [few, many] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  const shared = sharedFigures(few, many);
  return shared >= 3 && shared >= share * few.length;
}

const EXCERPT = 80;

function evidenceOf(p: AlignedPassage, appText: string, otherText: string): Evidence {
  const excerpt = (text: string, start: number, end: number) =>
    end - start > EXCERPT ? `${text.slice(start, start + EXCERPT)}…` : text.slice(start, end);
  return {
    application: { start: p.a.start, end: p.a.end, excerpt: excerpt(appText, p.a.start, p.a.end) },
    match: { start: p.b.start, end: p.b.end, excerpt: excerpt(otherText, p.b.start, p.b.end) },
    similarity: round2(p.similarity),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
