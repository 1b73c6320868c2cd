import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { passwordResetRequestSchema } from '../../../domain/api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../lib/i18n';
import { useRequestPasswordReset } from '../../lib/password-reset';
import { fieldRule } from '../../lib/zod-form';

/** 找回密码: the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const request = useRequestPasswordReset();
  return (
    <Card title={t('forgot.title')} style={{ maxWidth: 480, margin: '24px auto' }}>
      {request.data && !request.data.emailEnabled ? (
        <Alert type="warning" showIcon role="status" title={t('forgot.noEmail')} />
      ) : request.isSuccess ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('forgot.sent')}
            description={t('forgot.sentHint')}
            style={{ marginBottom: 16 }}
          />
          <Button onClick={() => request.reset()}>{t('forgot.again')}</Button>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('forgot.intro')}</Typography.Paragraph>
          <ErrorAlert error={request.error} />
          <Form<{ login: string }>
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => request.mutate(v.login.trim())}
          >
            <Form.Item
              name="login"
              label={t('forgot.login')}
              extra={t('login.loginHelp')}
              rules={[fieldRule(passwordResetRequestSchema, 'login')]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </Form>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t('forgot.back')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
