// One declared field → one antd input. Nothing here knows a particular form: it reads the declaration.
import { Button, Card, Empty, Form, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  groupOfSection,
  numberProblem,
  type FormField,
  type FormSection,
} from '../../../domain/form';
import { localizeSchemaMessage, useI18n } from '../../lib/i18n';
import { pathKey, type NamePath } from '../../lib/form-paths';
import { AttachmentsField } from './AttachmentsField';
import { useFields } from './context';
import { ConfirmBox, DateField, RegionField, SelectField } from './controls';
import { IndustryPicker } from '../IndustryPicker';
import { LimitedInput, NumberInput } from './limits';
import { LongText } from './LongText';

export { FieldsProvider, type FieldsContext } from './context';

/** Form.Item hands id, value and onChange to its child: pass them on to the real control. */
interface ControlProps {
  id?: string;
  value?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each control has its own
  onChange?: (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function Control(
  props: ControlProps & {
    field: FormField;
    categoryPath?: NamePath;
    testId: string;
    locked?: boolean;
  },
) {
  const { field: f, categoryPath, testId, locked, ...c } = props;
  const { readOnly, appId, attachments, onUploaded, files } = useFields();
  const { lang } = useI18n();
  const placeholder = f.placeholder;
  switch (f.type) {
    case 'text':
      return (
        <LimitedInput
          {...c}
          maxLength={f.maxLength}
          disabled={readOnly}
          readOnly={locked}
          placeholder={placeholder}
        />
      );
    case 'uscc':
      // no maxLength: a pasted code of the wrong length is kept and its length problem shown
      return (
        <Input
          {...c}
          disabled={readOnly}
          readOnly={locked}
          variant={locked ? 'filled' : undefined}
          style={{ fontFamily: 'monospace' }}
        />
      );
    case 'phone':
    case 'email':
      return <Input {...c} disabled={readOnly} inputMode={f.type === 'phone' ? 'tel' : 'email'} />;
    case 'date':
      return <DateField {...c} disabled={readOnly} />;
    case 'longtext':
      return (
        <LongText
          {...c}
          counts={f.countsTowardWordLimit}
          maxLength={f.maxLength}
          disabled={readOnly}
          placeholder={placeholder}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...c}
          suffix={(lang === 'en' ? (f.unitEn ?? f.unit) : f.unit) || undefined}
          disabled={readOnly}
          placeholder={placeholder}
          invalid={numberProblem(f, c.value) !== null}
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
          appId={appId ?? ''}
          accept={f.accept}
          maxFiles={f.maxFiles}
          known={attachments}
          onUploaded={onUploaded}
          files={files}
          disabled={readOnly || (!appId && !files)}
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
  /** A number field's message while its value is not a number (from NumberItem). */
  itemProps?: { validateStatus?: 'error'; help?: string };
}) {
  const { lang, t } = useI18n();
  const { lockedPaths } = useFields();
  const f = props.field;
  const label = lang === 'zh' ? f.label : f.labelEn;
  const testId = `field-${pathKey(props.path)}`;
  if (f.type === 'number' && !props.itemProps) return <NumberItem {...props} field={f} />;
  const locked = lockedPaths?.has((props.path as (string | number)[]).join('.')) ?? false;
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
      extra={locked ? t('editor.boundToAccount') : f.help}
      data-testid={testId}
      {...props.itemProps}
      getValueFromEvent={
        f.type === 'uscc'
          ? (e: { target: { value: string } }) => e.target.value.toUpperCase()
          : undefined
      }
    >
      <Control
        field={f}
        locked={locked}
        categoryPath={props.categoryPath}
        testId={`attachments-${pathKey(props.path)}`}
      />
    </Form.Item>
  );
}

/**
 * A number field says at once what is wrong with what was typed (kept, not dropped): text that
 * is not a number, a fraction where an integer is asked, a value out of bounds.
 */
function NumberItem(props: Parameters<typeof FieldItem>[0] & { field: NumberField }) {
  const value: unknown = Form.useWatch(props.path);
  const problem = numberProblem(props.field, value);
  return (
    <FieldItem
      {...props}
      itemProps={problem ? { validateStatus: 'error', help: localizeSchemaMessage(problem) } : {}}
    />
  );
}

type NumberField = Extract<FormField, { type: 'number' }>;

/** The keys a keyed group asks for, and what a new row starts with: the first one missing. */
function useKeyedRows(f: Extract<FormField, { type: 'group' }>, path: NamePath) {
  const { rowKeys } = useFields();
  const form = Form.useFormInstance();
  const keyedBy = f.keyedBy;
  const keys = keyedBy ? (rowKeys?.[keyedBy.list] ?? []) : null;
  const keyField = f.fields.find((x) => x.key === keyedBy?.field);
  const unit = keyField?.type === 'number' ? (keyField.unit ?? '') : '';
  const newRow = (): Record<string, unknown> => {
    if (!keyedBy || !keys) return {};
    const rows = (form.getFieldValue(path) ?? []) as Array<Record<string, unknown> | undefined>;
    const have = new Set(rows.map((r) => r?.[keyedBy.field]));
    const missing = keys.find((k) => !have.has(k));
    return missing === undefined ? {} : { [keyedBy.field]: missing };
  };
  return { keys, unit, newRow };
}

/**
 * Repeatable rows (the APP list, co-applicants, a list section such as one row per year): add and
 * remove. `bare`: the rows are the whole section, under its title, with no label of their own.
 */
export function GroupField(props: {
  field: Extract<FormField, { type: 'group' }>;
  name: NamePath;
  path: NamePath;
  bare?: boolean;
}) {
  const { t, lang } = useI18n();
  const { readOnly } = useFields();
  const f = props.field;
  const itemLabel = lang === 'zh' ? f.itemLabel : (f.itemLabelEn ?? f.labelEn);
  const { keys, unit, newRow } = useKeyedRows(f, props.path);
  const key = pathKey(props.path);
  const list = (
    <Form.List name={props.name}>
      {(rows, { add, remove }, { errors }) => (
        <>
          {keys && (
            <Typography.Paragraph type="secondary" data-testid={`keys-${key}`}>
              {keys.length
                ? t('editor.keyedRows', {
                    keys: keys.map((k) => `${k}${lang === 'zh' ? unit : ''}`).join('、'),
                  })
                : t('editor.keyedRowsNone', { label: lang === 'zh' ? f.label : f.labelEn })}
            </Typography.Paragraph>
          )}
          {rows.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noItems')} />
          )}
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              type="inner"
              style={{ marginBottom: 12 }}
              data-testid={`item-${key}-${index}`}
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
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow())} block>
              {t('editor.addItem', { label: itemLabel })}
            </Button>
          )}
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
  if (props.bare) return <div data-testid={`group-${key}`}>{list}</div>;
  return (
    <Form.Item
      label={lang === 'zh' ? f.label : f.labelEn}
      required={f.minItems > 0 && f.required}
      data-testid={`group-${key}`}
    >
      {list}
    </Form.Item>
  );
}

const countsTowardLimit = (fields: FormField[]): boolean =>
  fields.some(
    (f) =>
      (f.type === 'longtext' && f.countsTowardWordLimit) ||
      (f.type === 'group' && countsTowardLimit(f.fields)),
  );

/** The fields of one section; a focus-area select follows the section's category select. */
export function SectionFields({ section }: { section: FormSection }) {
  const categoryField = section.fields.find(
    (x) => x.type === 'select' && x.options.from === 'categories',
  );
  const categoryPath = categoryField ? [section.key, categoryField.key] : undefined;
  const { wordLimit } = useFields();
  const { t } = useI18n();
  return (
    <>
      {section.description && (
        <Typography.Paragraph type="secondary">{section.description}</Typography.Paragraph>
      )}
      {wordLimit !== undefined && countsTowardLimit(section.fields) && (
        // the limit is the campaign's own, never a year's text in the declaration
        <Typography.Paragraph type="secondary" data-testid={`word-limit-${section.key}`}>
          {t('editor.sectionWordLimit', { limit: wordLimit.toLocaleString('en-US') })}
        </Typography.Paragraph>
      )}
      {section.rows ? (
        <GroupField
          field={groupOfSection({ ...section, rows: section.rows })}
          name={[section.key]}
          path={[section.key]}
          bare
        />
      ) : (
        section.fields.map((f) => (
          <FieldItem
            key={f.key}
            field={f}
            name={[section.key, f.key]}
            path={[section.key, f.key]}
            categoryPath={categoryPath}
          />
        ))
      )}
    </>
  );
}
