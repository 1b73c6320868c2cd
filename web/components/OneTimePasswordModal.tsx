import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../lib/i18n';

/** Shows a generated password exactly once, with a copy button. */
export function OneTimePasswordModal(props: {
  login: string;
  password: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!props.password}
      title={t('users.otpTitle')}
      onOk={props.onClose}
      onCancel={props.onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={t('users.otpHint', { login: props.login })}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph
        copyable={{ text: props.password ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        style={{ fontSize: 20, fontFamily: 'monospace', textAlign: 'center' }}
        data-testid="one-time-password"
      >
        {props.password}
      </Typography.Paragraph>
    </Modal>
  );
}
