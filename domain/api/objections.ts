// Response shapes of the 异议 API: the challenge and the receipt (public: nothing about anyone), the
// organizer's list (the objector's contact details are for the organizer alone) and a resolution.
import { OBJECTION_OUTCOMES, OBJECTION_STATES } from '../objections';
import { z } from '../zod';
import { isoDate } from './common';

/** getChallenge: a question to answer with the objection, and the signed token that goes with it. */
export const challengeSchema = z.object({
  token: z.string(),
  /** e.g. 7 加 5 等于多少？ */
  question: z.string(),
  expiresAt: isoDate,
});
export type ChallengeView = z.infer<typeof challengeSchema>;

/** submitObjection: what the objector keeps. */
export const objectionReceiptSchema = z.object({
  /** e.g. 2021-YY-0001 */
  referenceNo: z.string(),
  solutionName: z.string(),
  submittedAt: isoDate,
  /** a confirmation was e-mailed to the address given */
  emailed: z.boolean(),
});
export type ObjectionReceipt = z.infer<typeof objectionReceiptSchema>;

export const objectionViewSchema = z.object({
  id: z.string(),
  referenceNo: z.string(),
  applicationId: z.string(),
  solutionName: z.string(),
  applicantName: z.string(),
  unitName: z.string(),
  /** the application's state now (公示中, or 未入选 once an objection to it was upheld) */
  applicationState: z.string(),
  name: z.string(),
  organisation: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  reasons: z.string(),
  attachment: z
    .object({ filename: z.string(), mime: z.string(), size: z.number().int() })
    .nullable(),
  state: z.enum(OBJECTION_STATES),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: isoDate.nullable(),
  submittedAt: isoDate,
});
export type ObjectionView = z.infer<typeof objectionViewSchema>;

export const objectionListSchema = z.object({ items: z.array(objectionViewSchema) });
export type ObjectionList = z.infer<typeof objectionListSchema>;

/** resolveObjection */
export const resolvedObjectionSchema = z.object({
  objection: objectionViewSchema,
  outcome: z.enum(OBJECTION_OUTCOMES),
  /** upheld: the solution left the list now (false: an earlier objection withdrew it already) */
  withdrawn: z.boolean(),
  /** how the objector learns the outcome: e-mailed now, or the organizer telephones */
  toldBy: z.enum(['email', 'phone']),
});
export type ResolvedObjection = z.infer<typeof resolvedObjectionSchema>;
