// 专家评分 (issue 13): the rules of an expert's review that the server enforces and the scoring page
// shows live — each score within its criterion's range, what a review needs before it can be
// submitted — and what an expert of an anonymous round (匿名评审) may not see. Pure: no I/O.
import type { FieldIssue } from './errors';
import type { FormDeclaration } from './form';
import type { ScalarFactKey } from './facts';
import { maxScoreOf, type RecommendationOption } from './review';
import { countWords } from './word-count';

/** An expert's review as the expert sees it: not started (no row yet), being scored, submitted. */
export const REVIEW_STATES = ['not_started', 'draft', 'submitted'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  not_started: '未开始',
  draft: '评分中',
  submitted: '已提交',
};

/** The comment may be long, not unbounded. */
export const COMMENT_MAX_LENGTH = 5000;

/** Scores go in steps of half a point. */
export const SCORE_STEP = 0.5;

export interface ScoredCriterion {
  code: string;
  name: string;
  weight: number;
  maxScore?: number;
}

/** What is wrong with one score, or null: a number from 0 to the criterion's maximum, in halves. */
export function scoreProblem(c: ScoredCriterion, value: unknown): string | null {
  const max = maxScoreOf(c);
  if (typeof value !== 'number' || !Number.isFinite(value)) return `“${c.name}”的分数应为数字`;
  if (value < 0 || value > max) return `“${c.name}”的分数应在0到${max}分之间`;
  if (Math.abs(value / SCORE_STEP - Math.round(value / SCORE_STEP)) > 1e-9)
    return `“${c.name}”的分数最小单位为0.5分`;
  return null;
}

/** Problems of a (possibly partial) set of scores: each one out of range, each code unknown. */
export function scoreProblems(
  rubric: readonly ScoredCriterion[],
  scores: Record<string, unknown>,
): FieldIssue[] {
  const byCode = new Map(rubric.map((c) => [c.code, c]));
  const out: FieldIssue[] = [];
  for (const [code, value] of Object.entries(scores)) {
    const c = byCode.get(code);
    if (!c) {
      out.push({ path: `scores.${code}`, message: `评分标准中没有“${code}”这一项` });
      continue;
    }
    const problem = scoreProblem(c, value);
    if (problem) out.push({ path: `scores.${code}`, message: problem });
  }
  return out;
}

export interface ReviewContent {
  scores: Record<string, number>;
  recommendation: string | null;
  comment: string;
}

/**
 * What a review lacks before it can be submitted: a score for every criterion, one of the
 * recommendations, a comment of at least `commentMinChars` 字 (counted as WPS/Word does).
 */
export function submitProblems(
  rubric: readonly ScoredCriterion[],
  settings: { commentMinChars: number; recommendations: readonly RecommendationOption[] },
  review: ReviewContent,
): FieldIssue[] {
  const out: FieldIssue[] = [...scoreProblems(rubric, review.scores)];
  for (const c of rubric)
    if (review.scores[c.code] === undefined)
      out.push({ path: `scores.${c.code}`, message: `请为“${c.name}”打分` });
  if (!settings.recommendations.some((r) => r.code === review.recommendation))
    out.push({ path: 'recommendation', message: '请选择推荐意见' });
  const words = countWords(review.comment);
  if (words < settings.commentMinChars)
    out.push({
      path: 'comment',
      message: `评审意见至少${settings.commentMinChars}字（现有${words}字）`,
    });
  return out;
}

// ------------------------------------------------------------------ 匿名评审

/** The facts that name the applicant or reach its people: blanked for an anonymous round. */
export const IDENTITY_FACTS = [
  'applicantName',
  'uscc',
  'contactName',
  'phone',
  'email',
] as const satisfies readonly ScalarFactKey[];

/** 省级 code of a GB/T 2260 code (left two digits + 0000). */
export function provinceOf(code: string | null | undefined): string | null {
  return code && /^\d{6}$/.test(code) ? `${code.slice(0, 2)}0000` : null;
}

/**
 * The data as an expert of an anonymous round reads it: the fields the form binds to the
 * applicant's name, 统一社会信用代码, contact person, phone and e-mail emptied, the region cut to
 * its province — found through the form's fact bindings, whatever the fields are called. Free text,
 * co-applicants and attachments are not touched (they may still name the company).
 */
export function anonymisedData(
  form: FormDeclaration,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  const set = (path: string | undefined, value: (old: unknown) => unknown) => {
    if (!path) return;
    const [section, field, ...rest] = path.split('.');
    if (!section || !field || rest.length) return;
    const current = out[section];
    if (!current || typeof current !== 'object' || Array.isArray(current)) return;
    const obj = current as Record<string, unknown>;
    if (!(field in obj)) return;
    out[section] = { ...obj, [field]: value(obj[field]) };
  };
  for (const k of IDENTITY_FACTS) set(form.facts?.[k], (old) => (Array.isArray(old) ? [] : ''));
  set(form.facts?.region, (old) => (typeof old === 'string' ? (provinceOf(old) ?? '') : ''));
  return out;
}
