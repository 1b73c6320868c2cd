// Response shapes of the audit log API: the server's routes answer with them, the web infers its
// types from them.
import { z } from '../zod';
import { isoDate } from './common';

export const auditRowSchema = z.object({
  id: z.number(),
  at: isoDate,
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditRowSchema>;

/** listAuditEvents: a page (newest first), the count of all that match, the actions to filter by. */
export const auditPageSchema = z.object({
  items: z.array(auditRowSchema),
  total: z.number(),
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** verifyAuditChain */
export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  brokenAtId: z.number().optional(),
  reason: z.enum(['hash_mismatch', 'link_broken']).optional(),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;
