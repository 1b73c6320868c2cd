// 随机抽查's draw against fixed vectors and against an independent implementation of the
// documented algorithm on node:crypto, so the description in spot-check.ts is what the code does.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from './sha256';
import {
  allocate,
  drawSpotCheck,
  planOf,
  populationDigest,
  provinceOf,
  seedCommitment,
  verifyDraw,
  type SpotCheckCandidate,
} from './spot-check';

const SEED = 'a'.repeat(64);
const ids = (from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `2021-IIAPP-${String(from + i).padStart(3, '0')}`,
  );
const POPULATION: SpotCheckCandidate[] = [
  ...ids(1, 8).map((publicId) => ({ publicId, category: 'A', regionCode: '110105' })),
  ...ids(9, 11).map((publicId) => ({ publicId, category: 'A', regionCode: '310000' })),
  ...ids(12, 16).map((publicId) => ({ publicId, category: 'B', regionCode: '440300' })),
  { publicId: '2021-IIAPP-017', category: 'C', regionCode: null },
];

describe('SHA-256', () => {
  test('the standard vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  test('equals node:crypto on every length around the block edges, and on Chinese text', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = randomBytes(n);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const text = '工业互联网APP优秀解决方案'.repeat(40);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

/** The algorithm as documented, written again on node:crypto. */
function reference(seed: string, population: SpotCheckCandidate[], total: number): string[] {
  const streamOf = (label: string) => {
    let c = 0;
    let words: number[] = [];
    return (m: number) => {
      for (;;) {
        if (!words.length) {
          const b = createHash('sha256').update(`${seed}|${label}|${c++}`).digest();
          words = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => b.readUInt32BE(i * 4));
        }
        const u = words.shift()!;
        if (u < m * Math.floor(2 ** 32 / m)) return u % m;
      }
    };
  };
  const shuffle = <T>(label: string, items: T[], k: number) => {
    const a = [...items];
    const uniform = streamOf(label);
    for (let i = 0; i < k; i++) {
      const j = i + uniform(a.length - i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a.slice(0, k);
  };
  const strata = new Map<string, string[]>();
  for (const p of population) {
    const prov = p.regionCode ? `${p.regionCode.slice(0, 2)}0000` : '000000';
    const key = `${p.category}|${prov}`;
    strata.set(key, [...(strata.get(key) ?? []), p.publicId]);
  }
  const keys = [...strata.keys()].sort();
  const size = new Map(keys.map((k) => [k, 0]));
  if (total < keys.length) for (const k of shuffle('strata', keys, total)) size.set(k, 1);
  else {
    // one each, then one at a time to the stratum furthest below its proportional share
    for (const k of keys) size.set(k, 1);
    const rest = total - keys.length;
    const weight = keys.reduce((n, k) => n + strata.get(k)!.length - 1, 0);
    const exact = new Map(
      keys.map((k) => [k, weight ? (rest * (strata.get(k)!.length - 1)) / weight : 0]),
    );
    for (const k of keys) size.set(k, 1 + Math.floor(exact.get(k)!));
    const byRest = [...keys].sort(
      (a, b) =>
        exact.get(b)! - Math.floor(exact.get(b)!) - (exact.get(a)! - Math.floor(exact.get(a)!)) ||
        (a < b ? -1 : 1),
    );
    let given = keys.reduce((n, k) => n + size.get(k)!, 0);
    for (const k of byRest)
      if (given < total) {
        size.set(k, size.get(k)! + 1);
        given++;
      }
  }
  return keys.flatMap((k) => shuffle(`stratum:${k}`, [...strata.get(k)!].sort(), size.get(k)!));
}

describe('the draw', () => {
  test('a fixed vector: the sizes by largest remainder, one per stratum at least, the sample', () => {
    expect(seedCommitment(SEED)).toBe(
      'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb',
    );
    const d = drawSpotCheck(SEED, POPULATION, { kind: 'total', total: 7 });
    expect(d.populationSize).toBe(17);
    expect(d.populationDigest).toBe(
      'accbe1d179f9402f905a2d1caa3ff7c76be30eadbeb1f0d7bee7009b5db22dfe',
    );
    expect(d.strata.map((s) => [s.key, s.size, s.drawn])).toEqual([
      ['A|110000', 8, 3],
      ['A|310000', 3, 1],
      ['B|440000', 5, 2],
      ['C|000000', 1, 1],
    ]);
    expect(d.sample).toEqual([
      '2021-IIAPP-006',
      '2021-IIAPP-004',
      '2021-IIAPP-008',
      '2021-IIAPP-009',
      '2021-IIAPP-016',
      '2021-IIAPP-013',
      '2021-IIAPP-017',
    ]);
  });

  test('fewer than the strata: which strata is drawn too (a fixed vector)', () => {
    const d = drawSpotCheck(SEED, POPULATION, { kind: 'total', total: 2 });
    expect(d.sample).toEqual(['2021-IIAPP-006', '2021-IIAPP-009']);
    expect(d.strata.filter((s) => s.drawn).map((s) => s.key)).toEqual(['A|110000', 'A|310000']);
  });

  test('the population in any order gives the same draw; another seed another one', () => {
    const shuffled = [...POPULATION].reverse();
    const a = drawSpotCheck(SEED, POPULATION, { kind: 'total', total: 7 });
    expect(drawSpotCheck(SEED, shuffled, { kind: 'total', total: 7 })).toEqual(a);
    expect(populationDigest(shuffled.map((p) => p.publicId))).toBe(a.populationDigest);
    const other = drawSpotCheck('b'.repeat(64), POPULATION, { kind: 'total', total: 7 });
    expect(other.sample).not.toEqual(a.sample);
    expect(other.strata.map((s) => s.drawn)).toEqual(a.strata.map((s) => s.drawn));
  });

  test('equals the documented algorithm written again, on random populations and sizes', () => {
    const categories = ['A', 'B', 'C', 'D'];
    const regions = ['110105', '310000', '440300', '650000', '320500', null];
    for (let round = 0; round < 60; round++) {
      const seed = randomBytes(32).toString('hex');
      const n = 1 + ((round * 7) % 90);
      const population = ids(1, n).map((publicId, i) => ({
        publicId,
        category: categories[(i * 31 + round) % categories.length]!,
        regionCode: regions[(i * 17 + round * 3) % regions.length]!,
      }));
      const total = (round * 13) % (n + 3);
      const d = drawSpotCheck(seed, population, { kind: 'total', total });
      expect(d.sample).toEqual(reference(seed, population, Math.min(total, n)));
      expect(new Set(d.sample).size).toBe(d.sample.length);
      expect(d.sample.length).toBe(Math.min(total, n));
      const strata = d.strata.length;
      if (total >= strata) for (const s of d.strata) expect(s.drawn).toBeGreaterThanOrEqual(1);
      for (const s of d.strata) expect(s.drawn).toBeLessThanOrEqual(s.size);
    }
  });

  test('sizes set per stratum by the organizer, capped at what a stratum holds', () => {
    const d = drawSpotCheck(SEED, POPULATION, {
      kind: 'perStratum',
      sizes: { 'A|110000': 2, 'B|440000': 9, 'X|000000': 3 },
    });
    expect(d.strata.map((s) => s.drawn)).toEqual([2, 0, 5, 0]);
    expect(d.sample).toHaveLength(7);
  });

  test('proportional to what each stratum has beyond its first; never more than it holds', () => {
    const sizes = allocate(
      SEED,
      [
        { key: 'a', size: 2 },
        { key: 'b', size: 100 },
      ],
      { kind: 'total', total: 50 },
    );
    expect(Object.fromEntries(sizes)).toEqual({ a: 1, b: 49 });
    const all = allocate(
      SEED,
      [
        { key: 'a', size: 2 },
        { key: 'b', size: 3 },
      ],
      { kind: 'total', total: 10 },
    );
    expect(Object.fromEntries(all)).toEqual({ a: 2, b: 3 });
  });

  test('a seed that is not 64 lower-case hex digits is refused', () => {
    for (const bad of ['', 'A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64)])
      expect(() => drawSpotCheck(bad, POPULATION, { kind: 'total', total: 1 })).toThrow(RangeError);
  });

  test('anyone verifies: the seed against the commitment, the sample against the population', () => {
    const plan = { kind: 'total', total: 7 } as const;
    const d = drawSpotCheck(SEED, POPULATION, plan);
    const published = { commitment: d.commitment, seed: SEED, sample: d.sample };
    expect(verifyDraw(published, POPULATION, plan)).toEqual([]);
    expect(verifyDraw({ ...published, seed: 'b'.repeat(64) }, POPULATION, plan)).toEqual(['seed']);
    const swapped = [...d.sample.slice(1), d.sample[0]!];
    expect(verifyDraw({ ...published, sample: swapped }, POPULATION, plan)).toEqual(['sample']);
    // a population with one solution left out draws differently
    expect(verifyDraw(published, POPULATION.slice(1), plan)).toEqual(['sample']);
    expect(seedCommitment(SEED)).toBe(sha256Hex(SEED));
  });

  test('the province of a region code', () => {
    expect(provinceOf('110105')).toBe('110000');
    expect(provinceOf('650000')).toBe('650000');
    expect(provinceOf(null)).toBe('000000');
    expect(provinceOf('bad')).toBe('000000');
  });
});

describe('sizes per category', () => {
  test('each category shared among its provinces, one per stratum where it can', () => {
    // A has 110000 (8) and 310000 (3); B one stratum; C one
    const plan = planOf(SEED, POPULATION, { byCategory: { A: 4, B: 2 } });
    expect(plan).toEqual({
      kind: 'perStratum',
      sizes: { 'A|110000': 3, 'A|310000': 1, 'B|440000': 2 },
    });
    const d = drawSpotCheck(SEED, POPULATION, plan);
    expect(d.sample).toHaveLength(6);
    expect(d.strata.find((s) => s.key === 'C|000000')!.drawn).toBe(0);
  });

  test('fewer than the category has strata: which provinces get one is drawn with its own stream', () => {
    const plan = planOf(SEED, POPULATION, { byCategory: { A: 1 } });
    expect(plan.kind).toBe('perStratum');
    const sizes = plan.kind === 'perStratum' ? plan.sizes : {};
    expect(Object.values(sizes)).toEqual([1]);
    const expected = allocate(
      SEED,
      [
        { key: 'A|110000', size: 8 },
        { key: 'A|310000', size: 3 },
      ],
      { kind: 'total', total: 1 },
      'strata:A',
    );
    expect(sizes).toEqual(Object.fromEntries([...expected].filter(([, k]) => k > 0)));
  });

  test('a total is its own plan', () => {
    expect(planOf(SEED, POPULATION, { total: 5 })).toEqual({ kind: 'total', total: 5 });
  });
});
