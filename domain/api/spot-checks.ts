// 随机抽查 (issue 15): the inputs and response shapes of the spot check — the organizer's commitment,
// draw, tasks and closing; the public verification (anyone, no sign-in); the expert's own tasks
// and findings. The draw itself is domain/spot-check.ts.
import { categorySchema } from '../campaign';
import { PUBLISHED_STATUSES } from '../publication';
import { SEED_PATTERN } from '../spot-check';
import { z } from '../zod';
import { isoDate } from './common';

export const SPOT_CHECK_STATES = ['committed', 'drawn', 'closed'] as const;
export const SPOT_CHECK_METHODS = ['document', 'site'] as const;
export type SpotCheckMethod = (typeof SPOT_CHECK_METHODS)[number];
export const SPOT_CHECK_METHOD_LABELS: Record<SpotCheckMethod, string> = {
  document: '书面核查',
  site: '现场核查',
};
export const SPOT_CHECK_CONCLUSIONS = ['pass', 'minor', 'fail'] as const;
export type SpotCheckConclusion = (typeof SPOT_CHECK_CONCLUSIONS)[number];
export const SPOT_CHECK_CONCLUSION_LABELS: Record<SpotCheckConclusion, string> = {
  pass: '合格',
  minor: '基本合格（需整改）',
  fail: '不合格',
};
/** A finding is at least this many characters (字), spaces aside. */
export const FINDING_MIN_CHARS = 10;
export const FINDING_MAX_CHARS = 5000;
/** The most a sample may hold (total, or per category). */
export const SPOT_CHECK_MAX_SIZE = 1000;

const HEX64 = /^[0-9a-f]{64}$/;
const hex64 = (what: string) =>
  z.string().trim().toLowerCase().regex(HEX64, `${what}应为64位十六进制数字（SHA-256）`);

const size = () =>
  z
    .number()
    .int('抽查数量应为整数')
    .min(0, '抽查数量不能为负数')
    .max(SPOT_CHECK_MAX_SIZE, `抽查数量不能超过${SPOT_CHECK_MAX_SIZE}`);

/** A total, or a number per category code (one or the other). */
export const spotCheckSizesSchema = z
  .object({
    total: size().min(1, '抽查总数至少为1').optional(),
    byCategory: z.record(z.string().min(1).max(40), size()).optional(),
  })
  .refine((s) => (s.total === undefined) !== (s.byCategory === undefined), {
    message: '请设定抽查总数，或按类别设定各类别的抽查数量（二选一）',
  })
  .refine((s) => s.byCategory === undefined || Object.values(s.byCategory).some((n) => n > 0), {
    message: '至少一个类别的抽查数量大于0',
  });
export type SpotCheckSizesInput = z.infer<typeof spotCheckSizesSchema>;

/** commitSpotCheckSeed */
export const commitSpotCheckSchema = z.object({
  title: z.string().trim().min(2, '请填写抽查名称').max(100, '抽查名称最多100字'),
  /** the published lists (campaign ids) to draw from */
  listCampaignIds: z
    .array(z.string().uuid('名单编号格式不正确'))
    .min(1, '请至少选择一份已发布的名单')
    .max(20),
  sizes: spotCheckSizesSchema,
  /**
   * Absent: the platform generates the seed (32 random bytes) and keeps it secret until the draw.
   * Given: the organizer keeps the seed and gives only SHA-256 of it (64 hex digits); the seed is
   * revealed at the draw.
   */
  seedHash: hex64('种子的哈希值').optional(),
});
export type CommitSpotCheckInput = z.infer<typeof commitSpotCheckSchema>;

/** drawSpotCheck: the organizer's seed, when the commitment was the organizer's. */
export const drawSpotCheckSchema = z.object({
  seed: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SEED_PATTERN, '种子应为64位十六进制数字（32字节）')
    .optional(),
});

export const populationEntrySchema = z.object({
  publicId: z.string().min(1).max(40),
  category: z.string().max(40),
  /** the province's 行政区划代码 (000000: unknown) */
  region: z.string().max(12),
});
export type PopulationEntry = z.infer<typeof populationEntrySchema>;

/** recomputeSpotCheckDraw: anyone's seed, population and sizes. */
export const recomputeSpotCheckSchema = z.object({
  seed: z.string().trim().toLowerCase().regex(SEED_PATTERN, '种子应为64位十六进制数字（32字节）'),
  population: z.array(populationEntrySchema).max(100_000),
  sizes: spotCheckSizesSchema,
  /** optional: compare with a published commitment and sample */
  commitment: hex64('承诺值').optional(),
  sample: z.array(z.string().max(40)).max(100_000).optional(),
});
export type RecomputeSpotCheckInput = z.infer<typeof recomputeSpotCheckSchema>;

/** assignSpotCheckTasks: one expert on one sampled solution. */
export const assignSpotCheckTaskSchema = z.object({
  publicId: z.string().min(1).max(40),
  expertId: z.string().uuid('专家编号格式不正确'),
  method: z.enum(SPOT_CHECK_METHODS),
  /** 回避本地区: no expert from the solution's province (default: yes) */
  avoidSameRegion: z.boolean().default(true),
  overrideReason: z.string().trim().min(4, '例外理由至少4个字').max(500).optional(),
});
export type AssignSpotCheckTaskInput = z.input<typeof assignSpotCheckTaskSchema>;

/** recordSpotCheckFinding */
export const recordFindingSchema = z.object({
  conclusion: z.enum(SPOT_CHECK_CONCLUSIONS),
  finding: z.string().trim().max(FINDING_MAX_CHARS, `核查意见最多${FINDING_MAX_CHARS}字`),
});
export type RecordFindingInput = z.infer<typeof recordFindingSchema>;

// ------------------------------------------------------------------ responses

const sizesView = z.object({
  total: z.number().optional(),
  byCategory: z.record(z.string(), z.number()).optional(),
});

export const spotCheckStratumSchema = z.object({
  key: z.string(),
  category: z.string(),
  categoryName: z.string(),
  province: z.string(),
  provinceName: z.string(),
  size: z.number(),
  drawn: z.number(),
});

export const sampledSolutionSchema = z.object({
  publicId: z.string(),
  stratum: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  categoryName: z.string(),
  regionName: z.string(),
});

/** A spot check as anyone sees it: the commitment always; the seed only after the draw. */
export const publicSpotCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  lists: z.array(z.object({ campaignId: z.string(), year: z.number(), title: z.string() })),
  sizes: sizesView,
  /** the lists' category codes and their names */
  categoryNames: z.record(z.string(), z.string()),
  seedSource: z.enum(['platform', 'organizer']),
  /** SHA-256 of the seed, published when committed */
  commitment: z.string(),
  committedAt: isoDate,
  state: z.enum(SPOT_CHECK_STATES),
  drawnAt: isoDate.nullable(),
  /** null until the draw */
  seed: z.string().nullable(),
  populationSize: z.number().nullable(),
  populationDigest: z.string().nullable(),
  sampleSize: z.number().nullable(),
});
export type PublicSpotCheck = z.infer<typeof publicSpotCheckSchema>;
export const publicSpotCheckListSchema = z.object({ items: z.array(publicSpotCheckSchema) });

/** verifySpotCheckDraw */
export const spotCheckVerificationSchema = z.object({
  spotCheck: publicSpotCheckSchema,
  /** where the algorithm is described */
  algorithm: z.string(),
  /** after the draw: what was drawn from, the plan per stratum, the sample, the recomputation */
  population: z.array(populationEntrySchema).nullable(),
  plan: z
    .object({ kind: z.enum(['total', 'perStratum']), total: z.number().optional() })
    .extend({ sizes: z.record(z.string(), z.number()).optional() })
    .nullable(),
  strata: z.array(spotCheckStratumSchema).nullable(),
  sample: z.array(sampledSolutionSchema).nullable(),
  recomputed: z
    .object({
      /** the seed hashes to the commitment and the same sample comes out */
      match: z.boolean(),
      /** what does not match: 'seed' | 'sample' | 'population' (the digest) */
      wrong: z.array(z.string()),
      sample: z.array(z.string()),
    })
    .nullable(),
});
export type SpotCheckVerification = z.infer<typeof spotCheckVerificationSchema>;

/** recomputeSpotCheckDraw */
export const spotCheckRecomputationSchema = z.object({
  commitment: z.string(),
  populationDigest: z.string(),
  populationSize: z.number(),
  strata: z.array(
    z.object({ key: z.string(), size: z.number(), drawn: z.number(), sample: z.array(z.string()) }),
  ),
  sample: z.array(z.string()),
  /** with a commitment and a sample given: whether they match (null: nothing to compare) */
  match: z.boolean().nullable(),
  wrong: z.array(z.string()),
});
export type SpotCheckRecomputation = z.infer<typeof spotCheckRecomputationSchema>;

export const spotCheckTaskSchema = z.object({
  id: z.string(),
  publicId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  employerName: z.string(),
  method: z.enum(SPOT_CHECK_METHODS),
  state: z.enum(['assigned', 'done', 'removed']),
  overriddenRules: z.array(z.string()),
  overrideReason: z.string().nullable(),
  conclusion: z.enum(SPOT_CHECK_CONCLUSIONS).nullable(),
  finding: z.string().nullable(),
  recordedAt: isoDate.nullable(),
  /** the evidence the expert uploaded with the finding, if any */
  evidence: z.object({ id: z.string(), filename: z.string(), size: z.number() }).nullable(),
  createdAt: isoDate,
});
export type SpotCheckTask = z.infer<typeof spotCheckTaskSchema>;

/** getSpotCheck (organizer): the public view, the sample with each one's tasks and findings. */
export const spotCheckDetailSchema = publicSpotCheckSchema.extend({
  strata: z.array(spotCheckStratumSchema),
  sample: z.array(
    sampledSolutionSchema.extend({
      unitName: z.string(),
      status: z.enum(PUBLISHED_STATUSES),
      tasks: z.array(spotCheckTaskSchema),
    }),
  ),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type SpotCheckDetail = z.infer<typeof spotCheckDetailSchema>;

/** The expert's task as its list shows it. */
export const mySpotCheckTaskSchema = z.object({
  id: z.string(),
  spotCheckId: z.string(),
  spotCheckTitle: z.string(),
  /** closed: the finding can no longer change */
  closed: z.boolean(),
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  categoryName: z.string(),
  regionName: z.string(),
  method: z.enum(SPOT_CHECK_METHODS),
  conclusion: z.enum(SPOT_CHECK_CONCLUSIONS).nullable(),
  finding: z.string().nullable(),
  recordedAt: isoDate.nullable(),
  /** the evidence the expert uploaded with the finding, if any */
  evidence: z.object({ id: z.string(), filename: z.string(), size: z.number() }).nullable(),
});
export type MySpotCheckTask = z.infer<typeof mySpotCheckTaskSchema>;
export const mySpotCheckTaskListSchema = z.object({ items: z.array(mySpotCheckTaskSchema) });

/** getMySpotCheckTask: the published facts and the application's frozen content. */
export const mySpotCheckTaskDetailSchema = z.object({
  task: mySpotCheckTaskSchema,
  solution: z.object({
    publicId: z.string(),
    solutionName: z.string(),
    enterpriseName: z.string(),
    categoryName: z.string(),
    regionName: z.string(),
    unitName: z.string(),
    industries: z.array(z.object({ code: z.string(), name: z.string() })),
    summary: z.string(),
    apps: z.array(z.object({ name: z.string(), version: z.string() })),
    validFrom: z.string(),
    validUntil: z.string(),
    status: z.enum(PUBLISHED_STATUSES),
  }),
  /** the campaign's categories (the application's layout names them) */
  categories: z.array(categorySchema),
  /** null: no submitted version on file (an award from before the platform) */
  application: z
    .object({
      applicationId: z.string(),
      versionNo: z.number(),
      submittedAt: isoDate,
      form: z.record(z.string(), z.unknown()),
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
    })
    .nullable(),
});
export type MySpotCheckTaskDetail = z.infer<typeof mySpotCheckTaskDetailSchema>;
