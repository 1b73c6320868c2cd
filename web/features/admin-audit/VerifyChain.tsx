import { Alert, Button, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { AUDIT_STATE_NAMES } from '../../../domain/audit-actions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ChainVerdict } from '../../lib/types';

const stateName = (s: string | null) => (s ? (AUDIT_STATE_NAMES[s] ?? s) : '—');

/** 校验审计日志: the chain, against every checkpoint, and every application's state. */
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
              ? t('audit.verifyOk', { rows: v.rows, checkpoints: v.checkpoints })
              : t('audit.verifyBroken', {
                  rows: v.rows,
                  reason: v.reason ? t(`audit.reason.${v.reason}`) : '',
                })
          }
          description={
            v.ok ? undefined : (
              <Space direction="vertical" size={2}>
                {v.brokenAtId !== undefined && (
                  <Typography.Text>{t('audit.brokenAt', { id: v.brokenAtId })}</Typography.Text>
                )}
                {v.checkpoint && (
                  <Typography.Text>
                    {t('audit.brokenCheckpoint', {
                      at: formatDateTime(v.checkpoint.at),
                      count: v.checkpoint.count,
                      lastId: v.checkpoint.lastId,
                      hash: v.checkpoint.hash,
                    })}
                  </Typography.Text>
                )}
                {v.unreadableCheckpoints.map((key) => (
                  <Typography.Text key={key}>{t('audit.unreadable', { key })}</Typography.Text>
                ))}
                {v.stateMismatches.map((m) => (
                  <Link key={m.applicationId} to={`/applications/${m.applicationId}`}>
                    {t('audit.stateMismatch', {
                      id: m.applicationId.slice(0, 8),
                      state: stateName(m.state),
                      logged: stateName(m.loggedState),
                    })}
                  </Link>
                ))}
              </Space>
            )
          }
        />
      )}
    </Space>
  );
}
