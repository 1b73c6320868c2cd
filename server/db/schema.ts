import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CampaignSettings } from '../../domain/campaign';
import type { FormDeclaration } from '../../domain/form';
import type { ApplicationFacts } from '../../domain/facts';
import { APPLICATION_STATES } from '../../domain/application-states';
import type { VerificationStatus } from '../../domain/enterprise-verification';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const roleEnum = pgEnum('role', ['enterprise', 'recommender', 'organizer', 'expert']);
export const userStatusEnum = pgEnum('user_status', ['active', 'disabled']);
export const recommenderUnitTypeEnum = pgEnum('recommender_unit_type', [
  'province',
  'plan_separate_city',
  'xpcc',
  'central_enterprise',
  'association',
]);

/** GB/T 2260 provinces (level 1) and cities (level 2). */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: smallint('level').notNull(),
  parentCode: text('parent_code'),
});

/** GB/T 4754-2017 国民经济行业分类. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    level: smallint('level').notNull(), // 1 门类 2 大类 3 中类 4 小类
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    section: text('section').notNull(),
    remark: text('remark').notNull().default(''),
  },
  (t) => [index('industries_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`)],
);

/** 推荐单位. */
export const recommenderUnits = pgTable(
  'recommender_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    type: recommenderUnitTypeEnum('type').notNull(),
    regionCode: text('region_code'),
    quotaOverride: integer('quota_override'),
    sortOrder: integer('sort_order').notNull().default(1000),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recommender_units_name').on(t.name)],
);

/** 申报企业. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    contactName: text('contact_name').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    checkDigitOverrideReason: text('check_digit_override_reason'),
    /** 企业认证 (domain/enterprise-verification.ts): the licence, the letter and who verified them */
    verificationStatus: text('verification_status')
      .$type<VerificationStatus>()
      .notNull()
      .default('unsubmitted'),
    filerIsLegalRep: boolean('filer_is_legal_rep').notNull().default(true),
    licenceDocumentId: uuid('licence_document_id'),
    authorisationDocumentId: uuid('authorisation_document_id'),
    verifiedBy: uuid('verified_by'),
    /** the verifying recommender's unit; null when an organizer verified */
    verifiedByUnitId: uuid('verified_by_unit_id'),
    verifiedAt: ts('verified_at'),
    verificationReason: text('verification_reason'),
    /** set when an organizer moved the code to a claimant: this record keeps its history only */
    releasedAt: ts('released_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc')
      .on(t.uscc)
      .where(sql`released_at is null`),
    // 监测分析's 注册企业 (registered by a moment, in a province or city): an index-only count
    index('enterprises_registered')
      .on(t.provinceCode, t.cityCode, t.createdAt)
      .where(sql`released_at is null`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    login: text('login').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    role: roleEnum('role').notNull(),
    status: userStatusEnum('status').notNull().default('active'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    recommenderUnitId: uuid('recommender_unit_id').references(() => recommenderUnits.id),
    lastSignInAt: ts('last_sign_in_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_login').on(t.login),
    uniqueIndex('users_email').on(t.email),
    index('users_enterprise').on(t.enterpriseId),
    index('users_unit').on(t.recommenderUnitId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Failed sign-ins, counted per account and source address: a lock holds one address out of one
 * account, never the real user elsewhere. `account` is `user:<id>` for an existing account and
 * `login:<what was typed>` for none, so that both answer alike.
 */
/**
 * Request counters of the rate-limited routes (sign-in, registration, public forms), one row per
 * route and client address, shared by every node on the database: behind a load balancer a
 * client's requests count together whichever node answers them.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: ts('resets_at').notNull(),
  },
  (t) => [index('rate_limit_counters_resets').on(t.resetsAt)],
);

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    account: text('account').notNull(),
    ip: text('ip').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: ts('last_failed_at').notNull(),
    lockedUntil: ts('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.account, t.ip] }),
    index('sign_in_failures_user').on(t.userId),
    index('sign_in_failures_last').on(t.lastFailedAt),
  ],
);

/** 征集遴选活动. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    issuer: text('issuer').notNull(),
    publishedOn: text('published_on').notNull(),
    opensAt: ts('opens_at').notNull(),
    onlineDeadline: ts('online_deadline').notNull(),
    paperDeadline: ts('paper_deadline').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    copiedFromId: uuid('copied_from_id'),
    settings: jsonb('settings').$type<CampaignSettings>().notNull(),
    /** bumped by every change of the configuration: caches of forms and schemas key on it */
    configRevision: integer('config_revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaigns_code').on(t.code)],
);

/**
 * A campaign's form declarations (申报书, 附件4), as data. Every change inserts a new revision;
 * the campaign's current form of a kind is its highest revision. Never updated.
 */
export const campaignForms = pgTable(
  'campaign_forms',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kind: text('kind').notNull(), // 'application' | 'followUp'
    revision: integer('revision').notNull(),
    declaration: jsonb('declaration').$type<FormDeclaration>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('campaign_forms_pk').on(t.campaignId, t.kind, t.revision)],
);

/** Append-only, hash-chained. A trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_actor').on(t.actorId),
    index('audit_log_target').on(t.targetType, t.targetId),
  ],
);

/** Facts about this database: which seeds ran. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** An application's life (DESIGN §3). */
export const applicationStateEnum = pgEnum('application_state', APPLICATION_STATES);

/** 申报书: the working copy an enterprise edits. Submitting freezes a numbered version. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    channelUnitId: uuid('channel_unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    state: applicationStateEnum('state').notNull().default('draft'),
    formId: text('form_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    draftVersion: integer('draft_version').notNull().default(1), // bumped by every save
    wordCount: integer('word_count').notNull().default(0),
    solutionName: text('solution_name').notNull().default(''),
    /** what every reader needs, computed from the data by the form's bindings (domain/facts.ts) */
    facts: jsonb('facts').$type<ApplicationFacts | Record<string, never>>().notNull().default({}),
    currentVersionNo: integer('current_version_no'),
    returnComment: text('return_comment'),
    rejectReason: text('reject_reason'),
    recommendRank: integer('recommend_rank'), // 推荐排序 within the unit's batch
    decidedAt: ts('decided_at'), // the recommender's latest decision
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    index('applications_enterprise').on(t.enterpriseId),
    index('applications_channel_state').on(t.channelUnitId, t.state),
    // 监测分析 counts a campaign's applications by state from this index alone (index-only scan):
    // every column a count reads is in it, so the wide rows (data, facts) are not read
    index('applications_campaign_state').on(
      t.campaignId,
      t.state,
      t.submittedAt,
      t.channelUnitId,
      t.id,
    ),
  ],
);

/**
 * 监测分析: an application's bucket(s) in each dimension read from its facts, derived in SQL by the
 * statistics module (refreshStatKeys) when it is submitted or its facts are recomputed. Only
 * submitted applications have rows. `section` is the 门类 of the industry codes behind an
 * industrySection/industryDivision key ('' elsewhere), for an industrySection filter.
 */
export const applicationStatKeys = pgTable(
  'application_stat_keys',
  {
    campaignId: uuid('campaign_id').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    section: text('section').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.dimension, t.key, t.section] }),
    // a campaign's keys in a dimension, with the application: breakdowns and filters read the
    // index alone (index-only scans)
    index('application_stat_keys_campaign').on(t.campaignId, t.dimension, t.key, t.applicationId),
    // one key across campaigns (a filter on the years' trend)
    index('application_stat_keys_key').on(t.dimension, t.key, t.campaignId, t.applicationId),
  ],
);

/** A frozen, numbered version. Never updated. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    versionNo: integer('version_no').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    attachments: jsonb('attachments').$type<FrozenAttachment[]>().notNull(),
    channelUnitId: uuid('channel_unit_id').notNull(),
    wordCount: integer('word_count').notNull(),
    verificationCode: text('verification_code').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
  },
  (t) => [
    uniqueIndex('application_versions_no').on(t.applicationId, t.versionNo),
    uniqueIndex('application_versions_code').on(t.verificationCode),
  ],
);

export interface FrozenAttachment {
  id: string;
  filename: string;
  kind: 'pdf' | 'image' | 'office';
  size: number;
  sha256: string;
}

/** Uploaded files. Bytes live in the file storage; a file a frozen version names is never removed. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    filename: text('filename').notNull(),
    kind: text('kind').$type<FrozenAttachment['kind']>().notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('attachments_application').on(t.applicationId)],
);

/** Files that belong to no application: a unit's stamped 附件3 scan, a stamped 附件4 summary. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose')
      .$type<
        | 'summary_table_scan'
        | 'follow_up_summary_scan'
        | 'business_licence'
        | 'authorisation_letter'
        | 'claim_licence'
        | 'selection_minutes'
        | 'objection_attachment'
        | 'showcase_image'
        | 'revocation_evidence'
        | 'support_document'
        | 'post_award_summary_scan'
        | 'post_award_evidence'
        | 'spot_check_evidence'
      >()
      .notNull(),
    ownerUnitId: uuid('owner_unit_id').references(() => recommenderUnits.id),
    /** 营业执照 and 授权书: the enterprise they prove */
    ownerEnterpriseId: uuid('owner_enterprise_id').references(() => enterprises.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    filename: text('filename').notNull(),
    kind: text('kind').$type<FrozenAttachment['kind']>().notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('documents_owner').on(t.ownerUnitId, t.campaignId)],
);

export const batchStateEnum = pgEnum('batch_state', ['open', 'signed_off']);

/**
 * 报送批次: one per recommender and campaign. Signing off forwards the recommended
 * applications and locks the desk; only an organizer reopens it, with a reason.
 */
export const recommendationBatches = pgTable(
  'recommendation_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    state: batchStateEnum('state').notNull().default('open'),
    stampedScanId: uuid('stamped_scan_id').references(() => documents.id), // 盖章扫描件 of 附件3
    signedOffAt: ts('signed_off_at'),
    signedOffBy: uuid('signed_off_by'),
    reopenedAt: ts('reopened_at'),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('recommendation_batches_unit').on(t.campaignId, t.unitId)],
);

export const awardSourceEnum = pgEnum('award_source', ['imported', 'platform']);

/** 往届获奖名单: past awards, imported or made in the platform. */
export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    solutionName: text('solution_name').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    category: text('category').notNull(),
    recommenderName: text('recommender_name').notNull(),
    recommenderUnitId: uuid('recommender_unit_id').references(() => recommenderUnits.id),
    source: awardSourceEnum('source').notNull(),
    applicationId: uuid('application_id').references(() => applications.id),
    text: text('text'), // the full text, kept for awards made in the platform
    importedBy: uuid('imported_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('awards_identity').on(t.year, t.uscc, t.solutionName),
    index('awards_uscc').on(t.uscc),
    index('awards_recommender').on(t.recommenderUnitId),
  ],
);

export const followUpStateEnum = pgEnum('follow_up_state', ['draft', 'submitted', 'returned']);

/** 附件4 工业互联网APP优秀解决方案应用推广情况统计表: one per past award and campaign. */
export const followUpReports = pgTable(
  'follow_up_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    state: followUpStateEnum('state').notNull().default('draft'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    draftVersion: integer('draft_version').notNull().default(1),
    returnComment: text('return_comment'),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('follow_up_reports_award').on(t.campaignId, t.awardId)],
);

export const duplicateKindEnum = pgEnum('duplicate_kind', ['award', 'application']);
export const duplicateFindingStateEnum = pgEnum('duplicate_finding_state', [
  'open',
  'confirmed',
  'dismissed',
]);

/**
 * 不得重复上报 / 多头申报: an application resembling a past award or another current
 * application. A pair of applications has two rows, one per side, so each recommender sees its
 * own. Open rows follow the detector; confirmed and dismissed ones are people's decisions.
 */
export const duplicateFindings = pgTable(
  'duplicate_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: duplicateKindEnum('kind').notNull(),
    matchAwardId: uuid('match_award_id').references(() => awards.id),
    matchApplicationId: uuid('match_application_id').references(() => applications.id),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    signals: jsonb('signals').$type<Record<string, unknown>>().notNull(),
    evidence: jsonb('evidence').$type<unknown[]>().notNull(),
    applicationTextHash: text('application_text_hash').notNull(), // sha256 of the text the offsets index into
    state: duplicateFindingStateEnum('state').notNull().default('open'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('duplicate_findings_award').on(t.applicationId, t.matchAwardId),
    uniqueIndex('duplicate_findings_application').on(t.applicationId, t.matchApplicationId),
    index('duplicate_findings_campaign').on(t.campaignId, t.state),
    index('duplicate_findings_match').on(t.matchApplicationId),
  ],
);

export const usccClaimStateEnum = pgEnum('uscc_claim_state', ['open', 'upheld', 'dismissed']);

/**
 * 代码申诉: a company finding its 统一社会信用代码 registered by someone else files its licence and
 * contact details; an organizer upholds (and may move the code to a new account) or dismisses.
 */
export const usccClaims = pgTable(
  'uscc_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    contactName: text('contact_name').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    note: text('note').notNull().default(''),
    licenceDocumentId: uuid('licence_document_id')
      .notNull()
      .references(() => documents.id),
    /** the enterprise holding the code when the claim was filed */
    holderEnterpriseId: uuid('holder_enterprise_id').references(() => enterprises.id),
    state: usccClaimStateEnum('state').notNull().default('open'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    /** the claimant's new enterprise, when the code was moved to it */
    movedToEnterpriseId: uuid('moved_to_enterprise_id').references(() => enterprises.id),
    ip: text('ip'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('uscc_claims_state').on(t.state, t.createdAt),
    index('uscc_claims_uscc').on(t.uscc),
  ],
);

/**
 * 消息中心: one in-app message to one user. `dedupeKey` makes a scheduled reminder unique per user
 * (the same reminder is never sent twice, whichever process runs the schedule).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe')
      .on(t.userId, t.dedupeKey)
      .where(sql`dedupe_key is not null`),
  ],
);

/** A user's e-mail choices: the kinds not wanted by e-mail (in-app messages always stay). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailOff: jsonb('email_off').$type<string[]>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** A template of one kind for one campaign (or, campaign null, for the platform); else the default. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('notification_templates_campaign')
      .on(t.campaignId, t.kind)
      .where(sql`campaign_id is not null`),
    uniqueIndex('notification_templates_platform')
      .on(t.kind)
      .where(sql`campaign_id is null`),
  ],
);

export const emailStateEnum = pgEnum('email_state', ['queued', 'sending', 'sent', 'failed']);

/**
 * The e-mail outbox and delivery log: written in the transaction of the event that causes it,
 * with the pg-boss job that delivers it. A worker claims a row with a conditional UPDATE, so
 * however many processes run, each message is sent once.
 */
export const outboundEmails = pgTable(
  'outbound_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id').references(() => notifications.id, {
      onDelete: 'set null',
    }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: emailStateEnum('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** a claim by a worker, good until then (a crashed worker's claim runs out) */
    leaseUntil: ts('lease_until'),
    messageId: text('message_id'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('outbound_emails_state').on(t.state, t.createdAt),
    index('outbound_emails_created').on(t.createdAt),
  ],
);

/** A single-use link to set a password (找回密码, or an account opened or reset by an organizer). */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    /** sha256 of the token in the link */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(), // 'reset' | 'account_created' | 'organizer_reset'
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    ip: text('ip'),
  },
  (t) => [index('password_reset_tokens_user').on(t.userId)],
);

/** 通知公告. */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    unitIds: jsonb('unit_ids').$type<string[]>().notNull(),
    email: boolean('email').notNull(),
    isPublic: boolean('is_public').notNull(),
    recipients: integer('recipients').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('announcements_campaign').on(t.campaignId, t.createdAt)],
);

// ------------------------------------------------------------------ 评审 (issue 13)

/**
 * 纸质材料签收: one arriving paper copy. A 申报书 is recorded by the verification code printed on
 * it; the stamped 附件3 carries no code, so it is recorded against the unit's batch (`unitId`,
 * no application). `status` is what the copy was on arrival: the current frozen version of a
 * forwarded application (a 附件3: of a signed-off batch), a superseded version, or not forwarded.
 * Never updated or deleted (a trigger refuses it); a second copy is a second row.
 */
export const paperReceipts = pgTable(
  'paper_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** the recommending unit: the application's channel, or the unit whose 附件3 arrived */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    /** the 申报书's application (null for a 附件3) */
    applicationId: uuid('application_id').references(() => applications.id),
    /** the version the code names (null for a 附件3) */
    versionNo: integer('version_no'),
    /** the verification code as scanned or typed, normalised (null for a 附件3) */
    code: text('code'),
    /** 'application' (申报书) | 'summary_table' (盖章的附件3) */
    kind: text('kind').notNull(),
    /** 'current' | 'superseded' | 'not_forwarded' at the moment of receipt */
    status: text('status').notNull(),
    receivedOn: text('received_on').notNull(), // YYYY-MM-DD (Beijing)
    postmarkedOn: text('postmarked_on'), // YYYY-MM-DD, from the envelope
    /** postmarked (or, without a postmark, received) after the paper deadline */
    late: boolean('late').notNull(),
    note: text('note').notNull().default(''),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('paper_receipts_application').on(t.applicationId, t.createdAt),
    index('paper_receipts_campaign').on(t.campaignId, t.createdAt),
    index('paper_receipts_unit').on(t.campaignId, t.unitId),
    check(
      'paper_receipts_kind',
      sql`(${t.kind} = 'application' and ${t.applicationId} is not null and ${t.versionNo} is not null and ${t.code} is not null) or (${t.kind} = 'summary_table' and ${t.applicationId} is null)`,
    ),
  ],
);

/**
 * 形式审查: an application's current result over the campaign's checklist (one row; every change
 * is also an audit row with before and after). `items`: code → pass and the reason.
 */
export const formalChecks = pgTable('formal_checks', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  versionNo: integer('version_no').notNull(),
  result: text('result').notNull(), // 'pass' | 'fail'
  /** each item as decided, with its label then (the checklist may be edited later) */
  items: jsonb('items')
    .$type<{ code: string; label?: string; pass: boolean; reason: string }[]>()
    .notNull(),
  /** the reasons of the failed items, as shown to the recommender and the enterprise */
  summary: text('summary').notNull().default(''),
  revision: integer('revision').notNull().default(1),
  checkedBy: uuid('checked_by')
    .notNull()
    .references(() => users.id),
  checkedAt: ts('checked_at').notNull(),
});

/** 专家库: an expert (each with an expert account). */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    employerName: text('employer_name').notNull(),
    employerUscc: text('employer_uscc'),
    title: text('title').notNull().default(''), // 职称 / 职务
    regionCode: text('region_code').notNull(), // GB/T 2260, six digits
    categories: jsonb('categories').$type<string[]>().notNull(), // category codes
    industries: jsonb('industries').$type<string[]>().notNull(), // GB/T 4754 codes
    focusAreas: jsonb('focus_areas').$type<string[]>().notNull(),
    /** 申报回避: enterprises (by code and/or name) and recommending units the expert declared */
    conflictEnterprises: jsonb('conflict_enterprises')
      .$type<{ uscc?: string; name?: string }[]>()
      .notNull(),
    conflictUnitIds: jsonb('conflict_unit_ids').$type<string[]>().notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('experts_user').on(t.userId)],
);

/** 评审轮次: a round of expert review in a campaign. */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    reviewsPerApplication: integer('reviews_per_application').notNull(),
    maxLoad: integer('max_load').notNull(),
    deadline: ts('deadline').notNull(),
    /** 匿名评审: experts do not see the applicant's identity */
    anonymous: boolean('anonymous').notNull(),
    /** 回避本地区: no expert from the applicant's province */
    avoidSameRegion: boolean('avoid_same_region').notNull(),
    state: text('state').notNull(), // 'draft' | 'published' | 'closed'
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [index('review_rounds_campaign').on(t.campaignId)],
);

/** A round's panel (e.g. by category): its categories and the experts seated on it. */
export const reviewPanels = pgTable(
  'review_panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    name: text('name').notNull(),
    categories: jsonb('categories').$type<string[]>().notNull(),
    expertIds: jsonb('expert_ids').$type<string[]>().notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('review_panels_round').on(t.roundId)],
);

/**
 * An (application, expert) pair of a round. `proposed` until the round's assignments are
 * published; a declined pair stays (with the reason) and is never proposed again.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => reviewPanels.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    state: text('state').notNull(), // 'proposed' | 'published' | 'declined' | 'removed'
    /** 'auto' (the solver) | 'manual' (the organizer) | 'replacement' */
    source: text('source').notNull(),
    fit: real('fit').notNull(),
    /** conflict rules the organizer overrode for this pair, with the reason (audited) */
    overriddenRules: jsonb('overridden_rules').$type<string[]>().notNull().default([]),
    overrideReason: text('override_reason'),
    declineReason: text('decline_reason'),
    declinedAt: ts('declined_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_assignments_pair').on(t.roundId, t.applicationId, t.expertId),
    index('review_assignments_expert').on(t.expertId, t.state),
    index('review_assignments_application').on(t.applicationId),
  ],
);

/**
 * 专家评分: an expert's review of an assigned application. Saved over its version (optimistic,
 * like drafts); `submitted` locks it until an organizer reopens it with a reason.
 */
export const reviews = pgTable(
  'reviews',
  {
    assignmentId: uuid('assignment_id')
      .primaryKey()
      .references(() => reviewAssignments.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    /** rubric criterion code → score (0 … its maximum) */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    recommendation: text('recommendation'),
    comment: text('comment').notNull().default(''),
    state: text('state').notNull(), // 'draft' | 'submitted'
    version: integer('version').notNull().default(1),
    savedAt: ts('saved_at').notNull(),
    submittedAt: ts('submitted_at'),
    reopenedAt: ts('reopened_at'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [index('reviews_round').on(t.roundId, t.state), index('reviews_expert').on(t.expertId)],
);

/**
 * 遴选决定: one per campaign — the review round whose ranking it reads, the targets per category,
 * the 评审会 minutes, and whether it is frozen (then the decisions are the 公示 list).
 */
export const selections = pgTable('selections', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  roundId: uuid('round_id')
    .notNull()
    .references(() => reviewRounds.id),
  /** category code → how many to select */
  targets: jsonb('targets').$type<Record<string, number>>().notNull(),
  state: text('state').$type<'open' | 'frozen'>().notNull(),
  revision: integer('revision').notNull().default(1),
  minutesId: uuid('minutes_id').references(() => documents.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  frozenAt: ts('frozen_at'),
  frozenBy: uuid('frozen_by').references(() => users.id),
});

/** 遴选决定 per application: 入选 or 不入选, with the reason and who decided when. */
export const selectionDecisions = pgTable(
  'selection_decisions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => selections.campaignId),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    decision: text('decision').$type<'selected' | 'not_selected'>().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.applicationId] })],
);

/** 公示: one per campaign, opened once the selection is frozen; the period in Beijing days. */
export const publicNotices = pgTable('public_notices', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  /** first and last day (YYYY-MM-DD, both included) and the working days between */
  fromDay: text('from_day').notNull(),
  toDay: text('to_day').notNull(),
  workingDays: integer('working_days').notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  /** how to object (shown on the public page) */
  contact: text('contact').notNull(),
  openedBy: uuid('opened_by')
    .notNull()
    .references(() => users.id),
  openedAt: ts('opened_at').notNull(),
});

/**
 * 异议: filed by anyone during the 公示 period, without an account, against one solution in the
 * notice. The objector gets the reference number; an organizer verifies it and upholds it (the
 * solution is withdrawn from the list) or dismisses it, with the reason; the objector is told.
 * Objectors' names and contacts are never public.
 */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** e.g. 2021-YY-0001: the campaign's year and the order of filing */
    referenceNo: text('reference_no').notNull(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    phone: text('phone').notNull(),
    /** where the outcome is e-mailed; without it the organizer tells the objector by phone */
    email: text('email'),
    reasons: text('reasons').notNull(),
    attachmentId: uuid('attachment_id').references(() => documents.id),
    state: text('state').$type<'received' | 'upheld' | 'dismissed'>().notNull(),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: ts('resolved_at'),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [
    uniqueIndex('objections_reference').on(t.referenceNo),
    index('objections_campaign').on(t.campaignId, t.state),
  ],
);

/** 优秀解决方案名单: one per campaign, published once the 公示 has ended. */
export const publishedLists = pgTable('published_lists', {
  campaignId: uuid('campaign_id')
    .primaryKey()
    .references(() => campaigns.id),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  /** 文号, e.g. 工信厅信发函〔2021〕300号 */
  documentNo: text('document_no').notNull(),
  /** the publication day (Beijing) and the last day of validity, two years later */
  publishedOn: text('published_on').notNull(),
  validUntil: text('valid_until').notNull(),
  publishedBy: uuid('published_by')
    .notNull()
    .references(() => users.id),
  publishedAt: ts('published_at').notNull(),
});

/**
 * A published solution under its stable public id (2021-IIAPP-001): what the public sees,
 * copied from the application's facts at publication, with its validity and status.
 */
export const publishedSolutions = pgTable(
  'published_solutions',
  {
    publicId: text('public_id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => publishedLists.campaignId),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    solutionName: text('solution_name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    uscc: text('uscc').notNull(),
    category: text('category').notNull(),
    categoryName: text('category_name').notNull(),
    regionCode: text('region_code'),
    regionName: text('region_name').notNull(),
    /** industry codes and their names, as filed */
    industries: jsonb('industries').$type<{ code: string; name: string }[]>().notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    unitName: text('unit_name').notNull(),
    summary: text('summary').notNull(),
    apps: jsonb('apps').$type<{ name: string; version: string }[]>().notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until').notNull(),
    status: text('status').$type<'valid' | 'revoked' | 'expired' | 'withdrawn'>().notNull(),
    statusChangedAt: ts('status_changed_at').notNull(),
    /** on the 入选证明; /verify recognises it */
    certificateCode: text('certificate_code').notNull(),
    awardId: uuid('award_id').references(() => awards.id),
  },
  (t) => [
    uniqueIndex('published_solutions_application').on(t.applicationId),
    uniqueIndex('published_solutions_certificate').on(t.certificateCode),
    uniqueIndex('published_solutions_seq').on(t.campaignId, t.seq),
    index('published_solutions_enterprise').on(t.enterpriseId),
    index('published_solutions_unit').on(t.unitId),
  ],
);

/** The public history of a published solution: published, then any status change. */
export const publishedSolutionEvents = pgTable(
  'published_solution_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    publicId: text('public_id')
      .notNull()
      .references(() => publishedSolutions.publicId),
    kind: text('kind').$type<'published' | 'revoked' | 'expired' | 'withdrawn'>().notNull(),
    /** the day it took effect (Beijing) */
    day: text('day').notNull(),
    note: text('note').notNull(),
    /** 撤销: the reason's code (domain) and the evidence document, if any; who did it */
    reasonCode: text('reason_code'),
    evidenceId: uuid('evidence_id').references(() => documents.id),
    actorId: uuid('actor_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index('published_solution_events_solution').on(t.publicId, t.at)],
);

/**
 * 成果展示: the enterprise's own text and images for its published solution. What it submits
 * waits for an organizer; the approved text and images are what the public page shows, and stay
 * until a newer submission is approved.
 */
export const showcaseEntries = pgTable('showcase_entries', {
  publicId: text('public_id')
    .primaryKey()
    .references(() => publishedSolutions.publicId),
  text: text('text').notNull(),
  /** documents (purpose showcase_image) */
  imageIds: jsonb('image_ids').$type<string[]>().notNull(),
  state: text('state').$type<'draft' | 'pending' | 'approved' | 'rejected'>().notNull(),
  reviewNote: text('review_note'),
  submittedAt: ts('submitted_at'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  approvedText: text('approved_text'),
  approvedImageIds: jsonb('approved_image_ids').$type<string[]>(),
  approvedAt: ts('approved_at'),
  updatedAt: ts('updated_at').notNull(),
  /** counts the changes: a save or submit names the version it read (optimistic locking) */
  version: integer('version').notNull().default(1),
});

// ---------------------------------------------------------------------------------------------
// 动态管理 after the award (issue 15)

/**
 * Scheduled work done for a published solution (an expiry, a 90- or 30-day reminder), under its
 * idempotence key (domain/award-lifecycle.ts lifecycleKey): inserted in the transaction that does
 * the work, so the work happens once however many runs and processes ask.
 */
export const lifecycleActions = pgTable('lifecycle_actions', {
  key: text('key').primaryKey(),
  publicId: text('public_id')
    .notNull()
    .references(() => publishedSolutions.publicId),
  kind: text('kind').$type<'expire' | 'remind'>().notNull(),
  /** the Beijing day it was due */
  day: text('day').notNull(),
  doneAt: ts('done_at').notNull(),
});

/** 配套支持: policy, funding or resource support a recommending unit gave a selected solution. */
export const supportRecords = pgTable(
  'support_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicId: text('public_id')
      .notNull()
      .references(() => publishedSolutions.publicId),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    kind: text('kind').$type<'policy' | 'funding' | 'resource'>().notNull(),
    title: text('title').notNull(),
    /** funding in 元 (whole yuan); null for support that has no amount */
    amountYuan: integer('amount_yuan'),
    /** the day it was given (YYYY-MM-DD) */
    day: text('day').notNull(),
    /** 文件: its 文号 or name, and the uploaded document if any */
    documentNo: text('document_no').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    /** a record entered by mistake is withdrawn with a reason, never deleted */
    withdrawnAt: ts('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    index('support_records_solution').on(t.publicId),
    index('support_records_unit').on(t.unitId),
  ],
);

/**
 * A round of post-award reports: 年度运行监测 (each year, the winners of the last lists) or 自查评估
 * (once a list's two years end). The form is the owning campaign's declaration of the kind
 * (campaign_forms kind 'monitoring' | 'selfEvaluation'); reports go through the recommender.
 */
export const postAwardRounds = pgTable(
  'post_award_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'monitoring' | 'self_evaluation'>().notNull(),
    /** whose form declaration it uses */
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** the year reported on (monitoring) or of the evaluation */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** the published lists (campaign ids) whose solutions report */
    listCampaignIds: jsonb('list_campaign_ids').$type<string[]>().notNull(),
    formRevision: integer('form_revision').notNull(),
    deadline: ts('deadline').notNull(),
    state: text('state').$type<'open' | 'closed'>().notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('post_award_rounds_kind_year').on(t.kind, t.year)],
);

/** One solution's report in a post-award round: the enterprise files, the recommender forwards. */
export const postAwardReports = pgTable(
  'post_award_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => postAwardRounds.id),
    publicId: text('public_id')
      .notNull()
      .references(() => publishedSolutions.publicId),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    state: text('state').$type<'draft' | 'submitted' | 'returned' | 'forwarded'>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** counts the saves: a save names the version it read (optimistic locking) */
    version: integer('version').notNull().default(1),
    returnComment: text('return_comment'),
    reviewComment: text('review_comment'),
    submittedAt: ts('submitted_at'),
    forwardedAt: ts('forwarded_at'),
    forwardedBy: uuid('forwarded_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    uniqueIndex('post_award_reports_solution').on(t.roundId, t.publicId),
    index('post_award_reports_unit').on(t.roundId, t.unitId),
    index('post_award_reports_enterprise').on(t.enterpriseId),
  ],
);

/** A unit's stamped summary of a post-award round (the scan), once all its reports are forwarded. */
export const postAwardUnitSummaries = pgTable(
  'post_award_unit_summaries',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => postAwardRounds.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => recommenderUnits.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    comment: text('comment').notNull().default(''),
    stampedBy: uuid('stamped_by')
      .notNull()
      .references(() => users.id),
    stampedAt: ts('stamped_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.unitId] })],
);

/**
 * 随机抽查: the seed's SHA-256 is committed first (seed kept secret), the draw reveals the seed and
 * freezes the population and the sample, so anyone recomputes it (domain/spot-check.ts).
 */
export const spotChecks = pgTable('spot_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  /** the published lists (campaign ids) drawn from */
  listCampaignIds: jsonb('list_campaign_ids').$type<string[]>().notNull(),
  /** the sample's total, or sizes per category (the organizer's choice), as given */
  sizes: jsonb('sizes').$type<{ total?: number; byCategory?: Record<string, number> }>().notNull(),
  seedHash: text('seed_hash').notNull(),
  /** 'platform': generated and kept secret by the platform until the draw; 'organizer': only the
   * hash was given, the organizer reveals the seed at the draw */
  seedSource: text('seed_source').$type<'platform' | 'organizer'>().notNull(),
  /** secret until the draw (never shown before drawnAt); null while an organizer's seed is unrevealed */
  seed: text('seed'),
  committedBy: uuid('committed_by')
    .notNull()
    .references(() => users.id),
  committedAt: ts('committed_at').notNull(),
  /** the population as drawn from (public ids with their strata) and its digest */
  population: jsonb('population').$type<{ publicId: string; category: string; region: string }[]>(),
  populationDigest: text('population_digest'),
  sample: jsonb('sample').$type<string[]>(),
  drawnBy: uuid('drawn_by').references(() => users.id),
  drawnAt: ts('drawn_at'),
  state: text('state').$type<'committed' | 'drawn' | 'closed'>().notNull(),
});

/** A sampled solution's check by an expert: document review or site visit, and its finding. */
export const spotCheckTasks = pgTable(
  'spot_check_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => spotChecks.id),
    publicId: text('public_id')
      .notNull()
      .references(() => publishedSolutions.publicId),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    method: text('method').$type<'document' | 'site'>().notNull(),
    state: text('state').$type<'assigned' | 'done' | 'removed'>().notNull(),
    /** conflict rules the organizer overrode, with the reason */
    overriddenRules: jsonb('overridden_rules').$type<string[]>().notNull().default([]),
    overrideReason: text('override_reason'),
    conclusion: text('conclusion').$type<'pass' | 'minor' | 'fail'>(),
    finding: text('finding'),
    evidenceId: uuid('evidence_id').references(() => documents.id),
    recordedAt: ts('recorded_at'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('spot_check_tasks_pair').on(t.spotCheckId, t.publicId, t.expertId),
    index('spot_check_tasks_expert').on(t.expertId, t.state),
  ],
);

/**
 * 系统评价: experts score published solutions on the campaign's post-award rubric (declared as
 * data in its settings), normalised with the review engine; the organizer sets the bands.
 */
export const evaluationRounds = pgTable('evaluation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  /** whose settings declare the rubric */
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  listCampaignIds: jsonb('list_campaign_ids').$type<string[]>().notNull(),
  /** the rubric as it was when the round was created (criteria with maxima), frozen */
  rubric: jsonb('rubric').$type<unknown>().notNull(),
  reviewsPerSolution: integer('reviews_per_solution').notNull(),
  maxLoad: integer('max_load').notNull(),
  deadline: ts('deadline').notNull(),
  /** band name → the lowest normalised total it takes, set by the organizer */
  bands: jsonb('bands').$type<{ name: string; min: number }[]>().notNull().default([]),
  state: text('state').$type<'draft' | 'published' | 'closed'>().notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
  publishedAt: ts('published_at'),
});

/** An (expert, solution) pair of an evaluation round, and the expert's scores. */
export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    publicId: text('public_id')
      .notNull()
      .references(() => publishedSolutions.publicId),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    state: text('state').$type<'proposed' | 'published' | 'removed'>().notNull(),
    fit: real('fit').notNull().default(0),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    comment: text('comment').notNull().default(''),
    scoreState: text('score_state').$type<'none' | 'draft' | 'submitted'>().notNull(),
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_assignments_pair').on(t.roundId, t.publicId, t.expertId),
    index('evaluation_assignments_expert').on(t.expertId, t.state),
  ],
);

/**
 * 目录清单: each published version (its date and 文号) lists solutions by band and category under
 * their stable public ids; a later version is compared with the one before. Never updated.
 */
export const catalogueVersions = pgTable('catalogue_versions', {
  version: integer('version').primaryKey(),
  title: text('title').notNull(),
  documentNo: text('document_no').notNull(),
  publishedOn: text('published_on').notNull(),
  evaluationRoundId: uuid('evaluation_round_id').references(() => evaluationRounds.id),
  entries: jsonb('entries')
    .$type<
      {
        publicId: string;
        band: string;
        category: string;
        categoryName: string;
        solutionName: string;
        enterpriseName: string;
        regionName: string;
        score: number | null;
      }[]
    >()
    .notNull(),
  publishedBy: uuid('published_by')
    .notNull()
    .references(() => users.id),
  publishedAt: ts('published_at').notNull(),
});
