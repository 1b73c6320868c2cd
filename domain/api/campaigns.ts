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

/** A form declaration as the API carries it (domain/form.ts): sections, fields, facts. */
export const formDeclarationViewSchema = z
  .looseObject({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    sections: z.array(z.unknown()),
  })
  .describe('a form declaration (domain/form.ts): sections, fields, facts');
export const campaignConfigViewSchema = z.object({
  campaign: campaignViewSchema,
  revision: z.number().describe('the configuration revision an update must name (baseRevision)'),
  forms: z.object({
    application: formDeclarationViewSchema,
    followUp: formDeclarationViewSchema.optional(),
  }),
  lock: z.object({
    reviewLocked: z
      .boolean()
      .describe(
        'a review round is published: the checklist, rubric and review settings cannot change',
      ),
    reviewReason: z.string().nullable(),
    formsLocked: z
      .boolean()
      .describe('an application was submitted: the application form cannot change'),
    followUpLocked: z.boolean().describe('a 附件4 report was submitted: its form cannot change'),
    followUpReason: z.string().nullable(),
    applications: z.number(),
    submitted: z.number(),
    reason: z.string().nullable().describe('why the forms are locked, or what a change would do'),
  }),
});
export type CampaignConfigView = z.infer<typeof campaignConfigViewSchema>;

export const campaignTemplateListSchema = itemsOf(z.object({ id: z.string(), label: z.string() }));
