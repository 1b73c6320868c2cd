import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { signInSchema, type SignInInput } from '../../../domain/accounts';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSignIn } from '../../lib/session';
import { fieldRule } from '../../lib/zod-form';

function attemptsLeft(e: unknown): number | null {
  if (!(e instanceof ApiError) || e.code !== 'INVALID_CREDENTIALS') return null;
  const n = (e.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
  return typeof n === 'number' ? n : null;
}

/** Only same-site paths, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t, errorText } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const registered = params.get('registered');
  const left = attemptsLeft(signIn.error);

  const onFinish = (values: SignInInput) =>
    signIn.mutate(values, {
      onSuccess: (res) =>
        navigate(res.user.mustChangePassword ? '/account/password' : safeNext(params.get('next')), {
          replace: true,
        }),
    });

  return (
    <Card title={t('login.title')} style={{ maxWidth: 440, margin: '24px auto' }}>
      {registered && (
        <Alert
          type="success"
          showIcon
          title={t('login.registered', { login: registered })}
          style={{ marginBottom: 16 }}
        />
      )}
      {signIn.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(signIn.error)}
          description={left !== null && left > 0 ? t('login.attemptsLeft', { n: left }) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<SignInInput>
        layout="vertical"
        initialValues={{ login: registered ?? '' }}
        onFinish={onFinish}
        requiredMark={false}
      >
        <Form.Item
          name="login"
          label={t('login.login')}
          extra={t('login.loginHelp')}
          rules={[fieldRule(signInSchema, 'login')]}
        >
          <Input autoComplete="username" autoFocus={!registered} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[fieldRule(signInSchema, 'password')]}
          style={{ marginBottom: 8 }}
        >
          <Input.Password autoComplete="current-password" autoFocus={!!registered} />
        </Form.Item>
        <div style={{ textAlign: 'right', marginBottom: 16 }}>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('login.staffHint')}
      </Typography.Paragraph>
    </Card>
  );
}
