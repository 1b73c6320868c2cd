import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { FOLLOW_UP_REPORT_STATE_LABELS } from '../../../domain/follow-up-report';
import {
  FOLLOW_UP_STATE_COLORS,
  followUpPath,
  useFollowUpList,
  type FollowUpRow,
} from '../../lib/follow-ups';
import { embeddedComment, formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCampaigns } from '../../lib/queries';
import type { Campaign } from '../../lib/types';

function Action({ campaignId, row }: { campaignId: string; row: FollowUpRow }) {
  const { t } = useI18n();
  const to = followUpPath(campaignId, row.awardId);
  const label =
    row.state === 'submitted'
      ? t('followUp.view')
      : row.state === 'not_started'
        ? t('followUp.fill')
        : t('followUp.continue');
  return <Link to={to}>{label}</Link>;
}

/** 附件4 for one campaign: shown only when the enterprise has past awards to report on. */
function CampaignFollowUps({ campaign }: { campaign: Campaign }) {
  const { t, lang } = useI18n();
  const list = useFollowUpList(campaign.id);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card
      title={t('followUp.homeTitle')}
      extra={<Link to={followUpPath(campaign.id)}>{t('followUp.homeAll')}</Link>}
      data-testid="follow-ups-card"
    >
      <Typography.Paragraph type="secondary">
        {t('followUp.homeIntro', {
          title: campaign.title,
          years: (list.data?.followUpAwardYears ?? campaign.settings.followUpAwardYears).join('、'),
          at: formatDeadline(campaign.paperDeadline, lang),
        })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item actions={[<Action key="go" campaignId={campaign.id} row={r} />]}>
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  <span>{r.solutionName}</span>
                  <Tag>{t('followUp.yearTag', { n: r.year })}</Tag>
                  <Tag color={FOLLOW_UP_STATE_COLORS[r.state]} data-testid="follow-up-home-state">
                    {FOLLOW_UP_REPORT_STATE_LABELS[r.state][lang]}
                  </Tag>
                </Space>
              }
              description={
                r.state === 'returned' && r.returnComment ? (
                  <Typography.Text type="warning">
                    {t('followUp.returnedWith', { comment: embeddedComment(r.returnComment) })}
                  </Typography.Text>
                ) : r.submittedAt ? (
                  t('followUp.submittedAtValue', { time: formatDateTime(r.submittedAt) })
                ) : undefined
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The enterprise's 2019–2020 awards that need a 附件4 report, per campaign still taking them. */
export function FollowUpsCard() {
  const campaigns = useCampaigns();
  const now = Date.now();
  const current = (campaigns.data ?? []).filter(
    (c) =>
      c.settings.followUpAwardYears.length > 0 &&
      (c.phase !== 'closed' || new Date(c.paperDeadline).getTime() > now),
  );
  return (
    <>
      {current.map((c) => (
        <CampaignFollowUps key={c.id} campaign={c} />
      ))}
    </>
  );
}
