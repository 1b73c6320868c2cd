// Request and response shapes of 专家评分 and 评审结果 (issue 13): the server's routes validate and
// answer with them, the web infers its types from them.
import { categorySchema } from '../campaign';
import { APPLICATION_FLAG_LABELS, OUTLIER_REASON_LABELS } from '../review-results';
import { COMMENT_MAX_LENGTH, REVIEW_STATES } from '../review-scoring';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export const reviewStateSchema = z
  .enum(REVIEW_STATES)
  .describe('not_started (nothing saved yet) | draft | submitted');

// ------------------------------------------------------------------ requests

/** Half-point steps are checked against the rubric by the service (scores name their criterion). */
export const scoresSchema = z
  .record(z.string().min(1).max(40), z.number())
  .refine((s) => Object.keys(s).length <= 30, '评分项过多');

export const saveReviewBodySchema = z.object({
  baseVersion: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .describe('the version the expert edited (0: nothing saved yet)'),
  scores: scoresSchema.describe('criterion code → score (0 … its maximum, halves allowed)'),
  recommendation: z.string().max(30).nullable().optional(),
  comment: z.string().max(COMMENT_MAX_LENGTH, `评审意见不超过${COMMENT_MAX_LENGTH}字符`),
});
export type SaveReviewBody = z.infer<typeof saveReviewBodySchema>;

export const submitReviewBodySchema = z.object({
  baseVersion: z.number().int().min(1).max(2_147_483_647),
});

export const reopenReviewBodySchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, '原因不超过500字')
    .refine((s) => [...s].length >= 4, '请填写重新开放的原因（至少4个字）'),
});

// ------------------------------------------------------------------ the expert's side

export const myReviewSchema = z.object({
  state: reviewStateSchema,
  scores: z.record(z.string(), z.number()),
  recommendation: z.string().nullable(),
  comment: z.string(),
  /** 0 while nothing is saved */
  version: z.number(),
  /** the weighted total (0–100) of the scores given so far */
  total: z.number(),
  savedAt: isoDate.nullable(),
  submittedAt: isoDate.nullable(),
  reopenedAt: isoDate.nullable(),
  reopenReason: z.string().nullable(),
});
export type MyReview = z.infer<typeof myReviewSchema>;

/** listMyReviews: one assigned application. No other expert's anything. */
export const myReviewItemSchema = z.object({
  assignmentId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  deadline: isoDate,
  /** past the deadline, or the round closed: read-only */
  closed: z.boolean(),
  anonymous: z.boolean().describe('匿名评审: no applicant identity'),
  panelName: z.string(),
  applicationId: z.string(),
  solutionName: z.string(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  applicantName: z.string().nullable().describe('null in an anonymous round'),
  region: z
    .string()
    .nullable()
    .describe('GB/T 2260 code of the applicant; its province only in an anonymous round'),
  state: reviewStateSchema,
  total: z.number().nullable(),
  savedAt: isoDate.nullable(),
  submittedAt: isoDate.nullable(),
});
export type MyReviewItem = z.infer<typeof myReviewItemSchema>;
export const myReviewListSchema = itemsOf(myReviewItemSchema);

export const rubricCriterionViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  maxScore: z.number().describe('the highest score (its maxScore, else its weight)'),
  guidance: z.string(),
});
export type RubricCriterionView = z.infer<typeof rubricCriterionViewSchema>;

/** getMyReview: the frozen application as the expert may read it, the rubric and the review. */
export const myReviewDetailSchema = z.object({
  assignment: myReviewItemSchema.omit({
    state: true,
    total: true,
    savedAt: true,
    submittedAt: true,
  }),
  categories: z.array(categorySchema),
  application: z.object({
    versionNo: z.number(),
    submittedAt: isoDate,
    wordCount: z.number(),
    /** the form the data is laid out by (domain/form FormDeclaration) */
    form: z.record(z.string(), z.unknown()),
    /** the frozen data; in an anonymous round with the identity facts blanked */
    data: z.record(z.string(), z.unknown()),
    attachments: z.array(
      z.object({
        id: z.string(),
        filename: z.string(),
        kind: z.enum(['pdf', 'image', 'office']),
        size: z.number(),
        sha256: z.string(),
      }),
    ),
  }),
  rubric: z.array(rubricCriterionViewSchema),
  recommendations: z.array(z.object({ code: z.string(), label: z.string() })),
  commentMinChars: z.number(),
  review: myReviewSchema,
});
export type MyReviewDetail = z.infer<typeof myReviewDetailSchema>;

/** reopenReview */
export const reopenedReviewSchema = z.object({
  assignmentId: z.string(),
  state: reviewStateSchema,
  reopenedAt: isoDate,
  reopenReason: z.string(),
});

// ------------------------------------------------------------------ 评审结果 (organizer)

const num = z.number().nullable();

export const resultFlagSchema = z.object({
  code: z.enum(Object.keys(APPLICATION_FLAG_LABELS) as [keyof typeof APPLICATION_FLAG_LABELS]),
  label: z.string(),
  /** in Chinese, e.g. 标准差 17.0，极差 34.0 */
  detail: z.string(),
});

export const resultRowSchema = z.object({
  applicationId: z.string(),
  solutionName: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  submitted: z.number(),
  needed: z.number(),
  mean: num,
  trimmedMean: num.describe('去掉一个最高分和一个最低分; with fewer than 3 reviews the mean'),
  trimmed: z.boolean().describe('false: fewer than 3 reviews, the trimmed mean is the mean'),
  median: num,
  sd: num.describe('population standard deviation'),
  range: num,
  normalisedMean: num,
  rank: num,
  flags: z.array(resultFlagSchema),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const resultExpertReviewSchema = z.object({
  assignmentId: z.string(),
  applicationId: z.string(),
  solutionName: z.string(),
  state: reviewStateSchema,
  total: num,
  recommendation: z.string().nullable(),
  submittedAt: isoDate.nullable(),
});

export const resultExpertSchema = z.object({
  expertId: z.string(),
  name: z.string(),
  employerName: z.string(),
  /** published assignments in the panel */
  assigned: z.number(),
  /** submitted reviews in the panel */
  n: z.number(),
  mean: num,
  sd: num,
  leniency: num.describe('the expert’s mean less the panel’s mean'),
  correlation: num.describe('Pearson r against the other experts (5+ shared applications)'),
  outlier: z.boolean(),
  reasons: z.array(
    z.object({
      code: z.enum(Object.keys(OUTLIER_REASON_LABELS) as [keyof typeof OUTLIER_REASON_LABELS]),
      label: z.string(),
    }),
  ),
  reviews: z.array(resultExpertReviewSchema),
});
export type ResultExpert = z.infer<typeof resultExpertSchema>;

export const resultPanelSchema = z.object({
  panelId: z.string(),
  name: z.string(),
  /** submitted reviews */
  n: z.number(),
  mean: num,
  sd: num,
  expertMeansSd: num,
  rows: z.array(resultRowSchema),
  experts: z.array(resultExpertSchema),
});
export type ResultPanel = z.infer<typeof resultPanelSchema>;

export const reviewResultsSchema = z.object({
  round: z.object({
    id: z.string(),
    name: z.string(),
    campaignId: z.string(),
    campaignTitle: z.string(),
    deadline: isoDate,
    state: z.string(),
    anonymous: z.boolean(),
    reviewsPerApplication: z.number(),
  }),
  rubric: z.array(rubricCriterionViewSchema),
  recommendations: z.array(z.object({ code: z.string(), label: z.string() })),
  thresholds: z.object({
    disagreementSd: z.number(),
    disagreementRange: z.number(),
    outlierFactor: z.number(),
  }),
  panels: z.array(resultPanelSchema),
});
export type ReviewResults = z.infer<typeof reviewResultsSchema>;
