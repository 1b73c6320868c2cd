// Duplicate detection (issue 5): one check against 100,000 indexed past texts (p50 / p95), all
// findings among 5,000 current applications, index build time and memory, and precision /
// recall on the labelled evaluation set. The corpus is synthetic (the evaluation set's
// vocabularies, a fixed seed); a tenth of the probes are reworded copies of indexed texts.
// Env: BENCH_DUP_INDEXED (100000), BENCH_DUP_APPLICATIONS (5000), BENCH_DUP_QUERIES (300).
import { createIndex, findAllPairs, type DuplicateDoc } from '../server/lib/duplicates';
import {
  composeSections,
  newEnterprise,
  newSpec,
  pickIndustry,
  textOf,
} from '../test/duplicates-eval/compose';
import { loadEvalSet } from '../test/duplicates-eval/data';
import { evaluate } from '../test/duplicates-eval/evaluate';
import { createRng, type Rng } from '../test/duplicates-eval/random';
import { MEDIUM, rewordSentence } from '../test/duplicates-eval/rewrite';

const INDEXED = Number(process.env.BENCH_DUP_INDEXED ?? 100_000);
const APPLICATIONS = Number(process.env.BENCH_DUP_APPLICATIONS ?? 5_000);
const QUERIES = Number(process.env.BENCH_DUP_QUERIES ?? 300);
const STYLE = { words: 0.35, clauses: 0.15, openers: 0.08, figures: 0 };

export function synthetic(rng: Rng, id: string, kind: DuplicateDoc['kind']): DuplicateDoc {
  const e = newEnterprise(rng, pickIndustry(rng));
  const spec = newSpec(rng, e, kind === 'award' ? rng.pick([2018, 2019, 2020]) : 2021);
  return {
    id,
    kind,
    year: spec.year,
    enterprise: e.name,
    uscc: e.uscc,
    name: spec.name,
    text: textOf(composeSections(spec, rng, STYLE)),
    channel: kind === 'application' ? e.region.province : null,
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

export async function benchDuplicates() {
  const rows: [string, string][] = [];
  const rng = createRng(5);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const awards = Array.from({ length: INDEXED }, (_, i) => synthetic(rng, `award-${i}`, 'award'));
  const generated = performance.now() - t0;
  const index = createIndex();
  const t1 = performance.now();
  for (const a of awards) index.add(a);
  const built = performance.now() - t1;
  gc?.();
  const after = process.memoryUsage();
  const avgChars = awards.reduce((n, a) => n + a.text!.length, 0) / awards.length;
  rows.push([
    `corpus: ${INDEXED} texts, mean ${avgChars.toFixed(0)} chars (generated in)`,
    ms(generated),
  ]);
  rows.push([
    `index build, ${INDEXED} texts`,
    `${ms(built)} (${((built / INDEXED) * 1000).toFixed(0)} µs/text)`,
  ]);
  rows.push(['RSS after build (delta)', `${mib(after.rss)} (+${mib(after.rss - before.rss)})`]);
  rows.push([
    'heap used after build (delta; texts included)',
    `${mib(after.heapUsed)} (+${mib(after.heapUsed - before.heapUsed)})`,
  ]);

  const times: number[] = [];
  let found = 0;
  let copies = 0;
  for (let q = 0; q < QUERIES; q++) {
    let probe = synthetic(rng, `probe-${q}`, 'application');
    if (q % 10 === 0) {
      const original = awards[rng.int(0, awards.length - 1)]!;
      const text = original.text!.replace(/[^。\n]+。/g, (s) => rewordSentence(s, MEDIUM, rng));
      probe = { ...probe, text, __original: original.id } as DuplicateDoc;
      copies++;
    }
    const t = performance.now();
    const findings = index.query(probe);
    times.push(performance.now() - t);
    const original = (probe as { __original?: string }).__original;
    if (original && findings.some((f) => f.match === original)) found++;
  }
  times.sort((a, b) => a - b);
  rows.push([
    `one check against ${INDEXED} (${QUERIES} probes) p50 / p95 / max`,
    `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))} / ${ms(times.at(-1)!)}`,
  ]);
  rows.push(['  reworded copies among the probes found', `${found} of ${copies}`]);
  awards.length = 0;

  const apps = Array.from({ length: APPLICATIONS }, (_, i) =>
    synthetic(rng, `app-${i}`, 'application'),
  );
  for (let i = 0; i < APPLICATIONS / 50; i++) {
    // 多头申报: a reworded copy through another channel
    const a = apps[i]!;
    apps.push({
      ...a,
      id: `${a.id}-again`,
      channel: '行业协会',
      text: a.text!.replace(/[^。\n]+。/g, (s) => rewordSentence(s, MEDIUM, rng)),
    });
  }
  const t2 = performance.now();
  const pairs = findAllPairs(apps);
  const all = performance.now() - t2;
  const again = pairs.filter(
    (f) => f.application.endsWith('-again') || f.match.endsWith('-again'),
  ).length;
  rows.push([
    `all findings among ${apps.length} applications (index + every pair)`,
    `${ms(all)} (${pairs.length} findings, ${again} of ${APPLICATIONS / 50} planted)`,
  ]);

  const { docs, labels } = loadEvalSet();
  const r = evaluate(docs, labels);
  rows.push([
    `evaluation set: ${r.positives} duplicates, ${r.hardNegatives} hard negatives`,
    `precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (${r.reported} reported, ${ms(r.ms)})`,
  ]);

  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (!gc) console.log('  (run with node --expose-gc for steadier memory figures)');
}
