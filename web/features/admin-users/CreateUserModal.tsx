import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createStaffUserSchema,
  passwordSchema,
  phoneSchema,
  STAFF_ROLES,
  type CreateStaffUserInput,
} from '../../../domain/accounts';
import type { UserWithPassword } from '../../../domain/api/accounts';
import { ROLE_LABELS } from '../../../domain/roles';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { User } from '../../lib/types';
import { applyServerErrors, fieldRule, optionalRule, validateWith } from '../../lib/zod-form';
import { useUnitOptions } from './useUnits';

type Values = Omit<CreateStaffUserInput, 'phone' | 'password'> & {
  phone?: string;
  password?: string;
};
const FIELDS = ['role', 'login', 'name', 'email', 'phone', 'recommenderUnitId', 'password'];

export function CreateUserModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (
    user: User,
    oneTimePassword: string | undefined,
    linkSentTo: string | undefined,
  ) => void;
}) {
  const { t, lang, errorText } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const units = useUnitOptions();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (input: CreateStaffUserInput) =>
      api<UserWithPassword>('/users', { method: 'POST', body: input }),
    onSuccess: (res) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      form.resetFields();
      props.onCreated(res.user, res.oneTimePassword, res.linkSentTo);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'LOGIN_TAKEN')
        form.setFields([{ name: 'login', errors: [errorText(e)] }]);
      else if (e instanceof ApiError && e.code === 'EMAIL_TAKEN')
        form.setFields([{ name: 'email', errors: [errorText(e)] }]);
      else applyServerErrors(form, e, FIELDS);
    },
  });
  const onOk = async () => {
    const raw = await form.validateFields().catch(() => null);
    if (!raw) return;
    const input = validateWith(
      createStaffUserSchema,
      {
        ...raw,
        phone: raw.phone?.trim() || undefined,
        password: raw.password || undefined,
        recommenderUnitId: raw.role === 'recommender' ? raw.recommenderUnitId : undefined,
      },
      form,
    );
    if (input) create.mutate(input);
  };
  const generic =
    create.error instanceof ApiError &&
    !['LOGIN_TAKEN', 'EMAIL_TAKEN', 'VALIDATION_FAILED'].includes(create.error.code);
  return (
    <Modal
      open={props.open}
      title={t('users.create')}
      onCancel={props.onClose}
      onOk={() => void onOk()}
      confirmLoading={create.isPending}
      okText={t('common.submit')}
      destroyOnHidden
      forceRender
    >
      {generic && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'recommender' }}
        name="create-user"
      >
        <Form.Item
          name="role"
          label={t('field.role')}
          rules={[fieldRule(createStaffUserSchema, 'role')]}
        >
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
        </Form.Item>
        {role === 'recommender' && (
          <Form.Item
            name="recommenderUnitId"
            label={t('field.unit')}
            rules={[{ required: true, message: t('users.unitRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={units.data}
              loading={units.isLoading}
              placeholder={t('units.searchPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item
          name="login"
          label={t('field.login')}
          rules={[fieldRule(createStaffUserSchema, 'login')]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('field.name')}
          rules={[fieldRule(createStaffUserSchema, 'name')]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('field.email')}
          rules={[fieldRule(createStaffUserSchema, 'email')]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[optionalRule(phoneSchema)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.passwordOptional')}
          extra={t('users.passwordOptionalHelp')}
          rules={[optionalRule(passwordSchema)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
