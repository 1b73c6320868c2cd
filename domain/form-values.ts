// Reading a form's data through its declaration: the issues at their paths, a new form's data,
// a value as a person reads it, and which fields two versions of the data differ in.
import type { FieldIssue } from './errors';
import {
  applicationDataSchema,
  groupOfSection,
  type FormContext,
  type FormDeclaration,
  type FormField,
  type FormMode,
  type OptionSource,
} from './form';

export type DataPath = Array<string | number>;

/** Every problem with the data, each at its dotted path (e.g. `revenue.1.amount`). */
export function formIssues(
  form: FormDeclaration,
  ctx: FormContext,
  mode: FormMode,
  data: unknown,
): FieldIssue[] {
  const parsed = applicationDataSchema(form, ctx, mode).safeParse(data);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * What a new form starts with: an empty object per section; a list section keyed by the context
 * gets one row per key, another list its minimum of empty rows.
 */
export function emptyDataOf(form: FormDeclaration, ctx: Pick<FormContext, 'rowKeys'>) {
  const data: Record<string, unknown> = {};
  for (const s of form.sections) {
    if (!s.rows) data[s.key] = {};
    else if (s.rows.keyedBy)
      data[s.key] = (ctx.rowKeys?.[s.rows.keyedBy.list] ?? []).map((k) => ({
        [s.rows!.keyedBy!.field]: k,
      }));
    else data[s.key] = Array.from({ length: s.rows.minItems }, () => ({}));
  }
  return data;
}

export function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Names the declaration cannot know: they come from reference data (regions, industries…). */
export interface ValueNames {
  lang?: 'zh' | 'en';
  /** A select option from the campaign (a category's name); list options are declared. */
  option?: (source: OptionSource, value: string) => string | undefined;
  region?: (code: string) => string | undefined;
  industry?: (code: string) => string | undefined;
  attachment?: (id: string) => string | undefined;
}

/** The label of a select option: declared, named by `names`, or the value itself. */
export function optionLabel(source: OptionSource, value: string, names: ValueNames = {}): string {
  if (source.from === 'list') {
    const o = source.values.find((v) => v.value === value);
    if (o) return (names.lang === 'en' && o.labelEn) || o.label;
  }
  return names.option?.(source, value) ?? value;
}

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** A field's value as a person reads it ('' when empty); not for groups (see formDiff). */
export function displayValue(field: FormField, value: unknown, names: ValueNames = {}): string {
  if (isBlank(value)) return '';
  const en = names.lang === 'en';
  const all = (v: unknown, one: (x: string) => string) =>
    (Array.isArray(v) ? v : [v]).map((x) => one(String(x))).join(en ? ', ' : '、');
  switch (field.type) {
    case 'number': {
      const unit = en ? (field.unitEn ?? field.unit) : field.unit;
      return typeof value === 'number' && unit ? `${value} ${unit}` : String(value);
    }
    case 'select':
      return all(value, (x) => optionLabel(field.options, x, names));
    case 'region':
      return all(value, (x) => names.region?.(x) ?? x);
    case 'industries':
      return all(value, (x) => {
        const name = names.industry?.(x);
        return name ? `${x} ${name}` : x;
      });
    case 'attachments':
      return all(value, (x) => names.attachment?.(x) ?? x);
    case 'confirm':
      return value === true ? (en ? 'Confirmed' : '已确认') : '';
    case 'group':
      return Array.isArray(value) ? String(value.length) : '';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export interface FieldDifference {
  /** Where in the data, e.g. ['revenue', 1, 'amount']. */
  path: DataPath;
  field: FormField;
  mine: unknown;
  theirs: unknown;
}

/** Same content, whatever the key order or empty values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields (inside group rows too) whose values differ between two versions of the data, in
 * form order. Rows are compared by position; a row on one side only differs in each filled field.
 */
export function formDiff(form: FormDeclaration, mine: unknown, theirs: unknown): FieldDifference[] {
  const out: FieldDifference[] = [];
  const visit = (fields: FormField[], a: unknown, b: unknown, prefix: DataPath) => {
    for (const f of fields) {
      const x = valueAt(a, [f.key]);
      const y = valueAt(b, [f.key]);
      if (f.type === 'group') {
        const rows = Math.max(Array.isArray(x) ? x.length : 0, Array.isArray(y) ? y.length : 0);
        for (let i = 0; i < rows; i++)
          visit(f.fields, valueAt(x, [i]), valueAt(y, [i]), [...prefix, f.key, i]);
      } else if (!sameValue(x, y))
        out.push({ path: [...prefix, f.key], field: f, mine: x, theirs: y });
    }
  };
  for (const s of form.sections) {
    if (s.rows) visit([groupOfSection({ ...s, rows: s.rows })], mine, theirs, []);
    else visit(s.fields, valueAt(mine, [s.key]), valueAt(theirs, [s.key]), [s.key]);
  }
  return out;
}

/**
 * The declared field at a path ('promotion.newCustomers', 'apps.items.0.name', 'revenue.1.amount'
 * or without the row index); row indexes are skipped. Undefined when the declaration has none.
 */
export function fieldAtPath(form: FormDeclaration, path: string | DataPath): FormField | undefined {
  const parts = (typeof path === 'string' ? path.split('.') : path).filter(
    (p) => p !== '' && !/^\d+$/.test(String(p)),
  );
  const [sectionKey, ...rest] = parts;
  const section = form.sections.find((s) => s.key === sectionKey);
  if (!section) return undefined;
  let found: FormField | undefined = section.rows
    ? groupOfSection({ ...section, rows: section.rows })
    : undefined;
  let fields: FormField[] | undefined = section.fields;
  if (!found && !rest.length) return undefined;
  for (const seg of rest) {
    found = fields?.find((f) => f.key === seg);
    if (!found) return undefined;
    fields = found.type === 'group' ? found.fields : undefined;
  }
  return found;
}
