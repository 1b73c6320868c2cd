// Response shapes of 发布 (issue 14): the organizer's view of the list before and after publishing,
// and an application's result as its enterprise and recommender read it. The server's routes
// answer with them; the web infers its types from them.
import { PUBLISHED_STATUSES } from '../publication';
import { z } from '../zod';
import { isoDate } from './common';
import { catalogueEventSchema } from './catalogue';

/** One solution of the list: what would be listed before publishing, what is listed after. */
export const publishedListItemSchema = z.object({
  applicationId: z.string(),
  /** the place in the list (categories in order, then enterprise, then solution) */
  seq: z.number(),
  /** 2021-IIAPP-001; before publishing, the id it would get */
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  categoryName: z.string(),
  unitName: z.string(),
  /** after publishing: the validity (YYYY-MM-DD, both included) and the status shown today */
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: z.enum(PUBLISHED_STATUSES).nullable(),
});
export type PublishedListItem = z.infer<typeof publishedListItemSchema>;

/** getPublishedList / publishList */
export const publishedListViewSchema = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  year: z.number(),
  /** the list as published; null before */
  list: z
    .object({
      title: z.string(),
      documentNo: z.string(),
      publishedOn: z.string(),
      validUntil: z.string(),
      publishedAt: isoDate,
      publishedBy: z.string(),
    })
    .nullable(),
  /** the 公示 the list follows; null: none opened */
  notice: z
    .object({
      from: z.string(),
      to: z.string(),
      closesAt: isoDate,
      /** e.g. 2026年11月2日至2026年11月6日（5个工作日） */
      text: z.string(),
    })
    .nullable(),
  /** the title used when none is given: 2021年工业互联网APP优秀解决方案名单 */
  defaultTitle: z.string(),
  /** the first day the list may be dated (the day after the 公示's last day); null: no 公示 */
  earliestPublishedOn: z.string().nullable(),
  /** objections filed against the 公示, by state */
  objections: z.object({ received: z.number(), upheld: z.number(), dismissed: z.number() }),
  /** what stops publishing now, in Chinese (公示期未结束（至…）, 尚有N件异议未处理); empty: ready */
  problems: z.array(z.string()),
  items: z.array(publishedListItemSchema),
});
export type PublishedListView = z.infer<typeof publishedListViewSchema>;

/** An application's place in a published list, as its enterprise and recommender see it. */
export const applicationPublicationSchema = z.object({
  publicId: z.string(),
  listTitle: z.string(),
  documentNo: z.string(),
  publishedOn: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** the status shown today (Beijing): a revocation stands, expired after validUntil */
  status: z.enum(PUBLISHED_STATUSES),
  /** the 入选证明's verification code (/verify recognises it) */
  certificateCode: z.string(),
  /** the public history: published, then any expiry, revocation or withdrawal */
  history: z.array(catalogueEventSchema),
});
export type ApplicationPublication = z.infer<typeof applicationPublicationSchema>;
