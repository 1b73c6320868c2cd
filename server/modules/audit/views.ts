// The audit page's rows for people: the action's Chinese name, the object's own name with a link to
// the organizer's page for it, changed fields by label with values by name. The raw row stays too
// (codes, ids, summary) for experts.
import { VERIFICATION_STATUS_LABELS } from '../../../domain/enterprise-verification';
import {
  AUDIT_ACTIONS,
  AUDIT_FIELDS,
  AUDIT_STATE_NAMES,
  AUDIT_TARGETS,
  isAuditAction,
} from '../../../domain/audit-actions';
import type { AuditEvent } from '../../../domain/api/audit';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles';
import type { Db } from '../../db/client';
import { namesOfObjects, type AuditRow, type ObjectNames } from './repository';

interface Named {
  label: string;
  link: string | null;
}

/** Keys of before/after whose values are ids of these objects. */
const ID_KEYS: Record<string, string[]> = {
  userId: ['user'],
  recommenderUnitId: ['recommender_unit'],
  channelUnitId: ['recommender_unit'],
  applicationId: ['application'],
  campaignId: ['campaign'],
  batchId: ['recommendation_batch'],
  awardId: ['award'],
  match: ['award', 'application'],
  enterpriseId: ['enterprise'],
  holderEnterpriseId: ['enterprise'],
  movedToEnterpriseId: ['enterprise'],
  verifiedByUnitId: ['recommender_unit'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Notes written as codes. */
const NOTES: Record<string, string> = { locked: '账号已锁定', disabled: '账号已停用' };

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function refsOf(rows: AuditRow[]) {
  const ids: Record<string, string[]> = {};
  const add = (type: string, id: unknown) => {
    if (typeof id === 'string') (ids[type] ??= []).push(id);
  };
  for (const r of rows) {
    add(r.targetType, r.targetId);
    if (r.actorId) add('user', r.actorId);
    for (const side of [asRecord(r.summary.before), asRecord(r.summary.after)])
      for (const [k, types] of Object.entries(ID_KEYS)) for (const t of types) add(t, side[k]);
  }
  return ids;
}

function directory(names: ObjectNames) {
  const map = new Map<string, Named>();
  const put = (type: string, id: string, label: string, link: string | null) =>
    map.set(`${type}:${id}`, { label, link });
  for (const u of names.users) put('user', u.id, `${u.name}（${u.login}）`, '/admin/users');
  for (const e of names.enterprises) put('enterprise', e.id, e.name, '/admin/enterprises');
  for (const u of names.units) put('recommender_unit', u.id, u.name, '/admin/units');
  for (const c of names.campaigns)
    put('campaign', c.id, c.title, `/admin/campaigns/${encodeURIComponent(c.code)}/config`);
  for (const a of names.applications)
    put(
      'application',
      a.id,
      `${a.solutionName || '（方案名称未填）'} · ${a.enterpriseName}`,
      `/applications/${a.id}`,
    );
  for (const f of names.findings)
    put(
      'duplicate_finding',
      f.id,
      `疑似重复：${f.solutionName || '（方案名称未填）'}`,
      `/admin/findings/${f.campaignId}`,
    );
  for (const b of names.batches)
    put(
      'recommendation_batch',
      b.id,
      `${b.unitName} · ${b.campaignTitle}`,
      `/admin/progress/${b.campaignId}`,
    );
  for (const f of names.followUps)
    put('follow_up_report', f.id, f.solutionName, `/follow-ups/${f.campaignId}/${f.awardId}`);
  for (const a of names.awards) put('award', a.id, a.solutionName, '/admin/awards');
  return map;
}

function valueText(
  key: string,
  v: unknown,
  named: (types: string[], id: unknown) => Named | undefined,
): string {
  if (v === undefined || v === null || v === '') return '—';
  const types = ID_KEYS[key];
  if (types) {
    const n = named(types, v);
    if (n) return n.label;
  }
  if ((key === 'state' || key === 'status') && typeof v === 'string')
    return AUDIT_STATE_NAMES[v] ?? v;
  if (key === 'verificationStatus' && typeof v === 'string')
    return (VERIFICATION_STATUS_LABELS as Record<string, string>)[v] ?? v;
  // a stored file, or an object without a page: the id stays in the raw record (tooltip)
  if (typeof v === 'string' && UUID.test(v))
    return key.endsWith('DocumentId') ? '已上传' : '（见原始记录）';
  if (key === 'role' && typeof v === 'string' && (ROLES as readonly string[]).includes(v))
    return ROLE_LABELS[v as Role].zh;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'order' && Array.isArray(v)) return `${v.length} 份`;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export type AuditEventView = AuditEvent;

/** The page's rows, with names looked up in one query per kind of object. */
export async function auditEventViews(db: Db, rows: AuditRow[]): Promise<AuditEventView[]> {
  const names = directory(await namesOfObjects(db, refsOf(rows)));
  const named = (types: string[], id: unknown) => {
    for (const t of types) {
      const n = typeof id === 'string' ? names.get(`${t}:${id}`) : undefined;
      if (n) return n;
    }
    return undefined;
  };
  return rows.map(({ prevHash: _p, ...r }) => {
    const before = asRecord(r.summary.before);
    const after = asRecord(r.summary.after);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const object = r.targetId ? names.get(`${r.targetType}:${r.targetId}`) : undefined;
    const actor = r.actorId ? names.get(`user:${r.actorId}`) : undefined;
    return {
      ...r,
      at: r.at.toISOString(),
      actionLabel: isAuditAction(r.action) ? AUDIT_ACTIONS[r.action].zh : r.action,
      targetTypeLabel:
        (AUDIT_TARGETS as Record<string, { zh: string }>)[r.targetType]?.zh ?? r.targetType,
      objectLabel: object?.label ?? null,
      objectLink: object?.link ?? null,
      actorName: actor?.label ?? null,
      changes: keys.map((key) => ({
        key,
        label: AUDIT_FIELDS[key]?.zh ?? key,
        before: key in before ? valueText(key, before[key], named) : null,
        after: key in after ? valueText(key, after[key], named) : null,
      })),
      note: typeof r.summary.note === 'string' ? (NOTES[r.summary.note] ?? r.summary.note) : null,
    };
  });
}
