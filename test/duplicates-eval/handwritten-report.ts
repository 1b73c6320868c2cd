// npx tsx test/duplicates-eval/handwritten-report.ts — the detector on the hand-written set:
// precision and recall per half and per kind, each pair it missed, each it reported wrongly.
// Pairs between families carry no label: they are reported for a look, not counted.
import { findAllPairs } from '../../server/lib/duplicates/duplicate-index';
import { loadHandwritten, type HandwrittenLabel } from './handwritten';

const { docs, labels } = loadHandwritten();
const started = performance.now();
const findings = findAllPairs(docs, {});
const ms = performance.now() - started;
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const reported = new Set(findings.map((f) => key(f.application, f.match)));
const byKey = new Map(labels.map((l) => [key(l.application, l.match), l]));
const familyOf = (id: string) => id.split('-')[1];

function score(ls: HandwrittenLabel[]) {
  const pos = ls.filter((l) => l.duplicate);
  const neg = ls.filter((l) => !l.duplicate);
  const tp = pos.filter((l) => reported.has(key(l.application, l.match))).length;
  const fp = neg.filter((l) => reported.has(key(l.application, l.match))).length;
  return {
    pairs: `${pos.length}+/${neg.length}-`,
    recall: pos.length ? (tp / pos.length).toFixed(3) : '—',
    precision: tp + fp ? (tp / (tp + fp)).toFixed(3) : '—',
    missed: pos.length - tp,
    falsePositives: fp,
  };
}

console.log(
  `hand-written set: ${docs.length} texts, ${labels.length} labelled pairs; sweep ${ms.toFixed(0)} ms`,
);
console.table({
  all: score(labels),
  tune: score(labels.filter((l) => l.half === 'tune')),
  report: score(labels.filter((l) => l.half === 'report')),
});
const kinds = [...new Set(labels.map((l) => l.how))];
console.table(Object.fromEntries(kinds.map((k) => [k, score(labels.filter((l) => l.how === k))])));
for (const half of ['tune', 'report'] as const) {
  console.log(`${half} half, per kind:`);
  const ls = labels.filter((l) => l.half === half);
  console.table(Object.fromEntries(kinds.map((k) => [k, score(ls.filter((l) => l.how === k))])));
}
for (const l of labels.filter((x) => x.duplicate && !reported.has(key(x.application, x.match))))
  console.log(`missed  ${l.application} ~ ${l.match}  ${l.how}`);
for (const l of labels.filter((x) => !x.duplicate && reported.has(key(x.application, x.match))))
  console.log(`wrongly ${l.application} ~ ${l.match}  ${l.how}`);
for (const f of findings.filter((x) => !byKey.has(key(x.application, x.match))))
  if (familyOf(f.application) !== familyOf(f.match))
    console.log(`across families (unlabelled) ${f.application} ~ ${f.match}`);
