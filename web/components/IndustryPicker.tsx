import { useEffect, useState } from 'react';
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { useIndustryNames } from '../lib/form-display';
import { useI18n } from '../lib/i18n';
import type { Industry, Items } from '../lib/types';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** GB/T 4754-2017 industry search; value is the industry code (or codes with multiple). */
export function IndustryPicker(props: {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  level?: 1 | 2 | 3 | 4;
  id?: string;
  /** With multiple: at most this many. */
  maxCount?: number;
  disabled?: boolean;
  /** What the empty picker says (a filter names itself); else the search hint. */
  placeholder?: string;
  /** The accessible name where no form label names the field (the campaign page's lookup). */
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ['industries', q, props.level ?? null],
    queryFn: () =>
      api<Items<Industry>>('/industries', { query: { q, level: props.level, limit: 30 } }),
    select: (d) => d.items,
    staleTime: Infinity,
  });
  // a chosen code not among the options on screen (after a reload) is named from the API
  const chosen =
    props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const names = useIndustryNames(chosen);
  return (
    <Select
      id={props.id}
      labelRender={(item) => {
        if (item.label !== undefined && item.label !== null) return item.label;
        const code = String(item.value);
        const name = names.get(code);
        return name ? `${code} ${name}` : code;
      }}

      aria-label={props['aria-label']}
      mode={props.multiple ? 'multiple' : undefined}
      maxCount={props.multiple ? props.maxCount : undefined}
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v as string | string[])}
      loading={isFetching}
      placeholder={props.placeholder ?? t('industry.placeholder')}
      style={{ width: '100%' }}
      options={(data ?? []).map((i) => ({
        value: i.code,
        label: (
          <span>
            <Tag>{i.code}</Tag>
            {i.name}
          </span>
        ),
        title: `${i.code} ${i.name}`,
      }))}
      optionLabelProp="title"
    />
  );
}
