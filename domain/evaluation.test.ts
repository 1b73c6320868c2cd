import { describe, expect, test } from 'vitest';
import { DEFAULT_POST_AWARD_DIMENSIONS } from './campaign';
import {
  bandCounts,
  bandOf,
  evaluationBandsSchema,
  evaluationResults,
  evaluationSubmitProblems,
} from './evaluation';

const rubric = DEFAULT_POST_AWARD_DIMENSIONS;
const bands = [
  { name: 'A类', min: 85 },
  { name: 'B类', min: 70 },
  { name: 'C类', min: 0 },
];

describe('bands', () => {
  test('a total on a line takes that band; just below it the next', () => {
    expect(bandOf(bands, 85)).toBe('A类');
    expect(bandOf(bands, 84.99)).toBe('B类');
    expect(bandOf(bands, 70)).toBe('B类');
    expect(bandOf(bands, 69.999)).toBe('B类'); // compared at two decimals, as shown: 70.00
    expect(bandOf(bands, 69.99)).toBe('C类');
    expect(bandOf(bands, 0)).toBe('C类');
    expect(bandOf(bands, null)).toBeNull();
    expect(bandOf(bands.slice(0, 2), 50)).toBeNull();
    expect(bandOf([], 99)).toBeNull();
  });
  test('counts per band, unbanded last', () => {
    expect(bandCounts(bands.slice(0, 2), [90, 85, 72, 10, null])).toEqual([
      { name: 'A类', count: 2 },
      { name: 'B类', count: 1 },
      { name: null, count: 2 },
    ]);
  });
  test('the schema refuses lines out of order and a name twice', () => {
    const r = evaluationBandsSchema.safeParse([
      { name: 'A类', min: 70 },
      { name: 'A类', min: 85 },
    ]);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      '等级“A类”重复',
      '“A类”的分数线应低于“A类”的（70分）',
    ]);
    expect(evaluationBandsSchema.safeParse(bands).success).toBe(true);
    expect(evaluationBandsSchema.safeParse([{ name: 'A', min: 101 }]).success).toBe(false);
  });
});

describe('scores', () => {
  test('every dimension is needed to submit, each within 0…max in halves', () => {
    const issues = evaluationSubmitProblems(rubric, { strength: 26, innovation: 10.3 });
    expect(issues.map((i) => i.message)).toEqual([
      '“综合实力”的分数应在0到25分之间',
      '“关键技术创新”的分数最小单位为0.5分',
      '请为“经济社会效益”打分',
      '请为“产业化推广价值”打分',
    ]);
    expect(
      evaluationSubmitProblems(rubric, {
        strength: 25,
        innovation: 0,
        benefit: 12.5,
        promotion: 1,
      }),
    ).toEqual([]);
  });
});

describe('results', () => {
  const all = (x: number) => ({ strength: x, innovation: x, benefit: x, promotion: x });
  test('a harsh and a lenient expert rank the same solutions alike once normalised', () => {
    const solutions = ['S1', 'S2'].map((publicId) => ({ publicId, name: publicId }));
    const { results } = evaluationResults({
      rubric,
      solutions,
      reviewsPerSolution: 2,
      bands,
      scorings: [
        { publicId: 'S1', expertId: 'harsh', scores: all(15) },
        { publicId: 'S2', expertId: 'harsh', scores: all(10) },
        { publicId: 'S1', expertId: 'lenient', scores: all(25) },
        { publicId: 'S2', expertId: 'lenient', scores: all(22.5) },
      ],
    });
    expect(results.map((r) => [r.publicId, r.rank])).toEqual([
      ['S1', 1],
      ['S2', 2],
    ]);
    const s1 = results[0]!;
    expect(s1.means).toEqual({ strength: 20, innovation: 20, benefit: 20, promotion: 20 });
    expect(s1.rawTotal).toBe(80);
    // both experts put S1 one sd above their mean: the round's mean (72.5) + its sd (≈ 23.85)
    expect(s1.normalisedTotal).toBeCloseTo(72.5 + Math.sqrt(568.75), 1);
    expect(s1.band).toBe('A类');
    expect(results[1]!.normalisedTotal).toBeCloseTo(72.5 - Math.sqrt(568.75), 1);
    expect(results[1]!.band).toBe('C类');
  });
  test('a solution without submitted scorings has no total, band or rank', () => {
    const { results } = evaluationResults({
      rubric,
      solutions: [{ publicId: 'S1', name: 'S1' }],
      reviewsPerSolution: 3,
      bands,
      scorings: [],
    });
    expect(results[0]).toMatchObject({ n: 0, normalisedTotal: null, band: null, rank: null });
    expect(results[0]!.flags[0]).toMatchObject({ code: 'missing_reviews', missing: 3 });
  });
});
