// An application form declared as data (DESIGN §2). From one declaration come the
// server's validation, the web form, the printed form and the field list other features use.
import { z } from './zod';
import { countWords } from './word-count';
import { findUsccProblem, describeUsccProblem } from './uscc';
import type { FactBindings } from './facts';
import type { FollowUpFactBindings } from './follow-up-facts';

interface FieldBase {
  key: string;
  label: string;
  labelEn: string;
  required?: boolean;
  help?: string;
  /** Shown in the empty input. */
  placeholder?: string;
}

export type FormField =
  | (FieldBase & { type: 'text'; maxLength: number })
  | (FieldBase & { type: 'longtext'; maxLength?: number; countsTowardWordLimit: boolean })
  | (FieldBase & { type: 'select'; options: OptionSource; multiple?: boolean })
  | (FieldBase & {
      type: 'number';
      min?: number;
      max?: number;
      integer?: boolean;
      unit?: string;
      unitEn?: string;
    })
  | (FieldBase & { type: 'uscc' | 'phone' | 'email' | 'region' | 'date' })
  | (FieldBase & { type: 'industries'; max: number })
  | (FieldBase & { type: 'attachments'; maxFiles: number; accept: AttachmentKind[] })
  | (FieldBase & { type: 'confirm'; statement: string })
  | (FieldBase & {
      type: 'group';
      minItems: number;
      maxItems: number;
      itemLabel: string;
      fields: FormField[];
      /** The item in English (the group's labelEn when absent). */
      itemLabelEn?: string;
      /** The measure word of an item in messages (请至少填写1条…); 项 when absent. */
      itemUnit?: string;
      /** One row per key of a list the context supplies (e.g. one per year asked for). */
      keyedBy?: RowKeys;
    });

/**
 * Rows keyed by a list from the form's context (`FormContext.rowKeys[list]`): the row's `field`
 * holds its key; no key twice, none outside the list, and on submit none of the list missing.
 */
export interface RowKeys {
  field: string;
  list: string;
}

/**
 * A section whose data is a list of rows of its fields (`data[section.key]` is an array), not one
 * object: the rows have the rules of a group.
 */
export interface SectionRows {
  /** The list as named in messages (请填写2020年的市场收入). */
  label: string;
  labelEn: string;
  itemLabel: string;
  itemLabelEn?: string;
  itemUnit?: string;
  minItems: number;
  maxItems: number;
  keyedBy?: RowKeys;
}

export type AttachmentKind = 'pdf' | 'image' | 'office';

/** Options are either listed or taken from the campaign's settings. */
export type OptionSource =
  | { from: 'list'; values: { value: string; label: string; labelEn?: string }[] }
  | { from: 'categories' }
  | { from: 'focusAreas' } // of the chosen category
  | { from: 'businessStages' };

export interface FormSection {
  key: string;
  title: string;
  titleEn: string;
  description?: string;
  fields: FormField[];
  /** Present when the section is a list of rows (see SectionRows). */
  rows?: SectionRows;
}

// a type, not an interface: a declaration is plain JSON, assignable to a record of unknowns
export type FormDeclaration = {
  id: string;
  version: number;
  /** the printed document's title, e.g. 工业互联网APP优秀解决方案申报书 */
  title: string;
  sections: FormSection[];
  /** where the facts every reader needs live in the data (domain/facts.ts) */
  facts?: FactBindings;
  /** 附件4 only: where the follow-up facts the analysis counts live (domain/follow-up-facts.ts) */
  followUpFacts?: FollowUpFactBindings;
};

export type FormMode = 'draft' | 'submit';

export interface FormContext {
  wordLimit: number;
  categories: { code: string; focusAreas: string[] }[];
  businessStages: string[];
  /** Lists that key rows (RowKeys), by name: e.g. revenueYears → [2019, 2020]. */
  rowKeys?: Record<string, ReadonlyArray<string | number>>;
}

/** A list section seen as the group field it is (key: the section's key). */
export function groupOfSection(
  s: FormSection & { rows: SectionRows },
): Extract<FormField, { type: 'group' }> {
  const r = s.rows;
  return {
    key: s.key,
    type: 'group',
    label: r.label,
    labelEn: r.labelEn,
    itemLabel: r.itemLabel,
    ...(r.itemLabelEn !== undefined && { itemLabelEn: r.itemLabelEn }),
    ...(r.itemUnit !== undefined && { itemUnit: r.itemUnit }),
    ...(r.keyedBy !== undefined && { keyedBy: r.keyedBy }),
    minItems: r.minItems,
    maxItems: r.maxItems,
    fields: s.fields,
  };
}

const isListSection = (s: FormSection): s is FormSection & { rows: SectionRows } => !!s.rows;

/**
 * A section's fields and its data as the engine walks them: an object section's own fields over
 * `data[key]`; a list section's one group over the whole data, so paths read `key.0.field`.
 */
function walkOf(s: FormSection, data: unknown) {
  const root = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  return isListSection(s)
    ? { fields: [groupOfSection(s)], value: root, prefix: '' }
    : { fields: s.fields, value: root[s.key], prefix: `${s.key}.` };
}

/** Every field, with its dotted path inside the application's data (groups included once). */
export function fieldsOf(
  form: FormDeclaration,
): { path: string; section: string; field: FormField }[] {
  const out: { path: string; section: string; field: FormField }[] = [];
  for (const s of form.sections) {
    if (isListSection(s)) out.push({ path: s.key, section: s.key, field: groupOfSection(s) });
    else
      for (const f of s.fields) out.push({ path: `${s.key}.${f.key}`, section: s.key, field: f });
  }
  return out;
}

/** The text that counts toward the word limit, gathered from every counting field. */
export function countedText(
  form: FormDeclaration,
  data: unknown,
): { path: string; words: number }[] {
  const out: { path: string; words: number }[] = [];
  const visit = (fields: FormField[], value: unknown, prefix: string) => {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = obj[f.key];
      if (f.type === 'longtext' && f.countsTowardWordLimit && typeof v === 'string') {
        out.push({ path: `${prefix}${f.key}`, words: countWords(v) });
      } else if (f.type === 'group' && Array.isArray(v)) {
        v.forEach((item, i) => visit(f.fields, item, `${prefix}${f.key}.${i}.`));
      }
    }
  };
  for (const s of form.sections) {
    const w = walkOf(s, data);
    visit(w.fields, w.value, w.prefix);
  }
  return out;
}

/**
 * The application's comparable text for the duplicate check: the word-counted text fields in
 * form order, joined with "\n". Evidence offsets index into exactly this string.
 */
export function comparableText(form: FormDeclaration, data: unknown): string {
  const parts: string[] = [];
  const visit = (fields: FormField[], value: unknown) => {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = obj[f.key];
      if (f.type === 'longtext' && f.countsTowardWordLimit && typeof v === 'string') parts.push(v);
      else if (f.type === 'group' && Array.isArray(v)) v.forEach((item) => visit(f.fields, item));
    }
  };
  for (const s of form.sections) {
    const w = walkOf(s, data);
    visit(w.fields, w.value);
  }
  return parts.join('\n');
}

export function totalWords(form: FormDeclaration, data: unknown): number {
  return countedText(form, data).reduce((n, c) => n + c.words, 0);
}

function isCalendarDate(v: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return (
    d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!
  );
}

/** Keyed rows: keys inside the list, none twice; on submit, none missing. */
function checkRowKeys(
  f: Extract<FormField, { type: 'group' }>,
  keyField: FormField | undefined,
  keys: ReadonlyArray<string | number>,
  rows: unknown,
  mode: FormMode,
  issue: z.RefinementCtx,
) {
  if (!Array.isArray(rows) || !f.keyedBy) return;
  const keyName = f.keyedBy.field;
  const unit = keyField?.type === 'number' ? (keyField.unit ?? '') : '';
  const keyLabel = keyField?.label ?? keyName;
  const numeric = keys.every((k) => typeof k === 'number');
  const first = keys[0];
  const last = keys[keys.length - 1];
  const seen = new Set<string | number>();
  rows.forEach((row: unknown, i) => {
    const k = (row as Record<string, unknown> | null)?.[keyName];
    if (typeof k !== 'number' && typeof k !== 'string') return;
    if (typeof k === 'string' && k.trim() === '') return;
    const at = { code: 'custom' as const, path: [i, keyName] };
    if (first === undefined || last === undefined)
      issue.addIssue({ ...at, message: `本次无需填报${f.label}` });
    else if (!keys.includes(k))
      issue.addIssue({
        ...at,
        message: numeric
          ? `${keyLabel}应在${first}至${last}${unit}之间`
          : `${keyLabel}须为${keys.join('、')}之一`,
      });
    if (seen.has(k)) issue.addIssue({ ...at, message: `${k}${unit}重复填写` });
    seen.add(k);
  });
  if (mode === 'submit')
    for (const k of keys)
      if (!seen.has(k))
        issue.addIssue({ code: 'custom', path: [], message: `请填写${k}${unit}的${f.label}` });
}

/** No text field holds more than this, even in a draft. */
const TEXT_HARD_MAX = 100_000;

/** A text's length as its limit counts it: characters after trimming. */
export function textLength(value: string): number {
  return value.trim().length;
}

/** 解决方案名称：75字，超过60字的限制（超出15字） — as the word-limit message says it. */
export function overLimitMessage(label: string, max: number, value: string): string {
  const n = textLength(value);
  return `${label}：${n}字，超过${max}字的限制（超出${n - max}字）`;
}

type NumberField = Extract<FormField, { type: 'number' }>;

/** A number field's value as a submission must hold it. */
function numberSchema(f: NumberField) {
  const label = f.label;
  let n = z.number({ error: `${label}须为数字，请只填数字（不含文字、单位）` });
  if (f.integer) n = n.int(`${label}须为整数`);
  if (f.min !== undefined) n = n.min(f.min, `${label}不能小于${f.min}`);
  if (f.max !== undefined) n = n.max(f.max, `${label}不能大于${f.max}${f.unit ?? ''}`);
  return n;
}

/**
 * What is wrong with a number field's value as typed — text that is not a number, a fraction
 * where an integer is asked, a value out of bounds — or null (also when empty).
 */
export function numberProblem(f: NumberField, value: unknown): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim()))
    return null;
  const r = numberSchema(f).safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? `${f.label}须为数字`);
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

function optionValues(src: OptionSource, ctx: FormContext): string[] | null {
  switch (src.from) {
    case 'list':
      return src.values.map((v) => v.value);
    case 'categories':
      return ctx.categories.map((c) => c.code);
    case 'businessStages':
      return ctx.businessStages;
    case 'focusAreas':
      return null; // depends on the category: checked at the form level
  }
}

function fieldSchema(f: FormField, ctx: FormContext, mode: FormMode): z.ZodType {
  const required = mode === 'submit' && (!!f.required || (f.type === 'group' && f.minItems > 0));
  const label = f.label;
  const str = () => z.string({ error: `请填写${label}` }).trim();
  let base: z.ZodType;
  switch (f.type) {
    case 'text':
    case 'longtext':
      // a draft keeps text over the field's limit as typed (the counter shows the overflow);
      // a submission may not run over
      base =
        mode === 'submit' && f.maxLength
          ? str().refine((v) => textLength(v) <= f.maxLength!, {
              error: (iss) => overLimitMessage(label, f.maxLength!, String(iss.input)),
            })
          : str().max(TEXT_HARD_MAX, `${label}过长`);
      break;
    case 'uscc':
      base = str().refine((v) => v === '' || findUsccProblem(v) === null, {
        error: (iss) => {
          const p = findUsccProblem(String(iss.input));
          return p ? describeUsccProblem(p) : '统一社会信用代码不正确';
        },
      });
      break;
    case 'phone':
      base = str().refine((v) => v === '' || PHONE.test(v), '请填写11位手机号或带区号的固定电话');
      break;
    case 'email':
      base = str().refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确');
      break;
    case 'region':
      base = str().refine((v) => v === '' || /^\d{6}$/.test(v), '请选择地区');
      break;
    case 'date':
      base = str().refine((v) => v === '' || isCalendarDate(v), `${label}格式为 YYYY-MM-DD`);
      break;
    case 'number':
      // a draft keeps what was typed, a number or not (the field says what is wrong with it);
      // a submission must hold a number within the field's bounds
      base =
        mode === 'submit'
          ? numberSchema(f)
          : z.union([z.number(), z.string().max(200, `${label}过长`)]);
      break;
    case 'select': {
      const values = optionValues(f.options, ctx);
      const one = values
        ? z.string().refine((v) => values.includes(v), `请从列表中选择${label}`)
        : z.string();
      base = f.multiple ? z.array(one).max(50) : one;
      break;
    }
    case 'industries':
      base = z
        .array(z.string().regex(/^[A-T]$|^\d{2,4}$/, '行业代码不正确（GB/T 4754-2017）'))
        .max(f.max, `${label}最多选${f.max}个`)
        .refine((a) => new Set(a).size === a.length, `${label}有重复`);
      break;
    case 'attachments':
      base = z.array(z.string().uuid()).max(f.maxFiles, `${label}最多${f.maxFiles}个文件`);
      break;
    case 'confirm':
      base = z.boolean();
      break;
    case 'group': {
      const item = z.object(
        Object.fromEntries(f.fields.map((sub) => [sub.key, fieldSchema(sub, ctx, mode)])),
      );
      const unit = f.itemUnit ?? '项';
      let arr = z.array(item).max(f.maxItems, `${label}最多${f.maxItems}${unit}`);
      if (mode === 'submit' && f.minItems > 0)
        arr = arr.min(f.minItems, `请至少填写${f.minItems}${unit}${f.itemLabel}`);
      const keyedBy = f.keyedBy;
      if (!keyedBy) {
        base = arr;
        break;
      }
      const keys = ctx.rowKeys?.[keyedBy.list] ?? [];
      const keyField = f.fields.find((x) => x.key === keyedBy.field);
      // runs even when a row has a type error, so every problem is listed at once
      const keyed = arr.superRefine(
        (rows, issue) => checkRowKeys(f, keyField, keys, rows, mode, issue),
        {
          when: () => true,
        },
      );
      // on submit a missing list is an empty one, so each missing key is named
      if (!required && mode === 'submit') return z.preprocess((v) => v ?? [], keyed);
      base = keyed;
      break;
    }
  }
  if (!required) return base.optional().nullable();
  // A missing value is named as missing (请填写…), before any type or format check.
  const missing =
    f.type === 'confirm'
      ? `请确认${label}`
      : f.type === 'group'
        ? `请至少填写${f.minItems}${f.itemUnit ?? '项'}${f.itemLabel}`
        : f.type === 'attachments'
          ? `请上传${label}`
          : f.type === 'select' || f.type === 'region' || f.type === 'industries'
            ? `请选择${label}`
            : `请填写${label}`;
  const isEmpty = (v: unknown) =>
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0) ||
    (f.type === 'confirm' && v !== true);
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (isEmpty(v)) ctx.addIssue({ code: 'custom', message: missing });
    })
    .pipe(base);
}

/**
 * The zod schema of an application's data. A draft may leave required fields empty, run over
 * the word limit and a field's length limit, and hold a number field's text as typed (so no input
 * is lost or rewritten while being fixed); a submission must be complete, within the limits and
 * hold numbers. Unknown keys are refused.
 */
export function applicationDataSchema(form: FormDeclaration, ctx: FormContext, mode: FormMode) {
  const shape = Object.fromEntries(
    form.sections.map((s) => [
      s.key,
      isListSection(s)
        ? fieldSchema(groupOfSection(s), ctx, mode)
        : // a missing section is an empty one, so a submission names each of its missing fields
          z
            .strictObject(
              Object.fromEntries(s.fields.map((f) => [f.key, fieldSchema(f, ctx, mode)])),
            )
            .prefault({}),
    ]),
  );
  return z.strictObject(shape).superRefine((data, issue) => {
    // A draft may run over while being written (the count is shown live); a submission may not.
    const words = totalWords(form, data);
    if (mode === 'submit' && words > ctx.wordLimit) {
      issue.addIssue({
        code: 'custom',
        path: [],
        message: `正文合计${words}字，超过${ctx.wordLimit}字的限制（超出${words - ctx.wordLimit}字）`,
        params: { words, limit: ctx.wordLimit },
      });
    }
    // the focus area must belong to the chosen category
    for (const s of form.sections) {
      for (const f of s.fields) {
        if (f.type !== 'select' || f.options.from !== 'focusAreas') continue;
        const sec = (data as Record<string, Record<string, unknown> | undefined>)[s.key];
        const value = sec?.[f.key];
        const categoryField = s.fields.find(
          (x) => x.type === 'select' && x.options.from === 'categories',
        );
        const category = categoryField
          ? ctx.categories.find((c) => c.code === sec?.[categoryField.key])
          : undefined;
        const chosen = Array.isArray(value) ? value : value ? [value] : [];
        if (category && chosen.some((v) => !category.focusAreas.includes(String(v)))) {
          issue.addIssue({
            code: 'custom',
            path: [s.key, f.key],
            message: `${f.label}须属于所选申报类别`,
          });
        }
      }
    }
  });
}

/** The ids of every uploaded file the data names, from the declaration's attachment fields. */
export function attachmentIdsOf(form: FormDeclaration, data: unknown): string[] {
  const ids = new Set<string>();
  const visit = (fields: FormField[], value: unknown) => {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = obj[f.key];
      if (f.type === 'attachments' && Array.isArray(v))
        v.forEach((id) => typeof id === 'string' && ids.add(id));
      else if (f.type === 'group' && Array.isArray(v)) v.forEach((item) => visit(f.fields, item));
    }
  };
  for (const s of form.sections) {
    const w = walkOf(s, data);
    visit(w.fields, w.value);
  }
  return [...ids];
}
