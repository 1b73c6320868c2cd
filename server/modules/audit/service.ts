import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { auditHash, GENESIS_HASH } from './chain';
import { appendAuditRow, auditRowsInOrder, listAuditActions, listAuditRows } from './repository';

export interface AuditEvent {
  action: string; // e.g. 'user.sign_in', 'enterprise.register'
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  note?: string;
}

/** Records what an actor did. `tx` must be the transaction that made the change. */
export function recordAudit(tx: Db, clock: Clock, actor: Actor, event: AuditEvent) {
  const summary: Record<string, unknown> = {};
  if (event.before) summary.before = event.before;
  if (event.after) summary.after = event.after;
  if (event.note) summary.note = event.note;
  return appendAuditRow(tx, {
    at: clock.now(),
    actorId: actor.userId,
    actorRole: actor.role,
    actorLabel: actor.label,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    summary,
    ip: actor.ip,
  });
}

export type ChainVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: number; reason: 'hash_mismatch' | 'link_broken' };

/** Recomputes every hash and link. An edited row breaks its own hash; a removed one breaks the next link. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for await (const row of auditRowsInOrder(db)) {
    rows++;
    if (row.prevHash !== prevHash)
      return { ok: false, rows, brokenAtId: row.id, reason: 'link_broken' };
    const { id: _id, hash, ...fields } = row;
    if (auditHash(fields) !== hash)
      return { ok: false, rows, brokenAtId: row.id, reason: 'hash_mismatch' };
    prevHash = hash;
  }
  return { ok: true, rows };
}

/** A page of the audit log, newest first, with the total and the actions there are to filter by. */
export async function auditPage(
  db: Db,
  filter: Parameters<typeof listAuditRows>[1],
  page: Parameters<typeof listAuditRows>[2],
) {
  const [{ rows, total }, actions] = await Promise.all([
    listAuditRows(db, filter, page),
    listAuditActions(db),
  ]);
  return { rows, total, actions };
}
