// 企业认证: an enterprise proves it is the company its 统一社会信用代码 names by uploading its
// 营业执照 (and an 授权书 where the filer is not the legal representative); its recommender or an
// organizer checks them. Submitting needs the documents; recommending needs them verified; a
// past award's 附件4 needs them verified by that award's recommender or an organizer.

export const VERIFICATION_STATUSES = ['unsubmitted', 'pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  unsubmitted: '未提交材料',
  pending: '待核验',
  verified: '已核验',
  rejected: '核验未通过',
};

export const VERIFICATION_DOCUMENT_KINDS = ['licence', 'authorisation'] as const;
export type VerificationDocumentKind = (typeof VERIFICATION_DOCUMENT_KINDS)[number];
export const VERIFICATION_DOCUMENT_LABELS: Record<VerificationDocumentKind, string> = {
  licence: '营业执照',
  authorisation: '授权书',
};

export interface VerificationFacts {
  verificationStatus: VerificationStatus;
  filerIsLegalRep: boolean;
  licenceDocumentId: string | null;
  authorisationDocumentId: string | null;
  verifiedByUnitId: string | null;
}

/** The documents still to upload: the licence always, the letter unless the filer is the legal representative. */
export function missingVerificationDocuments(e: VerificationFacts): VerificationDocumentKind[] {
  const missing: VerificationDocumentKind[] = [];
  if (!e.licenceDocumentId) missing.push('licence');
  if (!e.filerIsLegalRep && !e.authorisationDocumentId) missing.push('authorisation');
  return missing;
}

/** The status the documents give when nobody has decided on them yet. */
export function statusOfDocuments(e: VerificationFacts): VerificationStatus {
  return missingVerificationDocuments(e).length ? 'unsubmitted' : 'pending';
}

/** A sentence naming what is missing, for refusals: “请先上传营业执照和授权书”. */
export function describeMissing(missing: VerificationDocumentKind[]): string {
  return missing.map((k) => VERIFICATION_DOCUMENT_LABELS[k]).join('和');
}

/**
 * May this enterprise open the 附件4 report of an award recommended by `awardUnitId`? Only when
 * verified by that unit or by an organizer (verifiedByUnitId null).
 */
export function mayOpenAwardReport(
  e: Pick<VerificationFacts, 'verificationStatus' | 'verifiedByUnitId'>,
  awardUnitId: string | null,
): boolean {
  if (e.verificationStatus !== 'verified') return false;
  return e.verifiedByUnitId === null || e.verifiedByUnitId === awardUnitId;
}
