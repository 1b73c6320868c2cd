// The index: near-duplicates are found through LSH without a scan, and it follows changes.
import { describe, expect, test } from 'vitest';
import { compareDocs, createIndex, findAllPairs } from './duplicate-index';
import {
  composeSections,
  newEnterprise,
  newSpec,
  pickIndustry,
  textOf,
} from '../../../test/duplicates-eval/compose';
import { createRng } from '../../../test/duplicates-eval/random';
import { MEDIUM, rewordSentence } from '../../../test/duplicates-eval/rewrite';
import { application, award, UNRELATED_TEXT } from '../../../test/fixtures/duplicate-docs';
import { LshTable } from './lsh';
import { minhashSignature } from './minhash';
import type { DuplicateDoc } from './types';

const STYLE = { words: 0.35, clauses: 0.15, openers: 0.08, figures: 0 };

function corpus(n: number, seed: number): DuplicateDoc[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const e = newEnterprise(rng, pickIndustry(rng));
    const spec = newSpec(rng, e, 2020);
    return {
      id: `award-${i}`,
      kind: 'award' as const,
      year: 2020,
      enterprise: e.name,
      uscc: e.uscc,
      name: spec.name,
      text: textOf(composeSections(spec, rng, STYLE)),
    };
  });
}

// Another enterprise's copy, every sentence reworded: only the text can find it.
function rewordedCopy(doc: DuplicateDoc, seed: number): DuplicateDoc {
  const rng = createRng(seed);
  const text = doc.text!.replace(/[^。\n]+。/g, (s) => rewordSentence(s, MEDIUM, rng));
  return {
    id: `copy-of-${doc.id}`,
    kind: 'application',
    enterprise: `无关${seed}科技有限公司`,
    uscc: '',
    name: '完全不同的名字',
    text,
  };
}

describe('LSH', () => {
  const docs = corpus(1500, 7);
  const index = createIndex();
  for (const d of docs) index.add(d);

  test('reworded copies by other enterprises are found (recall ≥ 0.95)', () => {
    const probes = docs.slice(0, 60);
    const found = probes.filter((d, i) =>
      index.query(rewordedCopy(d, i)).some((f) => f.match === d.id),
    );
    expect(found.length / probes.length).toBeGreaterThanOrEqual(0.95);
  });

  test('a query looks at a small share of the index', () => {
    const table = new LshTable(32, 4);
    docs.forEach((d, slot) => table.add(slot, minhashSignature(d.text!, 128)));
    const fresh = corpus(20, 99);
    for (const d of fresh) {
      const candidates = new Set<number>();
      table.collect(minhashSignature(d.text!, 128), candidates);
      expect(candidates.size).toBeLessThan(docs.length * 0.05);
    }
  });
});

describe('keeping the index current', () => {
  test('add, update, remove', () => {
    const index = createIndex();
    index.add(award());
    index.add(application({ id: 'other', name: '冷轧智能排产APP', text: UNRELATED_TEXT }));
    expect(index.size).toBe(2);
    expect(index.query(application()).map((f) => f.match)).toEqual(['award-1']);

    // the award's enterprise files something else now: its own application changes, not the award
    index.update(application({ id: 'other', name: '高炉预测性维护APP', text: null }));
    expect(index.size).toBe(2);
    const probe = application({ id: 'probe', name: '高炉预测性维护解决方案', text: null });
    expect(
      index
        .query(probe)
        .map((f) => f.match)
        .sort(),
    ).toEqual(['award-1', 'other']);

    expect(index.remove('award-1')).toBe(true);
    expect(index.remove('award-1')).toBe(false);
    expect(index.has('award-1')).toBe(false);
    expect(index.query(probe).map((f) => f.match)).toEqual(['other']);
  });

  test('a document is never its own duplicate; re-adding replaces', () => {
    const index = createIndex();
    index.add(application());
    index.add(application());
    expect(index.size).toBe(1);
    expect(index.query(application())).toEqual([]);
  });

  test('findAllPairs reports each pair once, strongest first', () => {
    const pairs = findAllPairs([
      award(),
      application({ id: 'a' }),
      application({ id: 'b', channel: '中国钢铁工业协会' }),
    ]);
    expect(pairs.map((f) => [f.application, f.match, f.kind])).toEqual(
      expect.arrayContaining([
        ['a', 'award-1', 'award'],
        ['b', 'award-1', 'award'],
        ['a', 'b', 'application'],
      ]),
    );
    expect(pairs).toHaveLength(3);
    expect(compareDocs(application({ id: 'a' }), award())).toEqual(
      pairs.find((f) => f.application === 'a' && f.match === 'award-1'),
    );
    expect(pairs.map((f) => f.score)).toEqual([...pairs.map((f) => f.score)].sort((x, y) => y - x));
  });
});
