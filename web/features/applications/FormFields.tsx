// One declared field → one antd input. Nothing here knows the 2021 form: it reads the declaration.
import { createContext, useContext, useMemo } from 'react';
import { Button, Card, Checkbox, Empty, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignSettings } from '../../../domain/campaign';
import type { FormField, FormSection, OptionSource } from '../../../domain/form';
import { IndustryPicker } from '../../components/IndustryPicker';
import { RegionCascader } from '../../components/RegionCascader';
import type { Attachment } from '../../lib/applications';
import { useI18n } from '../../lib/i18n';
import { useRegions } from '../../lib/queries';
import { AttachmentsField } from './AttachmentsField';
import { LongText } from './LongText';
import { pathKey, type NamePath } from './paths';

export interface FieldsContext {
  appId: string;
  settings: Pick<CampaignSettings, 'categories' | 'businessStages'>;
  attachments: ReadonlyMap<string, Attachment>;
  onUploaded: (a: Attachment) => void;
  readOnly: boolean;
}

const Ctx = createContext<FieldsContext | null>(null);
export const FieldsProvider = Ctx.Provider;

function useFields(): FieldsContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('FormFields outside FieldsProvider');
  return c;
}

/** Region field: the value is the city code; the cascader shows province → city. */
function RegionField(props: {
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

function useOptions(src: OptionSource, category: string | undefined) {
  const { settings } = useFields();
  switch (src.from) {
    case 'list':
      return src.values;
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

function SelectField(props: {
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
      placeholder={needsCategory ? t('editor.chooseCategoryFirst') : t('editor.select')}
      optionFilterProp="label"
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : undefined}
      style={{ width: '100%' }}
    />
  );
}

/** Form.Item hands id, value and onChange to its child: pass them on to the real control. */
interface ControlProps {
  id?: string;
  value?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each control has its own
  onChange?: (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function Control(
  props: ControlProps & { field: FormField; categoryPath?: NamePath; testId: string },
) {
  const { field: f, categoryPath, testId, ...c } = props;
  const { readOnly, appId, attachments, onUploaded } = useFields();
  switch (f.type) {
    case 'text':
      return <Input {...c} maxLength={f.maxLength} disabled={readOnly} />;
    case 'uscc':
      return (
        <Input {...c} maxLength={18} disabled={readOnly} style={{ fontFamily: 'monospace' }} />
      );
    case 'phone':
    case 'email':
      return <Input {...c} disabled={readOnly} inputMode={f.type === 'phone' ? 'tel' : 'email'} />;
    case 'date':
      return <Input {...c} disabled={readOnly} placeholder="YYYY-MM-DD" />;
    case 'longtext':
      return (
        <LongText
          {...c}
          counts={f.countsTowardWordLimit}
          maxLength={f.maxLength}
          disabled={readOnly}
        />
      );
    case 'number':
      return (
        <InputNumber
          {...c}
          min={f.min}
          max={f.max}
          precision={f.integer ? 0 : undefined}
          suffix={f.unit}
          disabled={readOnly}
          style={{ width: 240 }}
        />
      );
    case 'select':
      return <SelectField {...c} field={f} categoryPath={categoryPath} disabled={readOnly} />;
    case 'region':
      return <RegionField {...c} disabled={readOnly} />;
    case 'industries':
      return <IndustryPicker {...c} multiple maxCount={f.max} disabled={readOnly} />;
    case 'attachments':
      return (
        <AttachmentsField
          {...c}
          appId={appId}
          accept={f.accept}
          maxFiles={f.maxFiles}
          known={attachments}
          onUploaded={onUploaded}
          disabled={readOnly}
          testId={testId}
        />
      );
    case 'confirm':
    case 'group':
      return null; // rendered by FieldItem
  }
}

/** A field at `name` (relative to an enclosing Form.List, if any); `path` is its absolute path. */
export function FieldItem(props: {
  field: FormField;
  name: NamePath;
  path: NamePath;
  categoryPath?: NamePath;
}) {
  const { lang } = useI18n();
  const f = props.field;
  const label = lang === 'zh' ? f.label : f.labelEn;
  const testId = `field-${pathKey(props.path)}`;
  if (f.type === 'group') return <GroupField field={f} name={props.name} path={props.path} />;
  if (f.type === 'confirm')
    return (
      <Form.Item
        name={props.name}
        label={label}
        required={f.required}
        valuePropName="checked"
        data-testid={testId}
      >
        <ConfirmBox statement={f.statement} />
      </Form.Item>
    );
  return (
    <Form.Item
      name={props.name}
      label={label}
      required={f.required}
      extra={f.help}
      data-testid={testId}
      getValueFromEvent={
        f.type === 'uscc'
          ? (e: { target: { value: string } }) => e.target.value.toUpperCase()
          : undefined
      }
    >
      <Control
        field={f}
        categoryPath={props.categoryPath}
        testId={`attachments-${pathKey(props.path)}`}
      />
    </Form.Item>
  );
}

function ConfirmBox(props: {
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

/** Repeatable rows (the APP list, co-applicants): add / remove. */
export function GroupField(props: {
  field: Extract<FormField, { type: 'group' }>;
  name: NamePath;
  path: NamePath;
}) {
  const { t, lang } = useI18n();
  const { readOnly } = useFields();
  const f = props.field;
  const itemLabel = lang === 'zh' ? f.itemLabel : f.labelEn;
  return (
    <Form.Item
      label={lang === 'zh' ? f.label : f.labelEn}
      required={f.minItems > 0 && f.required}
      data-testid={`group-${pathKey(props.path)}`}
    >
      <Form.List name={props.name}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noItems')} />
            )}
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                type="inner"
                style={{ marginBottom: 12 }}
                data-testid={`item-${pathKey(props.path)}-${index}`}
                title={t('editor.item', { label: itemLabel, n: index + 1 })}
                extra={
                  !readOnly && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                    >
                      {t('editor.removeItem')}
                    </Button>
                  )
                }
              >
                {f.fields.map((sub) => (
                  <FieldItem
                    key={sub.key}
                    field={sub}
                    name={[row.name, sub.key]}
                    path={[...props.path, index, sub.key]}
                  />
                ))}
              </Card>
            ))}
            {!readOnly && rows.length < f.maxItems && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('editor.addItem', { label: itemLabel })}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The fields of one section; a focus-area select follows the section's category select. */
export function SectionFields({ section }: { section: FormSection }) {
  const categoryField = section.fields.find(
    (x) => x.type === 'select' && x.options.from === 'categories',
  );
  const categoryPath = categoryField ? [section.key, categoryField.key] : undefined;
  return (
    <>
      {section.description && (
        <Typography.Paragraph type="secondary">{section.description}</Typography.Paragraph>
      )}
      {section.fields.map((f) => (
        <FieldItem
          key={f.key}
          field={f}
          name={[section.key, f.key]}
          path={[section.key, f.key]}
          categoryPath={categoryPath}
        />
      ))}
    </>
  );
}
