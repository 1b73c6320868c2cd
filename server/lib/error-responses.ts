// Every operation's error responses in the OpenAPI document: the envelope from domain/api/errors,
// one response per status, described by the stable codes it can carry.
import type { RouteOptions } from 'fastify';
import { errorResponseSchema } from '../../domain/api/errors';
import { ERRORS, type ErrorCode } from '../../domain/errors';

/** Who may call an operation: anyone, any signed-in user (401), or only some roles (401, 403). */
export type Access = 'public' | 'signed-in' | 'role';

export interface OperationErrors {
  access: Access;
  /** Codes beyond the ones every route of its kind can answer (see errorCodesOf). */
  errors?: readonly ErrorCode[];
}

const FILE: readonly ErrorCode[] = ['FILE_REJECTED', 'FILE_TOO_LARGE'];

/** What each operation can refuse with, beyond the defaults. Keyed by operationId. */
export const OPERATION_ERRORS: Record<string, OperationErrors> = {
  // auth
  signIn: {
    access: 'public',
    errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED'],
  },
  signOut: { access: 'public' },
  getMe: { access: 'signed-in' },
  changeOwnPassword: { access: 'signed-in', errors: ['WRONG_PASSWORD'] },
  updateOwnProfile: { access: 'signed-in', errors: ['WRONG_PASSWORD', 'EMAIL_TAKEN'] },
  // enterprises
  registerEnterprise: { access: 'public', errors: ['USCC_INVALID', 'USCC_TAKEN', 'EMAIL_TAKEN'] },
  listEnterprises: { access: 'role' },
  registerEnterpriseByOrganizer: {
    access: 'role',
    errors: ['USCC_INVALID', 'USCC_TAKEN', 'EMAIL_TAKEN'],
  },
  getEnterprise: { access: 'role' },
  // users
  listUsers: { access: 'role' },
  createUser: { access: 'role', errors: ['LOGIN_TAKEN', 'EMAIL_TAKEN'] },
  updateUser: { access: 'role' },
  resetUserPassword: { access: 'role', errors: ['CONFLICT'] },
  // recommender units: the list is public; inactive units only for the organizer
  listRecommenderUnits: { access: 'public', errors: ['UNAUTHENTICATED', 'FORBIDDEN'] },
  createRecommenderUnit: { access: 'role', errors: ['UNIT_NAME_TAKEN'] },
  updateRecommenderUnit: { access: 'role', errors: ['UNIT_NAME_TAKEN'] },
  // campaigns
  listCampaigns: { access: 'public' },
  getCampaign: { access: 'public' },
  copyCampaign: { access: 'role', errors: ['CAMPAIGN_CODE_TAKEN'] },
  listCampaignTemplates: { access: 'role' },
  createCampaign: { access: 'role', errors: ['CAMPAIGN_CODE_TAKEN'] },
  getCampaignConfig: { access: 'role' },
  updateCampaign: {
    access: 'role',
    errors: ['CONFIG_CONFLICT', 'FORM_LOCKED', 'REVIEW_SETTINGS_LOCKED', 'INVALID_DECLARATION'],
  },
  exportCampaignConfig: { access: 'role' },
  importCampaignConfig: {
    access: 'role',
    errors: ['CAMPAIGN_CODE_TAKEN', 'INVALID_DECLARATION'],
  },
  // reference data
  listRegions: { access: 'public' },
  searchIndustries: { access: 'public' },
  // audit
  listAuditEvents: { access: 'role' },
  verifyAuditChain: { access: 'role' },
  listAuditCheckpoints: { access: 'role' },
  createAuditCheckpoint: { access: 'role' },
  // applications
  getApplicationForm: { access: 'public' },
  getFollowUpForm: { access: 'public' },
  createApplication: {
    access: 'role',
    errors: ['NOT_FOUND', 'CHANNEL_NOT_ALLOWED', 'CAMPAIGN_NOT_OPEN', 'DRAFT_LIMIT_REACHED'],
  },
  deleteApplicationDraft: { access: 'role', errors: ['WRONG_STATE'] },
  listApplications: { access: 'role' },
  getApplication: { access: 'role' },
  getApplicationVersion: { access: 'role' },
  getApplicationHistory: { access: 'role' },
  saveApplicationDraft: { access: 'role', errors: ['WRONG_STATE', 'DRAFT_CONFLICT'] },
  submitApplication: {
    access: 'role',
    errors: [
      'WRONG_STATE',
      'DRAFT_CONFLICT',
      'DEADLINE_PASSED',
      'CAMPAIGN_NOT_OPEN',
      'APPLICATION_INCOMPLETE',
      'CHANNEL_NOT_ALLOWED',
      'VERIFICATION_DOCUMENTS_MISSING',
    ],
  },
  withdrawApplication: { access: 'role', errors: ['WRONG_STATE'] },
  uploadAttachment: { access: 'role', errors: [...FILE, 'WRONG_STATE'] },
  downloadAttachment: { access: 'role' },
  getApplicationPdf: { access: 'role' },
  getApplicationDocx: { access: 'role' },
  verifyPrintCode: { access: 'public', errors: ['VERIFICATION_CODE_INVALID'] },
  // notifications
  listNotifications: { access: 'signed-in' },
  markNotificationsRead: { access: 'signed-in' },
  getNotificationPreferences: { access: 'signed-in' },
  updateNotificationPreferences: { access: 'signed-in' },
  listNotificationTemplates: { access: 'role', errors: ['NOT_FOUND'] },
  saveNotificationTemplate: { access: 'role', errors: ['NOT_FOUND'] },
  resetNotificationTemplate: { access: 'role', errors: ['NOT_FOUND'] },
  previewNotificationTemplate: { access: 'role', errors: ['NOT_FOUND'] },
  listOutboundEmails: { access: 'role' },
  resendOutboundEmail: { access: 'role', errors: ['NOT_FOUND', 'WRONG_STATE'] },
  // recommendations
  listInbox: { access: 'role', errors: ['NOT_FOUND'] },
  returnApplication: {
    access: 'role',
    errors: ['WRONG_STATE', 'DEADLINE_PASSED', 'BATCH_SIGNED_OFF'],
  },
  rejectApplication: {
    access: 'role',
    errors: ['WRONG_STATE', 'DEADLINE_PASSED', 'BATCH_SIGNED_OFF'],
  },
  recommendApplication: {
    access: 'role',
    errors: [
      'WRONG_STATE',
      'DEADLINE_PASSED',
      'BATCH_SIGNED_OFF',
      'QUOTA_EXCEEDED',
      'ENTERPRISE_UNVERIFIED',
    ],
  },
  unrecommendApplication: {
    access: 'role',
    errors: ['WRONG_STATE', 'DEADLINE_PASSED', 'BATCH_SIGNED_OFF'],
  },
  // batches
  getBatch: { access: 'role' },
  reorderRecommendations: {
    access: 'role',
    errors: ['CONFLICT', 'DEADLINE_PASSED', 'BATCH_SIGNED_OFF'],
  },
  getSummaryTableXlsx: { access: 'role' },
  getSummaryTablePdf: { access: 'role' },
  uploadStampedScan: { access: 'role', errors: [...FILE, 'DEADLINE_PASSED', 'BATCH_SIGNED_OFF'] },
  getStampedScan: { access: 'role' },
  signOffBatch: {
    access: 'role',
    errors: ['DEADLINE_PASSED', 'BATCH_SIGNED_OFF', 'BATCH_NOT_READY'],
  },
  reopenBatch: { access: 'role', errors: ['WRONG_STATE'] },
  // progress
  getRecommenderProgress: { access: 'role' },
  exportRecommenderProgress: { access: 'role' },
  // 申报项目库 and 纸质材料签收
  listForwardedApplications: { access: 'role' },
  exportForwardedApplications: { access: 'role' },
  exportForwardedApplicationsZip: { access: 'role', errors: ['EXPORT_TOO_LARGE'] },
  receivePaperCopy: {
    access: 'role',
    errors: ['VERIFICATION_CODE_INVALID', 'PAPER_CODE_UNKNOWN'],
  },
  listPaperReceipts: { access: 'role' },
  // 监测分析 (statistics): a recommender asking for another unit's figures gets 403
  getStatisticsOverview: { access: 'role' },
  getStatisticsBreakdown: { access: 'role' },
  getFilingTimeline: { access: 'role' },
  getWinnerMonitoring: { access: 'role' },
  listStatisticsApplications: { access: 'role' },
  exportStatisticsXlsx: { access: 'role' },
  getPublicStatistics: { access: 'public' },
  // 年度监测分析报告 (issue 12)
  getAnalysisReportDocx: { access: 'role' },
  getAnalysisReportPdf: { access: 'role' },
  // awards
  importAwards: { access: 'role', errors: [...FILE, 'IMPORT_REJECTED', 'CONFLICT'] },
  listAwards: { access: 'role' },
  // follow-ups (附件4)
  listFollowUpReports: { access: 'role', errors: ['NOT_FOUND'] },
  exportFollowUpSummary: { access: 'role', errors: ['NOT_FOUND'] },
  getFollowUpReport: { access: 'role', errors: ['FOLLOW_UP_NEEDS_VERIFICATION'] },
  saveFollowUpReport: {
    access: 'role',
    errors: ['WRONG_STATE', 'DRAFT_CONFLICT', 'DEADLINE_PASSED', 'FOLLOW_UP_NEEDS_VERIFICATION'],
  },
  submitFollowUpReport: {
    access: 'role',
    errors: [
      'WRONG_STATE',
      'DEADLINE_PASSED',
      'FOLLOW_UP_INCOMPLETE',
      'FOLLOW_UP_NEEDS_VERIFICATION',
    ],
  },
  returnFollowUpReport: { access: 'role', errors: ['WRONG_STATE'] },
  // verification (企业认证, 代码申诉)
  getEnterpriseVerification: { access: 'role' },
  setVerificationFiler: { access: 'role' },
  uploadVerificationDocument: { access: 'role', errors: FILE },
  downloadVerificationDocument: { access: 'role' },
  decideEnterpriseVerification: { access: 'role', errors: ['VERIFICATION_DOCUMENTS_MISSING'] },
  fileUsccClaim: { access: 'public', errors: [...FILE, 'USCC_INVALID'] },
  listUsccClaims: { access: 'role' },
  downloadUsccClaimLicence: { access: 'role' },
  resolveUsccClaim: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT', 'EMAIL_TAKEN'] },
  // duplicates
  checkApplicationDuplicates: { access: 'role' },
  listApplicationFindings: { access: 'role' },
  listCampaignFindings: { access: 'role' },
  sweepDuplicates: { access: 'role' },
  dismissFinding: { access: 'role', errors: ['WRONG_STATE'] },
  confirmFinding: { access: 'role', errors: ['WRONG_STATE'] },
  // 形式审查 (issue 13)
  getFormalCheck: { access: 'role' },
  recordFormalCheck: {
    access: 'role',
    errors: ['WRONG_STATE', 'FORMAL_CHECK_CONFLICT', 'FORMAL_CHECK_BLOCKED'],
  },
  listFormalChecks: { access: 'role' },
  bulkPassFormalCheck: { access: 'role' },
  // 找回密码 and the links organizers' actions send
  requestPasswordReset: { access: 'public' },
  checkPasswordResetToken: { access: 'public', errors: ['RESET_TOKEN_INVALID'] },
  resetPasswordWithToken: { access: 'public', errors: ['RESET_TOKEN_INVALID'] },
  // 通知公告
  createAnnouncement: { access: 'role' },
  listAnnouncements: { access: 'signed-in' },
  listPublicAnnouncements: { access: 'public' },
  // 专家库 (issue 13)
  listExperts: { access: 'role' },
  createExpert: { access: 'role', errors: ['LOGIN_TAKEN', 'EMAIL_TAKEN'] },
  getExpertImportTemplate: { access: 'role' },
  importExperts: { access: 'role', errors: [...FILE, 'IMPORT_REJECTED', 'CONFLICT'] },
  getExpert: { access: 'role' },
  updateExpert: { access: 'role', errors: ['EMAIL_TAKEN'] },
  // 评审轮次与分配 (issue 13)
  listReviewRounds: { access: 'role' },
  createReviewRound: { access: 'role' },
  getReviewRound: { access: 'role' },
  updateReviewRound: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  proposeAssignments: { access: 'role', errors: ['WRONG_STATE'] },
  listRoundAssignments: { access: 'role' },
  addAssignment: {
    access: 'role',
    errors: ['WRONG_STATE', 'CONFLICT', 'ASSIGNMENT_RULES_BROKEN'],
  },
  updateAssignment: { access: 'role', errors: ['WRONG_STATE'] },
  publishAssignments: { access: 'role', errors: ['WRONG_STATE'] },
  declineAssignment: { access: 'role', errors: ['WRONG_STATE'] },
  // 遴选决定 (issue 14)
  getSelection: { access: 'role' },
  saveSelectionSettings: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  preselectByRanking: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  decideSelection: { access: 'role', errors: ['WRONG_STATE'] },
  uploadSelectionMinutes: { access: 'role', errors: [...FILE, 'WRONG_STATE'] },
  getSelectionMinutes: { access: 'role' },
  freezeSelection: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  // 公示 (issue 14)
  previewPublicNoticePeriod: { access: 'role' },
  openPublicNotice: { access: 'role', errors: ['WRONG_STATE'] },
  getPublicNotice: { access: 'public' },
  // 异议 (issue 14)
  getChallenge: { access: 'public' },
  submitObjection: { access: 'public', errors: [...FILE, 'WRONG_STATE'] },
  listObjections: { access: 'role' },
  getObjectionAttachment: { access: 'role' },
  resolveObjection: { access: 'role', errors: ['WRONG_STATE'] },
  // 发布 (issue 14)
  getPublishedList: { access: 'role' },
  publishList: { access: 'role', errors: ['WRONG_STATE'] },
  getSelectionCertificatePdf: { access: 'role', errors: ['WRONG_STATE'] },
  // 专家评分 and 评审结果 (issue 13)
  listMyReviews: { access: 'role' },
  getMyReview: { access: 'role', errors: ['ASSIGNMENT_INACTIVE'] },
  downloadReviewAttachment: { access: 'role', errors: ['ASSIGNMENT_INACTIVE'] },
  saveReview: {
    access: 'role',
    errors: ['ASSIGNMENT_INACTIVE', 'REVIEW_CLOSED', 'REVIEW_SUBMITTED', 'REVIEW_CONFLICT'],
  },
  submitReview: {
    access: 'role',
    errors: [
      'ASSIGNMENT_INACTIVE',
      'REVIEW_CLOSED',
      'REVIEW_SUBMITTED',
      'REVIEW_CONFLICT',
      'REVIEW_INCOMPLETE',
    ],
  },
  reopenReview: { access: 'role', errors: ['ASSIGNMENT_INACTIVE', 'WRONG_STATE', 'REVIEW_CLOSED'] },
  getReviewResults: { access: 'role' },
  exportReviewResultsXlsx: { access: 'role' },
  getExpertScoreSheetPdf: { access: 'role' },
  // 宣传推广 / 开放数据 (issue 14): all public
  listPublishedSolutions: { access: 'public' },
  getPublishedSolution: { access: 'public' },
  getPublishedSolutionChangesFeed: { access: 'public' },
  getOpenDataSchema: { access: 'public' },
  exportPublishedSolutionsJson: { access: 'public' },
  exportPublishedSolutionsCsv: { access: 'public' },
  exportPublishedList: { access: 'public' },
  // 成果展示 (issue 14)
  listMyShowcases: { access: 'role' },
  getShowcase: { access: 'role' },
  saveShowcase: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  uploadShowcaseImage: { access: 'role', errors: [...FILE, 'WRONG_STATE'] },
  deleteShowcaseImage: { access: 'role', errors: ['WRONG_STATE'] },
  getShowcaseImagePreview: { access: 'role' },
  submitShowcase: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  withdrawShowcase: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  listShowcaseSubmissions: { access: 'role' },
  reviewShowcase: { access: 'role', errors: ['WRONG_STATE', 'CONFLICT'] },
  getShowcaseImage: { access: 'public' },
  // 系统评价 (issue 15)
  listEvaluableLists: { access: 'role' },
  listEvaluationRounds: { access: 'role' },
  createEvaluationRound: { access: 'role', errors: ['WRONG_STATE'] },
  getEvaluationRound: { access: 'role' },
  proposeEvaluationAssignments: { access: 'role', errors: ['WRONG_STATE'] },
  publishEvaluationRound: { access: 'role', errors: ['WRONG_STATE'] },
  listEvaluationResults: { access: 'role' },
  setEvaluationBands: { access: 'role', errors: ['WRONG_STATE'] },
  closeEvaluationRound: { access: 'role', errors: ['WRONG_STATE'] },
  listMyEvaluations: { access: 'role' },
  getMyEvaluation: { access: 'role' },
  downloadEvaluationAttachment: { access: 'role' },
  saveEvaluationScores: {
    access: 'role',
    errors: ['REVIEW_CLOSED', 'REVIEW_SUBMITTED', 'REVIEW_CONFLICT'],
  },
  submitEvaluationScores: {
    access: 'role',
    errors: ['REVIEW_CLOSED', 'REVIEW_SUBMITTED', 'REVIEW_CONFLICT', 'REVIEW_INCOMPLETE'],
  },
  // 目录清单 (issue 15)
  getCatalogue: { access: 'public', errors: ['NOT_FOUND'] },
  listCatalogueVersions: { access: 'public' },
  publishCatalogue: { access: 'role', errors: ['NOT_FOUND', 'CONFLICT'] },
  previewCatalogue: { access: 'role' },
  importCatalogueEntries: { access: 'role', errors: FILE },
  // 随机抽查 (issue 15)
  listSpotChecks: { access: 'public' },
  commitSpotCheckSeed: { access: 'role' },
  listSpotCheckSources: { access: 'role' },
  recomputeSpotCheckDraw: { access: 'public' },
  verifySpotCheckDraw: { access: 'public' },
  downloadSpotCheckPopulation: { access: 'public', errors: ['WRONG_STATE'] },
  getSpotCheck: { access: 'role' },
  drawSpotCheck: { access: 'role', errors: ['WRONG_STATE', 'SEED_MISMATCH'] },
  assignSpotCheckTasks: {
    access: 'role',
    errors: ['WRONG_STATE', 'CONFLICT', 'ASSIGNMENT_RULES_BROKEN'],
  },
  closeSpotCheck: { access: 'role', errors: ['WRONG_STATE'] },
  listMySpotCheckTasks: { access: 'role' },
  getMySpotCheckTask: { access: 'role' },
  downloadSpotCheckAttachment: { access: 'role' },
  recordSpotCheckFinding: { access: 'role', errors: ['WRONG_STATE'] },
  uploadSpotCheckEvidence: {
    access: 'role',
    errors: ['FILE_REJECTED', 'FILE_TOO_LARGE', 'WRONG_STATE'],
  },
  getSpotCheckEvidence: { access: 'role' },
  // 动态管理 (issue 15)
  listAwardLifecycle: { access: 'role' },
  revokeAward: { access: 'role', errors: ['NOT_FOUND', 'ALREADY_REVOKED', 'ALREADY_WITHDRAWN'] },
  uploadRevocationEvidence: { access: 'role', errors: FILE },
  getRevocationEvidence: { access: 'role' },
  listSupport: { access: 'role' },
  recordSupport: { access: 'role', errors: ['NOT_FOUND'] },
  withdrawSupport: { access: 'role', errors: ['WRONG_STATE'] },
  listSupportTotals: { access: 'role' },
  uploadSupportDocument: { access: 'role', errors: FILE },
  getSupportDocument: { access: 'role' },
  // 年度运行监测 and 自查评估 (issue 15)
  openMonitoringRound: { access: 'role', errors: ['POST_AWARD_ROUND_EXISTS'] },
  openSelfEvaluation: { access: 'role', errors: ['LIST_STILL_VALID', 'POST_AWARD_ROUND_EXISTS'] },
  listPostAwardRounds: { access: 'role' },
  listPostAwardRoundReports: { access: 'role' },
  exportPostAwardSummary: { access: 'role' },
  stampPostAwardSummary: { access: 'role', errors: [...FILE, 'POST_AWARD_SUMMARY_NOT_READY'] },
  getPostAwardSummaryScan: { access: 'role' },
  listMyPostAwardReports: { access: 'role' },
  getPostAwardReport: { access: 'role' },
  saveMonitoringReport: {
    access: 'role',
    errors: ['WRONG_STATE', 'DRAFT_CONFLICT', 'DEADLINE_PASSED'],
  },
  submitMonitoringReport: {
    access: 'role',
    errors: ['WRONG_STATE', 'DEADLINE_PASSED', 'POST_AWARD_INCOMPLETE'],
  },
  saveSelfEvaluation: {
    access: 'role',
    errors: ['WRONG_STATE', 'DRAFT_CONFLICT', 'DEADLINE_PASSED'],
  },
  submitSelfEvaluation: {
    access: 'role',
    errors: ['WRONG_STATE', 'DEADLINE_PASSED', 'POST_AWARD_INCOMPLETE'],
  },
  returnPostAwardReport: { access: 'role', errors: ['WRONG_STATE', 'DEADLINE_PASSED'] },
  forwardPostAwardReport: { access: 'role', errors: ['WRONG_STATE'] },
  uploadPostAwardEvidence: { access: 'role', errors: [...FILE, 'WRONG_STATE', 'DEADLINE_PASSED'] },
  getPostAwardEvidence: { access: 'role' },
  getPostAwardRoundStatistics: { access: 'role' },
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a session may do before its one-time password is changed (route config beforePasswordChange). */
export const BEFORE_PASSWORD_CHANGE = new Set(['getMe', 'changeOwnPassword', 'signOut']);

/**
 * The codes a route can answer with: malformed input always; 401/403 by its access; CSRF on a
 * change; NOT_FOUND when its path names something; RATE_LIMITED when rate-limited; its own extras.
 * An operation missing from OPERATION_ERRORS is taken to need a role (the openapi test names it).
 */
export function errorCodesOf(route: {
  method: string;
  url: string;
  operationId?: string;
  rateLimited: boolean;
}): ErrorCode[] {
  const declared = (route.operationId && OPERATION_ERRORS[route.operationId]) || { access: 'role' };
  const codes: ErrorCode[] = ['VALIDATION_FAILED', 'BAD_REQUEST'];
  if (declared.access !== 'public') codes.push('UNAUTHENTICATED');
  if (declared.access === 'role') codes.push('FORBIDDEN');
  if (UNSAFE.has(route.method)) codes.push('CSRF_REJECTED');
  if (route.url.includes(':')) codes.push('NOT_FOUND');
  if (route.rateLimited) codes.push('RATE_LIMITED');
  for (const c of declared.errors ?? []) if (!codes.includes(c)) codes.push(c);
  if (codes.includes('UNAUTHENTICATED') && !BEFORE_PASSWORD_CHANGE.has(route.operationId ?? ''))
    codes.push('PASSWORD_CHANGE_REQUIRED');
  return codes;
}

/** `{ [status]: { description, content: { 'application/json': { schema: envelope } } } }`. */
export function errorResponsesFor(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes)
    byStatus.set(ERRORS[c].status, [...(byStatus.get(ERRORS[c].status) ?? []), c]);
  const responses: Record<number, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list.map((c) => `${c}：${ERRORS[c].zh}`).join('；'),
      content: { 'application/json': { schema: errorResponseSchema } },
    };
  }
  return responses;
}

/**
 * onRoute hook: adds the error responses to a documented route's schema. A status the route
 * declares itself is left as it is. The envelope schema accepts every body AppError.toBody()
 * sends, so serialisation passes the body through unchanged; 5xx stay undeclared.
 */
export function addErrorResponses(route: RouteOptions): void {
  const schema = route.schema as
    (NonNullable<RouteOptions['schema']> & { operationId?: string; hide?: boolean }) | undefined;
  if (!schema || schema.hide) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const codes = methods.flatMap((method) =>
    errorCodesOf({
      method,
      url: route.url,
      operationId: schema.operationId,
      rateLimited: !!(route.config as { rateLimit?: unknown } | undefined)?.rateLimit,
    }),
  );
  const errors = errorResponsesFor([...new Set(codes)]);
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  schema.response = { ...errors, ...declared };
}
