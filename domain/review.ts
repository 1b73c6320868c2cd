// 评审 (issue 13): what a campaign declares about its review — the formal checklist (形式审查) and
// the experts' rubric (评分标准) — as data, with the notice's own as the default. Pure: no I/O.
import { z } from './zod';

// ------------------------------------------------------------------ 形式审查

/**
 * What the platform can work out for a checklist item by itself. The organizer still confirms
 * every item; an automatic item starts with the platform's finding and its reason.
 * - category_focus: the application's focus areas belong to its category
 * - word_limit: the text is within the campaign's 字数
 * - required_attachments: every required upload of the form is there
 * - paper_received: a paper copy of the current version was received (not late, not superseded)
 * - not_awarded_duplicate: not a past award and no open or confirmed duplicate finding
 */
export const FORMAL_CHECK_RULES = [
  'category_focus',
  'word_limit',
  'required_attachments',
  'paper_received',
  'not_awarded_duplicate',
] as const;
export type FormalCheckRule = (typeof FORMAL_CHECK_RULES)[number];

export const formalCheckItemSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '检查项代码为小写字母、数字或下划线'),
  label: z.string().trim().min(2, '请填写检查项').max(100),
  /** the notice's words this item enforces */
  basis: z.string().trim().max(300).default(''),
  /** absent: checked by hand only */
  rule: z.enum(FORMAL_CHECK_RULES).optional(),
  /** a failed item with this set cannot be overridden to 合格 (e.g. an open duplicate finding) */
  blocking: z.boolean().default(false),
});
export type FormalCheckItem = z.infer<typeof formalCheckItemSchema>;

export const formalChecklistSchema = z
  .array(formalCheckItemSchema)
  .min(1, '形式审查至少要有一项')
  .max(30)
  .refine((items) => new Set(items.map((i) => i.code)).size === items.length, {
    message: '检查项代码不能重复',
  });

/** The notice's 申报要求 as a checklist (工信厅信发函〔2021〕224号 二、三). */
export const MIIT_2021_FORMAL_CHECKLIST: FormalCheckItem[] = [
  {
    code: 'category_focus',
    label: '申报类别与聚焦领域相符',
    basis: '申报方向：安全可靠、基础共性、行业通用、企业专用四类工业APP，各有聚焦领域',
    rule: 'category_focus',
    blocking: false,
  },
  {
    code: 'app_not_platform',
    label: '为一个或一组工业APP，非“大系统、大平台”',
    basis: '解决方案可以是一个APP或一组APP……禁止上报“大系统、大平台”',
    blocking: false,
  },
  {
    code: 'own_ip',
    label: '拥有自主知识产权',
    basis: '申报单位应拥有解决方案的自主知识产权',
    blocking: false,
  },
  {
    code: 'deployed',
    label: '已实现产业化或部署应用',
    basis: '已实现产业化或已部署应用，具有代表性和标志性',
    blocking: false,
  },
  {
    code: 'word_limit',
    label: '正文字数不超过限额',
    basis: '申报书正文不超过5000字',
    rule: 'word_limit',
    blocking: false,
  },
  {
    code: 'attachments',
    label: '必备附件齐全',
    basis: '相关证明材料作为附件提供',
    rule: 'required_attachments',
    blocking: false,
  },
  {
    code: 'paper',
    label: '纸质材料已收到且与网上一致',
    basis: '纸质材料（一式两份）寄送至指定地址，与网上申报内容一致',
    rule: 'paper_received',
    blocking: false,
  },
  {
    code: 'not_duplicate',
    label: '非往年入选项目，无重复申报',
    basis: '已入选往年优秀解决方案的不得重复上报',
    rule: 'not_awarded_duplicate',
    blocking: true,
  },
];

/** 合格 / 不合格 */
export const FORMAL_CHECK_RESULTS = ['pass', 'fail'] as const;
export type FormalCheckResult = (typeof FORMAL_CHECK_RESULTS)[number];
export const FORMAL_CHECK_RESULT_LABELS: Record<FormalCheckResult, string> = {
  pass: '合格',
  fail: '不合格',
};

// ------------------------------------------------------------------ 评分标准

/** An expert's overall recommendation. */
export const recommendationOptionSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/),
  label: z.string().trim().min(1).max(20),
});
export type RecommendationOption = z.infer<typeof recommendationOptionSchema>;

export const reviewSettingsSchema = z.object({
  /** reviews per application when a round does not say (the notice names none: 5) */
  reviewsPerApplication: z.number().int().min(1).max(15).default(5),
  /** the expert's comment: at least this many 字 (domain/word-count) */
  commentMinChars: z.number().int().min(0).max(2000).default(50),
  recommendations: z
    .array(recommendationOptionSchema)
    .min(2)
    .max(6)
    .default([
      { code: 'strong', label: '强烈推荐' },
      { code: 'recommend', label: '推荐' },
      { code: 'not_recommend', label: '不推荐' },
    ]),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = reviewSettingsSchema.parse({});

/** A rubric criterion's maximum score: its own, else its weight (weights summing to 100 = 百分制). */
export function maxScoreOf(criterion: { weight: number; maxScore?: number }): number {
  return criterion.maxScore ?? criterion.weight;
}

/**
 * The weighted total of one review on a 0–100 scale: Σ (score / max) × weight, over the sum of the
 * weights × 100. Missing scores count as 0 (a submitted review has them all).
 */
export function weightedTotal(
  rubric: readonly { code: string; weight: number; maxScore?: number }[],
  scores: Record<string, number>,
): number {
  const weights = rubric.reduce((s, c) => s + c.weight, 0);
  if (weights <= 0) return 0;
  const sum = rubric.reduce((s, c) => s + ((scores[c.code] ?? 0) / maxScoreOf(c)) * c.weight, 0);
  return Math.round((sum / weights) * 100 * 100) / 100;
}
