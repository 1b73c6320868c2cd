// Field paths of an application's data ('apps.items.0.name') ↔ antd name paths and labels.
import type { FormDeclaration, FormField } from '../../../domain/form';
import type { Lang } from '../../lib/i18n';

export type NamePath = Array<string | number>;

/** 'apps.items.0.name' → ['apps', 'items', 0, 'name'] */
export function toNamePath(path: string | ReadonlyArray<PropertyKey>): NamePath {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function pathKey(path: NamePath): string {
  return path.join('.');
}

/** 三、工业APP清单 › 工业APP 2 › APP名称 */
export function labelOfPath(form: FormDeclaration, path: NamePath, lang: Lang): string {
  const [sectionKey, ...rest] = path;
  const section = form.sections.find((s) => s.key === sectionKey);
  if (!section) return '';
  const labels: string[] = [lang === 'zh' ? section.title : section.titleEn];
  let fields: FormField[] = section.fields;
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i];
    const field = fields.find((f) => f.key === seg);
    if (!field) break;
    labels.push(lang === 'zh' ? field.label : field.labelEn);
    if (field.type === 'group') {
      const index = rest[i + 1];
      if (typeof index === 'number') {
        labels[labels.length - 1] =
          `${lang === 'zh' ? field.itemLabel : field.labelEn} ${index + 1}`;
        i++;
      }
      fields = field.fields;
    }
  }
  return labels.join(' › ');
}

/** The deepest path that names a rendered field (issues on a group item's object go to the group). */
export function fieldPathOf(form: FormDeclaration, path: NamePath): NamePath {
  const [sectionKey, ...rest] = path;
  const section = form.sections.find((s) => s.key === sectionKey);
  if (!section) return [];
  const out: NamePath = [sectionKey!];
  let fields: FormField[] = section.fields;
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
  const [sectionKey, ...rest] = path;
  let fields: FormField[] | undefined = form.sections.find((s) => s.key === sectionKey)?.fields;
  let found: FormField | undefined;
  for (const seg of rest) {
    if (typeof seg === 'number') continue;
    found = fields?.find((f) => f.key === seg);
    if (!found) return undefined;
    fields = found.type === 'group' ? found.fields : undefined;
  }
  return found;
}

export function valueAt(data: unknown, path: NamePath): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
