// Response shapes of the campaigns (征集活动) API: the server's routes answer with them, the web
// infers its types from them.
import { campaignSettingsSchema } from '../campaign';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

export const campaignViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number(),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  publishedOn: z.string(),
  opensAt: isoDate,
  onlineDeadline: isoDate,
  paperDeadline: isoDate,
  isDemo: z.boolean(),
  copiedFromId: z.string().nullable(),
  phase: z.enum(['upcoming', 'open', 'closed']),
  settings: campaignSettingsSchema,
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const campaignListSchema = itemsOf(campaignViewSchema);
