import { Card, Descriptions, List, Typography } from 'antd';
import { QUOTA_GROUPS } from '../../../domain/recommender-units';
import { formatDeadline, formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

export function Deadlines({ campaign: c }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t('campaign.deadlines')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('campaign.publishedOn')}>
          {formatPlainDate(c.publishedOn, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.onlineDeadline')}>
          <Typography.Text strong data-testid="online-deadline">
            {formatDeadline(c.onlineDeadline, lang)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.paperDeadline')}>
          {formatDeadline(c.paperDeadline, lang)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function Requirements({ campaign: c }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  const s = c.settings;
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <Card title={t('campaign.requirements')} size="small">
      <List size="small" split={false}>
        <List.Item>{t('campaign.noBigSystems')}</List.Item>
        <List.Item data-testid="word-limit">
          {t('campaign.wordLimit', { n: s.wordLimit })}
        </List.Item>
        <List.Item>{t('campaign.noRepeat')}</List.Item>
        <List.Item>
          {t('campaign.businessStages')}：{s.businessStages.join(sep)}
        </List.Item>
      </List>
    </Card>
  );
}

export function Quotas({ campaign: c }: { campaign: Campaign }) {
  const { t } = useI18n();
  return (
    <Card title={t('campaign.quotas')} size="small">
      <Descriptions column={1} size="small" bordered>
        {QUOTA_GROUPS.map((g) => (
          <Descriptions.Item key={g} label={t(`campaign.quota.${g}`)}>
            <span style={{ whiteSpace: 'nowrap' }}>
              {t('campaign.quotaValue', { n: c.settings.quotas[g] })}
            </span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

export function AfterAward({ campaign: c }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  const s = c.settings;
  const sep = lang === 'zh' ? '、' : ', ';
  const years = s.followUpAwardYears;
  return (
    <Card title={t('campaign.afterAward')} size="small">
      <List size="small" split={false}>
        <List.Item>{t('campaign.awardValidity', { n: s.awardValidityYears })}</List.Item>
        {s.postAwardDimensions.length > 0 && (
          <List.Item>
            {t('campaign.postAward', { dims: s.postAwardDimensions.join(sep) })}
          </List.Item>
        )}
        {years.length > 0 && (
          <List.Item>
            {t('campaign.followUp', {
              years: years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]),
            })}
          </List.Item>
        )}
      </List>
    </Card>
  );
}
