// Issue paths of a 附件4 report ('revenue.1.amount') → the form field they belong to, and labels.
import { FOLLOW_UP_SECTIONS } from '../../../domain/follow-up-report';
import type { Lang } from '../../lib/i18n';

export type SectionKey = keyof typeof FOLLOW_UP_SECTIONS;
export const SECTION_KEYS = Object.keys(FOLLOW_UP_SECTIONS) as SectionKey[];
export type NamePath = Array<string | number>;

const LEAF = [
  /^promotion\.(newCustomers|industriesReached|description)$/,
  /^revenue\.\d+\.(year|amount)$/,
  /^versions\.\d+\.(version|date|change)$/,
  /^status\.(state|description)$/,
];

export function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Where an issue is shown: on a field (`field`), or under a section when it is about the section
 * or a whole row (`section`, '' for the form as a whole).
 */
export function placeOf(path: string): { field: NamePath } | { section: string } {
  // an issue about one industry code belongs to the industries field
  const p = path.replace(/^(promotion\.industriesReached)\.\d+$/, '$1');
  if (LEAF.some((re) => re.test(p))) return { field: toNamePath(p) };
  const first = p.split('.')[0] ?? '';
  return { section: (SECTION_KEYS as string[]).includes(first) ? first : '' };
}

/** 市场收入情况 › 年度收入 2 › 市场收入 */
export function labelOf(path: string, lang: Lang): string {
  const [sectionKey, ...rest] = toNamePath(path);
  const section = FOLLOW_UP_SECTIONS[sectionKey as SectionKey] as
    | {
        title: string;
        titleEn: string;
        itemLabel?: string;
        itemLabelEn?: string;
        fields: Record<string, { label: string; labelEn: string }>;
      }
    | undefined;
  if (!section) return '';
  const labels = [lang === 'zh' ? section.title : section.titleEn];
  for (const seg of rest) {
    if (typeof seg === 'number') {
      const item = lang === 'zh' ? section.itemLabel : section.itemLabelEn;
      if (item) labels.push(`${item} ${seg + 1}`);
    } else {
      const f = section.fields[seg];
      if (f) labels.push(lang === 'zh' ? f.label : f.labelEn);
    }
  }
  return labels.join(' › ');
}

/** The label of a field in the language on screen. */
export function fieldLabel(section: SectionKey, field: string, lang: Lang): string {
  const f = (
    FOLLOW_UP_SECTIONS[section].fields as Record<string, { label: string; labelEn: string }>
  )[field];
  return f ? (lang === 'zh' ? f.label : f.labelEn) : field;
}

export function sectionTitle(section: SectionKey, lang: Lang): string {
  const s = FOLLOW_UP_SECTIONS[section];
  return lang === 'zh' ? s.title : s.titleEn;
}
