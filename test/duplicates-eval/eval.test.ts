// The bar of issue 5: recall ≥ 0.95 at precision ≥ 0.95 on the checked-in evaluation set.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildEvalSet } from './build';
import { EVAL_FILES, loadEvalSet, serialise } from './data';
import { evaluate } from './evaluate';

// Pure computation: once is enough when the server tests also run on PostgreSQL.
describe.runIf(process.env.ZX_TEST_DB !== 'postgres')('evaluation set', () => {
  test('precision and recall ≥ 0.95', () => {
    const { docs, labels } = loadEvalSet();
    const r = evaluate(docs, labels);
    console.log(
      `duplicates eval: ${r.positives} duplicate pairs, ${r.hardNegatives} hard negatives; reported ${r.reported}, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`,
    );
    expect(r.positives).toBeGreaterThanOrEqual(150);
    expect(r.hardNegatives).toBeGreaterThanOrEqual(140);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.hardNegativesReported / r.hardNegatives).toBeLessThanOrEqual(0.05);
  }, 60_000);

  test('the checked-in files are what the generator makes (test/duplicates-eval/write.ts regenerates them)', () => {
    const files = serialise(buildEvalSet());
    const read = (key: keyof typeof EVAL_FILES) => fs.readFileSync(EVAL_FILES[key], 'utf8');
    expect(read('awards') === files.awards, 'awards.csv').toBe(true);
    expect(read('applications') === files.applications, 'applications.jsonl').toBe(true);
    expect(JSON.parse(read('labels'))).toEqual(JSON.parse(files.labels)); // a formatter may re-indent it
  });
});
