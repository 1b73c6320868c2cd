import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { passwordResetSchema } from '../../../domain/api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePasswordLink, useResetPassword } from '../../lib/password-reset';
import { applyServerErrors, fieldRule, confirmPasswordRule } from '../../lib/zod-form';

type Values = { newPassword: string; confirm: string };

const isInvalidLink = (e: unknown) => e instanceof ApiError && e.code === 'RESET_TOKEN_INVALID';

function InvalidLink() {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('reset.invalid')}
      description={
        <Link to="/forgot-password" data-testid="request-again">
          {t('reset.requestAgain')}
        </Link>
      }
    />
  );
}

/** The page an e-mailed link opens: a new password twice, then the user is signed in. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const link = usePasswordLink(token);
  const reset = useResetPassword();

  const title = link.data && link.data.purpose !== 'reset' ? t('reset.titleNew') : t('reset.title');
  let content;
  if (!token || token.length < 20 || isInvalidLink(link.error) || isInvalidLink(reset.error)) {
    content = <InvalidLink />;
  } else if (link.isPending) {
    content = <Loading />;
  } else if (link.error) {
    content = <ErrorAlert error={link.error} onRetry={() => void link.refetch()} />;
  } else {
    const showError =
      reset.error && !(reset.error instanceof ApiError && reset.error.code === 'VALIDATION_FAILED');
    content = (
      <>
        <Typography.Paragraph>
          {t('reset.forAccount', {
            login: link.data.login,
            time: formatDateTime(link.data.expiresAt),
          })}
        </Typography.Paragraph>
        {showError && <ErrorAlert error={reset.error} />}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ newPassword }) =>
            reset.mutate(
              { token, newPassword },
              {
                onSuccess: () => {
                  message.success(t('reset.done'));
                  navigate('/', { replace: true });
                },
                onError: (e) => applyServerErrors(form, e, ['newPassword']),
              },
            )
          }
        >
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('register.passwordHelp')}
            rules={[fieldRule(passwordResetSchema, 'newPassword')]}
          >
            <Input.Password autoComplete="new-password" autoFocus />
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
          <Button type="primary" htmlType="submit" block loading={reset.isPending}>
            {t('reset.submit')}
          </Button>
        </Form>
      </>
    );
  }
  return (
    <Card title={title} style={{ maxWidth: 480, margin: '24px auto' }}>
      {content}
    </Card>
  );
}
