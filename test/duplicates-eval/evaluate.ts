// Precision and recall of the detector on the labelled set: every pair it reports is checked
// against the labels; a reported pair that is not a labelled duplicate is a false positive.
import { findAllPairs } from '../../server/lib/duplicates/duplicate-index';
import type { DuplicateSettingsInput } from '../../server/lib/duplicates/settings';
import type { DuplicateDoc, Finding } from '../../server/lib/duplicates/types';
import type { EvalLabel, EvalSet } from './build';

export interface EvalResult {
  positives: number;
  hardNegatives: number;
  reported: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Labelled hard negatives that were reported. */
  hardNegativesReported: number;
  missed: { application: string; match: string; how: string }[];
  falsePositives: Finding[];
  ms: number;
}

export function docsOf(set: EvalSet): DuplicateDoc[] {
  return [
    ...set.awards.map((a) => ({
      id: a.id,
      kind: 'award' as const,
      year: a.year,
      enterprise: a.enterprise,
      uscc: a.uscc,
      name: a.solution,
      text: a.text,
    })),
    ...set.applications.map((a) => ({ ...a, kind: 'application' as const })),
  ];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function evaluate(
  docs: DuplicateDoc[],
  labelled: EvalLabel[],
  settings: DuplicateSettingsInput = {},
): EvalResult {
  const started = performance.now();
  const findings = findAllPairs(docs, settings);
  const ms = performance.now() - started;
  const labels = new Map(labelled.map((l) => [pairKey(l.application, l.match), l]));
  const reported = new Set(findings.map((f) => pairKey(f.application, f.match)));
  const positives = labelled.filter((l) => l.duplicate);
  const truePositives = findings.filter(
    (f) => labels.get(pairKey(f.application, f.match))?.duplicate,
  );
  const falsePositives = findings.filter(
    (f) => !labels.get(pairKey(f.application, f.match))?.duplicate,
  );
  return {
    positives: positives.length,
    hardNegatives: labelled.length - positives.length,
    reported: findings.length,
    truePositives: truePositives.length,
    precision: findings.length ? truePositives.length / findings.length : 1,
    recall: positives.length ? truePositives.length / positives.length : 1,
    hardNegativesReported: falsePositives.filter((f) => labels.has(pairKey(f.application, f.match)))
      .length,
    missed: positives
      .filter((l) => !reported.has(pairKey(l.application, l.match)))
      .map(({ application, match, how }) => ({ application, match, how })),
    falsePositives,
    ms,
  };
}
