// Shapes of 消息中心 (in-app messages), e-mail preferences, templates, the delivery log,
// 通知公告 and the self-service password reset.
import { passwordSchema } from '../accounts';
import { NOTIFICATION_KINDS } from '../notifications';
import { z } from '../zod';
import { isoDate } from './common';

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  kindLabel: z.string(),
  subject: z.string(),
  body: z.string(),
  /** the page the message concerns, a path inside the platform (e.g. /applications/…) */
  link: z.string().nullable(),
  createdAt: isoDate,
  readAt: isoDate.nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

/** listNotifications: a page, newest first, with the count of unread messages. */
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number(),
  unread: z.number(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** markNotificationsRead: these ids, or all of the caller's. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
export const markReadResultSchema = z.object({ unread: z.number() });

/** One kind on the preferences page: in-app always; e-mail by choice (unless required). */
export const notificationPreferenceSchema = z.object({
  kind: notificationKindSchema,
  label: z.string(),
  email: z.boolean(),
  /** e-mail that cannot be turned off (password links) */
  emailRequired: z.boolean(),
});
export const notificationPreferencesSchema = z.object({
  /** the address e-mail goes to */
  address: z.string(),
  /** whether the platform sends e-mail at all (SMTP_URL set) */
  emailEnabled: z.boolean(),
  items: z.array(notificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updatePreferencesSchema = z.object({
  /** kinds the user does not want by e-mail; the rest are e-mailed */
  emailOff: z.array(notificationKindSchema).max(NOTIFICATION_KINDS.length),
});

/** The campaign's template of one kind (its own, or the default). */
export const notificationTemplateSchema = z.object({
  kind: notificationKindSchema,
  label: z.string(),
  audience: z.string(),
  variables: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  /** false: the shipped default is in use */
  customized: z.boolean(),
  /**
   * where the text in use comes from: the campaign's own, the platform-wide one (平台通用), or the
   * shipped default; a campaign's list shows the platform's where the campaign has none
   */
  source: z.enum(['campaign', 'platform', 'default']),
  updatedAt: isoDate.nullable(),
});
export type NotificationTemplateView = z.infer<typeof notificationTemplateSchema>;

export const templateInputSchema = z.object({
  subject: z.string().trim().min(1, '请填写邮件主题').max(200),
  body: z.string().trim().min(1, '请填写正文').max(5000),
});

export const templatePreviewSchema = z.object({ subject: z.string(), body: z.string() });

export const EMAIL_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const EMAIL_STATE_LABELS: Record<(typeof EMAIL_STATES)[number], string> = {
  queued: '排队中',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};

/** One e-mail in the delivery log (organizers). */
export const outboundEmailSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  kindLabel: z.string(),
  to: z.string(),
  subject: z.string(),
  state: z.enum(EMAIL_STATES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  sentAt: isoDate.nullable(),
});
export const outboundEmailPageSchema = z.object({
  items: z.array(outboundEmailSchema),
  total: z.number(),
});

/** 通知公告: the audience is a set of roles and/or units, optionally within a campaign. */
export const ANNOUNCEMENT_AUDIENCES = ['enterprise', 'recommender', 'expert', 'organizer'] as const;
export const announcementInputSchema = z
  .object({
    campaignId: z.uuid().optional(),
    title: z.string().trim().min(2, '请填写标题').max(100),
    body: z.string().trim().min(2, '请填写正文').max(10_000),
    /** roles addressed; with campaignId, enterprises means those with an application in it */
    roles: z.array(z.enum(ANNOUNCEMENT_AUDIENCES)).max(4).default([]),
    /** recommender units addressed (their recommenders, and with enterprises, their enterprises) */
    unitIds: z.array(z.uuid()).max(200).default([]),
    email: z.boolean().default(false),
    /** also listed on the campaign's public page */
    public: z.boolean().default(false),
  })
  .refine((a) => a.roles.length > 0 || a.unitIds.length > 0, {
    path: ['roles'],
    message: '请选择公告对象（角色或推荐单位）',
  })
  .refine((a) => !a.public || a.campaignId, {
    path: ['public'],
    message: '公开发布的公告须属于一个征集活动',
  });

/**
 * One announcement. Who it was addressed to (roles, unitNames, email, recipients) is the
 * organizers' to see: for anyone else those are null.
 */
export const announcementSchema = z.object({
  id: z.string(),
  campaignId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  roles: z.array(z.enum(ANNOUNCEMENT_AUDIENCES)).nullable(),
  unitNames: z.array(z.string()).nullable(),
  email: z.boolean().nullable(),
  public: z.boolean(),
  recipients: z.number().nullable(),
  createdAt: isoDate,
});
export type AnnouncementView = z.infer<typeof announcementSchema>;

/** listAnnouncements: organizers all (by campaign), others those addressed to them; newest first. */
export const announcementListQuerySchema = z.object({
  campaignId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const announcementPageSchema = z.object({
  items: z.array(announcementSchema),
  total: z.number(),
});

/** listPublicAnnouncements: a campaign's public announcements, for anyone; newest first. */
export const publicAnnouncementSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: isoDate,
});
export const publicAnnouncementListSchema = z.object({
  items: z.array(publicAnnouncementSchema),
});
export type PublicAnnouncementView = z.infer<typeof publicAnnouncementSchema>;

/** requestPasswordReset: a login or an e-mail address. */
export const passwordResetRequestSchema = z.object({
  login: z.string().trim().min(1, '请填写账号或电子邮箱').max(200),
});
/**
 * requestPasswordReset's answer: the same for every account. `emailEnabled` false: the platform
 * sends no e-mail, so no link can come (ask the organizer).
 */
export const passwordResetRequestedSchema = z.object({
  ok: z.literal(true),
  emailEnabled: z.boolean(),
});
export type PasswordResetRequested = z.infer<typeof passwordResetRequestedSchema>;
/** resetPasswordWithToken: the token from the link and a new password (the usual rules). */
export const passwordResetSchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: passwordSchema,
});
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;
/** checkPasswordResetToken: whether a link still works, before the form is filled in. */
export const passwordResetTokenSchema = z.object({ token: z.string().min(20).max(200) });
export const PASSWORD_LINK_PURPOSES = ['reset', 'account_created', 'organizer_reset'] as const;
export const passwordResetTokenInfoSchema = z.object({
  login: z.string(),
  purpose: z.enum(PASSWORD_LINK_PURPOSES),
  expiresAt: isoDate,
});
export type PasswordResetTokenInfo = z.infer<typeof passwordResetTokenInfoSchema>;

/** Templates of a campaign (campaignId) or the platform-wide ones (no campaignId). */
export const templateScopeQuerySchema = z.object({ campaignId: z.uuid().optional() });
export const templateKindParamsSchema = z.object({ kind: notificationKindSchema });
export const notificationTemplateListSchema = z.object({
  campaignId: z.string().nullable(),
  /** the campaign's title; null for the platform-wide templates */
  campaignTitle: z.string().nullable(),
  items: z.array(notificationTemplateSchema),
});
/** A preview of the text sent (unsaved), or without it of the template in use. */
export const templatePreviewInputSchema = z.object({
  subject: z.string().max(200).optional(),
  body: z.string().max(5000).optional(),
});

/** listOutboundEmails: newest first, by state, kind and an address search. */
export const outboundEmailListQuerySchema = z.object({
  state: z.enum(EMAIL_STATES).optional(),
  kind: notificationKindSchema.optional(),
  /** part of the recipient's address */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OutboundEmailView = z.infer<typeof outboundEmailSchema>;
