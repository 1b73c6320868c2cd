// Shapes of 企业认证 (enterprise verification) and 代码申诉 (claims on a taken code).
import { VERIFICATION_DOCUMENT_KINDS, VERIFICATION_STATUSES } from '../enterprise-verification';
import {
  emailSchema,
  personNameSchema,
  phoneSchema,
  regionCodeSchema,
  usccSchema,
} from '../accounts';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export const verificationDocumentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: isoDate,
});

/** getEnterpriseVerification and every change of it */
export const enterpriseVerificationSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  filerIsLegalRep: z.boolean(),
  /** documents still to upload before submitting */
  missing: z.array(z.enum(VERIFICATION_DOCUMENT_KINDS)),
  licence: verificationDocumentSchema.nullable(),
  authorisation: verificationDocumentSchema.nullable(),
  verifiedAt: isoDate.nullable(),
  /** who decided: a unit's name, or 主管部门 */
  verifiedBy: z.string().nullable(),
  reason: z.string().nullable(),
  /** whether the caller may decide (its recommender, an organizer) */
  mayDecide: z.boolean(),
});
export type EnterpriseVerification = z.infer<typeof enterpriseVerificationSchema>;

export const verificationDecisionSchema = z
  .object({
    decision: z.enum(['verified', 'rejected']),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.decision === 'verified' || (b.reason?.length ?? 0) >= 2, {
    path: ['reason'],
    message: '请填写核验不通过的原因',
  });

export const filerSchema = z.object({ filerIsLegalRep: z.boolean() });

/** The fields of a claim, sent as multipart fields beside the licence (field file). */
export const usccClaimInputSchema = z.object({
  uscc: usccSchema,
  enterpriseName: z.string().trim().min(4, '请填写营业执照上的企业全称').max(100),
  provinceCode: regionCodeSchema,
  cityCode: regionCodeSchema,
  contactName: personNameSchema,
  phone: phoneSchema,
  email: emailSchema,
  note: z.string().trim().max(1000).default(''),
});
export type UsccClaimInput = z.infer<typeof usccClaimInputSchema>;

export const usccClaimViewSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  note: z.string(),
  licence: verificationDocumentSchema,
  /** the account holding the code when the claim was filed */
  holder: z
    .object({
      id: z.string(),
      name: z.string(),
      contactName: z.string(),
      email: z.string(),
      verificationStatus: z.enum(VERIFICATION_STATUSES),
      releasedAt: isoDate.nullable(),
    })
    .nullable(),
  state: z.enum(['open', 'upheld', 'dismissed']),
  decisionReason: z.string().nullable(),
  decidedAt: isoDate.nullable(),
  movedToEnterpriseId: z.string().nullable(),
  createdAt: isoDate,
});
export type UsccClaimView = z.infer<typeof usccClaimViewSchema>;
export const usccClaimListSchema = itemsOf(usccClaimViewSchema);

/** fileUsccClaim: only an acknowledgement goes back to the anonymous claimant */
export const usccClaimReceiptSchema = z.object({ id: z.string(), createdAt: isoDate });

export const resolveClaimSchema = z
  .object({
    decision: z.enum(['upheld', 'dismissed']),
    reason: z.string().trim().min(2, '请填写处理理由').max(1000),
    /** upheld only: give the code to a new account for the claimant */
    moveCode: z.boolean().default(false),
  })
  .refine((b) => b.decision === 'upheld' || !b.moveCode, {
    path: ['moveCode'],
    message: '只有支持申诉时才能转移代码',
  });

export const resolvedClaimSchema = z.object({
  claim: usccClaimViewSchema,
  /**
   * the claimant's new account, when the code was moved: a link to set the password e-mailed to
   * `linkSentTo` (the platform sends e-mail), else a one-time password shown once
   */
  account: z
    .object({
      login: z.string(),
      oneTimePassword: z.string().optional(),
      linkSentTo: z.string().optional(),
    })
    .nullable(),
});
export type ResolvedClaim = z.infer<typeof resolvedClaimSchema>;
