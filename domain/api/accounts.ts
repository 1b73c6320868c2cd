// Response shapes of the accounts APIs (sign-in, users, enterprises, recommending units): the
// server's routes answer with them, the web infers its types from them.
import { RECOMMENDER_UNIT_TYPES } from '../recommender-units';
import { ROLES } from '../roles';
import { VERIFICATION_STATUSES } from '../enterprise-verification';
import { z } from '../zod';
import { isoDate, itemsOf } from './common';

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
export type UserView = z.infer<typeof userViewSchema>;
export const userListSchema = itemsOf(userViewSchema);

/**
 * createUser: when the organizer gave no password, either a link to set one was e-mailed to
 * `linkSentTo` (the platform sends e-mail) or a one-time password is shown once (it does not).
 */
export const userWithPasswordSchema = z.object({
  user: userViewSchema,
  oneTimePassword: z.string().optional(),
  linkSentTo: z.string().optional(),
});
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;

/** resetUserPassword: a link e-mailed to `linkSentTo`, or (no e-mail) a one-time password. */
export const oneTimePasswordSchema = z.object({
  oneTimePassword: z.string().optional(),
  linkSentTo: z.string().optional(),
});
export type OneTimePassword = z.infer<typeof oneTimePasswordSchema>;

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
  /** 企业认证: 未提交材料 / 待核验 / 已核验 / 核验未通过 */
  verificationStatus: z.enum(VERIFICATION_STATUSES),
  createdAt: isoDate,
});
export type EnterpriseView = z.infer<typeof enterpriseViewSchema>;
export const enterpriseListSchema = itemsOf(enterpriseViewSchema);

/** registerEnterprise, registerEnterpriseByOrganizer */
export const registeredEnterpriseSchema = z.object({
  enterprise: enterpriseViewSchema,
  login: z.string(),
});
export type RegisteredEnterprise = z.infer<typeof registeredEnterpriseSchema>;

/** signIn */
export const signInResultSchema = z.object({ user: userViewSchema, csrfToken: z.string() });
export type SignInResult = z.infer<typeof signInResultSchema>;

/** getMe */
export const meSchema = z.object({
  user: userViewSchema,
  csrfToken: z.string(),
  enterprise: enterpriseViewSchema.nullable(),
  recommenderUnit: z
    .object({ id: z.string(), name: z.string(), type: z.enum(RECOMMENDER_UNIT_TYPES) })
    .nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** A recommending unit: quota for everyone, the account count for the organizer only. */
export const recommenderUnitViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(RECOMMENDER_UNIT_TYPES),
  regionCode: z.string().nullable(),
  quotaOverride: z.number().nullable(),
  quota: z.number().nullable().optional(),
  accounts: z.number().optional(),
  active: z.boolean(),
});
export type RecommenderUnitView = z.infer<typeof recommenderUnitViewSchema>;
export const recommenderUnitListSchema = itemsOf(recommenderUnitViewSchema);
