import { Alert, Badge, Card, Flex } from 'antd';
import { DuplicateEvidence } from '../../components/DuplicateEvidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useApplicationFindings } from '../../lib/duplicates';
import { useI18n } from '../../lib/i18n';

/** 重复申报检查: the application's findings, its text with the overlaps marked, the other side. */
export function DuplicatePanel({ appId }: { appId: string }) {
  const { t } = useI18n();
  const findings = useApplicationFindings(appId);
  const active = findings.data?.findings.filter((f) => f.state !== 'dismissed').length ?? 0;
  return (
    <Card
      size="small"
      data-testid="duplicate-panel"
      title={
        <Flex gap={8} align="center">
          {t('dup.panel.title')}
          {active > 0 && <Badge count={active} />}
        </Flex>
      }
    >
      {findings.error ? (
        <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />
      ) : !findings.data ? (
        <Loading />
      ) : (
        <Flex vertical gap={12}>
          {findings.data.findings.length > 0 && (
            <Alert type="warning" showIcon title={t('dup.panel.hint')} />
          )}
          <DuplicateEvidence findings={findings.data.findings} text={findings.data.text} />
        </Flex>
      )}
    </Card>
  );
}
