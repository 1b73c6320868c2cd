import type { EnterpriseView, UserView } from '../../domain/api/accounts';
import { isoDate } from '../../domain/api/common';
import type { ROLES } from '../../domain/roles';
import { z } from '../../domain/zod';

// Response shapes, shared by routes so the OpenAPI document describes them; they live in
// domain/api (the web infers its types from them).

export { isoDate };
export { enterpriseViewSchema, userViewSchema } from '../../domain/api/accounts';
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function userView(u: {
  id: string;
  login: string;
  email: string;
  name: string;
  phone: string | null;
  role: (typeof ROLES)[number];
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  enterpriseId: string | null;
  enterpriseName?: string | null;
  recommenderUnitId: string | null;
  recommenderUnitName?: string | null;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}): UserView {
  return {
    id: u.id,
    login: u.login,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    status: u.status,
    mustChangePassword: u.mustChangePassword,
    enterpriseId: u.enterpriseId,
    enterpriseName: u.enterpriseName ?? null,
    recommenderUnitId: u.recommenderUnitId,
    recommenderUnitName: u.recommenderUnitName ?? null,
    lockedUntil: iso(u.lockedUntil),
    lastSignInAt: iso(u.lastSignInAt),
    createdAt: u.createdAt.toISOString(),
  };
}

export function enterpriseView(e: Omit<EnterpriseView, 'createdAt'> & { createdAt: Date }) {
  return { ...e, createdAt: e.createdAt.toISOString() };
}

export { okSchema } from '../../domain/api/common';
export const idParamsSchema = z.object({ id: z.string().uuid('编号格式不正确') });
