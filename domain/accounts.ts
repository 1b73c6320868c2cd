// Schemas shared by the API routes and the web forms.
import { z } from './zod';
import { ROLES } from './roles';
import { describeUsccProblem, findUsccProblem } from './uscc';
import { RECOMMENDER_UNIT_TYPES } from './recommender-units';

export const usccSchema = z.string().superRefine((code, ctx) => {
  const problem = findUsccProblem(code);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: describeUsccProblem(problem),
      params: { uscc: problem.kind },
    });
});

export const phoneSchema = z
  .string()
  .trim()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
    '请填写11位手机号或带区号的固定电话，如 010-68208206',
  );

export const emailSchema = z.string().trim().toLowerCase().max(254).email('电子邮箱格式不正确');

export const PASSWORD_MIN = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `密码至少${PASSWORD_MIN}位`)
  .max(128, '密码最多128位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

export const regionCodeSchema = z.string().regex(/^\d{6}$/, '请选择所在地区');

export const personNameSchema = z.string().trim().min(2, '请填写联系人姓名').max(50);

export const registerEnterpriseSchema = z.object({
  name: z.string().trim().min(4, '请填写营业执照上的企业全称').max(100, '企业名称最多100字'),
  uscc: usccSchema,
  provinceCode: regionCodeSchema,
  cityCode: regionCodeSchema,
  contactName: personNameSchema,
  phone: phoneSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type RegisterEnterpriseInput = z.infer<typeof registerEnterpriseSchema>;

export const signInSchema = z.object({
  login: z.string().trim().min(1, '请输入账号').max(254),
  password: z.string().min(1, '请输入密码').max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: passwordSchema,
});

export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '登录名为3–40位小写字母、数字、点、下划线或连字符');

export const STAFF_ROLES = ['recommender', 'organizer', 'expert'] as const;

export const createStaffUserSchema = z
  .object({
    role: z.enum(STAFF_ROLES),
    login: loginNameSchema,
    name: personNameSchema,
    email: emailSchema,
    phone: phoneSchema.optional(),
    recommenderUnitId: z.string().uuid().optional(),
    /** Without one, a one-time password is generated and shown once. */
    password: passwordSchema.optional(),
  })
  .refine((u) => u.role !== 'recommender' || !!u.recommenderUnitId, {
    message: '推荐单位账号须绑定一个推荐单位',
    path: ['recommenderUnitId'],
  });
export type CreateStaffUserInput = z.infer<typeof createStaffUserSchema>;

export const updateUserSchema = z.object({
  status: z.enum(['active', 'disabled']).optional(),
  name: personNameSchema.optional(),
  phone: phoneSchema.optional(),
});

/**
 * One's own contact details (updateOwnProfile): an enterprise's contact person, phone and e-mail,
 * or a staff member's name, phone and e-mail. The e-mail is a sign-in identifier: changing it
 * asks for the current password. An enterprise's name and 统一社会信用代码 are not here.
 */
export const updateOwnProfileSchema = z.object({
  name: personNameSchema.optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  currentPassword: z.string().max(128).optional(),
});
export type UpdateOwnProfileInput = z.infer<typeof updateOwnProfileSchema>;

export const recommenderUnitInputSchema = z.object({
  name: z.string().trim().min(2).max(100),
  type: z.enum(RECOMMENDER_UNIT_TYPES),
  regionCode: regionCodeSchema.nullable().optional(),
  quotaOverride: z.number().int().min(0).max(100).nullable().optional(),
});

export const updateRecommenderUnitSchema = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  active: z.boolean().optional(),
  quotaOverride: z.number().int().min(0).max(100).nullable().optional(),
});

export const userRoleSchema = z.enum(ROLES);

/** An organizer may register an enterprise whose code fails the check digit, with a reason. */
export const acceptEnterpriseSchema = registerEnterpriseSchema.extend({
  uscc: z.string(),
  checkDigitOverrideReason: z.string().trim().min(4, '请写明接受该代码的理由').max(500).optional(),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
