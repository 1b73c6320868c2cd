import { Alert, Button, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { ChainVerdict } from '../../lib/types';

export function VerifyChain() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: () => api<ChainVerdict>('/audit-events/verification') });
  const v = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t('audit.verify')}
      </Button>
      <ErrorAlert error={verify.error} />
      {v && (
        <Alert
          data-testid="chain-verdict"
          type={v.ok ? 'success' : 'error'}
          showIcon
          title={
            v.ok
              ? t('audit.verifyOk', { rows: v.rows })
              : t('audit.verifyBroken', {
                  id: v.brokenAtId ?? '?',
                  rows: v.rows,
                  reason: v.reason ? t(`audit.reason.${v.reason}`) : '',
                })
          }
        />
      )}
    </Space>
  );
}
