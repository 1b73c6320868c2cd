import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { changePasswordSchema, type ChangePasswordInput } from '../../../domain/accounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { meKey, useMe } from '../../lib/queries';
import { applyServerErrors, fieldRule, confirmPasswordRule } from '../../lib/zod-form';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const change = useMutation({
    mutationFn: (v: ChangePasswordInput) => api('/me/password', { method: 'POST', body: v }),
    onSuccess: async () => {
      message.success(t('password.done'));
      await qc.invalidateQueries({ queryKey: meKey });
      navigate('/', { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'WRONG_PASSWORD')
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      else applyServerErrors(form, e, ['currentPassword', 'newPassword']);
    },
  });
  const showError =
    change.error &&
    !(
      change.error instanceof ApiError &&
      ['WRONG_PASSWORD', 'VALIDATION_FAILED'].includes(change.error.code)
    );
  return (
    <Card title={t('password.title')} style={{ maxWidth: 480, margin: '24px auto' }}>
      {me.data?.user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={t('password.mustChange')}
          style={{ marginBottom: 16 }}
        />
      )}
      {showError && <ErrorAlert error={change.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ currentPassword, newPassword }) =>
          change.mutate({ currentPassword, newPassword })
        }
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[fieldRule(changePasswordSchema, 'currentPassword')]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('register.passwordHelp')}
          rules={[fieldRule(changePasswordSchema, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            confirmPasswordRule('newPassword', {
              required: t('register.confirmRequired'),
              mismatch: t('register.confirmMismatch'),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
