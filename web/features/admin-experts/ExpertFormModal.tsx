// 新增专家 / 编辑专家: one form, checked in the browser by the schema the server checks with.
import { useEffect, useRef } from 'react';
import { Alert, Button, Col, Flex, Form, Input, Modal, Row, Select, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  conflictEnterpriseSchema,
  createExpertSchema,
  updateExpertSchema,
  type CreateExpertInput,
} from '../../../domain/experts';
import { regionCodeSchema } from '../../../domain/accounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndustryPicker } from '../../components/IndustryPicker';
import { RegionCascader } from '../../components/RegionCascader';
import { ApiError } from '../../lib/api';
import { useRecommenderUnits } from '../../lib/applications';
import { localizeSchemaMessage, useI18n } from '../../lib/i18n';
import { useRegions } from '../../lib/queries';
import type { Region } from '../../lib/types';
import { fieldRule } from '../../lib/zod-form';
import {
  useCreateExpert,
  useExpert,
  useExpertCategories,
  useUpdateExpert,
  type CreatedExpert,
  type ExpertView,
} from './api';

interface Values {
  name?: string;
  employerName?: string;
  employerUscc?: string;
  title?: string;
  /** the cascader's path: [province] or [province, city] */
  region?: string[];
  phone?: string;
  email?: string;
  categories?: string[];
  industries?: string[];
  focusAreas?: string[];
  conflictEnterprises?: Array<{ name?: string; uscc?: string }>;
  conflictUnitIds?: string[];
}

/** The cascader's path to a region code (a city under its province). */
export function regionPath(regions: Region[] | undefined, code: string): string[] {
  const r = regions?.find((x) => x.code === code);
  if (!r) return [code];
  return r.parentCode && r.level > 1 ? [r.parentCode, r.code] : [r.code];
}

function initialValues(e: ExpertView | undefined, regions: Region[] | undefined): Values {
  if (!e) return { conflictEnterprises: [] };
  return {
    name: e.name,
    employerName: e.employerName,
    employerUscc: e.employerUscc ?? '',
    title: e.title,
    region: regionPath(regions, e.regionCode),
    phone: e.phone,
    email: e.email,
    categories: e.categories,
    industries: e.industries,
    focusAreas: e.focusAreas,
    conflictEnterprises: e.conflictEnterprises.map((c) => ({
      name: c.name ?? '',
      uscc: c.uscc ?? '',
    })),
    conflictUnitIds: e.conflictUnitIds,
  };
}

/** What the form sends: the schema's fields from the form's values. */
function toInput(v: Values) {
  return {
    name: v.name ?? '',
    employerName: v.employerName ?? '',
    employerUscc: v.employerUscc ?? '',
    title: v.title ?? '',
    regionCode: v.region?.[v.region.length - 1] ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    categories: v.categories ?? [],
    industries: v.industries ?? [],
    focusAreas: v.focusAreas ?? [],
    conflictEnterprises: (v.conflictEnterprises ?? []).map((c) => ({
      name: c.name ?? '',
      uscc: c.uscc ?? '',
    })),
    conflictUnitIds: v.conflictUnitIds ?? [],
  };
}

/** Where a schema's or the server's problem shows: the field of the form that holds it. */
function fieldOf(path: ReadonlyArray<PropertyKey> | string): (string | number)[] {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(Boolean);
  const [top, index, leaf] = parts;
  if (top === 'regionCode') return ['region'];
  if (top === 'conflictEnterprises' && index !== undefined && /^\d+$/.test(index))
    return ['conflictEnterprises', Number(index), leaf === 'uscc' ? 'uscc' : 'name'];
  return top ? [top] : [];
}

/** Marks every problem on its field; true when at least one was placed. */
function markIssues(
  form: FormInstance,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string; message: string }>,
): boolean {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = fieldOf(issue.path);
    if (!name.length) continue;
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    const message = localizeSchemaMessage(issue.message);
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

const regionRule = {
  validator: async (_r: unknown, v: string[] | undefined) => {
    const r = regionCodeSchema.safeParse(v?.[v.length - 1] ?? '');
    if (!r.success) throw new Error(localizeSchemaMessage(r.error.issues[0]?.message ?? ''));
  },
};

/**
 * The modal: `expertId` null to add an expert, an id to edit one. `onCreated` hands the new
 * account's sign-in to the page (shown once).
 */
export function ExpertFormModal(props: {
  open: boolean;
  expertId: string | null;
  onClose: () => void;
  onCreated: (created: CreatedExpert) => void;
  onSaved: (expert: ExpertView) => void;
}) {
  const editing = props.expertId !== null;
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const regions = useRegions();
  const units = useRecommenderUnits();
  const { categories } = useExpertCategories();
  const expert = useExpert(props.open ? props.expertId : null);
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const mutation = editing ? update : create;
  const ready = !editing || (!!expert.data && !!regions.data);

  // each opening starts clean; an expert's values are filled in once (a refetch keeps the edits)
  const filledFor = useRef<string | null>(null);
  const { reset: resetCreate } = create;
  const { reset: resetUpdate } = update;
  useEffect(() => {
    filledFor.current = null;
    if (!props.open) return;
    resetCreate();
    resetUpdate();
    form.resetFields();
  }, [props.open, props.expertId, resetCreate, resetUpdate, form]);
  useEffect(() => {
    if (!props.open || !props.expertId || !expert.data || !regions.data) return;
    if (filledFor.current === props.expertId) return;
    filledFor.current = props.expertId;
    form.setFieldsValue(initialValues(expert.data, regions.data));
  }, [props.open, props.expertId, expert.data, regions.data, form]);

  const onServerError = (e: unknown) => {
    if (!(e instanceof ApiError)) return;
    if (e.code === 'EMAIL_TAKEN') form.setFields([{ name: 'email', errors: [errorText(e)] }]);
    else markIssues(form, e.fieldIssues);
  };

  const onOk = async () => {
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return;
    const values = toInput(raw);
    if (props.expertId !== null) {
      const parsed = updateExpertSchema.safeParse(values);
      if (!parsed.success) return void markIssues(form, parsed.error.issues);
      update.mutate(
        { id: props.expertId, body: parsed.data },
        { onSuccess: (saved) => props.onSaved(saved), onError: onServerError },
      );
    } else {
      const parsed = createExpertSchema.safeParse(values);
      if (!parsed.success) return void markIssues(form, parsed.error.issues);
      create.mutate(parsed.data as CreateExpertInput, {
        onSuccess: (created) => props.onCreated(created),
        onError: onServerError,
      });
    }
  };

  const err = mutation.error;
  const generic =
    err instanceof ApiError
      ? !['EMAIL_TAKEN', 'VALIDATION_FAILED'].includes(err.code) || err.fieldIssues.length === 0
      : !!err;
  const focusGroups = (() => {
    const seen = new Set<string>();
    return categories
      .map((c) => ({
        label: c.name,
        title: c.name,
        options: c.focusAreas
          .filter((f) => !seen.has(f) && (seen.add(f), true))
          .map((f) => ({ value: f, label: f })),
      }))
      .filter((g) => g.options.length > 0);
  })();

  return (
    <Modal
      open={props.open}
      title={editing ? t('experts.edit') : t('experts.create')}
      width={820}
      onCancel={props.onClose}
      onOk={() => void onOk()}
      okText={editing ? t('common.save') : t('experts.createOk')}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={mutation.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      forceRender
    >
      {editing && <ErrorAlert error={expert.error} onRetry={() => void expert.refetch()} />}
      {generic && err && (
        <Alert type="error" showIcon title={errorText(err)} style={{ marginBottom: 16 }} />
      )}
      {!editing && (
        <Typography.Paragraph type="secondary">{t('experts.createHint')}</Typography.Paragraph>
      )}
      <Spin spinning={!ready && !expert.error}>
        <Form<Values>
          form={form}
          layout="vertical"
          name="expert"
          initialValues={initialValues(undefined, undefined)}
          data-testid="expert-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('experts.field.name')}
                required
                rules={[fieldRule(createExpertSchema, 'name')]}
              >
                <Input autoComplete="off" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="title"
                label={t('experts.field.title')}
                rules={[fieldRule(createExpertSchema, 'title')]}
              >
                <Input maxLength={50} placeholder={t('experts.field.titlePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="employerName"
                label={t('experts.field.employerName')}
                required
                rules={[fieldRule(createExpertSchema, 'employerName')]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="employerUscc"
                label={t('experts.field.employerUscc')}
                extra={t('experts.field.employerUsccHelp')}
                rules={[fieldRule(createExpertSchema, 'employerUscc')]}
              >
                <Input maxLength={24} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="region"
                label={t('experts.field.region')}
                required
                rules={[regionRule]}
              >
                <RegionCascader placeholder={t('experts.field.regionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="phone"
                label={t('experts.field.phone')}
                extra={t('experts.field.phoneHelp')}
                rules={[fieldRule(createExpertSchema, 'phone')]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="email"
                label={t('experts.field.email')}
                extra={t('experts.field.emailHelp')}
                required
                rules={[fieldRule(createExpertSchema, 'email')]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="categories" label={t('experts.field.categories')}>
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('experts.field.categoriesPlaceholder')}
                  options={categories.map((c) => ({ value: c.code, label: c.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="industries" label={t('experts.field.industries')}>
                <IndustryPicker multiple maxCount={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="focusAreas" label={t('experts.field.focusAreas')}>
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('experts.field.focusAreasPlaceholder')}
                  options={focusGroups}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                label={t('experts.field.conflictEnterprises')}
                extra={t('experts.field.conflictEnterprisesHelp')}
              >
                <Form.List name="conflictEnterprises">
                  {(rows, { add, remove }) => (
                    <Flex vertical gap={8} data-testid="conflict-enterprises">
                      {rows.map((row) => (
                        <Flex key={row.key} gap={8} align="start">
                          <Form.Item
                            name={[row.name, 'name']}
                            style={{ flex: 3, marginBottom: 0 }}
                            rules={[fieldRule(conflictEnterpriseSchema, 'name')]}
                          >
                            <Input
                              placeholder={t('experts.field.conflictName')}
                              aria-label={t('experts.field.conflictName')}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[row.name, 'uscc']}
                            style={{ flex: 2, marginBottom: 0 }}
                            rules={[fieldRule(conflictEnterpriseSchema, 'uscc')]}
                          >
                            <Input
                              placeholder={t('experts.field.conflictUscc')}
                              aria-label={t('experts.field.conflictUscc')}
                            />
                          </Form.Item>
                          <Button
                            icon={<DeleteOutlined />}
                            aria-label={t('experts.field.conflictRemove')}
                            onClick={() => remove(row.name)}
                          />
                        </Flex>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({ name: '', uscc: '' })}
                        disabled={rows.length >= 50}
                        style={{ alignSelf: 'flex-start' }}
                      >
                        {t('experts.field.conflictAdd')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="conflictUnitIds"
                label={t('experts.field.conflictUnits')}
                extra={t('experts.field.conflictUnitsHelp')}
              >
                <Select
                  mode="multiple"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.isLoading}
                  placeholder={t('experts.field.conflictUnitsPlaceholder')}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Spin>
    </Modal>
  );
}
