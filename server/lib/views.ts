import { z } from '../../domain/zod';
import { ROLES } from '../../domain/roles';

import { isoDate } from '../../domain/api/common';

// Response shapes, shared by routes so the OpenAPI document describes them.

export { isoDate };
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const userViewSchema = z.object({
  id: z.string(),
  login: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  recommenderUnitId: z.string().nullable(),
  recommenderUnitName: z.string().nullable(),
  lockedUntil: isoDate.nullable(),
  lastSignInAt: isoDate.nullable(),
  createdAt: isoDate,
});

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
}): z.infer<typeof userViewSchema> {
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

export const enterpriseViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  provinceCode: z.string(),
  cityCode: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  checkDigitOverrideReason: z.string().nullable(),
  createdAt: isoDate,
});

export function enterpriseView(
  e: Omit<z.infer<typeof enterpriseViewSchema>, 'createdAt'> & { createdAt: Date },
) {
  return { ...e, createdAt: e.createdAt.toISOString() };
}

export { okSchema } from '../../domain/api/common';
export const idParamsSchema = z.object({ id: z.string().uuid('编号格式不正确') });
