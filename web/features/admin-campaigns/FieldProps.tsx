// The properties one field type has beyond key, label and help.
import { useEffect, useState } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { AttachmentKind, FormField, OptionSource } from '../../../domain/form';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import type { Issue } from './draft';

type Values = Extract<OptionSource, { from: 'list' }>['values'];

const lines = (values: Values) =>
  values.map((v) => (v.label === v.value ? v.value : `${v.value}|${v.label}`)).join('\n');
const parse = (text: string): Values =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [value, label] = l.split('|').map((x) => x.trim());
      return { value: value!, label: label || value! };
    });

/** Listed options, one a line ("值" or "值|显示名称"); the text is kept as typed. */
function ListOptions(props: { id: string; values: Values; onChange: (v: Values) => void }) {
  const [text, setText] = useState(() => lines(props.values));
  useEffect(() => {
    if (JSON.stringify(parse(text)) !== JSON.stringify(props.values)) setText(lines(props.values));
    // only an outside change (JSON applied, type changed) resets the text
  }, [props.values]);
  return (
    <Input.TextArea
      id={props.id}
      autoSize={{ minRows: 3, maxRows: 10 }}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(parse(e.target.value));
      }}
    />
  );
}

const SOURCES: Record<OptionSource['from'], MessageKey> = {
  list: 'cfg.f.source.list',
  categories: 'cfg.f.source.categories',
  focusAreas: 'cfg.f.source.focusAreas',
  businessStages: 'cfg.f.source.businessStages',
};

/** A number input for an optional property: cleared → the property is gone. */
function Num(props: {
  id: string;
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  min?: number;
  integer?: boolean;
}) {
  return (
    <InputNumber
      id={props.id}
      min={props.min}
      precision={props.integer === false ? undefined : 0}
      value={props.value}
      onChange={(n) => props.onChange(n ?? undefined)}
      style={{ width: '100%' }}
    />
  );
}

export function FieldProps(props: {
  field: FormField;
  onChange: (f: FormField) => void;
  idBase: string;
  issues: readonly Issue[];
  at: string;
}) {
  const { t } = useI18n();
  const f = props.field;
  const id = (k: string) => `${props.idBase}-${k}`;
  const st = (k: string) => itemStatus(props.issues, `${props.at}.${k}`);
  // each case below narrows f; set takes the same variant's properties
  const set = (patch: Record<string, unknown>) => {
    const next = { ...f, ...patch } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    props.onChange(next as unknown as FormField);
  };
  const item = (k: string, label: MessageKey, child: React.ReactNode, span = 8) => (
    <Col xs={24} md={span} key={k}>
      <Form.Item label={t(label)} htmlFor={k === 'accept' ? undefined : id(k)} {...st(k)}>
        {child}
      </Form.Item>
    </Col>
  );
  const sw = (k: string, label: MessageKey, checked: boolean | undefined) =>
    item(
      k,
      label,
      <Switch id={id(k)} checked={!!checked} onChange={(c) => set({ [k]: c || undefined })} />,
    );
  switch (f.type) {
    case 'text':
      return (
        <Row gutter={12}>
          {item(
            'maxLength',
            'cfg.f.maxLength',
            <Num
              id={id('maxLength')}
              min={1}
              value={f.maxLength}
              onChange={(n) => set({ maxLength: n ?? 100 })}
            />,
          )}
        </Row>
      );
    case 'longtext':
      return (
        <Row gutter={12}>
          {item(
            'maxLength',
            'cfg.f.maxLength',
            <Num
              id={id('maxLength')}
              min={1}
              value={f.maxLength}
              onChange={(n) => set({ maxLength: n })}
            />,
          )}
          {item(
            'countsTowardWordLimit',
            'cfg.f.counts',
            <Switch
              id={id('countsTowardWordLimit')}
              checked={f.countsTowardWordLimit}
              onChange={(c) => set({ countsTowardWordLimit: c })}
            />,
            16,
          )}
        </Row>
      );
    case 'select':
      return (
        <Row gutter={12}>
          {item(
            'options',
            'cfg.f.source',
            <Select
              id={id('options')}
              value={f.options.from}
              onChange={(from: OptionSource['from']) =>
                set({
                  options:
                    from === 'list' ? { from, values: [{ value: '是', label: '是' }] } : { from },
                })
              }
              options={Object.entries(SOURCES).map(([value, label]) => ({
                value,
                label: t(label as MessageKey),
              }))}
            />,
          )}
          {sw('multiple', 'cfg.f.multiple', f.multiple)}
          {f.options.from === 'list' && (
            <Col span={24}>
              <Form.Item
                label={t('cfg.f.values')}
                htmlFor={id('values')}
                extra={t('cfg.f.valuesHelp')}
                {...st('options')}
              >
                <ListOptions
                  id={id('values')}
                  values={f.options.values}
                  onChange={(values) => set({ options: { from: 'list', values } })}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      );
    case 'number':
      return (
        <Row gutter={12}>
          {item(
            'min',
            'cfg.f.min',
            <Num id={id('min')} integer={false} value={f.min} onChange={(n) => set({ min: n })} />,
            6,
          )}
          {item(
            'max',
            'cfg.f.max',
            <Num id={id('max')} integer={false} value={f.max} onChange={(n) => set({ max: n })} />,
            6,
          )}
          {item(
            'unit',
            'cfg.f.unit',
            <Input
              id={id('unit')}
              value={f.unit}
              onChange={(e) => set({ unit: e.target.value || undefined })}
            />,
            6,
          )}
          {sw('integer', 'cfg.f.integer', f.integer)}
        </Row>
      );
    case 'industries':
      return (
        <Row gutter={12}>
          {item(
            'max',
            'cfg.f.industriesMax',
            <Num id={id('max')} min={1} value={f.max} onChange={(n) => set({ max: n ?? 1 })} />,
          )}
        </Row>
      );
    case 'attachments':
      return (
        <Row gutter={12}>
          {item(
            'maxFiles',
            'cfg.f.maxFiles',
            <Num
              id={id('maxFiles')}
              min={1}
              value={f.maxFiles}
              onChange={(n) => set({ maxFiles: n ?? 1 })}
            />,
          )}
          {item(
            'accept',
            'cfg.f.accept',
            <Checkbox.Group
              value={f.accept}
              onChange={(accept) => set({ accept: accept as AttachmentKind[] })}
              options={[
                { value: 'pdf', label: 'PDF' },
                { value: 'image', label: t('cfg.f.accept.image') },
                { value: 'office', label: 'Office' },
              ]}
            />,
            16,
          )}
        </Row>
      );
    case 'confirm':
      return (
        <Form.Item label={t('cfg.f.statement')} htmlFor={id('statement')} {...st('statement')}>
          <Input.TextArea
            id={id('statement')}
            autoSize={{ minRows: 2 }}
            value={f.statement}
            onChange={(e) => set({ statement: e.target.value })}
          />
        </Form.Item>
      );
    case 'group':
      return (
        <Row gutter={12}>
          {item(
            'itemLabel',
            'cfg.f.itemLabel',
            <Input
              id={id('itemLabel')}
              value={f.itemLabel}
              onChange={(e) => set({ itemLabel: e.target.value })}
            />,
          )}
          {item(
            'minItems',
            'cfg.f.minItems',
            <Num
              id={id('minItems')}
              min={0}
              value={f.minItems}
              onChange={(n) => set({ minItems: n ?? 0 })}
            />,
          )}
          {item(
            'maxItems',
            'cfg.f.maxItems',
            <Num
              id={id('maxItems')}
              min={1}
              value={f.maxItems}
              onChange={(n) => set({ maxItems: n ?? 1 })}
            />,
          )}
        </Row>
      );
    default:
      return null;
  }
}
