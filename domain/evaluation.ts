// 系统评价 (issue 15): experts score published solutions on the campaign's post-award rubric
// (综合实力, 关键技术创新, 经济社会效益, 产业化推广价值 — declared as data, frozen in the round), each
// expert's totals normalised with the review engine (domain/review-results), and the organizer's
// bands (A类 ≥ 85, B类 ≥ 70, C类 otherwise) on the normalised total. Pure: no I/O.
import { rubricDimensionSchema, type RubricDimension } from './campaign';
import type { FieldIssue } from './errors';
import { maxScoreOf, weightedTotal } from './review';
import { mean, reviewResults, type ApplicationFlag } from './review-results';
import { scoreProblems } from './review-scoring';
import { instantSchema, z } from './zod';

/** Published solutions that are evaluated: still valid, or expired (not revoked, not withdrawn). */
export const EVALUATED_STATUSES = ['valid', 'expired'] as const;

export const evaluationRubricSchema = z.array(rubricDimensionSchema).min(1);

export const createEvaluationRoundSchema = z.object({
  title: z.string().trim().min(1, '请填写评价名称').max(100, '评价名称最长100字'),
  /** the published lists (by their campaigns) whose solutions are evaluated */
  listCampaignIds: z
    .array(z.uuid('编号格式不正确'))
    .min(1, '请至少选择一份已发布的名单')
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: '名单不能重复选择' }),
  /** whose settings give the rubric; absent: the newest of the lists */
  campaignId: z.uuid('编号格式不正确').optional(),
  reviewsPerSolution: z
    .number()
    .int('每个方案的专家数应为整数')
    .min(1, '每个方案至少1位专家')
    .max(15, '每个方案最多15位专家'),
  maxLoad: z
    .number()
    .int('每位专家的评价上限应为整数')
    .min(1, '每位专家至少评价1个方案')
    .max(500, '每位专家最多评价500个方案'),
  deadline: instantSchema(),
});
export type CreateEvaluationRoundInput = z.infer<typeof createEvaluationRoundSchema>;

export const evaluationBandSchema = z.object({
  name: z.string().trim().min(1, '请填写等级名称').max(20, '等级名称最长20字'),
  min: z.number().min(0, '分数线应在0到100之间').max(100, '分数线应在0到100之间'),
});
export type EvaluationBand = z.infer<typeof evaluationBandSchema>;

/** Bands from the highest: names distinct, each line below the one before. */
export const evaluationBandsSchema = z
  .array(evaluationBandSchema)
  .max(10, '最多10个等级')
  .superRefine((bands, ctx) => {
    const names = new Set<string>();
    bands.forEach((b, i) => {
      if (names.has(b.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `等级“${b.name}”重复` });
      names.add(b.name);
      const before = bands[i - 1];
      if (before && b.min >= before.min)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'min'],
          message: `“${b.name}”的分数线应低于“${before.name}”的（${before.min}分）`,
        });
    });
  });

/** Totals are compared at two decimals, as they are shown. */
export const roundScore = (x: number) => Math.round(x * 100) / 100;

/** The band of a normalised total: the first (from the highest) whose line it reaches; none below all. */
export function bandOf(bands: readonly EvaluationBand[], score: number | null): string | null {
  if (score === null) return null;
  const s = roundScore(score);
  return bands.find((b) => s >= b.min)?.name ?? null;
}

/** How many solutions each band takes (and how many none: no score, or under every line). */
export function bandCounts(
  bands: readonly EvaluationBand[],
  scores: readonly (number | null)[],
): { name: string | null; count: number }[] {
  const counts = new Map<string | null, number>(bands.map((b) => [b.name, 0]));
  counts.set(null, 0);
  for (const s of scores) {
    const b = bandOf(bands, s);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}

/** What a scoring lacks before it can be submitted: every dimension scored, each in range. */
export function evaluationSubmitProblems(
  rubric: readonly RubricDimension[],
  scores: Record<string, unknown>,
): FieldIssue[] {
  const out = scoreProblems(rubric, scores);
  for (const d of rubric)
    if (scores[d.code] === undefined)
      out.push({ path: `scores.${d.code}`, message: `请为“${d.name}”打分` });
  return out;
}

export interface EvaluatedSolution {
  publicId: string;
  name: string;
}

export interface SubmittedScores {
  publicId: string;
  expertId: string;
  scores: Record<string, number>;
}

export interface EvaluationResult {
  publicId: string;
  name: string;
  /** submitted scorings, and those the round asks for */
  n: number;
  needed: number;
  /** per dimension code: the mean raw score (null without scorings) */
  means: Record<string, number | null>;
  /** the mean weighted total (0–100), raw */
  rawTotal: number | null;
  /** the mean of the experts' normalised totals (review engine): what ranks and bands */
  normalisedTotal: number | null;
  rank: number | null;
  band: string | null;
  flags: ApplicationFlag[];
}

/**
 * The round's results: each scoring's weighted total (0–100) normalised per expert by the review
 * engine (z-scores over the expert's own scorings, rescaled to the round's mean and spread), ranked
 * by the normalised mean, with the raw means per dimension and the band.
 */
export function evaluationResults(input: {
  rubric: readonly RubricDimension[];
  solutions: readonly EvaluatedSolution[];
  scorings: readonly SubmittedScores[];
  reviewsPerSolution: number;
  bands: readonly EvaluationBand[];
}): { results: EvaluationResult[]; experts: ReturnType<typeof reviewResults>[number]['experts'] } {
  const [panel] = reviewResults(
    ['all'],
    input.solutions.map((s) => ({ id: s.publicId, panelId: 'all', name: s.name })),
    input.scorings.map((s) => ({
      applicationId: s.publicId,
      expertId: s.expertId,
      total: weightedTotal(input.rubric, s.scores),
    })),
    { reviewsPerApplication: input.reviewsPerSolution },
  );
  const bySolution = new Map<string, SubmittedScores[]>();
  for (const s of input.scorings)
    bySolution.set(s.publicId, [...(bySolution.get(s.publicId) ?? []), s]);
  const results = panel!.applications.map((a): EvaluationResult => {
    const mine = bySolution.get(a.applicationId) ?? [];
    const means = Object.fromEntries(
      input.rubric.map((d) => {
        const m = mean(mine.map((s) => s.scores[d.code] ?? 0));
        return [d.code, m === null ? null : roundScore(m)];
      }),
    );
    const normalised = a.normalisedMean === null ? null : roundScore(a.normalisedMean);
    return {
      publicId: a.applicationId,
      name: a.name,
      n: a.n,
      needed: a.needed,
      means,
      rawTotal: a.mean === null ? null : roundScore(a.mean),
      normalisedTotal: normalised,
      rank: a.rank,
      band: bandOf(input.bands, normalised),
      flags: a.flags,
    };
  });
  return { results, experts: panel!.experts };
}

/** The rubric as a round shows it: every dimension with its maximum spelt out. */
export function frozenRubric(dimensions: readonly RubricDimension[]): RubricDimension[] {
  return dimensions.map((d) => ({
    code: d.code,
    name: d.name,
    weight: d.weight,
    maxScore: maxScoreOf(d),
    guidance: d.guidance,
  }));
}
