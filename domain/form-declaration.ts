// A form declaration as data: the zod schema an organizer's edit, an import and a seed pass through
// before a campaign stores it. Every refusal names where it is, in Chinese
// ("第2节“二、申报单位”的第3个字段（name）：…"), and nothing is saved.
import { z } from './zod';
import type { FormDeclaration, FormField } from './form';
import {
  APP_FACT_SPECS,
  CO_APPLICANT_FACT_SPECS,
  FACT_SPECS,
  SCALAR_FACTS,
  fieldAt,
  type AppFactKey,
  type CoApplicantFactKey,
  type ScalarFactKey,
} from './facts';
import { followUpBindingIssues } from './follow-up-facts';

export const FIELD_TYPES = [
  'text',
  'longtext',
  'select',
  'number',
  'uscc',
  'phone',
  'email',
  'region',
  'date',
  'industries',
  'attachments',
  'confirm',
  'group',
] as const;

export const FIELD_TYPE_LABELS: Record<(typeof FIELD_TYPES)[number], string> = {
  text: '单行文本',
  longtext: '多行文本',
  select: '选择',
  number: '数字',
  uscc: '统一社会信用代码',
  phone: '电话',
  email: '电子邮箱',
  region: '地区（GB/T 2260）',
  date: '日期',
  industries: '行业（GB/T 4754）',
  attachments: '附件',
  confirm: '确认声明',
  group: '重复组（表格）',
};

/** The kinds of form a campaign holds. */
export const FORM_KINDS = ['application', 'followUp', 'monitoring', 'selfEvaluation'] as const;
export type FormKind = (typeof FORM_KINDS)[number];
export const FORM_KIND_LABELS: Record<FormKind, string> = {
  application: '申报书',
  followUp: '附件4 统计信息表',
  monitoring: '年度运行监测表',
  selfEvaluation: '自查评估表',
};

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const key = z
  .string({ error: '请填写字段代码' })
  .regex(KEY, '代码须以字母开头，由字母、数字或下划线组成，最长40位');
const label = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(200, `${what}最长200字`);

const optionSourceSchema = z.discriminatedUnion(
  'from',
  [
    z.strictObject({
      from: z.literal('list'),
      values: z
        .array(
          z.strictObject({
            value: z.string().trim().min(1).max(100),
            label: label('选项名称'),
            labelEn: z.string().max(200).optional(),
          }),
        )
        .min(1, '请至少列出一个选项')
        .max(200),
    }),
    z.strictObject({ from: z.literal('categories') }),
    z.strictObject({ from: z.literal('focusAreas') }),
    z.strictObject({ from: z.literal('businessStages') }),
  ],
  { error: '选项来源须为 list、categories、focusAreas 或 businessStages' },
);

const base = {
  key,
  label: label('字段名称'),
  labelEn: z.string().trim().max(200).default(''),
  required: z.boolean().optional(),
  help: z.string().max(1000).optional(),
  placeholder: z.string().max(200).optional(),
};
const rowKeysSchema = z.strictObject({
  field: key,
  list: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '行来源的名称须为字母开头的代码'),
});
const itemsOf = {
  itemLabel: label('条目名称'),
  itemLabelEn: z.string().max(200).optional(),
  itemUnit: z.string().max(4).optional(),
  minItems: z.number().int().min(0).max(200),
  maxItems: z.number().int().min(1).max(200),
  keyedBy: rowKeysSchema.optional(),
};
const positive = z.number().int().positive().max(1_000_000);

function fieldSchemaOf(depth: number): z.ZodType<FormField> {
  const variants = [
    z.strictObject({ ...base, type: z.literal('text'), maxLength: positive }),
    z.strictObject({
      ...base,
      type: z.literal('longtext'),
      maxLength: positive.optional(),
      countsTowardWordLimit: z.boolean().default(false),
    }),
    z.strictObject({
      ...base,
      type: z.literal('select'),
      options: optionSourceSchema,
      multiple: z.boolean().optional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
      unit: z.string().max(20).optional(),
      unitEn: z.string().max(40).optional(),
    }),
    ...(['uscc', 'phone', 'email', 'region', 'date'] as const).map((t) =>
      z.strictObject({ ...base, type: z.literal(t) }),
    ),
    z.strictObject({ ...base, type: z.literal('industries'), max: positive.max(50) }),
    z.strictObject({
      ...base,
      type: z.literal('attachments'),
      maxFiles: positive.max(50),
      accept: z
        .array(z.enum(['pdf', 'image', 'office'], { error: '附件类型须为 pdf、image 或 office' }))
        .min(1, '请至少允许一种附件类型'),
    }),
    z.strictObject({ ...base, type: z.literal('confirm'), statement: label('声明文字') }),
    ...(depth > 0
      ? []
      : [
          z.strictObject({
            ...base,
            type: z.literal('group'),
            ...itemsOf,
            fields: z
              .array(z.lazy(() => fieldSchemaOf(depth + 1)))
              .min(1, '重复组至少要有一个字段'),
          }),
        ]),
  ];
  const types: readonly string[] =
    depth > 0 ? FIELD_TYPES.filter((t) => t !== 'group') : FIELD_TYPES;
  // A clear word for an unknown type before the union's own complaint.
  return z
    .unknown()
    .superRefine((v, ctx) => {
      const t = (v as { type?: unknown } | null)?.type;
      if (typeof t !== 'string' || !types.includes(t)) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message:
            t === 'group'
              ? '重复组内不能再嵌套重复组'
              : `未知的字段类型“${String(t)}”，可用：${types.join('、')}`,
        });
      } else if (
        (v as { countsTowardWordLimit?: unknown }).countsTowardWordLimit === true &&
        t !== 'longtext'
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['countsTowardWordLimit'],
          message: '只有多行文本字段可以计入字数',
        });
      }
    })
    .pipe(z.discriminatedUnion('type', variants as never)) as unknown as z.ZodType<FormField>;
}

const sectionSchema = z.strictObject({
  key,
  title: label('章节标题'),
  titleEn: z.string().trim().max(200).default(''),
  description: z.string().max(2000).optional(),
  /** the section is a list of rows of its fields (e.g. revenue by year) */
  rows: z
    .strictObject({
      label: label('列表名称'),
      labelEn: z.string().max(200).default(''),
      ...itemsOf,
    })
    .optional(),
  fields: z.array(fieldSchemaOf(0)).min(1, '章节不能为空：请至少添加一个字段'),
});

const appBindingSchema = z.strictObject({
  path: z.string().min(1),
  ...(Object.fromEntries(Object.keys(APP_FACT_SPECS).map((k) => [k, key.optional()])) as Record<
    AppFactKey,
    z.ZodOptional<typeof key>
  >),
});

const coApplicantBindingSchema = z.strictObject({
  path: z.string().min(1),
  ...(Object.fromEntries(
    Object.keys(CO_APPLICANT_FACT_SPECS).map((k) => [k, key.optional()]),
  ) as Record<CoApplicantFactKey, z.ZodOptional<typeof key>>),
});

const bindingsSchema = z
  .strictObject({
    ...(Object.fromEntries(SCALAR_FACTS.map((k) => [k, z.string().min(1).optional()])) as Record<
      ScalarFactKey,
      z.ZodOptional<z.ZodString>
    >),
    apps: appBindingSchema.optional(),
    coApplicants: coApplicantBindingSchema.optional(),
  })
  .optional();

const followUpBindingsSchema = z
  .strictObject({
    newCustomers: z.string().min(1).optional(),
    industriesReached: z.string().min(1).optional(),
    revenue: z.strictObject({ path: z.string().min(1), year: key, amount: key }).optional(),
    versions: z.string().min(1).optional(),
    status: z
      .strictObject({ path: z.string().min(1), stopped: z.array(z.string().min(1)).max(50) })
      .optional(),
  })
  .optional();

/** Where a path points, in words: 第2节“二、申报单位”的第3个字段（name）. */
function where(form: { sections?: unknown }, path: PropertyKey[]): string {
  const sections = Array.isArray(form.sections) ? form.sections : [];
  const [a, si, b, fi, c, gi] = path;
  if (a !== 'sections' || typeof si !== 'number') return '';
  const s = sections[si] as { title?: string; fields?: unknown[] } | undefined;
  let out = `第${si + 1}节${s?.title ? `“${s.title}”` : ''}`;
  if (b === 'fields' && typeof fi === 'number') {
    const f = s?.fields?.[fi] as { key?: string; label?: string; fields?: unknown[] } | undefined;
    out += `的第${fi + 1}个字段${f?.label ? `“${f.label}”` : f?.key ? `（${f.key}）` : ''}`;
    if (c === 'fields' && typeof gi === 'number') {
      const g = f?.fields?.[gi] as { label?: string } | undefined;
      out += `中第${gi + 1}个子字段${g?.label ? `“${g.label}”` : ''}`;
    }
  }
  return out;
}

/**
 * A declaration as JSON, checked for shape (types, limits), keys (unique per section and group),
 * sections (not empty) and facts (bound to an existing field of the right type; an application
 * form binds at least the solution's name, category, applicant and 统一社会信用代码).
 */
export function formDeclarationSchema(kind: FormKind) {
  return z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, '表单标识为小写字母、数字或连字符'),
      version: z.number().int().min(1).max(100_000),
      title: label('文书标题'),
      sections: z.array(sectionSchema).min(1, '表单至少要有一节'),
      facts: bindingsSchema,
      followUpFacts: followUpBindingsSchema,
    })
    .superRefine((form, ctx) => {
      const seenSections = new Set<string>();
      form.sections.forEach((s, si) => {
        if (seenSections.has(s.key))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'key'],
            message: `章节代码“${s.key}”重复`,
          });
        seenSections.add(s.key);
        if (s.rows && s.rows.minItems > s.rows.maxItems)
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'rows', 'minItems'],
            message: '最少条数不能大于最多条数',
          });
        if (s.rows?.keyedBy && !s.fields.some((f) => f.key === s.rows!.keyedBy!.field))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'rows', 'keyedBy', 'field'],
            message: `按行区分的字段“${s.rows.keyedBy.field}”不在本节中`,
          });
        const seen = new Set<string>();
        s.fields.forEach((f, fi) => {
          if (seen.has(f.key))
            ctx.addIssue({
              code: 'custom',
              path: ['sections', si, 'fields', fi, 'key'],
              message: `字段代码“${f.key}”在本节中重复`,
            });
          seen.add(f.key);
          if (f.type === 'group') {
            const sub = new Set<string>();
            f.fields.forEach((g, gi) => {
              if (sub.has(g.key))
                ctx.addIssue({
                  code: 'custom',
                  path: ['sections', si, 'fields', fi, 'fields', gi, 'key'],
                  message: `子字段代码“${g.key}”在本组中重复`,
                });
              sub.add(g.key);
            });
            if (f.minItems > f.maxItems)
              ctx.addIssue({
                code: 'custom',
                path: ['sections', si, 'fields', fi, 'minItems'],
                message: '最少条数不能大于最多条数',
              });
            if (f.keyedBy && !f.fields.some((g) => g.key === f.keyedBy!.field))
              ctx.addIssue({
                code: 'custom',
                path: ['sections', si, 'fields', fi, 'keyedBy', 'field'],
                message: `按行区分的字段“${f.keyedBy.field}”不在本组中`,
              });
          }
          if (f.type === 'select' && f.options.from === 'focusAreas') {
            const hasCategory = s.fields.some(
              (x) => x.type === 'select' && x.options.from === 'categories',
            );
            if (!hasCategory)
              ctx.addIssue({
                code: 'custom',
                path: ['sections', si, 'fields', fi, 'options'],
                message: '“聚焦领域”须与“申报类别”选择字段放在同一节',
              });
          }
          if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max)
            ctx.addIssue({
              code: 'custom',
              path: ['sections', si, 'fields', fi, 'min'],
              message: '最小值不能大于最大值',
            });
        });
      });
      checkFacts(form as FormDeclaration, kind, ctx);
      for (const issue of followUpBindingIssues(form as FormDeclaration))
        ctx.addIssue({
          code: 'custom',
          path: ['followUpFacts', ...issue.path],
          message: issue.message,
        });
    })
    .transform((form) => form as FormDeclaration);
}

function checkFacts(form: FormDeclaration, kind: FormKind, ctx: z.RefinementCtx) {
  const facts = form.facts ?? {};
  for (const k of SCALAR_FACTS) {
    const spec = FACT_SPECS[k];
    const path = facts[k];
    if (!path) {
      if (spec.required && kind === 'application')
        ctx.addIssue({
          code: 'custom',
          path: ['facts', k],
          message: `请指定“${spec.label}”取自哪个字段`,
        });
      continue;
    }
    const field = fieldAt(form, path);
    if (!field) {
      ctx.addIssue({
        code: 'custom',
        path: ['facts', k],
        message: `“${spec.label}”指向的字段 ${path} 不存在`,
      });
      continue;
    }
    if (!spec.types.includes(field.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['facts', k],
        message: `“${spec.label}”须取自${spec.types.map((t) => FIELD_TYPE_LABELS[t as keyof typeof FIELD_TYPE_LABELS]).join('或')}字段，${path} 是${FIELD_TYPE_LABELS[field.type as keyof typeof FIELD_TYPE_LABELS]}字段`,
      });
      continue;
    }
    if (spec.optionsFrom && (field.type !== 'select' || field.options.from !== spec.optionsFrom))
      ctx.addIssue({
        code: 'custom',
        path: ['facts', k],
        message: `“${spec.label}”须取自选项来源为 ${spec.optionsFrom} 的选择字段`,
      });
    if (!spec.list && field.type === 'select' && field.multiple && spec.optionsFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['facts', k],
        message: `“${spec.label}”只能单选`,
      });
  }
  checkGroupBinding(form, ctx, 'apps', 'APP清单', APP_FACT_SPECS, facts.apps);
  checkGroupBinding(
    form,
    ctx,
    'coApplicants',
    '联合申报单位',
    CO_APPLICANT_FACT_SPECS,
    facts.coApplicants,
  );
}

/** A group binding (APP清单, 联合申报单位): a group field, and sub-fields of the right types in it. */
function checkGroupBinding<K extends string>(
  form: FormDeclaration,
  ctx: z.RefinementCtx,
  fact: 'apps' | 'coApplicants',
  title: string,
  specs: Record<K, { label: string; types: FormField['type'][]; required?: boolean }>,
  binding: ({ path: string } & Partial<Record<K, string>>) | undefined,
) {
  if (!binding) return;
  const group = fieldAt(form, binding.path);
  if (!group || group.type !== 'group') {
    ctx.addIssue({
      code: 'custom',
      path: ['facts', fact, 'path'],
      message: `“${title}”须指向一个重复组字段，${binding.path} ${group ? '不是重复组' : '不存在'}`,
    });
    return;
  }
  for (const k of Object.keys(specs) as K[]) {
    const spec = specs[k];
    const subKey = binding[k];
    if (!subKey) {
      if (spec.required)
        ctx.addIssue({
          code: 'custom',
          path: ['facts', fact, k],
          message: `请指定“${spec.label}”取自${title}的哪个子字段`,
        });
      continue;
    }
    const sub = group.fields.find((f) => f.key === subKey);
    if (!sub)
      ctx.addIssue({
        code: 'custom',
        path: ['facts', fact, k],
        message: `“${spec.label}”指向的子字段 ${subKey} 不在 ${binding.path} 中`,
      });
    else if (!spec.types.includes(sub.type))
      ctx.addIssue({
        code: 'custom',
        path: ['facts', fact, k],
        message: `“${spec.label}”须取自${spec.types.map((t) => FIELD_TYPE_LABELS[t as keyof typeof FIELD_TYPE_LABELS]).join('或')}字段`,
      });
  }
}

/** A refusal's details: each problem at its path, the message saying where in words. */
export function declarationIssues(
  input: unknown,
  issues: { path: PropertyKey[]; message: string }[],
  prefix = '',
): { path: string; message: string }[] {
  const form = (input && typeof input === 'object' ? input : {}) as { sections?: unknown };
  return issues.map((i) => {
    const w = where(form, i.path);
    return {
      path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
      message: w ? `${w}：${i.message}` : i.message,
    };
  });
}
