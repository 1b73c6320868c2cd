import { Tag } from 'antd';
import type { CampaignPhase } from '../../domain/campaign';
import { useI18n } from '../lib/i18n';

const COLORS: Record<CampaignPhase, string> = {
  open: 'green',
  closed: 'default',
  upcoming: 'blue',
};

export function PhaseTag({ phase, isDemo }: { phase: CampaignPhase; isDemo?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {isDemo && <Tag color="orange">{t('campaign.demo')}</Tag>}
      <Tag color={COLORS[phase]}>{t(`phase.${phase}`)}</Tag>
    </>
  );
}
