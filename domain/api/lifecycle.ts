// Response shapes of 动态管理 (issue 15): the organizer's, recommender's and enterprise's view of
// published solutions over their validity — status as of today, days left, what falls due next,
// the history (expiry, revocation, withdrawal) and the support recorded.
import { REVOCATION_REASONS } from '../award-lifecycle';
import { PUBLISHED_STATUSES } from '../publication';
import { z } from '../zod';
import { isoDate } from './common';

export const lifecycleEventSchema = z.object({
  kind: z.enum(['published', 'revoked', 'expired', 'withdrawn']),
  kindLabel: z.string(),
  /** the day it took effect (Beijing) */
  day: z.string(),
  /** the public line */
  note: z.string(),
  reasonCode: z.enum(REVOCATION_REASONS).nullable(),
  reasonLabel: z.string().nullable(),
  /** the evidence uploaded with a revocation (organizers only; null otherwise) */
  evidence: z.object({ id: z.string(), filename: z.string() }).nullable(),
  at: isoDate,
});
export type LifecycleEvent = z.infer<typeof lifecycleEventSchema>;

export const supportTotalsSchema = z.object({
  /** records not withdrawn */
  count: z.number().int(),
  policy: z.number().int(),
  funding: z.number().int(),
  resource: z.number().int(),
  /** the sum of funding, whole 元 */
  fundingYuan: z.number(),
});
export type SupportTotals = z.infer<typeof supportTotalsSchema>;

export const awardLifecycleItemSchema = z.object({
  publicId: z.string(),
  applicationId: z.string(),
  campaignId: z.string(),
  listTitle: z.string(),
  year: z.number().int(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** as of today (Beijing) */
  status: z.enum(PUBLISHED_STATUSES),
  statusLabel: z.string(),
  /** calendar days until the validity ends (0 on its last day); null unless valid */
  daysLeft: z.number().int().nullable(),
  /** the next day a reminder or the expiry falls due; null when nothing more will */
  nextDueOn: z.string().nullable(),
  events: z.array(lifecycleEventSchema),
  support: supportTotalsSchema,
});
export type AwardLifecycleItem = z.infer<typeof awardLifecycleItemSchema>;

const option = z.object({ value: z.string(), label: z.string() });

export const awardLifecyclePageSchema = z.object({
  items: z.array(awardLifecycleItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** the lists and units the caller may filter by */
  lists: z.array(option),
  units: z.array(option),
  /** today, Beijing (what statuses and days left are computed on) */
  today: z.string(),
});
export type AwardLifecyclePage = z.infer<typeof awardLifecyclePageSchema>;

/** An uploaded document (evidence, a support document) as its uploader gets it back. */
export const uploadedDocumentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type UploadedDocument = z.infer<typeof uploadedDocumentSchema>;
