// The small marks the registry and the receipt desk share: paper standing, 形式审查, a receipt's check.
import { Flex, Tag, Typography } from 'antd';
import type { PaperReceiptStatus } from '../../../domain/registry';
import { useI18n } from '../../lib/i18n';
import type { RegistryRow } from './api';

export function PaperTag({ paper }: { paper: RegistryRow['paper'] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2} align="start">
      {paper.received ? (
        <Tag color={paper.late ? 'orange' : 'green'}>
          {t(paper.late ? 'registry.paper.receivedLate' : 'registry.paper.yes')}
        </Tag>
      ) : (
        <Tag>{t('registry.paper.no')}</Tag>
      )}
      {paper.mismatch && <Tag color="red">{t('registry.paper.otherVersion')}</Tag>}
    </Flex>
  );
}

export function FormalCheckTag({ result }: { result: RegistryRow['formalCheck'] }) {
  const { t } = useI18n();
  if (!result)
    return <Typography.Text type="secondary">{t('registry.formal.none')}</Typography.Text>;
  return <Tag color={result === 'pass' ? 'green' : 'red'}>{t(`registry.formal.${result}`)}</Tag>;
}

const COLORS: Record<PaperReceiptStatus, string> = {
  current: 'green',
  superseded: 'red',
  not_forwarded: 'orange',
};

/** What a paper copy was on arrival: 当前版本, 已被取代, 未报送. */
export function ReceiptStatusTag({ status }: { status: PaperReceiptStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`paper.status.${status}`)}</Tag>;
}
