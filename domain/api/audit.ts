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
  actionLabel: z.string().describe('the action by name, e.g. 确认报送 (the code stays in action)'),
  targetTypeLabel: z.string().describe('the kind of object by name, e.g. 推荐单位'),
  objectLabel: z
    .string()
    .nullable()
    .describe("the object's own name: solution, unit, account, campaign; null when gone"),
  objectLink: z.string().nullable().describe("the organizer's page for the object, if any"),
  actorName: z.string().nullable().describe("the actor's name and login, when an account"),
  changes: z
    .array(
      z.object({
        key: z.string(),
        label: z.string(),
        before: z.string().nullable().describe('display value; null when not in before'),
        after: z.string().nullable().describe('display value; null when not in after'),
      }),
    )
    .describe('the fields of before/after by label, values by name'),
  note: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditRowSchema>;

/** listAuditEvents: a page (newest first), the count of all that match, the actions to filter by. */
export const auditPageSchema = z.object({
  items: z.array(auditRowSchema),
  total: z.number(),
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** One checkpoint of the chain's head, as written to the file storage (listAuditCheckpoints). */
export const auditCheckpointSchema = z.object({
  key: z
    .string()
    .describe(
      'the object in the file storage, e.g. audit-checkpoints/20261101T010000.000Z-42-3fa9c1.json',
    ),
  at: isoDate,
  count: z.number().describe('rows in the chain at the checkpoint'),
  lastId: z.number().describe('id of the last row'),
  hash: z.string().describe('hash of the last row (sha256, hex)'),
  source: z.string().describe('startup, timer or organizer:<login>'),
  node: z.string().describe('the server process that wrote it (host:pid)'),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** listAuditCheckpoints: the newest checkpoints, newest first, and how many there are. */
export const auditCheckpointsSchema = z.object({
  items: z.array(auditCheckpointSchema),
  total: z.number(),
});
export type AuditCheckpoints = z.infer<typeof auditCheckpointsSchema>;

export const AUDIT_VERDICT_REASONS = [
  'hash_mismatch',
  'link_broken',
  'truncated',
  'checkpoint_mismatch',
  'checkpoint_unreadable',
  'state_mismatch',
] as const;

/** verifyAuditChain: the chain, compared with every checkpoint, and every application's state. */
export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  checkpoints: z.number().describe('how many checkpoints the chain was compared with'),
  reason: z.enum(AUDIT_VERDICT_REASONS).optional().describe('the first thing found wrong'),
  brokenAtId: z.number().optional(),
  checkpoint: auditCheckpointSchema.optional().describe('the checkpoint the chain disagrees with'),
  unreadableCheckpoints: z.array(z.string()),
  stateMismatches: z.array(
    z.object({
      applicationId: z.string(),
      state: z.string(),
      loggedState: z.string().nullable().describe('the last state its audit history records'),
    }),
  ),
});
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;
