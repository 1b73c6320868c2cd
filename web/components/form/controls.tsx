// The inputs of declared fields that are more than one antd control.
import { useMemo } from 'react';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { FormField, OptionSource } from '../../../domain/form';
import { RegionCascader } from '../RegionCascader';
import { useI18n } from '../../lib/i18n';
import { useRegions } from '../../lib/queries';
import type { NamePath } from '../../lib/form-paths';
import { useFields } from './context';

/** Region field: the value is the city code; the cascader shows province → city. */
export function RegionField(props: {
  id?: string;
  value?: string | null;
  onChange?: (v: string) => void;
  disabled?: boolean;
}) {
  const regions = useRegions();
  const path = useMemo(() => {
    if (!props.value) return undefined;
    const r = regions.data?.find((x) => x.code === props.value);
    if (!r) return undefined;
    return r.parentCode ? [r.parentCode, r.code] : [r.code];
  }, [props.value, regions.data]);
  if (props.disabled) {
    const names = (path ?? []).map((c) => regions.data?.find((r) => r.code === c)?.name ?? c);
    return <Input id={props.id} disabled value={[...new Set(names)].join(' / ')} />;
  }
  return (
    <RegionCascader
      id={props.id}
      value={path}
      onChange={(v) => props.onChange?.(v[v.length - 1] ?? '')}
    />
  );
}

/** A date kept as 'YYYY-MM-DD' in the data, picked from a calendar. */
export function DateField(props: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  disabled?: boolean;
}) {
  const value =
    props.value && dayjs(props.value, 'YYYY-MM-DD', true).isValid() ? props.value : null;
  return (
    <DatePicker
      id={props.id}
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabled={props.disabled}
      placeholder="YYYY-MM-DD"
      style={{ width: 240 }}
    />
  );
}

function useOptions(src: OptionSource, category: string | undefined) {
  const { settings } = useFields();
  const { lang } = useI18n();
  switch (src.from) {
    case 'list':
      return src.values.map((v) => ({
        value: v.value,
        label: (lang === 'en' && v.labelEn) || v.label,
      }));
    case 'categories':
      return settings.categories.map((c) => ({ value: c.code, label: c.name }));
    case 'businessStages':
      return settings.businessStages.map((s) => ({ value: s, label: s }));
    case 'focusAreas':
      return (settings.categories.find((c) => c.code === category)?.focusAreas ?? []).map((f) => ({
        value: f,
        label: f,
      }));
  }
}

export function SelectField(props: {
  field: Extract<FormField, { type: 'select' }>;
  categoryPath?: NamePath;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const category = Form.useWatch(props.categoryPath ?? ['__none__'], form) as string | undefined;
  const options = useOptions(props.field.options, category);
  const needsCategory = props.field.options.from === 'focusAreas' && !category;
  return (
    <Select
      id={props.id}
      mode={props.field.multiple ? 'multiple' : undefined}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v)}
      options={options}
      allowClear
      disabled={props.disabled || needsCategory}
      placeholder={
        needsCategory
          ? t('editor.chooseCategoryFirst')
          : (props.field.placeholder ?? t('editor.select'))
      }
      optionFilterProp="label"
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : undefined}
      style={{ width: '100%' }}
    />
  );
}

export function ConfirmBox(props: {
  id?: string;
  checked?: boolean;
  onChange?: (e: unknown) => void;
  statement: string;
}) {
  const { readOnly } = useFields();
  return (
    <Checkbox id={props.id} checked={!!props.checked} onChange={props.onChange} disabled={readOnly}>
      {props.statement}
    </Checkbox>
  );
}
