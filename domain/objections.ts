// 异议 (issue 14): during the 公示 anyone may object to a solution on the list, without an account:
// name, organisation, telephone, an optional e-mail, the solution, the reasons and one optional
// attachment, with a small arithmetic question against bots. The organizer upholds (the solution
// is withdrawn from the list) or dismisses, with a reason. Shared by the API routes and the web.
// No I/O.
import { emailSchema, phoneSchema } from './accounts';
import { countWords } from './word-count';
import { z } from './zod';

export const OBJECTION_STATES = ['received', 'upheld', 'dismissed'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  received: '待处理',
  upheld: '异议成立（已撤销入选）',
  dismissed: '不予采纳',
};

export const OBJECTION_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** 异议理由: enough to say what is wrong and why, short enough to read. */
export const OBJECTION_REASONS_MIN = 20;
export const OBJECTION_REASONS_MAX = 2000;
/** 处理理由 */
export const RESOLUTION_MIN = 4;
export const RESOLUTION_MAX = 1000;

/**
 * A form field no person sees (hidden on the page, not announced to screen readers): a program
 * filling every field fills it, and the objection is refused.
 */
export const HONEYPOT_FIELD = 'website';

/** How long a challenge (验证题) may be answered, from when it was asked. */
export const CHALLENGE_MINUTES = 10;

const reasonsSchema = z
  .string()
  .trim()
  .refine(
    (s) => countWords(s) >= OBJECTION_REASONS_MIN,
    `请写明异议理由，至少${OBJECTION_REASONS_MIN}个字`,
  )
  .refine(
    (s) => countWords(s) <= OBJECTION_REASONS_MAX,
    `异议理由最多${OBJECTION_REASONS_MAX}个字，详细材料请作为附件上传`,
  );

/** submitObjection's text fields (multipart: every value a string; the attachment is `file`). */
export const submitObjectionSchema = z.object({
  /** the solution: a notice item's itemId */
  itemId: z.string().uuid('请选择异议所涉的解决方案'),
  name: z.string().trim().min(2, '请填写异议人姓名').max(50, '姓名最多50个字'),
  organisation: z
    .string()
    .trim()
    .min(2, '请填写异议人所在单位（个人请填“个人”）')
    .max(100, '单位名称最多100个字'),
  phone: phoneSchema,
  /** optional: where the reference number and the outcome are e-mailed */
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    emailSchema.optional(),
  ),
  reasons: reasonsSchema,
  challengeToken: z.string().min(1, '请先获取验证题').max(400, '验证题已失效，请换一题'),
  challengeAnswer: z
    .string()
    .trim()
    .regex(/^-?\d{1,4}$/, '请用阿拉伯数字填写验证题的答案'),
});
export type SubmitObjectionInput = z.infer<typeof submitObjectionSchema>;

/** resolveObjection */
export const resolveObjectionSchema = z.object({
  outcome: z.enum(OBJECTION_OUTCOMES, { message: '请选择处理结果' }),
  resolution: z
    .string()
    .trim()
    .refine((s) => countWords(s) >= RESOLUTION_MIN, `请写明处理理由，至少${RESOLUTION_MIN}个字`)
    .refine((s) => countWords(s) <= RESOLUTION_MAX, `处理理由最多${RESOLUTION_MAX}个字`),
});
export type ResolveObjectionInput = z.infer<typeof resolveObjectionSchema>;

/** listObjections' filter */
export const objectionQuerySchema = z.object({ state: z.enum(OBJECTION_STATES).optional() });

/** 2021-YY-0001: the campaign's year, 异议 (YY), the order of filing in that year. */
export function objectionReferenceNo(year: number, seq: number): string {
  return `${year}-YY-${String(seq).padStart(4, '0')}`;
}

/** The order of a reference number of that year (0 if it is not one). */
export function objectionSeqOf(referenceNo: string): number {
  const m = /^\d{4}-YY-(\d+)$/.exec(referenceNo);
  return m ? Number(m[1]) : 0;
}

/** A challenge: `a op b`, its answer, and the question in Chinese ("7 加 5 等于多少？"). */
export interface ArithmeticChallenge {
  question: string;
  answer: number;
}

const OPS = [
  { word: '加', apply: (a: number, b: number) => a + b },
  { word: '减', apply: (a: number, b: number) => a - b },
  { word: '乘以', apply: (a: number, b: number) => a * b },
] as const;

/**
 * A question from three random numbers in [0, 1): two numbers from 1 to 20 and an operation;
 * a subtraction never goes below zero and a product stays small.
 */
export function arithmeticChallenge(r: [number, number, number]): ArithmeticChallenge {
  const op = OPS[Math.floor(r[2] * OPS.length)]!;
  const limit = op.word === '乘以' ? 9 : 20;
  let a = 1 + Math.floor(r[0] * limit);
  let b = 1 + Math.floor(r[1] * limit);
  if (op.word === '减' && b > a) [a, b] = [b, a];
  return { question: `${a} ${op.word} ${b} 等于多少？`, answer: op.apply(a, b) };
}
