// 随机抽查 (issue 15): a stratified random sample of published solutions that anyone can recompute.
// Pure: the same population, plan and seed give the same sample everywhere (server, browser, a
// reader's own program). The algorithm, step by step, so it can be re-implemented:
//
// 1. Commitment. The seed is 64 hexadecimal digits (32 random bytes), written in lower case. Before
//    the draw the platform publishes SHA-256(seed as ASCII text), 64 hex digits; after the draw it
//    publishes the seed. `seedCommitment` computes it.
// 2. Population. Each eligible published solution with its public id, its category code and its
//    province (the first two digits of its 行政区划代码 followed by 0000; none → 000000). Its
//    digest is SHA-256 of the public ids sorted by code point, joined with "\n".
// 3. Strata. One stratum per (category, province) present, keyed `category|province`, taken in
//    order of their keys (code point order).
// 4. Sizes. Either set by the organizer per stratum (capped at the stratum's size), or a total n
//    allocated as follows. With H strata and n ≥ H, each stratum gets one and the remaining n − H
//    are shared in proportion to (size − 1) by largest remainder (ties to the earlier key), never
//    more than a stratum holds. With n < H, n strata are chosen by the stream "strata" (step 5,
//    a partial shuffle of the strata in key order) and get one each.
//    Sizes per category (the organizer's other choice) become sizes per stratum first: each
//    category's number is shared among that category's strata exactly as a total is (the rule
//    above), with the stream "strata:<category>" in place of "strata" (`planOf`).
// 5. Stream. For a label L, block c (c = 0, 1, 2, …) is SHA-256 of the ASCII text
//    `${seed}|${L}|${c}`; its 32 bytes are read as eight big-endian unsigned 32-bit integers, in
//    order, block after block. uniform(m) takes the next integer u and accepts it when
//    u < m · floor(2³² / m), returning u mod m; otherwise it takes the next one.
// 6. Draw. In each stratum, its solutions sorted by public id, a partial Fisher–Yates shuffle with
//    the stream `stratum:${key}`: for i = 0 … k − 1, j = i + uniform(size − i), swap i and j. The
//    first k are its sample.
// 7. Result. The sample in stratum key order, each stratum's in draw order, with the sizes.
import { sha256, sha256Hex } from './sha256';

export const SEED_PATTERN = /^[0-9a-f]{64}$/;

export interface SpotCheckCandidate {
  publicId: string;
  category: string;
  /** the 行政区划代码 on file (any level), or null */
  regionCode: string | null;
}

export type SpotCheckPlan =
  { kind: 'total'; total: number } | { kind: 'perStratum'; sizes: Record<string, number> };

export interface SpotCheckStratum {
  key: string;
  category: string;
  province: string;
  size: number;
  drawn: number;
  /** public ids drawn, in draw order */
  sample: string[];
}

export interface SpotCheckDraw {
  commitment: string;
  populationDigest: string;
  populationSize: number;
  strata: SpotCheckStratum[];
  /** every public id drawn, in stratum order then draw order */
  sample: string[];
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The province of a region code: its first two digits and 0000 (000000 when unknown). */
export function provinceOf(regionCode: string | null): string {
  return regionCode && /^\d{6}$/.test(regionCode) ? `${regionCode.slice(0, 2)}0000` : '000000';
}

export const stratumKey = (category: string, province: string) => `${category}|${province}`;

/** SHA-256 of the seed's text: what is published before the draw. */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

/** SHA-256 of the sorted public ids joined by "\n": which population the draw was made from. */
export function populationDigest(publicIds: readonly string[]): string {
  return sha256Hex([...publicIds].sort(codePointOrder).join('\n'));
}

/** Step 5: the stream of uniform integers for one label. */
export function stream(seed: string, label: string) {
  let block = 0;
  let words: number[] = [];
  const next = (): number => {
    if (!words.length) {
      const bytes = sha256(`${seed}|${label}|${block++}`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      words = Array.from({ length: 8 }, (_, i) => view.getUint32(i * 4));
    }
    return words.shift()!;
  };
  return {
    next,
    /** a uniform integer in [0, m), 1 ≤ m ≤ 2³² */
    uniform(m: number): number {
      if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError(`uniform(${m})`);
      const limit = m * Math.floor(2 ** 32 / m);
      for (;;) {
        const u = next();
        if (u < limit) return u % m;
      }
    },
  };
}

/** Step 6: the first k of a partial Fisher–Yates shuffle of `items` with the stream `label`. */
function partialShuffle<T>(seed: string, label: string, items: readonly T[], k: number): T[] {
  const a = [...items];
  const s = stream(seed, label);
  for (let i = 0; i < k; i++) {
    const j = i + s.uniform(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/** Step 4: each stratum's size in the sample. */
export function allocate(
  seed: string,
  strata: readonly { key: string; size: number }[],
  plan: SpotCheckPlan,
  label = 'strata',
): Map<string, number> {
  const out = new Map(strata.map((s) => [s.key, 0]));
  if (plan.kind === 'perStratum') {
    for (const s of strata) out.set(s.key, Math.min(s.size, Math.max(0, plan.sizes[s.key] ?? 0)));
    return out;
  }
  const total = Math.min(
    plan.total,
    strata.reduce((n, s) => n + s.size, 0),
  );
  if (total <= 0) return out;
  if (total < strata.length) {
    for (const s of partialShuffle(seed, label, strata, total)) out.set(s.key, 1);
    return out;
  }
  for (const s of strata) out.set(s.key, 1);
  let left = total - strata.length;
  // largest remainder over (size − 1), never past a stratum's size; repeated while a cap leaves
  // some over (each round shares what is left among the strata with room)
  while (left > 0) {
    const open = strata.filter((s) => out.get(s.key)! < s.size);
    const weight = open.reduce((n, s) => n + (s.size - out.get(s.key)!), 0);
    const shares = open.map((s) => {
      const room = s.size - out.get(s.key)!;
      const exact = (left * room) / weight;
      return { s, room, whole: Math.min(room, Math.floor(exact)), rest: exact - Math.floor(exact) };
    });
    let given = shares.reduce((n, x) => n + x.whole, 0);
    for (const x of shares) out.set(x.s.key, out.get(x.s.key)! + x.whole);
    const byRest = shares
      .filter((x) => out.get(x.s.key)! < x.s.size)
      .sort((a, b) => b.rest - a.rest || codePointOrder(a.s.key, b.s.key));
    for (const x of byRest) {
      if (given >= left) break;
      out.set(x.s.key, out.get(x.s.key)! + 1);
      given++;
    }
    left -= given;
    if (given === 0) break;
  }
  return out;
}

/** The sizes as the organizer sets them: a total, or a number per category code. */
export interface SpotCheckSizes {
  total?: number;
  byCategory?: Record<string, number>;
}

/**
 * Step 4, sizes per category: the plan per stratum they come to (each category's number shared
 * among its strata as a total is, with the stream `strata:${category}`). A total is its own plan.
 */
export function planOf(
  seed: string,
  population: readonly SpotCheckCandidate[],
  sizes: SpotCheckSizes,
): SpotCheckPlan {
  if (sizes.byCategory === undefined) return { kind: 'total', total: sizes.total ?? 0 };
  const counts = new Map<string, { category: string; key: string; size: number }>();
  for (const c of population) {
    const key = stratumKey(c.category, provinceOf(c.regionCode));
    const s = counts.get(key) ?? { category: c.category, key, size: 0 };
    s.size++;
    counts.set(key, s);
  }
  const strata = [...counts.values()].sort((a, b) => codePointOrder(a.key, b.key));
  const out: Record<string, number> = {};
  for (const [category, n] of Object.entries(sizes.byCategory)) {
    const own = strata.filter((s) => s.category === category);
    const got = allocate(seed, own, { kind: 'total', total: n }, `strata:${category}`);
    for (const [key, k] of got) if (k > 0) out[key] = k;
  }
  return { kind: 'perStratum', sizes: out };
}

/** Steps 2–7: the draw. The seed must be 64 lower-case hex digits. */
export function drawSpotCheck(
  seed: string,
  population: readonly SpotCheckCandidate[],
  plan: SpotCheckPlan,
): SpotCheckDraw {
  if (!SEED_PATTERN.test(seed)) throw new RangeError('the seed is 64 lower-case hex digits');
  const byKey = new Map<string, { category: string; province: string; ids: string[] }>();
  for (const c of population) {
    const province = provinceOf(c.regionCode);
    const key = stratumKey(c.category, province);
    const s = byKey.get(key) ?? { category: c.category, province, ids: [] };
    s.ids.push(c.publicId);
    byKey.set(key, s);
  }
  const keys = [...byKey.keys()].sort(codePointOrder);
  const sizes = allocate(
    seed,
    keys.map((key) => ({ key, size: byKey.get(key)!.ids.length })),
    plan,
  );
  const strata = keys.map((key) => {
    const s = byKey.get(key)!;
    const ids = [...s.ids].sort(codePointOrder);
    const k = sizes.get(key) ?? 0;
    const sample = partialShuffle(seed, `stratum:${key}`, ids, k);
    return { key, category: s.category, province: s.province, size: ids.length, drawn: k, sample };
  });
  return {
    commitment: seedCommitment(seed),
    populationDigest: populationDigest(population.map((c) => c.publicId)),
    populationSize: population.length,
    strata,
    sample: strata.flatMap((s) => s.sample),
  };
}

/**
 * Anyone's check of a published draw: the seed matches the commitment published before it, and
 * the same population and plan give the same sample. Returns what does not match (empty: none).
 */
export function verifyDraw(
  published: { commitment: string; seed: string; sample: readonly string[] },
  population: readonly SpotCheckCandidate[],
  plan: SpotCheckPlan,
): ('seed' | 'sample')[] {
  const wrong: ('seed' | 'sample')[] = [];
  if (!SEED_PATTERN.test(published.seed) || seedCommitment(published.seed) !== published.commitment)
    return ['seed'];
  const again = drawSpotCheck(published.seed, population, plan).sample;
  if (again.length !== published.sample.length || again.some((id, i) => id !== published.sample[i]))
    wrong.push('sample');
  return wrong;
}
