// Pure edits of a form declaration as the structured editor makes them: new fields of a type,
// moves, key renames the facts follow, and which fields a fact may be bound to.
import type { FormDeclaration, FormField, FormSection } from '../../../domain/form';
import {
  APP_FACT_SPECS,
  CO_APPLICANT_FACT_SPECS,
  FACT_SPECS,
  type AppFactKey,
  type CoApplicantFactKey,
  type ScalarFactKey,
} from '../../../domain/facts';

export type FieldType = FormField['type'];
export type GroupField = Extract<FormField, { type: 'group' }>;

/** Moves item `from` by `by` places (−1 up, +1 down); out of range → unchanged. */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removed<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A key not yet used in `taken`: base, base2, base3… */
export function freshKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The field as it becomes when its type changes: what it shares is kept, the rest defaulted. */
export function withType(f: FormField, type: FieldType): FormField {
  const common = {
    key: f.key,
    label: f.label,
    labelEn: f.labelEn,
    ...(f.required !== undefined && { required: f.required }),
    ...(f.help !== undefined && { help: f.help }),
    ...(f.placeholder !== undefined && { placeholder: f.placeholder }),
  };
  switch (type) {
    case 'text':
      return { ...common, type, maxLength: 100 };
    case 'longtext':
      return { ...common, type, countsTowardWordLimit: false };
    case 'select':
      return { ...common, type, options: { from: 'list', values: [{ value: '是', label: '是' }] } };
    case 'number':
      return { ...common, type };
    case 'industries':
      return { ...common, type, max: 3 };
    case 'attachments':
      return { ...common, type, maxFiles: 5, accept: ['pdf', 'image'] };
    case 'confirm':
      return { ...common, type, statement: '本单位承诺所填内容真实、准确。' };
    case 'group':
      return {
        ...common,
        type,
        itemLabel: f.label || '条目',
        minItems: 0,
        maxItems: 10,
        fields: [{ key: 'name', type: 'text', label: '名称', labelEn: 'Name', maxLength: 100 }],
      };
    default:
      return { ...common, type };
  }
}

export function newField(taken: Iterable<string>, type: FieldType = 'text'): FormField {
  const key = freshKey('field', taken);
  return withType({ key, type: 'text', label: '新字段', labelEn: '', maxLength: 100 }, type);
}

export function newSection(taken: Iterable<string>): FormSection {
  const key = freshKey('section', taken);
  return {
    key,
    title: '新章节',
    titleEn: '',
    fields: [{ key: 'field', type: 'text', label: '新字段', labelEn: '', maxLength: 100 }],
  };
}

/**
 * Renames a top-level field (or, with `sub`, a sub-field of a group) and moves the facts bound to
 * it — only while the old key named one field and the new one names none other, so a duplicate
 * typed for a moment never drags another field's binding along.
 */
export function renameFieldKey(
  form: FormDeclaration,
  si: number,
  fi: number,
  next: string,
  sub?: number,
): FormDeclaration {
  const section = form.sections[si];
  const field = section?.fields[fi];
  if (!section || !field) return form;
  if (sub !== undefined) {
    if (field.type !== 'group' || !field.fields[sub]) return form;
    const old = field.fields[sub].key;
    const group: GroupField = {
      ...field,
      fields: replaced(field.fields, sub, { ...field.fields[sub], key: next }),
    };
    const sections = replaced(form.sections, si, {
      ...section,
      fields: replaced(section.fields, fi, group),
    });
    const unique = field.fields.filter((g) => g.key === old).length === 1;
    const free = !field.fields.some((g, i) => i !== sub && g.key === next);
    if (!unique || !free) return { ...form, sections };
    // the group bindings (APP清单, 联合申报单位) on this group follow the sub-field's new key
    const facts = { ...form.facts };
    let moved = false;
    for (const name of ['apps', 'coApplicants'] as const) {
      const binding = facts[name];
      if (!binding || binding.path !== `${section.key}.${field.key}`) continue;
      facts[name] = Object.fromEntries(
        Object.entries(binding).map(([k, v]) => [k, k !== 'path' && v === old ? next : v]),
      ) as typeof binding & { path: string };
      moved = true;
    }
    return moved ? { ...form, sections, facts } : { ...form, sections };
  }
  const old = field.key;
  const sections = replaced(form.sections, si, {
    ...section,
    fields: replaced(section.fields, fi, { ...field, key: next }),
  });
  const unique = section.fields.filter((f) => f.key === old).length === 1;
  const free = !section.fields.some((f, i) => i !== fi && f.key === next);
  if (!unique || !free) return { ...form, sections };
  return {
    ...form,
    sections,
    facts: movedFacts(form.facts, `${section.key}.${old}`, `${section.key}.${next}`),
  };
}

/** Renames a section and moves the facts bound inside it (same guard as renameFieldKey). */
export function renameSectionKey(form: FormDeclaration, si: number, next: string): FormDeclaration {
  const section = form.sections[si];
  if (!section) return form;
  const sections = replaced(form.sections, si, { ...section, key: next });
  const unique = form.sections.filter((s) => s.key === section.key).length === 1;
  const free = !form.sections.some((s, i) => i !== si && s.key === next);
  if (!unique || !free) return { ...form, sections };
  const facts = form.facts;
  if (!facts) return { ...form, sections };
  const prefix = `${section.key}.`;
  const move = (p: string | undefined) =>
    p?.startsWith(prefix) ? `${next}.${p.slice(prefix.length)}` : p;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts))
    out[k] =
      v && typeof v === 'object' // a group binding (APP清单, 联合申报单位)
        ? { ...(v as object), path: move((v as { path: string }).path) }
        : move(v as string);
  return { ...form, sections, facts: out as FormDeclaration['facts'] };
}

function movedFacts(
  facts: FormDeclaration['facts'],
  from: string,
  to: string,
): FormDeclaration['facts'] {
  if (!facts) return facts;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts))
    out[k] =
      v && typeof v === 'object'
        ? {
            ...(v as object),
            path: (v as { path: string }).path === from ? to : (v as { path: string }).path,
          }
        : v === from
          ? to
          : v;
  return out as FormDeclaration['facts'];
}

export interface FieldChoice {
  /** "section.field" */
  value: string;
  label: string;
}

const choice = (s: FormSection, f: FormField): FieldChoice => ({
  value: `${s.key}.${f.key}`,
  label: `${s.title} › ${f.label}（${s.key}.${f.key}）`,
});

/** The fields (of object sections) a scalar fact may be bound to: right type and option source. */
export function fieldsForFact(form: FormDeclaration, fact: ScalarFactKey): FieldChoice[] {
  const spec = FACT_SPECS[fact];
  return form.sections
    .filter((s) => !s.rows)
    .flatMap((s) =>
      s.fields
        .filter(
          (f) =>
            spec.types.includes(f.type) &&
            (!spec.optionsFrom || (f.type === 'select' && f.options.from === spec.optionsFrom)),
        )
        .map((f) => choice(s, f)),
    );
}

/** Group fields, where the APP list may live. */
export function groupFields(form: FormDeclaration): FieldChoice[] {
  return form.sections
    .filter((s) => !s.rows)
    .flatMap((s) => s.fields.filter((f) => f.type === 'group').map((f) => choice(s, f)));
}

/** Sub-fields of the bound group an APP fact may be read from. */
export function subFieldsForAppFact(
  form: FormDeclaration,
  groupPath: string | undefined,
  fact: AppFactKey,
): FieldChoice[] {
  return subFieldsOfTypes(form, groupPath, APP_FACT_SPECS[fact].types);
}

/** Sub-fields of the bound group a co-applicant fact (联合申报单位) may be read from. */
export function subFieldsForCoApplicantFact(
  form: FormDeclaration,
  groupPath: string | undefined,
  fact: CoApplicantFactKey,
): FieldChoice[] {
  return subFieldsOfTypes(form, groupPath, CO_APPLICANT_FACT_SPECS[fact].types);
}

function subFieldsOfTypes(
  form: FormDeclaration,
  groupPath: string | undefined,
  types: FormField['type'][],
): FieldChoice[] {
  if (!groupPath) return [];
  const [sk, fk] = groupPath.split('.');
  const group = form.sections.find((s) => s.key === sk)?.fields.find((f) => f.key === fk);
  if (group?.type !== 'group') return [];
  return group.fields
    .filter((g) => types.includes(g.type))
    .map((g) => ({ value: g.key, label: `${g.label}（${g.key}）` }));
}
