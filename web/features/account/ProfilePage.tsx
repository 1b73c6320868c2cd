import { App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  phoneSchema,
  updateOwnProfileSchema,
  type UpdateOwnProfileInput,
} from '../../../domain/accounts';
import { ROLE_LABELS } from '../../../domain/roles';
import { RECOMMENDER_UNIT_TYPE_LABELS } from '../../../domain/recommender-units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { meKey, regionName, useMe, useRegions } from '../../lib/queries';
import type { Me } from '../../lib/types';
import { applyServerErrors, fieldRule, optionalRule } from '../../lib/zod-form';

const FIELDS = ['name', 'phone', 'email', 'currentPassword'];

/** 账号信息: the account, the enterprise's registered facts (read-only) and the editable contact. */
export function ProfilePage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const regions = useRegions();
  if (!me.data) return <Loading />;
  const { user, enterprise, recommenderUnit } = me.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('profile.title')}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('field.login')}>{user.login}</Descriptions.Item>
          <Descriptions.Item label={t('field.role')}>
            {ROLE_LABELS[user.role][lang]}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.lastSignIn')}>
            {formatDateTime(user.lastSignInAt)}
          </Descriptions.Item>
          {recommenderUnit && (
            <Descriptions.Item label={t('field.unit')}>
              {recommenderUnit.name}（{RECOMMENDER_UNIT_TYPE_LABELS[recommenderUnit.type][lang]}）
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {enterprise && (
        <Card title={t('profile.enterpriseTitle')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t('field.enterpriseName')}>
              {enterprise.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.uscc')}>{enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('field.region')}>
              {regionName(regions.data, enterprise.provinceCode, enterprise.cityCode)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('profile.lockedFields')}
          </Typography.Paragraph>
        </Card>
      )}
      <ContactForm me={me.data} />
    </Space>
  );
}

type Values = Required<Omit<UpdateOwnProfileInput, 'currentPassword'>> & {
  currentPassword?: string;
};

function ContactForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const isEnterprise = !!me.enterprise;
  const current: Values = {
    name: me.enterprise?.contactName ?? me.user.name,
    phone: me.enterprise?.phone ?? me.user.phone ?? '',
    email: me.enterprise?.email ?? me.user.email,
  };
  const email = Form.useWatch('email', form);
  const emailChanged =
    typeof email === 'string' && email.trim().toLowerCase() !== current.email.toLowerCase();
  const save = useMutation({
    mutationFn: (body: UpdateOwnProfileInput) => api<Me>('/me/profile', { method: 'PATCH', body }),
    onSuccess: (res) => {
      qc.setQueryData(meKey, res);
      form.setFieldsValue({ currentPassword: undefined });
      message.success(t('profile.saved'));
    },
    onError: (e) => applyServerErrors(form, e, FIELDS),
  });
  const shownError =
    save.error && !(save.error as { fieldIssues?: unknown[] }).fieldIssues?.length
      ? save.error
      : null;
  return (
    <Card title={t('profile.contactTitle')}>
      {shownError && <ErrorAlert error={shownError} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={current}
        style={{ maxWidth: 480 }}
        onFinish={(v) =>
          save.mutate({
            name: v.name,
            phone: v.phone ? v.phone : undefined,
            email: v.email,
            currentPassword: emailChanged ? v.currentPassword : undefined,
          })
        }
      >
        <Form.Item
          name="name"
          label={isEnterprise ? t('field.contactName') : t('field.name')}
          rules={[fieldRule(updateOwnProfileSchema, 'name')]}
        >
          <Input autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('field.phone')}
          rules={[
            isEnterprise ? fieldRule(updateOwnProfileSchema, 'phone') : optionalRule(phoneSchema),
          ]}
        >
          <Input autoComplete="tel" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('field.email')}
          extra={t('profile.emailHelp')}
          rules={[fieldRule(updateOwnProfileSchema, 'email')]}
        >
          <Input autoComplete="email" maxLength={254} />
        </Form.Item>
        {emailChanged && (
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            extra={t('profile.emailNeedsPassword')}
            rules={[{ required: true, message: t('profile.emailNeedsPassword') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
