// 成果展示 (宣传推广, issue 14): a published solution's enterprise writes its own text and adds
// images; an organizer approves or returns it; only what was approved is public, and it stays public
// until a newer submission is approved. Limits and states, shared by server and web. No I/O.
import { countWords } from './word-count';
import { INT4_MAX, z } from './zod';

/** 字数 of the text (counted as WPS/Word do, domain/word-count). */
export const SHOWCASE_TEXT_MIN = 50;
export const SHOWCASE_TEXT_MAX = 2000;
export const SHOWCASE_MAX_IMAGES = 6;
export const SHOWCASE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** 字数 of a reason for returning a submission */
export const SHOWCASE_NOTE_MIN = 4;
export const SHOWCASE_NOTE_MAX = 500;

export const SHOWCASE_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type ShowcaseState = (typeof SHOWCASE_STATES)[number];
export const SHOWCASE_STATE_LABELS: Record<ShowcaseState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  pending: { zh: '待审核', en: 'Awaiting review' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Returned' },
};

/** What stops a text from being submitted, or null. */
export function showcaseTextProblem(text: string): string | null {
  const n = countWords(text.trim());
  if (n === 0) return '请先填写成果展示文字';
  if (n < SHOWCASE_TEXT_MIN) return `成果展示文字至少${SHOWCASE_TEXT_MIN}字，当前${n}字`;
  if (n > SHOWCASE_TEXT_MAX) return `成果展示文字最多${SHOWCASE_TEXT_MAX}字，当前${n}字`;
  return null;
}

const version = z
  .number()
  .int()
  .min(1)
  .max(INT4_MAX)
  .nullable()
  .describe('the version read with the showcase (null: none saved yet); another → 409');

/** saveShowcase: the draft's text (may be short while drafting) and its images in order. */
export const saveShowcaseSchema = z.object({
  text: z
    .string()
    .refine((s) => countWords(s) <= SHOWCASE_TEXT_MAX, `成果展示文字最多${SHOWCASE_TEXT_MAX}字`),
  imageIds: z
    .array(z.string().uuid('图片编号格式不正确'))
    .max(SHOWCASE_MAX_IMAGES, `最多${SHOWCASE_MAX_IMAGES}张图片`)
    .refine((ids) => new Set(ids).size === ids.length, '图片重复'),
  version,
});
export type SaveShowcaseInput = z.infer<typeof saveShowcaseSchema>;

/** submitShowcase / withdrawShowcase: the version the enterprise saw. */
export const showcaseVersionSchema = z.object({ version });
export type ShowcaseVersionInput = z.infer<typeof showcaseVersionSchema>;

/** reviewShowcase: approve, or return with a reason; version names the submission reviewed. */
export const reviewShowcaseSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: '请选择审核结果' }),
    note: z
      .string()
      .trim()
      .refine((s) => countWords(s) <= SHOWCASE_NOTE_MAX, `审核意见最多${SHOWCASE_NOTE_MAX}字`)
      .optional(),
    version: version.unwrap(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && countWords(v.note ?? '') < SHOWCASE_NOTE_MIN)
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: `请写明退回理由，至少${SHOWCASE_NOTE_MIN}个字`,
      });
  });
export type ReviewShowcaseInput = z.infer<typeof reviewShowcaseSchema>;

/** listShowcaseSubmissions' filter and page */
export const showcaseSubmissionQuerySchema = z.object({
  state: z.enum(SHOWCASE_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ShowcaseSubmissionQuery = z.infer<typeof showcaseSubmissionQuerySchema>;
