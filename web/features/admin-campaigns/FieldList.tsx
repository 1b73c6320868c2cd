import { useState } from 'react';
import { Button, Collapse, Flex, Tag, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { FormField } from '../../../domain/form';
import { FIELD_TYPE_LABELS } from '../../../domain/form-declaration';
import { useI18n } from '../../lib/i18n';
import { moved, newField, removed, replaced } from './declaration-edit';
import { issuesUnder, type Issue } from './draft';
import { FieldEditor } from './FieldEditor';

/**
 * The fields of a section (depth 0) or of a group (depth 1), each a panel: its header names it
 * and says where it has problems (opened then), the panel holds its properties.
 */
export function FieldList(props: {
  fields: FormField[];
  onChange: (fields: FormField[]) => void;
  /** a key typed: the form renames it and moves the facts bound to it */
  onKey: (index: number, key: string, sub?: number) => void;
  depth: 0 | 1;
  idBase: string;
  /** the list's owner in the declaration: …sections.0 or …sections.0.fields.3 */
  at: string;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string[]>([]);
  const fields = props.fields;
  const atOf = (i: number) => `${props.at}.fields.${i}`;
  const withIssues = fields.map((_, i) => issuesUnder(props.issues, atOf(i)));
  const forced = fields.map((_, i) => String(i)).filter((_, i) => withIssues[i]!.length > 0);
  const stop = (fn: () => void) => (e: React.MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  return (
    <>
      <Collapse
        size="small"
        activeKey={[...new Set([...open, ...forced])]}
        onChange={(keys) => setOpen(keys as string[])}
        items={fields.map((f, i) => {
          const idBase = `${props.idBase}-${i}`;
          const bad = withIssues[i]!.length;
          return {
            key: String(i),
            style: bad ? { border: '1px solid #ff4d4f', borderRadius: 6 } : undefined,
            label: (
              <span data-testid={`field-editor-${idBase}`} data-invalid={bad > 0 || undefined}>
                <Tag color={f.type === 'group' ? 'purple' : 'blue'}>
                  {FIELD_TYPE_LABELS[f.type]}
                </Tag>
                {f.required && <Typography.Text type="danger">* </Typography.Text>}
                <strong>{f.label || t('cfg.f.unnamed')}</strong>{' '}
                <Typography.Text type="secondary" code>
                  {f.key}
                </Typography.Text>
                {bad > 0 && (
                  <Typography.Text type="danger" style={{ marginInlineStart: 8 }}>
                    {t('cfg.problems', { n: bad })}
                  </Typography.Text>
                )}
              </span>
            ),
            extra: (
              <Flex gap={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('cfg.moveUp')}
                  disabled={i === 0 || undefined}
                  onClick={stop(() => props.onChange(moved(fields, i, -1)))}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('cfg.moveDown')}
                  disabled={i === fields.length - 1 || undefined}
                  onClick={stop(() => props.onChange(moved(fields, i, 1)))}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('cfg.remove')}
                  onClick={stop(() => props.onChange(removed(fields, i)))}
                />
              </Flex>
            ),
            children: (
              <FieldEditor
                field={f}
                onChange={(next) => props.onChange(replaced(fields, i, next))}
                onKey={(key) => props.onKey(i, key)}
                depth={props.depth}
                idBase={idBase}
                at={atOf(i)}
                issues={withIssues[i]!.filter((x) => !x.path.startsWith(`${atOf(i)}.fields.`))}
              >
                {f.type === 'group' && props.depth === 0 && (
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text strong>{t('cfg.subFields')}</Typography.Text>
                    <FieldList
                      fields={f.fields}
                      onChange={(sub) => props.onChange(replaced(fields, i, { ...f, fields: sub }))}
                      onKey={(gi, key) => props.onKey(i, key, gi)}
                      depth={1}
                      idBase={idBase}
                      at={atOf(i)}
                      issues={withIssues[i]!}
                    />
                  </div>
                )}
              </FieldEditor>
            ),
          };
        })}
      />
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        data-testid={`field-add-${props.idBase}`}
        onClick={() => {
          props.onChange([...fields, newField(fields.map((f) => f.key))]);
          setOpen([...open, String(fields.length)]);
        }}
      >
        {props.depth === 0 ? t('cfg.fieldAdd') : t('cfg.subFieldAdd')}
      </Button>
    </>
  );
}
