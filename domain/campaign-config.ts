// A campaign's whole configuration as one document: what an organizer edits in 活动管理, exports
// to share next year's setup and imports under a new code. The same schemas check the route, the
// web editor and an imported file.
import { instantSchema, z } from './zod';
import { campaignSettingsSchema } from './campaign';
import { FORM_KINDS, formDeclarationSchema, type FormKind } from './form-declaration';
import type { FormDeclaration, FormField } from './form';
import { CAMPAIGNLESS_KINDS, NOTIFICATION_KINDS, unknownVariables } from './notifications';

const instant = instantSchema();

export const campaignCodeSchema = z
  .string()
  .regex(/^[a-z0-9-]{3,60}$/, '活动代码为3–60位小写字母、数字或连字符');

/** The campaign's own fields: who issues it, when it opens and closes (instants; Beijing time in the web). */
export const campaignFieldsSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(4, '活动名称至少4个字').max(200),
    docNumber: z.string().trim().max(100).default(''),
    issuer: z.string().trim().max(200).default(''),
    publishedOn: z.iso.date('发布日期格式为 YYYY-MM-DD').optional(),
    opensAt: instant,
    onlineDeadline: instant,
    paperDeadline: instant,
  })
  .refine((c) => new Date(c.onlineDeadline) > new Date(c.opensAt), {
    message: '网上申报截止时间须晚于开始时间',
    path: ['onlineDeadline'],
  })
  .refine((c) => new Date(c.paperDeadline) >= new Date(c.opensAt), {
    message: '纸质材料截止时间须晚于开始时间',
    path: ['paperDeadline'],
  });
export type CampaignFields = z.infer<typeof campaignFieldsSchema>;

/** The forms as they arrive: checked one by one (each refusal names its form and place). */
export const formsInputSchema = z
  .object({
    application: z.unknown(),
    followUp: z.unknown().optional(),
    monitoring: z.unknown().optional(),
    selfEvaluation: z.unknown().optional(),
  })
  .strict();

export interface CampaignForms {
  application: FormDeclaration;
  followUp?: FormDeclaration;
  monitoring?: FormDeclaration;
  selfEvaluation?: FormDeclaration;
}

/** Checks each form; the problems' paths start with forms.<kind>. */
export function parseForms(
  input: z.infer<typeof formsInputSchema>,
):
  | { ok: true; forms: CampaignForms }
  | { ok: false; issues: { kind: FormKind; input: unknown; issues: z.core.$ZodIssue[] }[] } {
  const out: Partial<CampaignForms> = {};
  const problems: { kind: FormKind; input: unknown; issues: z.core.$ZodIssue[] }[] = [];
  for (const kind of FORM_KINDS) {
    const value = input[kind];
    if (value === undefined) {
      if (kind === 'application')
        problems.push({
          kind,
          input: value,
          issues: [{ code: 'custom', path: [], message: '请提供申报书表单', input: value }],
        });
      continue;
    }
    const r = formDeclarationSchema(kind).safeParse(value);
    if (r.success) out[kind] = r.data;
    else problems.push({ kind, input: value, issues: r.error.issues });
  }
  return problems.length
    ? { ok: false, issues: problems }
    : { ok: true, forms: out as CampaignForms };
}

/** 活动管理 → 保存: a change of any part, made over the revision the editor loaded. */
export const updateCampaignSchema = z.object({
  baseRevision: z.number().int().min(1).max(2_147_483_647),
  fields: campaignFieldsSchema.optional(),
  settings: campaignSettingsSchema.optional(),
  forms: formsInputSchema.partial().optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

/** A new campaign, from a built-in template or from a past campaign. */
export const createCampaignSchema = z
  .object({
    from: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('template'), id: z.string().min(1).max(80) }),
      z.object({ kind: z.literal('campaign'), idOrCode: z.string().min(1).max(80) }),
    ]),
    code: campaignCodeSchema,
    isDemo: z.boolean().default(false),
  })
  .and(campaignFieldsSchema);
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const CONFIG_FORMAT = 'zhengxuan.campaign-config';

/** The exported document: everything that makes the call, nothing of its applications. */
export const campaignConfigDocumentSchema = z.object({
  format: z.literal(CONFIG_FORMAT, { error: '不是征选活动配置文件' }),
  formatVersion: z.literal(1, { error: '不支持的配置文件版本' }),
  exportedAt: z.string().optional(),
  campaign: z.object({ code: campaignCodeSchema }).and(campaignFieldsSchema),
  settings: campaignSettingsSchema,
  forms: formsInputSchema,
  /** the campaign's own message templates (absent in documents exported before they existed) */
  notificationTemplates: z
    .array(
      z
        .object({
          kind: z.enum(NOTIFICATION_KINDS).refine((k) => !CAMPAIGNLESS_KINDS.includes(k), {
            error: '该类消息只有平台通用模板',
          }),
          subject: z.string().trim().min(1).max(200),
          body: z.string().trim().min(1).max(5000),
        })
        .superRefine((t, ctx) => {
          const unknown = unknownVariables(t.kind, t);
          if (unknown.length)
            ctx.addIssue({
              code: 'custom',
              path: ['body'],
              message: `模板中有不认识的变量：${unknown.join('、')}`,
            });
        }),
    )
    .max(NOTIFICATION_KINDS.length)
    .refine((ts) => new Set(ts.map((t) => t.kind)).size === ts.length, {
      error: '同一类消息只能有一个模板',
    })
    .optional(),
});
export type CampaignConfigDocument = z.infer<typeof campaignConfigDocumentSchema>;

/** 导入: the document, under a new code (and optionally a new title). */
export const importCampaignSchema = z.object({
  config: z.unknown(),
  code: campaignCodeSchema,
  title: z.string().trim().min(4).max(200).optional(),
});

/**
 * A copy for another year: "2021年" in the forms' guidance (section descriptions, field help and
 * placeholders) becomes the new year's, as the 附件3 title does. Keys, labels and options stay.
 */
export function formsForYear(forms: CampaignForms, fromYear: number, year: number): CampaignForms {
  if (fromYear === year) return forms;
  const swap = (text: string | undefined) => text?.replaceAll(`${fromYear}年`, `${year}年`);
  const field = (f: FormField): FormField =>
    ({
      ...f,
      ...(f.help !== undefined && { help: swap(f.help) }),
      ...(f.placeholder !== undefined && { placeholder: swap(f.placeholder) }),
      ...(f.type === 'group' && { fields: f.fields.map(field) }),
    }) as FormField;
  const form = (d: FormDeclaration): FormDeclaration => ({
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      ...(s.description !== undefined && { description: swap(s.description) }),
      fields: s.fields.map(field),
    })),
  });
  return {
    application: form(forms.application),
    ...(forms.followUp && { followUp: form(forms.followUp) }),
    ...(forms.monitoring && { monitoring: form(forms.monitoring) }),
    ...(forms.selfEvaluation && { selfEvaluation: form(forms.selfEvaluation) }),
  };
}
