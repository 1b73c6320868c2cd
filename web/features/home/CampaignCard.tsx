import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { Countdown } from '../../components/Countdown';
import { PhaseTag } from '../../components/PhaseTag';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

export function CampaignCard({ campaign: c, action }: { campaign: Campaign; action?: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <Card
      data-testid={`campaign-${c.code}`}
      title={
        <Flex gap={8} align="center" wrap>
          <PhaseTag phase={c.phase} isDemo={c.isDemo} />
          <span style={{ whiteSpace: 'normal' }}>{c.title}</span>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Link to={`/campaigns/${c.code}`}>
            <Button type={c.phase === 'open' && !action ? 'primary' : 'default'}>
              {t('campaign.view')}
            </Button>
          </Link>
          {action}
        </Flex>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('campaign.docNumber')}>{c.docNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('campaign.onlineDeadline')}>
          {formatDeadline(c.onlineDeadline, lang)}
        </Descriptions.Item>
      </Descriptions>
      {c.isDemo && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('campaign.demoNote')}
        </Typography.Paragraph>
      )}
      {c.phase !== 'closed' && <Countdown opensAt={c.opensAt} deadline={c.onlineDeadline} />}
    </Card>
  );
}
