// Regenerates the checked-in evaluation set: npx tsx test/duplicates-eval/write.ts
import fs from 'node:fs';
import { buildEvalSet } from './build';
import { EVAL_DIR, EVAL_FILES, serialise } from './data';

const set = buildEvalSet();
const files = serialise(set);
fs.mkdirSync(EVAL_DIR, { recursive: true });
for (const key of Object.keys(EVAL_FILES) as (keyof typeof EVAL_FILES)[])
  fs.writeFileSync(EVAL_FILES[key], files[key]);
const positives = set.labels.filter((l) => l.duplicate).length;
console.log(
  `${set.awards.length} awards, ${set.applications.length} applications, ${positives} duplicate pairs, ${set.labels.length - positives} hard negative pairs → ${EVAL_DIR}`,
);
