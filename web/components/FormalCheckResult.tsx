import { Alert, Flex, Tag, Typography } from 'antd';
import type { FormalCheckOutcome } from '../../domain/api/formal-check';
import { formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';

/** 合格 / 不合格 as a tag. */
export function FormalCheckTag({ result }: { result: FormalCheckOutcome['result'] | null }) {
  const { t } = useI18n();
  if (!result) return <Tag data-testid="formal-check-tag">{t('fc.result.none')}</Tag>;
  return (
    <Tag color={result === 'pass' ? 'success' : 'error'} data-testid="formal-check-tag">
      {t(`fc.result.${result}`)}
    </Tag>
  );
}

/**
 * 形式审查's result as the enterprise and its recommender read it: 合格 / 不合格 with the failed
 * items' reasons and when — never who checked it. Nothing before a result is recorded.
 */
export function FormalCheckResult({ outcome }: { outcome: FormalCheckOutcome | null | undefined }) {
  const { t } = useI18n();
  if (!outcome) return null;
  const pass = outcome.result === 'pass';
  return (
    <Alert
      type={pass ? 'success' : 'error'}
      showIcon
      data-testid="formal-check-result"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('fc.outcomeTitle', { result: t(`fc.result.${outcome.result}`) })}</span>
          <FormalCheckTag result={outcome.result} />
        </Flex>
      }
      description={
        <Flex vertical gap={4}>
          {!pass && outcome.failedItems.length > 0 && (
            <>
              <Typography.Text>{t('fc.outcomeFailed')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="formal-check-failed">
                {outcome.failedItems.map((f, i) => (
                  <li key={i}>
                    <Typography.Text strong>{f.label}</Typography.Text>：{f.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('fc.outcomeAt', { at: formatDateTime(outcome.checkedAt) })}
          </Typography.Text>
        </Flex>
      }
    />
  );
}
