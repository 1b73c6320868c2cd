import { Tag } from 'antd';
import type { VerificationStatus } from '../../../domain/enterprise-verification';
import { useI18n } from '../../lib/i18n';

const COLOR: Record<VerificationStatus, string> = {
  unsubmitted: 'default',
  pending: 'processing',
  verified: 'success',
  rejected: 'error',
};

/** 未提交材料 / 待核验 / 已核验 / 核验未通过 */
export function VerificationStatusTag({ status }: { status: VerificationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="verification-status">
      {t(`ev.status.${status}`)}
    </Tag>
  );
}
