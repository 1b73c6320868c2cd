// Request and response shapes of 系统评价 (issue 15): the server's routes validate and answer with
// them, the web infers its types from them.
import { categorySchema } from '../campaign';
import { evaluationBandSchema } from '../evaluation';
import { APPLICATION_FLAG_LABELS, OUTLIER_REASON_LABELS } from '../review-results';
import { COMMENT_MAX_LENGTH } from '../review-scoring';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export {
  createEvaluationRoundSchema,
  evaluationBandSchema,
  type CreateEvaluationRoundInput,
} from '../evaluation';

// ------------------------------------------------------------------ requests

export const evaluationScoresSchema = z
  .record(z.string().min(1).max(40), z.number())
  .refine((s) => Object.keys(s).length <= 30, '评价维度过多');

export const saveEvaluationBodySchema = z.object({
  scores: evaluationScoresSchema,
  comment: z.string().max(COMMENT_MAX_LENGTH, `评价意见最长${COMMENT_MAX_LENGTH}字`).default(''),
  /** the version the expert edited (a new pair is version 1) */
  baseVersion: z.number().int().min(1),
});
export type SaveEvaluationBody = z.input<typeof saveEvaluationBodySchema>;

export const submitEvaluationBodySchema = z.object({ baseVersion: z.number().int().min(1) });

export const setEvaluationBandsBodySchema = z.object({
  /** from the highest line down; a solution takes the first band whose line it reaches */
  bands: z.array(evaluationBandSchema).max(10, '最多10个等级'),
});

// ------------------------------------------------------------------ responses

export const rubricDimensionViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  maxScore: z.number(),
  guidance: z.string(),
});
export type RubricDimensionView = z.infer<typeof rubricDimensionViewSchema>;

export const publishedListOptionSchema = z.object({
  campaignId: z.string(),
  year: z.number(),
  title: z.string(),
  documentNo: z.string(),
  publishedOn: z.string(),
  validUntil: z.string(),
  campaignTitle: z.string(),
  /** its solutions still valid or expired (what an evaluation takes) */
  evaluable: z.number(),
});

export const evaluationRoundStateSchema = z.enum(['draft', 'published', 'closed']);

export const evaluationRoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  campaignId: z.string(),
  listCampaignIds: z.array(z.string()),
  rubric: z.array(rubricDimensionViewSchema),
  reviewsPerSolution: z.number(),
  maxLoad: z.number(),
  deadline: isoDate,
  bands: z.array(evaluationBandSchema),
  state: evaluationRoundStateSchema,
  createdAt: isoDate,
  publishedAt: isoDate.nullable(),
  progress: z.object({
    pairs: z.number(),
    submitted: z.number(),
    experts: z.number(),
    solutions: z.number(),
  }),
});
export type EvaluationRoundView = z.infer<typeof evaluationRoundSchema>;

export const evaluationRoundListSchema = itemsOf(evaluationRoundSchema);

export const evaluationPairSchema = z.object({
  id: z.string(),
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  expertEmployer: z.string(),
  fit: z.number(),
  state: z.enum(['proposed', 'published']),
  scoreState: z.enum(['none', 'draft', 'submitted']),
});

export const evaluationRoundDetailSchema = evaluationRoundSchema.extend({
  /** the lists' solutions the round evaluates */
  solutions: z.number(),
  pairs: z.array(evaluationPairSchema),
  shortfalls: z.array(
    z.object({
      publicId: z.string(),
      solutionName: z.string(),
      missing: z.number(),
      reason: z.string(),
    }),
  ),
});
export type EvaluationRoundDetail = z.infer<typeof evaluationRoundDetailSchema>;

const num = z.number().nullable();

export const evaluationResultsSchema = z.object({
  round: evaluationRoundSchema,
  bands: z.array(evaluationBandSchema),
  counts: z.array(z.object({ name: z.string().nullable(), count: z.number() })),
  results: z.array(
    z.object({
      publicId: z.string(),
      solutionName: z.string(),
      enterpriseName: z.string(),
      categoryName: z.string(),
      status: z.string(),
      submitted: z.number(),
      needed: z.number(),
      means: z.record(z.string(), num).describe('raw mean score per dimension code'),
      rawTotal: num.describe('mean weighted total (0–100) before normalisation'),
      normalisedTotal: num.describe('mean of the experts’ normalised totals: ranks and bands'),
      rank: num,
      band: z.string().nullable(),
      flags: z.array(
        z.object({
          code: z.enum(
            Object.keys(APPLICATION_FLAG_LABELS) as [keyof typeof APPLICATION_FLAG_LABELS],
          ),
          label: z.string(),
        }),
      ),
    }),
  ),
  experts: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      n: z.number(),
      mean: z.number(),
      leniency: z.number(),
      outlier: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type EvaluationResultsView = z.infer<typeof evaluationResultsSchema>;
export { OUTLIER_REASON_LABELS };

export const myEvaluationItemSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  deadline: isoDate,
  closed: z.boolean(),
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  categoryName: z.string(),
  year: z.number(),
  scoreState: z.enum(['none', 'draft', 'submitted']),
  version: z.number(),
  submittedAt: isoDate.nullable(),
});
export type MyEvaluationItem = z.infer<typeof myEvaluationItemSchema>;
export const myEvaluationListSchema = itemsOf(myEvaluationItemSchema);

export const myEvaluationScoresSchema = z.object({
  id: z.string(),
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  scoreState: z.enum(['none', 'draft', 'submitted']),
  version: z.number(),
  updatedAt: isoDate,
  submittedAt: isoDate.nullable(),
});
export type MyEvaluationScores = z.infer<typeof myEvaluationScoresSchema>;

export const myEvaluationDetailSchema = z.object({
  assignment: myEvaluationItemSchema,
  rubric: z.array(rubricDimensionViewSchema),
  scores: myEvaluationScoresSchema,
  /** the published solution as the list shows it */
  solution: z.object({
    publicId: z.string(),
    solutionName: z.string(),
    enterpriseName: z.string(),
    categoryName: z.string(),
    regionName: z.string(),
    industries: z.array(z.object({ code: z.string(), name: z.string() })),
    unitName: z.string(),
    summary: z.string(),
    apps: z.array(z.object({ name: z.string(), version: z.string() })),
    validFrom: z.string(),
    validUntil: z.string(),
    status: z.string(),
  }),
  /** the application as forwarded (its frozen version); null when there is none on the platform */
  application: z
    .object({
      applicationId: z.string(),
      versionNo: z.number(),
      form: z.record(z.string(), z.unknown()),
      data: z.record(z.string(), z.unknown()),
      categories: z.array(categorySchema),
      attachments: z.array(
        z.object({
          id: z.string(),
          filename: z.string(),
          kind: z.enum(['pdf', 'image', 'office']),
          size: z.number(),
          sha256: z.string(),
        }),
      ),
    })
    .nullable(),
  /** 自查评估: the enterprise's self-evaluation as its recommender handled it; null: none */
  selfEvaluation: z
    .object({
      roundId: z.string(),
      title: z.string(),
      state: z.enum(['draft', 'submitted', 'returned', 'forwarded']),
      forwardedAt: isoDate.nullable(),
      sections: z.array(z.object({ label: z.string(), value: z.string() })),
    })
    .nullable(),
  /** 随机抽查: the findings recorded on this solution */
  spotChecks: z.array(
    z.object({
      spotCheckTitle: z.string(),
      method: z.enum(['document', 'site']),
      conclusion: z.enum(['pass', 'minor', 'fail']).nullable(),
      finding: z.string().nullable(),
      recordedAt: isoDate.nullable(),
    }),
  ),
});
export type MyEvaluationDetail = z.infer<typeof myEvaluationDetailSchema>;
