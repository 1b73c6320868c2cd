// 评审轮次与分配 (issue 13): a round's settings and panels, a pair added or removed by hand, an
// expert's decline, and why an expert of a panel is not on an application — as the organizer sees
// it (never shown to enterprises or recommenders). Shared by the API routes and the web. No I/O.
import { CONFLICT_RULES, CONFLICT_RULE_LABELS, type ConflictRule } from './review-assignment';
import { instantSchema, z } from './zod';

export const ROUND_STATES = ['draft', 'published', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  draft: '未发布',
  published: '已发布',
  closed: '已结束',
};

export const ASSIGNMENT_STATES = ['proposed', 'published', 'declined', 'removed'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  proposed: '待发布',
  published: '已发布',
  declined: '专家已拒绝',
  removed: '已移除',
};

export const ASSIGNMENT_SOURCES = ['auto', 'manual', 'replacement'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];
export const ASSIGNMENT_SOURCE_LABELS: Record<AssignmentSource, string> = {
  auto: '自动分配',
  manual: '人工指定',
  replacement: '替补（专家拒绝后）',
};

/** Pairs that count: they take a review slot and a unit of the expert's load. */
export const ACTIVE_ASSIGNMENT_STATES = ['proposed', 'published'] as const;

/**
 * Rules a pair added by hand may break only with a reason: the conflict rules, and the round's
 * maximum load (an expert's (maxLoad + 1)-th application).
 */
export const OVERRIDABLE_RULES = [...CONFLICT_RULES, 'max_load'] as const;
export type OverridableRule = (typeof OVERRIDABLE_RULES)[number];
export const OVERRIDABLE_RULE_LABELS: Record<OverridableRule, string> = {
  ...CONFLICT_RULE_LABELS,
  max_load: '超过本轮每位专家的评审上限',
};

/**
 * Why an expert of an application's panel is not on it: a conflict rule, or — the expert could
 * have reviewed it — declined, removed, inactive, at the load limit, or less fitting than those
 * chosen; or no proposal was made since.
 */
export const EXCLUSION_REASONS = [
  ...CONFLICT_RULES,
  'declined',
  'removed',
  'inactive',
  'full',
  'lower_fit',
  'not_proposed',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];
export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  ...CONFLICT_RULE_LABELS,
  declined: '专家已拒绝评审该项目',
  removed: '已被人工移除',
  inactive: '专家已停用',
  full: '已满额',
  lower_fit: '专长不符（匹配度低于已分配专家）',
  not_proposed: '尚未生成分配方案',
};
export const isConflictRule = (r: string): r is ConflictRule =>
  (CONFLICT_RULES as readonly string[]).includes(r);

/** A reason people type: at least 4 字. */
export const reasonSchema = (what: string) =>
  z.string().trim().min(4, `${what}至少4个字`).max(500, `${what}最多500字`);

export const panelInputSchema = z.object({
  name: z.string().trim().min(1, '请填写评审组名称').max(40, '评审组名称最多40字'),
  categories: z
    .array(z.string().trim().min(1).max(60))
    .min(1, '每个评审组至少负责一个申报类别')
    .max(20),
  expertIds: z.array(z.string().uuid()).max(2000),
});
export type PanelInput = z.infer<typeof panelInputSchema>;

const roundFields = {
  name: z.string().trim().min(2, '请填写轮次名称').max(60, '轮次名称最多60字'),
  /** absent: the campaign's settings.review.reviewsPerApplication, else 5 */
  reviewsPerApplication: z
    .number()
    .int()
    .min(1, '每个项目至少1位专家')
    .max(15, '每个项目最多15位专家'),
  /** the most applications one expert reviews in the round */
  maxLoad: z.number().int().min(1, '每位专家至少评审1个项目').max(500, '每位专家最多评审500个项目'),
  deadline: instantSchema(),
  /** 匿名评审: experts do not see the applicant's identity */
  anonymous: z.boolean(),
  /** 回避本地区: no expert from the applicant's province */
  avoidSameRegion: z.boolean(),
  /** absent: one panel per campaign category with the active experts of that category */
  panels: z.array(panelInputSchema).min(1, '至少要有一个评审组').max(20, '评审组最多20个'),
};

export const DEFAULT_MAX_LOAD = 20;

/** createReviewRound */
export const createRoundSchema = z.object({
  ...roundFields,
  reviewsPerApplication: roundFields.reviewsPerApplication.optional(),
  maxLoad: roundFields.maxLoad.default(DEFAULT_MAX_LOAD),
  anonymous: roundFields.anonymous.default(true),
  avoidSameRegion: roundFields.avoidSameRegion.default(false),
  panels: roundFields.panels.optional(),
});
export type CreateRoundInput = z.infer<typeof createRoundSchema>;

/** updateReviewRound (a draft round only). New panels discard the unpublished proposal. */
export const updateRoundSchema = z.object({
  baseRevision: z.number().int().min(1),
  name: roundFields.name.optional(),
  reviewsPerApplication: roundFields.reviewsPerApplication.optional(),
  maxLoad: roundFields.maxLoad.optional(),
  deadline: roundFields.deadline.optional(),
  anonymous: roundFields.anonymous.optional(),
  avoidSameRegion: roundFields.avoidSameRegion.optional(),
  panels: roundFields.panels.optional(),
});
export type UpdateRoundInput = z.infer<typeof updateRoundSchema>;

/** addAssignment: a pair by hand; breaking a rule needs the reason. */
export const addAssignmentSchema = z.object({
  applicationId: z.string().uuid(),
  expertId: z.string().uuid(),
  overrideReason: reasonSchema('例外理由').optional(),
});
export type AddAssignmentInput = z.infer<typeof addAssignmentSchema>;

/** updateAssignment: remove a pair (proposed or published), with the reason. */
export const updateAssignmentSchema = z.object({
  state: z.literal('removed'),
  reason: reasonSchema('移除理由'),
});
export type UpdateAssignmentInput = z.infer<typeof updateAssignmentSchema>;

/** declineAssignment (the expert) */
export const declineAssignmentSchema = z.object({ reason: reasonSchema('拒绝理由') });
