import type { AuditAction } from '../../../domain/audit-actions';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import type { Clock } from '../../lib/clock';
import { auditHash, GENESIS_HASH } from './chain';
import type { Deps } from '../../lib/deps';
import { allAuditCheckpoints, type AuditCheckpoint } from './checkpoints';
import {
  appendAuditRow,
  applicationsDisagreeingWithLog,
  auditRowsInOrder,
  listAuditActions,
  listAuditRows,
} from './repository';
import { auditEventViews } from './views';

export interface AuditEvent {
  /** e.g. 'user.sign_in': only codes named in domain/audit-actions.ts */
  action: AuditAction;
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

export type ChainReason = 'hash_mismatch' | 'link_broken' | 'truncated' | 'checkpoint_mismatch';
export type ChainVerdict =
  | { ok: true; rows: number }
  | {
      ok: false;
      rows: number;
      brokenAtId?: number;
      reason: ChainReason;
      /** the checkpoint the chain disagrees with (truncated, checkpoint_mismatch) */
      checkpoint?: AuditCheckpoint;
    };

/**
 * Recomputes every hash and link. An edited row breaks its own hash; a removed one breaks the next
 * link. Against the checkpoints: a chain shorter than a checkpoint's count was truncated; a chain
 * whose row at a checkpoint has another hash (or another count before it) was rewritten.
 */
export async function verifyAuditChain(
  db: Db,
  checkpoints: readonly AuditCheckpoint[] = [],
): Promise<ChainVerdict> {
  const at = new Map<number, AuditCheckpoint[]>();
  for (const c of checkpoints) at.set(c.lastId, [...(at.get(c.lastId) ?? []), c]);
  const met = new Set<AuditCheckpoint>();
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let lastId = 0;
  for await (const row of auditRowsInOrder(db)) {
    rows++;
    if (row.prevHash !== prevHash)
      return { ok: false, rows, brokenAtId: row.id, reason: 'link_broken' };
    const { id: _id, hash, ...fields } = row;
    if (auditHash(fields) !== hash)
      return { ok: false, rows, brokenAtId: row.id, reason: 'hash_mismatch' };
    for (const c of at.get(row.id) ?? []) {
      if (c.hash !== hash || c.count !== rows)
        return {
          ok: false,
          rows,
          brokenAtId: row.id,
          reason: 'checkpoint_mismatch',
          checkpoint: c,
        };
      met.add(c);
    }
    prevHash = hash;
    lastId = row.id;
  }
  const missed = checkpoints
    .filter((c) => !met.has(c))
    .sort((a, b) => a.count - b.count || a.lastId - b.lastId)[0];
  if (missed) {
    // the row the checkpoint names is gone: cut off when the chain now ends before it
    const truncated = rows < missed.count || lastId < missed.lastId;
    return {
      ok: false,
      rows,
      reason: truncated ? 'truncated' : 'checkpoint_mismatch',
      checkpoint: missed,
    };
  }
  return { ok: true, rows };
}

export interface AuditVerdict {
  ok: boolean;
  rows: number;
  /** how many checkpoints the chain was compared with */
  checkpoints: number;
  /** the first thing found wrong */
  reason?: ChainReason | 'checkpoint_unreadable' | 'state_mismatch';
  brokenAtId?: number;
  checkpoint?: AuditCheckpoint;
  /** checkpoint objects that are not checkpoints (unreadable, altered): the anchor itself was touched */
  unreadableCheckpoints: string[];
  /** applications whose state is not the last one their audit history records (at most 100) */
  stateMismatches: { applicationId: string; state: string; loggedState: string | null }[];
}

/** Everything audit-verify checks: the chain, against every checkpoint, and applications' states. */
export async function verifyAudit(deps: Pick<Deps, 'db' | 'files'>): Promise<AuditVerdict> {
  const read = await allAuditCheckpoints(deps.files);
  const checkpoints = read.flatMap((r) => (r.ok ? [r.checkpoint] : []));
  const unreadableCheckpoints = read.flatMap((r) => (r.ok ? [] : [r.key]));
  const chain = await verifyAuditChain(deps.db, checkpoints);
  const stateMismatches = (await applicationsDisagreeingWithLog(deps.db, 100)).map((r) => ({
    applicationId: r.id,
    state: r.state,
    loggedState: r.logged,
  }));
  const verdict: AuditVerdict = {
    ok: chain.ok && unreadableCheckpoints.length === 0 && stateMismatches.length === 0,
    rows: chain.rows,
    checkpoints: checkpoints.length,
    unreadableCheckpoints,
    stateMismatches,
  };
  if (!chain.ok) {
    const { ok: _ok, rows: _rows, ...why } = chain;
    return { ...verdict, ...why };
  }
  if (unreadableCheckpoints.length) return { ...verdict, reason: 'checkpoint_unreadable' };
  if (stateMismatches.length) return { ...verdict, reason: 'state_mismatch' };
  return verdict;
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
  // names of the page's objects, looked up for the page only
  return { items: await auditEventViews(db, rows), total, actions };
}
