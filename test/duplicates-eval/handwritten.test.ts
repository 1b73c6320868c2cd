// The hand-written set (issue 16) is whole: enough pairs of every kind in both halves, ids unique,
// texts of a real 申报书's length, every variant labelled with a known kind. And the bar of issue
// 16 on its held-out half (even families; the detector was tuned on the odd ones): precision and
// recall ≥ 0.95, every disguise kind found, every kind of hard negative left alone, evidence for
// each finding. handwritten-report.ts prints the figures per half and kind.
import { describe, expect, test } from 'vitest';
import { findAllPairs } from '../../server/lib/duplicates/duplicate-index';
import type { Finding } from '../../server/lib/duplicates/types';
import { DUPLICATE_KINDS, loadHandwritten, NEGATIVE_KINDS } from './handwritten';

describe.runIf(process.env.ZX_TEST_DB !== 'postgres')('the hand-written evaluation set', () => {
  const { docs, labels, families } = loadHandwritten();

  test('at least 40 duplicates and 60 hard negatives, each half with its share', () => {
    const pos = labels.filter((l) => l.duplicate);
    const neg = labels.filter((l) => !l.duplicate);
    expect(pos.length).toBeGreaterThanOrEqual(40);
    expect(neg.length).toBeGreaterThanOrEqual(60);
    for (const half of ['tune', 'report'] as const) {
      expect(pos.filter((l) => l.half === half).length).toBeGreaterThanOrEqual(18);
      expect(neg.filter((l) => l.half === half).length).toBeGreaterThanOrEqual(25);
    }
  });

  test('every kind is there, duplicates only of duplicate kinds, negatives of negative kinds', () => {
    for (const l of labels)
      expect((l.duplicate ? DUPLICATE_KINDS : NEGATIVE_KINDS) as readonly string[]).toContain(
        l.how,
      );
    for (const k of [...DUPLICATE_KINDS, ...NEGATIVE_KINDS])
      expect(labels.filter((l) => l.how === k).length, k).toBeGreaterThanOrEqual(3);
  });

  test('ids unique, each family an original and at least one duplicate, texts of 申报书 length', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    for (const f of families) {
      expect(
        f.variants.some((v) => v.duplicate),
        `family ${f.family}`,
      ).toBe(true);
      expect(f.original.text.length).toBeGreaterThanOrEqual(600);
      for (const v of f.variants) expect(v.text.length, v.id).toBeGreaterThanOrEqual(400);
    }
    // the same enterprise name is the same code: the same enterprise's other solution shares it
    const other = labels.find((l) => l.how === 'same-enterprise-other')!;
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get(other.application)!.uscc).toBe(byId.get(other.match)!.uscc);
  });
});

describe.runIf(process.env.ZX_TEST_DB !== 'postgres')('the detector on the held-out half', () => {
  const { docs, labels } = loadHandwritten();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const findings = new Map<string, Finding>();
  for (const f of findAllPairs(docs)) findings.set(key(f.application, f.match), f);
  const report = labels.filter((l) => l.half === 'report');
  const found = (l: (typeof labels)[number]) => findings.has(key(l.application, l.match));

  test('precision and recall ≥ 0.95', () => {
    const pos = report.filter((l) => l.duplicate);
    const tp = pos.filter(found).length;
    const fp = report.filter((l) => !l.duplicate && found(l)).length;
    console.log(
      `hand-written report half: ${pos.length} duplicates, ${report.length - pos.length} hard negatives; recall ${(tp / pos.length).toFixed(3)}, precision ${(tp / (tp + fp)).toFixed(3)}`,
    );
    expect(tp / pos.length).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
  });

  test.each(DUPLICATE_KINDS)('%s: recall ≥ 0.95, each with evidence', (kind) => {
    const pos = report.filter((l) => l.how === kind);
    expect(pos.length).toBeGreaterThan(0);
    expect(pos.filter(found).length / pos.length).toBeGreaterThanOrEqual(0.95);
    for (const l of pos.filter(found))
      expect(
        findings.get(key(l.application, l.match))!.evidence.length,
        l.application,
      ).toBeGreaterThan(0);
  });

  test.each(NEGATIVE_KINDS)('%s: at most 5%% reported', (kind) => {
    const neg = report.filter((l) => l.how === kind);
    expect(neg.length).toBeGreaterThan(0);
    expect(neg.filter(found).length / neg.length).toBeLessThanOrEqual(0.05);
  });
});
