// Field paths of a declared form's data ('apps.items.0.name', 'revenue.1.amount') ↔ antd name paths and labels.
import {
  groupOfSection,
  type FormDeclaration,
  type FormField,
  type FormSection,
} from '../../domain/form';
import type { Lang } from './i18n';

export type NamePath = Array<string | number>;

/** 'apps.items.0.name' → ['apps', 'items', 0, 'name'] */
export function toNamePath(path: string | ReadonlyArray<PropertyKey>): NamePath {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function pathKey(path: NamePath): string {
  return path.join('.');
}

/**
 * The fields a path walks from its first segment: an object section's fields after its key; a list
 * section is one group whose key is the section's (so 'revenue.1.amount' reads group, row, field).
 */
function walk(form: FormDeclaration, path: NamePath) {
  const section = form.sections.find((s) => s.key === path[0]);
  if (!section) return undefined;
  return section.rows
    ? { section, fields: [groupOfSection({ ...section, rows: section.rows })], rest: path, out: [] }
    : { section, fields: section.fields, rest: path.slice(1), out: [section.key] };
}

const itemLabelOf = (f: Extract<FormField, { type: 'group' }>, lang: Lang) =>
  lang === 'zh' ? f.itemLabel : (f.itemLabelEn ?? f.labelEn);

export const sectionTitle = (s: FormSection, lang: Lang) => (lang === 'zh' ? s.title : s.titleEn);

/** 三、工业APP清单 › 工业APP 2 › APP名称 */
export function labelOfPath(form: FormDeclaration, path: NamePath, lang: Lang): string {
  const w = walk(form, path);
  if (!w) return '';
  const rest = w.rest;
  const labels: string[] = [sectionTitle(w.section, lang)];
  let fields: FormField[] = w.fields;
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i];
    const field = fields.find((f) => f.key === seg);
    if (!field) break;
    labels.push(lang === 'zh' ? field.label : field.labelEn);
    if (field.type === 'group') {
      const index = rest[i + 1];
      if (typeof index === 'number') {
        labels[labels.length - 1] = `${itemLabelOf(field, lang)} ${index + 1}`;
        i++;
      }
      fields = field.fields;
    }
  }
  return labels.join(' › ');
}

/** The deepest path that names a rendered field (issues on a group item's object go to the group). */
export function fieldPathOf(form: FormDeclaration, path: NamePath): NamePath {
  const w = walk(form, path);
  if (!w) return [];
  const rest = w.rest;
  const out: NamePath = [...w.out];
  let fields: FormField[] = w.fields;
  for (let i = 0; i < rest.length; i++) {
    const field = fields.find((f) => f.key === rest[i]);
    if (!field) break;
    out.push(field.key);
    if (field.type !== 'group') break;
    const index = rest[i + 1];
    if (typeof index !== 'number' || !rest[i + 2]) break;
    out.push(index);
    i++;
    fields = field.fields;
  }
  return out;
}

/** The declared field a path names (inside groups too). */
export function fieldAt(form: FormDeclaration, path: NamePath): FormField | undefined {
  const w = walk(form, path);
  let fields: FormField[] | undefined = w?.fields;
  let found: FormField | undefined;
  for (const seg of w?.rest ?? []) {
    if (typeof seg === 'number') continue;
    found = fields?.find((f) => f.key === seg);
    if (!found) return undefined;
    fields = found.type === 'group' ? found.fields : undefined;
  }
  return found;
}

export { valueAt } from '../../domain/form-values';
