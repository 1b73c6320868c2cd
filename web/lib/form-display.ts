// Names for the codes a form's data holds (regions, industries, categories, files), so values are
// shown as a person reads them (domain/form-values displayValue), never as raw codes.
import { useQueries } from '@tanstack/react-query';
import type { CampaignSettings } from '../../domain/campaign';
import type { ValueNames } from '../../domain/form-values';
import { api } from './api';
import type { Attachment } from './applications';
import { useI18n } from './i18n';
import { useRegions } from './queries';
import type { Industry, Items } from './types';

/** GB/T 4754 names of a few codes, looked up one by one (a form names only a few). */
export function useIndustryNames(codes: string[]): Map<string, string> {
  const found = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['industries', code, null],
      queryFn: () => api<Items<Industry>>('/industries', { query: { q: code, limit: 30 } }),
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  codes.forEach((code, i) => {
    const name = found[i]?.data?.items.find((x) => x.code === code)?.name;
    if (name) names.set(code, name);
  });
  return names;
}

/** The names `displayValue` needs, from what the app already loads. */
export function useValueNames(opts: {
  settings?: Pick<CampaignSettings, 'categories'>;
  attachments?: ReadonlyMap<string, Attachment>;
  industryCodes?: string[];
}): ValueNames {
  const { lang } = useI18n();
  const regions = useRegions();
  const industries = useIndustryNames(opts.industryCodes ?? []);
  return {
    lang,
    option: (source, value) =>
      source.from === 'categories'
        ? opts.settings?.categories.find((c) => c.code === value)?.name
        : undefined,
    region: (code) => {
      const r = regions.data?.find((x) => x.code === code);
      const parent = r?.parentCode ? regions.data?.find((x) => x.code === r.parentCode) : undefined;
      return r && (parent && parent.name !== r.name ? `${parent.name} / ${r.name}` : r.name);
    },
    industry: (code) => industries.get(code),
    attachment: (id) => opts.attachments?.get(id)?.filename,
  };
}

/** Every industry code in the data (from any depth), for useIndustryNames. */
export function industryCodesIn(fields: Array<{ type: string; value: unknown }>): string[] {
  const codes = new Set<string>();
  for (const f of fields)
    if (f.type === 'industries' && Array.isArray(f.value))
      for (const c of f.value) if (typeof c === 'string') codes.add(c);
  return [...codes].sort();
}
