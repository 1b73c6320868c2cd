import { App, Card, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../lib/i18n';
import { RegisterForm } from './RegisterForm';

export function RegisterPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <Card title={t('register.title')} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <RegisterForm
        onRegistered={(login) => {
          message.success(t('register.success', { login }), 6);
          navigate(`/login?registered=${encodeURIComponent(login)}`);
        }}
      />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
