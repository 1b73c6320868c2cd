// The evaluation set as checked in: the CLI's own input formats, plus the labels.
import fs from 'node:fs';
import path from 'node:path';
import { applicationsFromJsonl, awardsFromCsv } from '../../server/lib/duplicates/files';
import type { DuplicateDoc } from '../../server/lib/duplicates/types';
import type { EvalLabel, EvalSet } from './build';

export const EVAL_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'data');
export const EVAL_FILES = {
  awards: path.join(EVAL_DIR, 'awards.csv'),
  applications: path.join(EVAL_DIR, 'applications.jsonl'),
  labels: path.join(EVAL_DIR, 'labels.json'),
};

const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The three files' contents for a set. */
export function serialise(set: EvalSet): Record<keyof typeof EVAL_FILES, string> {
  const columns = ['id', 'year', 'solution', 'enterprise', 'uscc', 'category', 'text'] as const;
  return {
    awards:
      [
        columns.join(','),
        ...set.awards.map((a) => columns.map((c) => csvField(a[c])).join(',')),
      ].join('\n') + '\n',
    applications: set.applications.map((a) => JSON.stringify(a)).join('\n') + '\n',
    labels: JSON.stringify(set.labels, null, 1) + '\n',
  };
}

export function loadEvalSet(): { docs: DuplicateDoc[]; labels: EvalLabel[] } {
  const read = (f: string) => fs.readFileSync(f, 'utf8');
  return {
    docs: [
      ...awardsFromCsv(read(EVAL_FILES.awards), EVAL_FILES.awards),
      ...applicationsFromJsonl(read(EVAL_FILES.applications), EVAL_FILES.applications),
    ],
    labels: JSON.parse(read(EVAL_FILES.labels)) as EvalLabel[],
  };
}
