import type { ReactNode } from 'react';
import { Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { FormField } from '../../../domain/form';
import { FIELD_TYPES, FIELD_TYPE_LABELS } from '../../../domain/form-declaration';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import { withType, type FieldType } from './declaration-edit';
import type { Issue } from './draft';
import { FieldProps } from './FieldProps';

const SHOWN_AT_INPUT = new Set(
  'type key label labelEn help maxLength countsTowardWordLimit options min max unit statement itemLabel minItems maxItems maxFiles accept'.split(
    ' ',
  ),
);

/** One field's properties: type, key, label, help, required, then its type's own. */
export function FieldEditor(props: {
  field: FormField;
  onChange: (f: FormField) => void;
  onKey: (key: string) => void;
  /** 0 for a section's field, 1 inside a group (no group in a group) */
  depth: 0 | 1;
  idBase: string;
  /** the field's path in the declaration, e.g. forms.application.sections.0.fields.2 */
  at: string;
  /** this field's own problems (not its sub-fields') */
  issues: readonly Issue[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const f = props.field;
  const id = (k: string) => `${props.idBase}-${k}`;
  const st = (k: string) => itemStatus(props.issues, `${props.at}.${k}`);
  const set = (patch: Partial<FormField>) => props.onChange({ ...f, ...patch } as FormField);
  const types = FIELD_TYPES.filter((x) => props.depth === 0 || x !== 'group');
  // shown next to their input; the rest (the field as a whole, an unknown property) above
  const elsewhere = props.issues.filter(
    (i) => !SHOWN_AT_INPUT.has(i.path.slice(props.at.length + 1)),
  );
  return (
    <div data-testid={`field-props-${props.idBase}`}>
      {elsewhere.map((i, n) => (
        <Typography.Paragraph key={n} type="danger" style={{ marginBottom: 8 }}>
          {i.message}
        </Typography.Paragraph>
      ))}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('cfg.f.type')} htmlFor={id('type')} {...st('type')}>
            <Select<FieldType>
              id={id('type')}
              value={f.type}
              onChange={(type) => props.onChange(withType(f, type))}
              options={types.map((x) => ({ value: x, label: FIELD_TYPE_LABELS[x] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('cfg.f.key')} htmlFor={id('key')} {...st('key')}>
            <Input
              id={id('key')}
              value={f.key}
              onChange={(e) => props.onKey(e.target.value.trim())}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('cfg.f.required')} htmlFor={id('required')}>
            <Switch
              id={id('required')}
              checked={!!f.required}
              onChange={(c) => set({ required: c })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('cfg.f.label')} htmlFor={id('label')} {...st('label')}>
            <Input
              id={id('label')}
              value={f.label}
              onChange={(e) => set({ label: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('cfg.f.labelEn')} htmlFor={id('labelEn')} {...st('labelEn')}>
            <Input
              id={id('labelEn')}
              value={f.labelEn}
              onChange={(e) => set({ labelEn: e.target.value })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('cfg.f.help')} htmlFor={id('help')} {...st('help')}>
        <Input.TextArea
          id={id('help')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={f.help ?? ''}
          onChange={(e) => {
            const next = { ...f, help: e.target.value } as FormField;
            if (!e.target.value) delete next.help;
            props.onChange(next);
          }}
        />
      </Form.Item>
      <FieldProps
        field={f}
        onChange={props.onChange}
        idBase={props.idBase}
        issues={props.issues}
        at={props.at}
      />
      {props.children}
    </div>
  );
}
