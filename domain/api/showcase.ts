// Response shapes of the 成果展示 API: the enterprise's list and editor, the organizer's queue.
import { PUBLISHED_STATUSES } from '../publication';
import { SHOWCASE_STATES } from '../showcase';
import { z } from '../zod';
import { isoDate } from './common';

export const showcaseImageSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** where the signed-in owner, its recommender and organizers fetch it (drafts included) */
  url: z.string(),
});
export type ShowcaseImage = z.infer<typeof showcaseImageSchema>;

/** One published solution of the enterprise and where its 成果展示 stands. */
export const showcaseSummarySchema = z.object({
  publicId: z.string(),
  applicationId: z.string(),
  solutionName: z.string(),
  status: z.enum(PUBLISHED_STATUSES),
  /** null: nothing written yet */
  state: z.enum(SHOWCASE_STATES).nullable(),
  /** something approved is public now */
  isPublic: z.boolean(),
  updatedAt: isoDate.nullable(),
});
export type ShowcaseSummary = z.infer<typeof showcaseSummarySchema>;
export const showcaseSummaryListSchema = z.object({ items: z.array(showcaseSummarySchema) });
export type ShowcaseSummaryList = z.infer<typeof showcaseSummaryListSchema>;

/** getShowcase: the draft (what is being edited or reviewed) and what the public sees now. */
export const showcaseViewSchema = z.object({
  publicId: z.string(),
  applicationId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  unitName: z.string(),
  status: z.enum(PUBLISHED_STATUSES),
  /** null: nothing written yet */
  state: z.enum(SHOWCASE_STATES).nullable(),
  text: z.string(),
  images: z.array(showcaseImageSchema),
  reviewNote: z.string().nullable(),
  submittedAt: isoDate.nullable(),
  reviewedAt: isoDate.nullable(),
  updatedAt: isoDate.nullable(),
  /** the version to send back with a change (null: nothing saved yet) */
  version: z.number().int().nullable(),
  public: z
    .object({
      text: z.string(),
      images: z.array(showcaseImageSchema),
      approvedAt: isoDate,
      /** the public page's own image address, per image id */
      publicUrls: z.array(z.string()),
    })
    .nullable(),
  /** the caller may change it (the owning enterprise, the solution not revoked) */
  canEdit: z.boolean(),
});
export type ShowcaseView = z.infer<typeof showcaseViewSchema>;

export const showcaseSubmissionSchema = z.object({
  publicId: z.string(),
  solutionName: z.string(),
  enterpriseName: z.string(),
  unitName: z.string(),
  status: z.enum(PUBLISHED_STATUSES),
  state: z.enum(SHOWCASE_STATES),
  imageCount: z.number().int(),
  isPublic: z.boolean(),
  reviewNote: z.string().nullable(),
  submittedAt: isoDate.nullable(),
  reviewedAt: isoDate.nullable(),
  reviewedBy: z.string().nullable(),
  version: z.number().int(),
});
export type ShowcaseSubmission = z.infer<typeof showcaseSubmissionSchema>;
export const showcaseSubmissionListSchema = z.object({
  items: z.array(showcaseSubmissionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ShowcaseSubmissionList = z.infer<typeof showcaseSubmissionListSchema>;
