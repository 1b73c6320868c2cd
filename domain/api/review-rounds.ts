// Response shapes of the 评审轮次与分配 API. Everything here names experts: organizers only (an
// expert's own decline answers with its own assignment alone). The web infers its types from them.
import {
  ASSIGNMENT_SOURCES,
  ASSIGNMENT_STATES,
  EXCLUSION_REASONS,
  ROUND_STATES,
} from '../review-rounds';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export const panelViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  categories: z.array(z.string()),
  expertIds: z.array(z.string()),
  position: z.number(),
});
export type PanelView = z.infer<typeof panelViewSchema>;

export const roundViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  reviewsPerApplication: z.number(),
  maxLoad: z.number(),
  deadline: isoDate,
  anonymous: z.boolean(),
  avoidSameRegion: z.boolean(),
  state: z.enum(ROUND_STATES),
  revision: z.number(),
  createdAt: isoDate,
  publishedAt: isoDate.nullable(),
  panels: z.array(panelViewSchema),
  counts: z.object({
    /** the campaign's applications under review (专家评审中) */
    applications: z.number(),
    proposed: z.number(),
    published: z.number(),
    declined: z.number(),
    removed: z.number(),
  }),
});
export type RoundView = z.infer<typeof roundViewSchema>;
export const roundListSchema = itemsOf(roundViewSchema);
export type RoundList = z.infer<typeof roundListSchema>;

export const assignmentViewSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  employerName: z.string(),
  panelId: z.string(),
  fit: z.number(),
  /** what matched, in Chinese: 类别, 聚焦领域, 行业大类, 行业 */
  matched: z.array(z.string()),
  source: z.enum(ASSIGNMENT_SOURCES),
  state: z.enum(ASSIGNMENT_STATES),
  /** the rules the organizer overrode adding it by hand, with the reason */
  overriddenRules: z.array(z.string()),
  overrideReason: z.string().nullable(),
  declineReason: z.string().nullable(),
  declinedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type AssignmentView = z.infer<typeof assignmentViewSchema>;

export const shortfallViewSchema = z.object({
  applicationId: z.string(),
  missing: z.number(),
  reason: z.string(),
});

/** GET …/assignments: per application its pairs and why each other expert of its panel is not on it. */
export const assignmentBoardSchema = z.object({
  round: roundViewSchema,
  applications: z.array(
    z.object({
      applicationId: z.string(),
      solutionName: z.string(),
      applicantName: z.string(),
      category: z.string().nullable(),
      categoryName: z.string(),
      unitName: z.string(),
      regionCode: z.string().nullable(),
      panelId: z.string().nullable(),
      panelName: z.string().nullable(),
      /** reviews the round wants for it */
      need: z.number(),
      /** pairs that count (proposed or published) */
      assigned: z.number(),
      pairs: z.array(assignmentViewSchema),
      shortfall: shortfallViewSchema.nullable(),
      excluded: z.array(
        z.object({
          expertId: z.string(),
          expertName: z.string(),
          employerName: z.string(),
          fit: z.number(),
          reasons: z.array(z.enum(EXCLUSION_REASONS)),
        }),
      ),
    }),
  ),
  experts: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      employerName: z.string(),
      active: z.boolean(),
      /** pairs that count in this round */
      load: z.number(),
    }),
  ),
});
export type AssignmentBoard = z.infer<typeof assignmentBoardSchema>;

/** proposeAssignments: the new pairs, what they replaced, and the shortfalls explained. */
export const proposalSchema = z.object({
  proposed: z.number(),
  replaced: z.number(),
  totalFit: z.number(),
  pairs: z.array(assignmentViewSchema),
  shortfalls: z.array(shortfallViewSchema),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** publishAssignments */
export const publishResultSchema = z.object({
  published: z.number(),
  notifiedExperts: z.number(),
  /** proposed pairs not published: their application left 专家评审中 (e.g. a formal check redone) */
  leftProposed: z.number(),
  round: roundViewSchema,
});
export type PublishResult = z.infer<typeof publishResultSchema>;

/** declineAssignment: the expert's own pair only (who replaces them is not the expert's to see). */
export const declinedAssignmentSchema = z.object({
  id: z.string(),
  state: z.literal('declined'),
  declineReason: z.string(),
  declinedAt: isoDate,
});
export type DeclinedAssignment = z.infer<typeof declinedAssignmentSchema>;
