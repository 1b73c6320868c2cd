// One pair: how the enterprises relate, how alike the names and texts are, and whether that
// makes a finding. The thresholds depend on the relation: the same enterprise needs less.
import type { AlignedPassage } from './align';
import { estimateJaccard } from './minhash';
import { sentencesOf, type PreparedDoc } from './prepare';
import { describe } from './reasons';
import type { DuplicateSettings } from './settings';
import { nameSimilarity, textOverlap } from './similarity';
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

/**
 * The finding for `app` (an application) against `other` (an award or another application), or
 * null. Two awards are never compared.
 */
export function comparePair(
  app: PreparedDoc,
  other: PreparedDoc,
  settings: DuplicateSettings,
): Finding | null {
  if (app.doc.kind !== 'application') {
    if (other.doc.kind !== 'application') return null;
    return comparePair(other, app, settings);
  }
  const relation = relationOf(app, other);
  const tier = settings[TIER[relation]];
  const nameSim = tier.name === null ? 0 : nameSimilarity(app.nameGrams, other.nameGrams);
  let overlap: number | null = null;
  let passages: AlignedPassage[] = [];
  if (app.signature && other.signature) {
    overlap = 0;
    if (estimateJaccard(app.signature, other.signature) >= tier.jaccard) {
      const t = textOverlap(sentencesOf(app), sentencesOf(other), settings.sentenceSimilarity);
      overlap = t.overlap;
      passages = t.passages;
    }
  }
  const byName = tier.name !== null && nameSim >= tier.name;
  const byText = overlap !== null && overlap >= tier.text;
  if (!byName && !byText) return null;

  const signals: Signals = {
    sameUscc: Boolean(app.uscc && app.uscc === other.uscc),
    sameEnterpriseName: Boolean(app.enterprise.core && app.enterprise.key === other.enterprise.key),
    relatedBrand: relation === 'related' ? app.brand : null,
    nameSimilarity: round2(nameSim),
    textOverlap: overlap === null ? null : round2(overlap),
    differentChannel:
      other.doc.kind === 'application' && app.doc.channel && other.doc.channel
        ? app.doc.channel !== other.doc.channel
        : null,
  };
  const strongest = Math.max(byName ? nameSim : 0, byText ? overlap! : 0);
  return {
    kind: other.doc.kind,
    application: app.doc.id,
    match: other.doc.id,
    score: round2(Math.min(1, strongest * WEIGHT[relation])),
    reasons: describe(app, other, signals, passages.length),
    signals,
    evidence: passages.map((p) => evidenceOf(p, app.doc.text!, other.doc.text!)),
  };
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
