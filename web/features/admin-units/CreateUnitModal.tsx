import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { recommenderUnitInputSchema } from '../../../domain/accounts';
import {
  RECOMMENDER_UNIT_TYPE_LABELS,
  RECOMMENDER_UNIT_TYPES,
  type RecommenderUnitType,
} from '../../../domain/recommender-units';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useRegions } from '../../lib/queries';
import type { RecommenderUnit } from '../../lib/types';
import { applyServerErrors, fieldRule, validateWith } from '../../lib/zod-form';

type Input = z.input<typeof recommenderUnitInputSchema>;
const REGIONAL: RecommenderUnitType[] = ['province', 'plan_separate_city', 'xpcc'];

export function CreateUnitModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, errorText } = useI18n();
  const [form] = Form.useForm<Input>();
  const type = Form.useWatch('type', form);
  const regions = useRegions();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (input: Input) =>
      api<RecommenderUnit>('/recommender-units', { method: 'POST', body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['recommender-units'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'UNIT_NAME_TAKEN')
        form.setFields([{ name: 'name', errors: [errorText(e)] }]);
      else applyServerErrors(form, e, ['name', 'type', 'regionCode', 'quotaOverride']);
    },
  });
  const onOk = async () => {
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return;
    const input = validateWith(
      recommenderUnitInputSchema,
      {
        ...raw,
        regionCode: REGIONAL.includes(raw.type) ? (raw.regionCode ?? null) : null,
        quotaOverride: raw.quotaOverride ?? null,
      },
      form,
    );
    if (input) create.mutate(input);
  };
  const generic =
    create.error instanceof ApiError &&
    !['UNIT_NAME_TAKEN', 'VALIDATION_FAILED'].includes(create.error.code);
  return (
    <Modal
      open={open}
      title={t('units.create')}
      onCancel={onClose}
      onOk={() => void onOk()}
      confirmLoading={create.isPending}
      destroyOnHidden
      forceRender
    >
      {generic && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Input>
        form={form}
        layout="vertical"
        initialValues={{ type: 'association' }}
        name="create-unit"
      >
        <Form.Item
          name="type"
          label={t('units.type')}
          rules={[fieldRule(recommenderUnitInputSchema, 'type')]}
        >
          <Select
            options={RECOMMENDER_UNIT_TYPES.map((v) => ({
              value: v,
              label: RECOMMENDER_UNIT_TYPE_LABELS[v][lang],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[fieldRule(recommenderUnitInputSchema, 'name')]}
        >
          <Input maxLength={100} />
        </Form.Item>
        {type && REGIONAL.includes(type) && (
          <Form.Item name="regionCode" label={t('units.region')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(regions.data ?? []).map((r) => ({
                value: r.code,
                label: `${r.name}（${r.code}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="quotaOverride"
          label={t('units.quotaOverride')}
          extra={t('units.quotaOverrideHelp')}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
