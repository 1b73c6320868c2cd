// 评审结果 against an example computed by hand. One panel P, four experts, five applications, each
// application should have 3 reviews. E4 is the harsh one: about 20 points below the others.
//
//            E1   E2   E3   E4  | n  mean     trimmed        median  sd (population)      range
//   A        80   78   82   60  | 4  300/4=75  (78+80)/2=79   79      √(308/4)=√77=8.7750   22
//   B        70   70    ·   50  | 3  190/3     70 (drop 70,50) 70      √(266.67/3)=9.4281   20
//   C         ·   80   46    ·  | 2  126/2=63  63 (n<3: mean) 63      √(578/2)=17 > 15      34 > 30
//   D        66    ·   64   40  | 3  170/3     64 (drop 66,40) 64      √(418.67/3)=11.8134  26
//   E         ·    ·    ·    ·  | 0  —  (no review yet: missing 3, unranked)
//
// sd of A: devs 5, 3, 7, −15 → 25+9+49+225 = 308, /4 = 77. B: mean 63.333, devs 6.667, 6.667,
// −13.333 → 44.444+44.444+177.778 = 266.667, /3 = 88.889. D: mean 56.667, devs 9.333, 7.333,
// −16.667 → 87.111+53.778+277.778 = 418.667, /3 = 139.556.
import { describe, expect, it } from 'vitest';
import {
  mean,
  median,
  pearson,
  populationSd,
  reviewResults,
  trimmedMean,
  type ApplicationResult,
  type ResultReview,
} from './review-results';

const R = (applicationId: string, expertId: string, total: number): ResultReview => ({
  applicationId,
  expertId,
  total,
});

const REVIEWS = [
  R('A', 'E1', 80),
  R('A', 'E2', 78),
  R('A', 'E3', 82),
  R('A', 'E4', 60),
  R('B', 'E1', 70),
  R('B', 'E2', 70),
  R('B', 'E4', 50),
  R('C', 'E2', 80),
  R('C', 'E3', 46),
  R('D', 'E1', 66),
  R('D', 'E3', 64),
  R('D', 'E4', 40),
];
const APPS = ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, panelId: 'P', name: `方案${id}` }));

const [P] = reviewResults(['P'], APPS, REVIEWS, { reviewsPerApplication: 3 });
const app = (id: string) => P!.applications.find((a) => a.applicationId === id)!;
const expert = (id: string) => P!.experts.find((e) => e.expertId === id)!;
const review = (a: string, e: string) =>
  P!.reviews.find((r) => r.applicationId === a && r.expertId === e)!;

describe('the statistics', () => {
  it('mean, median (even: the middle two), population sd, trimmed mean, Pearson r', () => {
    expect(mean([])).toBeNull();
    expect(median([60, 82, 78, 80])).toBe(79);
    expect(median([50, 70, 70])).toBe(70);
    expect(populationSd([80, 46])).toBe(17); // devs ±17
    expect(trimmedMean([80, 78, 82, 60])).toEqual({ value: 79, trimmed: true });
    expect(trimmedMean([80, 46])).toEqual({ value: 63, trimmed: false });
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [3, 2, 1])).toBeNull(); // no spread
  });
});

describe('per application', () => {
  it('mean, trimmed mean, median, sd and range as computed by hand', () => {
    const want: Record<string, Partial<ApplicationResult>> = {
      A: { n: 4, mean: 75, trimmedMean: 79, trimmed: true, median: 79, range: 22 },
      B: { n: 3, trimmedMean: 70, trimmed: true, median: 70, range: 20 },
      C: { n: 2, mean: 63, trimmedMean: 63, trimmed: false, median: 63, sd: 17, range: 34 },
      D: { n: 3, trimmedMean: 64, trimmed: true, median: 64, range: 26 },
      E: { n: 0, mean: null, trimmedMean: null, median: null, sd: null, normalisedMean: null },
    };
    for (const [id, fields] of Object.entries(want)) expect(app(id)).toMatchObject(fields);
    expect(app('A').sd).toBeCloseTo(Math.sqrt(77), 10); // 8.7750
    expect(app('B').mean).toBeCloseTo(190 / 3, 10); // 63.333
    expect(app('B').sd).toBeCloseTo(Math.sqrt(266.6667 / 3), 3); // 9.4281
    expect(app('D').mean).toBeCloseTo(170 / 3, 10); // 56.667
    expect(app('D').sd).toBeCloseTo(11.8134, 4);
  });
});

// The panel: 12 totals, sum 300+190+126+170 = 786 → mean 65.5.
// Deviations² from 65.5: A 210.25 156.25 272.25 30.25 | B 20.25 20.25 240.25 | C 210.25 380.25 |
// D 0.25 2.25 650.25 → Σ 2193, /12 = 182.75 → panel sd √182.75 = 13.5185.
//
// Each expert over their own three reviews:
//   E1 80 70 66 → mean 72, devs 8 −2 −6, var 104/3, sd 5.8878; z = 8/5.8878 = √(24/13) = 1.3587,
//      −2/5.8878 = −√(3/26) = −0.3397, −6/5.8878 = −√(27/26) = −1.0190
//   E2 78 70 80 → mean 76, devs 2 −6 4, var 56/3, sd 4.3205; z = √(3/14) = 0.4629,
//      −√(27/14) = −1.3887, √(6/7) = 0.9258
//   E3 82 46 64 → mean 64, devs 18 −18 0, var 216, sd 14.6969; z = ±√(3/2) = ±1.2247, 0
//   E4 60 50 40 → mean 50, devs 10 0 −10, var 200/3, sd 8.1650; z = 1.2247, 0, −1.2247
// normalised = 65.5 + z × 13.5185, e.g. A/E1: 65.5 + 1.3587 × 13.5185 = 65.5 + 18.368 = 83.868.
//
// Leniency = expert mean − 65.5: E1 +6.5, E2 +10.5, E3 −1.5, E4 −15.5. The experts' means 72 76
// 64 50 have mean 65.5 and devs² 42.25 110.25 2.25 240.25 → Σ 395, /4 = 98.75 → sd 9.9373;
// 1.5 × 9.9373 = 14.906 < |−15.5|: E4 is an outlier (harsh), E2's 10.5 is not.
describe('per expert: normalisation and leniency', () => {
  it('the panel mean and sd', () => {
    expect(P!.n).toBe(12);
    expect(P!.mean).toBe(65.5);
    expect(P!.sd).toBeCloseTo(Math.sqrt(182.75), 10); // 13.5185
    expect(P!.sd).toBeCloseTo(13.5185, 4);
  });

  it('z-scores within each expert’s reviews, rescaled to the panel', () => {
    const z: [string, string, number][] = [
      ['A', 'E1', Math.sqrt(24 / 13)], // 1.3587
      ['B', 'E1', -Math.sqrt(3 / 26)], // −0.3397
      ['D', 'E1', -Math.sqrt(27 / 26)], // −1.0190
      ['A', 'E2', Math.sqrt(3 / 14)], // 0.4629
      ['B', 'E2', -Math.sqrt(27 / 14)], // −1.3887
      ['C', 'E2', Math.sqrt(6 / 7)], // 0.9258
      ['A', 'E3', Math.sqrt(1.5)],
      ['C', 'E3', -Math.sqrt(1.5)],
      ['D', 'E3', 0],
      ['A', 'E4', Math.sqrt(1.5)],
      ['B', 'E4', 0],
      ['D', 'E4', -Math.sqrt(1.5)],
    ];
    for (const [a, e, want] of z) expect(review(a, e).z, `${a}/${e}`).toBeCloseTo(want, 10);
    expect(review('A', 'E1').z).toBeCloseTo(1.3587, 4);
    expect(review('A', 'E1').normalised).toBeCloseTo(83.868, 3); // 65.5 + 1.3587 × 13.5185
    expect(review('D', 'E3').normalised).toBe(65.5); // z 0 → the panel mean
    expect(review('B', 'E4').normalised).toBe(65.5);
  });

  it('each expert’s n, mean, sd, leniency; E4 flagged harsh by the 1.5 × sd rule', () => {
    expect(expert('E1')).toMatchObject({ n: 3, mean: 72, leniency: 6.5, outlier: false });
    expect(expert('E2')).toMatchObject({ n: 3, mean: 76, leniency: 10.5, outlier: false });
    expect(expert('E3')).toMatchObject({ n: 3, mean: 64, leniency: -1.5, outlier: false });
    expect(expert('E4')).toMatchObject({
      n: 3,
      mean: 50,
      leniency: -15.5,
      outlier: true,
      reasons: ['harsh'],
      correlation: null, // 3 applications: too few for the correlation rule (5)
    });
    expect(expert('E1').sd).toBeCloseTo(Math.sqrt(104 / 3), 10); // 5.8878
    expect(expert('E3').sd).toBeCloseTo(Math.sqrt(216), 10); // 14.6969
    expect(P!.expertMeansSd).toBeCloseTo(Math.sqrt(98.75), 10); // 9.9373
    // the harshest first
    expect(P!.experts.map((e) => e.expertId)).toEqual(['E4', 'E3', 'E1', 'E2']);
  });
});

// Mean z per application (the normalised mean is 65.5 + mean z × 13.5185):
//   A (1.3587 + 0.4629 + 1.2247 + 1.2247)/4 = 4.2711/4 = 1.0678 → 79.935
//   B (−0.3397 − 1.3887 + 0)/3 = −0.5761 → 57.711
//   C (0.9258 − 1.2247)/2 = −0.1495 → 63.480
//   D (−1.0190 + 0 − 1.2247)/3 = −0.7479 → 55.389
// Raw means put B (63.33) above C (63); normalised, C is second: B's reviewers were E1 and E2 on
// their low side and the harsh E4 at his mean, C's were E2 high and E3 low.
describe('the ranking and the flags', () => {
  it('ranks by the normalised mean; the unreviewed application comes last, unranked', () => {
    expect(app('A').normalisedMean).toBeCloseTo(79.935, 3);
    expect(app('B').normalisedMean).toBeCloseTo(57.711, 3);
    expect(app('C').normalisedMean).toBeCloseTo(63.48, 2);
    expect(app('D').normalisedMean).toBeCloseTo(55.389, 3);
    expect(P!.applications.map((a) => [a.applicationId, a.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
      ['D', 4],
      ['E', null],
    ]);
  });

  it('flags disagreement (sd > 15 or range > 30), outlier experts and missing reviews', () => {
    expect(app('A').flags).toEqual([{ code: 'outlier_expert', expertIds: ['E4'] }]); // range 22
    expect(app('B').flags).toEqual([{ code: 'outlier_expert', expertIds: ['E4'] }]);
    expect(app('C').flags).toEqual([
      { code: 'high_disagreement', sd: 17, range: 34 },
      { code: 'missing_reviews', submitted: 2, needed: 3, missing: 1 },
    ]);
    expect(app('D').flags).toEqual([{ code: 'outlier_expert', expertIds: ['E4'] }]); // range 26
    expect(app('E').flags).toEqual([
      { code: 'missing_reviews', submitted: 0, needed: 3, missing: 3 },
    ]);
  });

  it('the thresholds are options', () => {
    const [loose] = reviewResults(['P'], APPS, REVIEWS, {
      reviewsPerApplication: 2,
      disagreementSd: 20,
      disagreementRange: 40,
      outlierFactor: 2,
    });
    const c = loose!.applications.find((a) => a.applicationId === 'C')!;
    expect(c.flags).toEqual([]);
    expect(loose!.experts.every((e) => !e.outlier)).toBe(true);
  });
});

describe('edges', () => {
  it('ties: the trimmed mean, then the raw mean, then the name', () => {
    // one expert each, one review each: every z is 0, every normalised value the panel mean
    const apps = ['乙', '甲', '丙'].map((name, i) => ({ id: `x${i}`, panelId: 'Q', name }));
    const [q] = reviewResults(
      ['Q'],
      apps,
      [R('x0', 'F1', 70), R('x1', 'F2', 70), R('x2', 'F3', 90)],
      { reviewsPerApplication: 1 },
    );
    expect(q!.reviews.every((r) => r.z === 0 && r.normalised === 230 / 3)).toBe(true);
    // 丙 by its trimmed (= raw) mean 90; 甲 before 乙 by name (pinyin jia < yi)
    expect(q!.applications.map((a) => a.name)).toEqual(['丙', '甲', '乙']);
  });

  it('an expert on two panels is normalised in each separately', () => {
    const apps = [
      { id: 'p1', panelId: 'P1', name: 'p1' },
      { id: 'p2', panelId: 'P1', name: 'p2' },
      { id: 'q1', panelId: 'P2', name: 'q1' },
    ];
    const [p1, p2] = reviewResults(
      ['P1', 'P2'],
      apps,
      [R('p1', 'X', 90), R('p2', 'X', 70), R('q1', 'X', 40)],
      { reviewsPerApplication: 1 },
    );
    // in P1, X has 90 and 70: mean 80, sd 10 → z ±1; the panel is X alone (mean 80, sd 10)
    expect(p1!.reviews.map((r) => r.z)).toEqual([1, -1]);
    expect(p1!.reviews.map((r) => r.normalised)).toEqual([90, 70]);
    // in P2, one review: z 0
    expect(p2!.reviews[0]).toMatchObject({ z: 0, normalised: 40 });
    expect(p2!.experts[0]).toMatchObject({ n: 1, mean: 40, leniency: 0, outlier: false });
  });

  it('an expert whose scores run against the others’ is flagged by the correlation rule', () => {
    // five applications; G1 and G2 agree (others' mean rises 60 → 80), G3 runs the other way
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const apps = ids.map((id) => ({ id, panelId: 'S', name: id }));
    const reviews = ids.flatMap((id, i) => [
      R(id, 'G1', 60 + 5 * i),
      R(id, 'G2', 61 + 5 * i),
      R(id, 'G3', 80 - 5 * i),
    ]);
    const [s] = reviewResults(['S'], apps, reviews, { reviewsPerApplication: 3 });
    const g3 = s!.experts.find((e) => e.expertId === 'G3')!;
    // against the mean of G1 and G2 (60.5, 65.5, … 80.5): a perfect line the other way, r = −1
    expect(g3.correlation).toBeCloseTo(-1, 10);
    expect(g3).toMatchObject({ outlier: true, reasons: ['negative_correlation'] });
    expect(s!.experts.find((e) => e.expertId === 'G1')!.outlier).toBe(false);
  });
});
