import { Alert, Card, Flex, Progress, Tag, Typography } from 'antd';
import type { BatchView } from '../../lib/desk';
import { embeddedComment, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { quotaUse } from './ranking';

type QuotaBarProps = Pick<
  BatchView,
  'quota' | 'recommended' | 'state' | 'signedOffAt' | 'reopenedAt' | 'reopenReason'
>;

/** 已推荐 x / 上限 n，剩余 m — and whether the batch is signed off (or was reopened, and why). */
export function QuotaBar({ batch }: { batch: QuotaBarProps }) {
  const { t } = useI18n();
  const { used, quota, remaining } = quotaUse(batch.quota, batch.recommended);
  const signedOff = batch.state === 'signed_off';
  const full = used >= quota;
  return (
    <Card
      size="small"
      data-testid="quota-bar"
      role="status"
      aria-label={t('desk.quota.label')}
      style={{ position: 'sticky', top: 0, zIndex: 5, marginBottom: 16 }}
    >
      <Flex wrap gap={16} align="center" justify="space-between">
        <Flex gap={12} align="center" style={{ flex: '1 1 320px' }}>
          <Typography.Text strong data-testid="quota-text" style={{ whiteSpace: 'nowrap' }}>
            {t('desk.quota.text', { used, quota, remaining })}
          </Typography.Text>
          <Progress
            percent={quota > 0 ? Math.round((used / quota) * 100) : 100}
            steps={quota > 0 && quota <= 20 ? quota : undefined}
            showInfo={false}
            status={full ? 'exception' : 'normal'}
            aria-hidden
            style={{ flex: 1, minWidth: 120, margin: 0 }}
          />
        </Flex>
        <span data-testid="batch-state">
          {signedOff ? (
            <Tag color="green">
              {t('desk.batch.signedOffAt', { at: formatDateTime(batch.signedOffAt) })}
            </Tag>
          ) : (
            <Tag color="blue">{t('desk.batch.open')}</Tag>
          )}
        </span>
      </Flex>
      {!signedOff && batch.reopenedAt && (
        <Alert
          type="warning"
          showIcon
          data-testid="reopen-reason"
          style={{ marginTop: 12 }}
          title={t('desk.batch.reopened', {
            at: formatDateTime(batch.reopenedAt),
            reason: embeddedComment(batch.reopenReason) || '—',
          })}
        />
      )}
    </Card>
  );
}
