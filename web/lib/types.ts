// Response shapes of the API (see /api/openapi.json).
import type { CampaignView } from '../../domain/api/campaigns';
import type { RecommenderUnitType } from '../../domain/recommender-units';
import type { Role } from '../../domain/roles';

export interface User {
  id: string;
  login: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  enterpriseId: string | null;
  enterpriseName: string | null;
  recommenderUnitId: string | null;
  recommenderUnitName: string | null;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  provinceCode: string;
  cityCode: string;
  contactName: string;
  phone: string;
  email: string;
  checkDigitOverrideReason: string | null;
  createdAt: string;
}

export interface Me {
  user: User;
  csrfToken: string;
  enterprise: Enterprise | null;
  recommenderUnit: { id: string; name: string; type: RecommenderUnitType } | null;
}

/** A campaign as the server sends it (domain/api/campaigns). */
export type Campaign = CampaignView;

export interface RecommenderUnit {
  id: string;
  name: string;
  type: RecommenderUnitType;
  regionCode: string | null;
  quotaOverride: number | null;
  quota?: number | null;
  accounts?: number;
  active: boolean;
}

export interface Region {
  code: string;
  name: string;
  level: 1 | 2;
  parentCode: string | null;
}

export interface Industry {
  code: string;
  level: number;
  name: string;
  parentCode: string | null;
  section: string;
  remark: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  actions: string[];
}

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  brokenAtId?: number;
  reason?: 'hash_mismatch' | 'link_broken';
}

export interface Items<T> {
  items: T[];
}
