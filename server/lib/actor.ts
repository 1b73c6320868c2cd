import type { Role } from '../../domain/roles';

/** Who is acting, as recorded in the audit log. */
export interface Actor {
  userId: string | null;
  role: Role | 'system' | 'anonymous';
  label: string; // login name, or 'cli' / 'system'
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', label: 'system', ip: null };
