import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { FormDeclaration, FormSection, SectionRows } from '../../../domain/form';
import { useI18n } from '../../lib/i18n';
import { itemStatus } from './BasicsTab';
import {
  moved,
  newSection,
  removed,
  renameFieldKey,
  renameSectionKey,
  replaced,
} from './declaration-edit';
import { issuesUnder, type Issue } from './draft';
import { FieldList } from './FieldList';

/** The sections in order, each with its key, title and fields. */
export function SectionsEditor(props: {
  form: FormDeclaration;
  onChange: (f: FormDeclaration) => void;
  /** forms.application or forms.followUp */
  at: string;
  issues: readonly Issue[];
}) {
  const { t } = useI18n();
  const form = props.form;
  const setSections = (sections: FormSection[]) => props.onChange({ ...form, sections });
  return (
    <Flex vertical gap={12}>
      {form.sections.map((s, si) => {
        const at = `${props.at}.sections.${si}`;
        const here = issuesUnder(props.issues, at);
        const own = here.filter((i) => !/\.fields\.\d+/.test(i.path.slice(at.length)));
        const set = (patch: Partial<FormSection>) =>
          setSections(replaced(form.sections, si, { ...s, ...patch }));
        const setRows = (patch: Partial<SectionRows>) => set({ rows: { ...s.rows!, ...patch } });
        const id = (k: string) => `s-${si}-${k}`;
        return (
          <Card
            key={si}
            size="small"
            data-testid={`section-editor-${si}`}
            data-invalid={here.length > 0 || undefined}
            style={here.length ? { borderColor: '#ff4d4f' } : undefined}
            title={
              <span>
                {t('cfg.sectionN', { n: si + 1 })} {s.title}
                {here.length > 0 && (
                  <Typography.Text
                    type="danger"
                    style={{ marginInlineStart: 8, fontWeight: 'normal' }}
                  >
                    {t('cfg.problems', { n: here.length })}
                  </Typography.Text>
                )}
              </span>
            }
            extra={
              <Flex gap={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('cfg.moveUp')}
                  disabled={si === 0 || undefined}
                  onClick={() => setSections(moved(form.sections, si, -1))}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('cfg.moveDown')}
                  disabled={si === form.sections.length - 1 || undefined}
                  onClick={() => setSections(moved(form.sections, si, 1))}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('cfg.removeSection')}
                  onClick={() => setSections(removed(form.sections, si))}
                />
              </Flex>
            }
          >
            {own
              .filter((i) => !/\.(key|title)$/.test(i.path))
              .map((i, n) => (
                <Typography.Paragraph key={n} type="danger">
                  {i.message}
                </Typography.Paragraph>
              ))}
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  label={t('cfg.s.key')}
                  htmlFor={id('key')}
                  {...itemStatus(own, `${at}.key`)}
                >
                  <Input
                    id={id('key')}
                    value={s.key}
                    onChange={(e) =>
                      props.onChange(renameSectionKey(form, si, e.target.value.trim()))
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  label={t('cfg.s.title')}
                  htmlFor={id('title')}
                  {...itemStatus(own, `${at}.title`)}
                >
                  <Input
                    id={id('title')}
                    value={s.title}
                    onChange={(e) => set({ title: e.target.value })}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('cfg.s.description')} htmlFor={id('description')}>
              <Input.TextArea
                id={id('description')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={s.description ?? ''}
                onChange={(e) => set({ description: e.target.value || undefined })}
              />
            </Form.Item>
            {s.rows && (
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('cfg.s.rowsLabel')} htmlFor={id('rows-label')}>
                    <Input
                      id={id('rows-label')}
                      value={s.rows.label}
                      onChange={(e) => setRows({ label: e.target.value })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('cfg.f.itemLabel')} htmlFor={id('rows-item')}>
                    <Input
                      id={id('rows-item')}
                      value={s.rows.itemLabel}
                      onChange={(e) => setRows({ itemLabel: e.target.value })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label={t('cfg.f.minItems')} htmlFor={id('rows-min')}>
                    <InputNumber
                      id={id('rows-min')}
                      min={0}
                      precision={0}
                      value={s.rows.minItems}
                      onChange={(n) => setRows({ minItems: n ?? 0 })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item label={t('cfg.f.maxItems')} htmlFor={id('rows-max')}>
                    <InputNumber
                      id={id('rows-max')}
                      min={1}
                      precision={0}
                      value={s.rows.maxItems}
                      onChange={(n) => setRows({ maxItems: n ?? 1 })}
                    />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <FieldList
              fields={s.fields}
              onChange={(fields) => set({ fields })}
              onKey={(fi, key, sub) => props.onChange(renameFieldKey(form, si, fi, key, sub))}
              depth={0}
              idBase={`f-${si}`}
              at={at}
              issues={here}
            />
          </Card>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="section-add"
        onClick={() => setSections([...form.sections, newSection(form.sections.map((s) => s.key))])}
      >
        {t('cfg.sectionAdd')}
      </Button>
    </Flex>
  );
}
