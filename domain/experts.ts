// 专家库 (issue 13): what an organizer types or imports about an expert. Shared by the API routes,
// the XLSX import and the web form. The references (regions, industries, categories, units) are
// checked by the server against its tables; here only the shapes.
import { emailSchema, phoneSchema, regionCodeSchema, usccSchema } from './accounts';
import { z } from './zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A code typed with spaces or in lower case is the same code. */
const expertUsccSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\s+/g, '').toUpperCase() : v),
  usccSchema,
);

/** 申报回避的企业: by its 统一社会信用代码, its name, or both. */
export const conflictEnterpriseSchema = z
  .object({
    uscc: z.preprocess(blankToUndefined, expertUsccSchema.optional()),
    name: z.preprocess(
      blankToUndefined,
      z.string().trim().min(2, '企业名称至少2个字').max(100, '企业名称最多100字').optional(),
    ),
  })
  .refine((c) => !!c.uscc || !!c.name, { message: '请填写回避企业的名称或统一社会信用代码' });
export type ConflictEnterprise = z.infer<typeof conflictEnterpriseSchema>;

const codes = (max: number, message: string) =>
  z.array(z.string().trim().min(1).max(60)).max(max, message);

const fields = {
  name: z.string().trim().min(2, '请填写专家姓名').max(50, '姓名最多50字'),
  employerName: z.string().trim().min(2, '请填写工作单位全称').max(100, '工作单位最多100字'),
  /** the employer's 统一社会信用代码 (optional: a university's or an institute's may be unknown) */
  employerUscc: z.preprocess(blankToUndefined, expertUsccSchema.optional()),
  title: z.string().trim().max(50, '职称/职务最多50字'),
  regionCode: regionCodeSchema,
  /** category codes of the campaigns (专家不属于某一届活动) */
  categories: codes(20, '申报类别最多20个'),
  /** GB/T 4754-2017 codes: a 门类 letter, a 大类 of two digits, … a 小类 of four */
  industries: codes(20, '所属行业最多20个'),
  focusAreas: codes(30, '聚焦领域最多30个'),
  conflictEnterprises: z.array(conflictEnterpriseSchema).max(50, '回避企业最多50家'),
  conflictUnitIds: z.array(z.string().uuid()).max(100, '回避推荐单位最多100个'),
  phone: z.preprocess(blankToUndefined, phoneSchema.optional()),
  /** the expert account's e-mail: where its password link and review notices go */
  email: emailSchema,
};

/** createExpert: a new expert of the pool (with an expert account). */
export const createExpertSchema = z.object({
  ...fields,
  title: fields.title.default(''),
  categories: fields.categories.default([]),
  industries: fields.industries.default([]),
  focusAreas: fields.focusAreas.default([]),
  conflictEnterprises: fields.conflictEnterprises.default([]),
  conflictUnitIds: fields.conflictUnitIds.default([]),
});
export type CreateExpertInput = z.infer<typeof createExpertSchema>;

/** updateExpert: any of the fields; `active: false` takes the expert out of future proposals. */
export const updateExpertSchema = z.object({
  name: fields.name.optional(),
  employerName: fields.employerName.optional(),
  employerUscc: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    expertUsccSchema.nullable().optional(),
  ),
  title: fields.title.optional(),
  regionCode: fields.regionCode.optional(),
  categories: fields.categories.optional(),
  industries: fields.industries.optional(),
  focusAreas: fields.focusAreas.optional(),
  conflictEnterprises: fields.conflictEnterprises.optional(),
  conflictUnitIds: fields.conflictUnitIds.optional(),
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    phoneSchema.nullable().optional(),
  ),
  email: fields.email.optional(),
  active: z.boolean().optional(),
});
export type UpdateExpertInput = z.infer<typeof updateExpertSchema>;

/**
 * The columns of the 专家库 import file, in the template's order. A header may carry a note in
 * brackets and a star (“* 姓名”, “姓名（必填）”); the English key is accepted too.
 */
export const EXPERT_IMPORT_COLUMNS = [
  { key: 'name', zh: '姓名', required: true, hint: '' },
  { key: 'employerName', zh: '工作单位', required: true, hint: '单位全称' },
  { key: 'employerUscc', zh: '单位统一社会信用代码', required: false, hint: '18位，可不填' },
  { key: 'title', zh: '职称职务', required: false, hint: '' },
  {
    key: 'region',
    zh: '所在地区',
    required: true,
    hint: '6位行政区划代码或地区名称，如 110000 或 北京市',
  },
  { key: 'categories', zh: '申报类别', required: false, hint: '类别名称或代码，多个用顿号分隔' },
  {
    key: 'industries',
    zh: '所属行业',
    required: false,
    hint: 'GB/T 4754代码，如 C、34、3451，多个用顿号分隔',
  },
  { key: 'focusAreas', zh: '聚焦领域', required: false, hint: '多个用顿号分隔' },
  {
    key: 'conflictEnterprises',
    zh: '回避企业',
    required: false,
    hint: '企业名称或统一社会信用代码，或“名称（代码）”，多个用分号分隔',
  },
  {
    key: 'conflictUnits',
    zh: '回避推荐单位',
    required: false,
    hint: '推荐单位名称，多个用分号分隔',
  },
  { key: 'phone', zh: '联系电话', required: false, hint: '' },
  { key: 'email', zh: '电子邮箱', required: true, hint: '专家账号的设置密码链接发送至此' },
] as const;
export type ExpertImportColumn = (typeof EXPERT_IMPORT_COLUMNS)[number]['key'];

/** One cell's list: split on 、，,；;/ and line breaks, blanks dropped. */
export function splitList(cell: string, separators: RegExp = /[、，,；;\n\r/]+/): string[] {
  return cell
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 回避企业 in a cell: “名称”, “代码” or “名称（代码）”, separated by ；; or line breaks. */
export function parseConflictEnterprises(cell: string): { uscc?: string; name?: string }[] {
  return splitList(cell, /[；;\n\r]+/).map((entry) => {
    const code = entry.replace(/\s+/g, '').toUpperCase();
    if (/^[0-9A-Z]{18}$/.test(code)) return { uscc: code };
    const m = /^(.+?)[（(]\s*([0-9A-Za-z]{18})\s*[）)]$/.exec(entry);
    if (m) return { name: m[1]!.trim(), uscc: m[2]!.toUpperCase() };
    return { name: entry };
  });
}
