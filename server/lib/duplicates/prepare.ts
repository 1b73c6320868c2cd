// What the detector keeps of a document: normalised keys and a MinHash signature of its text.
import { splitSentences, type Sentence } from './align';
import { minhashSignature } from './minhash';
import {
  enterpriseBrand,
  normalizeEnterpriseName,
  normalizeSolutionName,
  normalizeUscc,
  type EnterpriseName,
} from './normalize';
import { figuresOf, type Figure } from './figures';
import { textSketch } from './rarity';
import type { DuplicateSettings } from './settings';
import { contentLength } from './text';
import type { DuplicateDoc } from './types';

export interface PreparedDoc {
  doc: DuplicateDoc;
  uscc: string;
  enterprise: EnterpriseName;
  brand: string;
  name: string;
  nameGrams: Uint32Array;
  /** Null when the text is missing or shorter than `minTextLength`. */
  signature: Uint32Array | null;
  /** A fixed sample of the text's bigrams (`textSketch`); null with `signature`. */
  sketch: Uint32Array | null;
  /** Split on first comparison, then kept: a document is usually compared again. */
  sentences?: Sentence[];
  /** The text's figures, likewise found on first comparison. */
  figures?: Figure[];
}

export function figuresOfDoc(p: PreparedDoc): Figure[] {
  return (p.figures ??= figuresOf(p.doc.text ?? ''));
}

export function sentencesOf(p: PreparedDoc): Sentence[] {
  return (p.sentences ??= splitSentences(p.doc.text ?? ''));
}

export function prepareDoc(doc: DuplicateDoc, settings: DuplicateSettings): PreparedDoc {
  const enterprise = normalizeEnterpriseName(doc.enterprise);
  const name = normalizeSolutionName(doc.name);
  const text = doc.text ?? '';
  const hasText =
    text.length >= settings.minTextLength && contentLength(text) >= settings.minTextLength;
  return {
    doc,
    uscc: normalizeUscc(doc.uscc),
    enterprise,
    brand: enterpriseBrand(enterprise),
    name,
    nameGrams: stringBigrams(name),
    signature: hasText ? minhashSignature(text, settings.lsh.bands * settings.lsh.rows) : null,
    sketch: hasText ? textSketch(text) : null,
  };
}

/**
 * Distinct character bigrams of a normalised name, sorted. Parts joined by 与/和/及 are taken
 * apart, so that 故障诊断与健康管理 and 健康管理与故障诊断 differ only where the parts meet.
 */
export function stringBigrams(s: string): Uint32Array {
  const set = new Set<number>();
  for (const part of s.split(/[与和及]/)) {
    for (let i = 1; i < part.length; i++)
      set.add(((part.charCodeAt(i - 1) << 16) | part.charCodeAt(i)) >>> 0);
  }
  return Uint32Array.from(set).sort();
}
