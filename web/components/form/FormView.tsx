// A declared form's data, read-only: each field by its label and as a person reads it.
import { Card, Descriptions, Flex, Table } from 'antd';
import type { CampaignSettings } from '../../../domain/campaign';
import { groupOfSection, type FormDeclaration, type FormField } from '../../../domain/form';
import { displayValue, formDiff, valueAt, type ValueNames } from '../../../domain/form-values';
import type { Attachment } from '../../lib/applications';
import { industryCodesIn, useValueNames } from '../../lib/form-display';
import { sectionTitle } from '../../lib/form-paths';
import { useI18n } from '../../lib/i18n';

function Value({ field, value, names }: { field: FormField; value: unknown; names: ValueNames }) {
  const text = displayValue(field, value, names);
  if (!text) return <>—</>;
  return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
}

function Rows(props: {
  field: Extract<FormField, { type: 'group' }>;
  rows: unknown;
  names: ValueNames;
  empty: string;
}) {
  const { lang } = useI18n();
  const rows = Array.isArray(props.rows) ? (props.rows as unknown[]) : [];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows.map((row, key) => ({ row, key }))}
      locale={{ emptyText: props.empty }}
      columns={props.field.fields.map((f) => ({
        key: f.key,
        title: lang === 'zh' ? f.label : f.labelEn,
        render: (_: unknown, r: { row: unknown }) => (
          <Value field={f} value={valueAt(r.row, [f.key])} names={props.names} />
        ),
      }))}
    />
  );
}

export function FormView(props: {
  decl: FormDeclaration;
  data: unknown;
  settings?: Pick<CampaignSettings, 'categories'>;
  attachments?: ReadonlyMap<string, Attachment>;
  testId?: string;
  /** Each section's card is an anchor target (`#section-<key>`), as the editor's are. */
  anchors?: boolean;
}) {
  const { t, lang } = useI18n();
  const filled = formDiff(props.decl, props.data, {});
  const names = useValueNames({
    settings: props.settings,
    attachments: props.attachments,
    industryCodes: industryCodesIn(filled.map((d) => ({ type: d.field.type, value: d.mine }))),
  });
  const empty = t('editor.noItems');
  return (
    <Flex vertical gap={16} data-testid={props.testId}>
      {props.decl.sections.map((s) => (
        <Card
          key={s.key}
          size="small"
          title={sectionTitle(s, lang)}
          data-testid={`view-${s.key}`}
          {...(props.anchors && { id: `section-${s.key}`, style: { scrollMarginTop: 90 } })}
        >
          {s.rows ? (
            <Rows
              field={groupOfSection({ ...s, rows: s.rows })}
              rows={valueAt(props.data, [s.key])}
              names={names}
              empty={empty}
            />
          ) : (
            <Descriptions column={1} size="small">
              {s.fields.map((f) => {
                const value = valueAt(props.data, [s.key, f.key]);
                return (
                  <Descriptions.Item key={f.key} label={lang === 'zh' ? f.label : f.labelEn}>
                    {f.type === 'group' ? (
                      <Rows field={f} rows={value} names={names} empty={empty} />
                    ) : (
                      <Value field={f} value={value} names={names} />
                    )}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
          )}
        </Card>
      ))}
    </Flex>
  );
}
