// Response shapes of the 专家库 API (organizers only): the server's routes answer with them, the web
// infers its types from them.
import { z } from '../zod';
import { isoDate } from './common';

export const expertViewSchema = z.object({
  id: z.string(),
  /** the expert account (role expert) */
  userId: z.string(),
  login: z.string(),
  accountStatus: z.enum(['active', 'disabled']),
  name: z.string(),
  employerName: z.string(),
  employerUscc: z.string().nullable(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  categories: z.array(z.string()),
  industries: z.array(z.string()),
  focusAreas: z.array(z.string()),
  conflictEnterprises: z.array(
    z.object({ uscc: z.string().optional(), name: z.string().optional() }),
  ),
  conflictUnitIds: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  active: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ExpertView = z.infer<typeof expertViewSchema>;

/** listExperts: one page and the count of all that match. */
export const expertListSchema = z.object({ items: z.array(expertViewSchema), total: z.number() });
export type ExpertList = z.infer<typeof expertListSchema>;

/** How a new expert account gets its password: a link e-mailed, or a one-time password shown once. */
const credentialsFields = {
  login: z.string(),
  /** shown once; absent when a link to set the password was e-mailed */
  oneTimePassword: z.string().optional(),
  linkSentTo: z.string().optional(),
};

/** createExpert */
export const createdExpertSchema = z.object({ expert: expertViewSchema, ...credentialsFields });
export type CreatedExpert = z.infer<typeof createdExpertSchema>;

/** importExperts: every row written, with each new account's sign-in. */
export const expertImportResultSchema = z.object({
  imported: z.number(),
  total: z.number(),
  accounts: z.array(
    z.object({
      row: z.number(),
      expertId: z.string(),
      name: z.string(),
      email: z.string(),
      ...credentialsFields,
    }),
  ),
});
export type ExpertImportResult = z.infer<typeof expertImportResultSchema>;
