import { useMemo, type CSSProperties } from 'react';
import { Cascader } from 'antd';
import { useRegions } from '../lib/queries';
import type { Region } from '../lib/types';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

export function regionOptions(regions: Region[]): Option[] {
  const provinces = regions.filter((r) => r.level === 1);
  return provinces.map((p) => ({
    value: p.code,
    label: p.name,
    children: regions
      .filter((r) => r.level === 2 && r.parentCode === p.code)
      .map((c) => ({ value: c.code, label: c.name })),
  }));
}

/** Province → city (GB/T 2260), value [provinceCode, cityCode]. */
export function RegionCascader(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  id?: string;
  /** A province alone may be chosen too (a filter: the province and its cities). */
  changeOnSelect?: boolean;
  allowClear?: boolean;
  'aria-label'?: string;
  style?: CSSProperties;
}) {
  const { data, isLoading } = useRegions();
  const options = useMemo(() => regionOptions(data ?? []), [data]);
  return (
    <Cascader
      id={props.id}
      options={options}
      loading={isLoading}
      value={props.value}
      onChange={(v) => props.onChange?.((v ?? []) as string[])}
      placeholder={props.placeholder}
      changeOnSelect={props.changeOnSelect}
      allowClear={props.allowClear}
      aria-label={props['aria-label']}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
      expandTrigger="hover"
      style={props.style ?? { width: '100%' }}
    />
  );
}
