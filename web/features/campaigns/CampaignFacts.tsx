import type { ReactNode } from 'react';
import { Card, Descriptions, Typography } from 'antd';
import { QUOTA_GROUPS } from '../../../domain/recommender-units';
import { formatDeadline, formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

/** A plain bulleted list: its items sit in a <ul>, as screen readers expect. */
function Items({ children }: { children: ReactNode }) {
  return <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>{children}</ul>;
}

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
      <Items>
        <li>{t('campaign.noBigSystems')}</li>
        <li data-testid="word-limit">{t('campaign.wordLimit', { n: s.wordLimit })}</li>
        <li>{t('campaign.noRepeat')}</li>
        <li>
          {t('campaign.businessStages')}：{s.businessStages.join(sep)}
        </li>
      </Items>
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
      <Items>
        <li>{t('campaign.awardValidity', { n: s.awardValidityYears })}</li>
        {s.postAwardDimensions.length > 0 && (
          <li>
            {t('campaign.postAward', { dims: s.postAwardDimensions.map((d) => d.name).join(sep) })}
          </li>
        )}
        {years.length > 0 && (
          <li>
            {t('campaign.followUp', {
              years: years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]),
            })}
          </li>
        )}
      </Items>
    </Card>
  );
}
