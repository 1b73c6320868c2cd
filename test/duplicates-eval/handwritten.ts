// The hand-written evaluation set of issue 16: families of texts written the way people rework an
// old 申报书, not by the generator in build.ts. Each family (handwritten/family-NN.json) is one
// earlier text — a past award or a 2021 filing — and its variants: disguised resubmissions (or the
// same solution through a second channel, 多头申报) and hard negatives (same industry, same
// function, the same enterprise's other solution, a genuinely new version). Families with an odd
// number are the tuning half, even ones the reporting half: a change to the detector is tuned on
// the first and reported on the second.
import fs from 'node:fs';
import path from 'node:path';
import type { DuplicateDoc } from '../../server/lib/duplicates/types';
import { usccFor } from './compose';
import type { EvalLabel } from './build';
import { createRng } from './random';

export const HANDWRITTEN_DIR = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  'handwritten',
);

export const DUPLICATE_KINDS = [
  'deep-paraphrase',
  'narrative-reorder',
  'subsidiary',
  'renamed-platform',
  'condensed',
  'cross-channel',
] as const;
export const NEGATIVE_KINDS = [
  'same-industry',
  'same-function',
  'same-enterprise-other',
  'next-version',
] as const;
export type Kind = (typeof DUPLICATE_KINDS)[number] | (typeof NEGATIVE_KINDS)[number];
export type Half = 'tune' | 'report';

interface FamilyFile {
  family: string;
  original: {
    kind: 'award' | 'application';
    id: string;
    year?: number;
    solution: string;
    enterprise: string;
    category: string;
    channel?: string;
    text: string;
  };
  variants: {
    id: string;
    enterprise: string;
    name: string;
    category: string;
    channel: string;
    text: string;
    duplicate: boolean;
    how: Kind;
    note: string;
  }[];
}

export interface HandwrittenLabel extends EvalLabel {
  how: Kind;
  half: Half;
  family: string;
}

/** A valid-looking 统一社会信用代码 per enterprise name, the same for the same name. */
function usccOf(enterprise: string): string {
  let h = 2166136261;
  for (const ch of enterprise) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return usccFor(createRng(h), '110000');
}

export function loadHandwritten(dir = HANDWRITTEN_DIR): {
  docs: DuplicateDoc[];
  labels: HandwrittenLabel[];
  families: FamilyFile[];
} {
  const families = fs
    .readdirSync(dir)
    .filter((f) => /^family-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as FamilyFile);
  const docs: DuplicateDoc[] = [];
  const labels: HandwrittenLabel[] = [];
  for (const f of families) {
    const o = f.original;
    const half: Half = Number(f.family) % 2 === 1 ? 'tune' : 'report';
    docs.push(
      o.kind === 'award'
        ? {
            id: o.id,
            kind: 'award',
            year: o.year,
            enterprise: o.enterprise,
            uscc: usccOf(o.enterprise),
            name: o.solution,
            text: o.text,
          }
        : {
            id: o.id,
            kind: 'application',
            enterprise: o.enterprise,
            uscc: usccOf(o.enterprise),
            name: o.solution,
            text: o.text,
            channel: o.channel ?? null,
          },
    );
    for (const v of f.variants) {
      docs.push({
        id: v.id,
        kind: 'application',
        enterprise: v.enterprise,
        uscc: usccOf(v.enterprise),
        name: v.name,
        text: v.text,
        channel: v.channel,
      });
      labels.push({
        application: v.id,
        match: o.id,
        kind: o.kind,
        duplicate: v.duplicate,
        how: v.how,
        half,
        family: f.family,
      });
    }
  }
  return { docs, labels, families };
}
