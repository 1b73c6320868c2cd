// Response shapes of the recommender's inbox (推荐单位收件箱): the server's route answers with them,
// the web infers its types from them. Decisions answer with domain/api/applications' view.
import { APPLICATION_STATES } from '../application-states';
import { z } from '../zod';
import { isoDate } from './common';

export const inboxItemSchema = z.object({
  id: z.string(),
  state: z.enum(APPLICATION_STATES),
  solutionName: z.string(),
  category: z.string().nullable(),
  enterpriseName: z.string(),
  uscc: z.string(),
  currentVersionNo: z.number().nullable(),
  recommendRank: z.number().nullable(),
  submittedAt: isoDate.nullable(),
  decidedAt: isoDate.nullable(),
  findings: z.number().describe('open or confirmed 疑似重复 findings on this application'),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({
  items: z.array(inboxItemSchema),
  quota: z.number(),
  recommended: z.number(),
  batchState: z.enum(['open', 'signed_off']),
});
export type Inbox = z.infer<typeof inboxSchema>;
