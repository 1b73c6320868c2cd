import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { Countdown } from '../../components/Countdown';
import type { Application } from '../../lib/applications';
import { formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

/** The application's title and facts. */
export function ApplicationHeader(props: {
  app: Application;
  campaign: Campaign;
  title: string;
  channelName: string;
  canEdit: boolean;
}) {
  const { app, campaign, canEdit } = props;
  const { t, lang } = useI18n();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="application-title">
        {props.title || t('apps.untitled')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('editor.campaign')}>{campaign.title}</Descriptions.Item>
        <Descriptions.Item label={t('editor.channel')}>
          <span data-testid="application-channel">{props.channelName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.state')}>
          <Tag
            color={app.state === 'returned' ? 'orange' : app.state === 'draft' ? 'default' : 'blue'}
          >
            {t(`appState.${app.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('editor.deadline')}>
          <Space wrap>
            {formatDeadline(campaign.onlineDeadline, lang)}
            {canEdit && <Countdown opensAt={campaign.opensAt} deadline={campaign.onlineDeadline} />}
          </Space>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}

/** What the person may (not) do with the application now. */
export function ApplicationStateAlerts(props: {
  app: Application;
  campaign: Campaign;
  isOwner: boolean;
  canEdit: boolean;
}) {
  const { app, campaign, canEdit } = props;
  const { t, lang } = useI18n();
  const deadlinePassed = new Date(campaign.onlineDeadline).getTime() < Date.now();
  return (
    <>
      {app.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          title={t('editor.returned', { comment: app.returnComment ?? '' })}
        />
      )}
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          title={props.isOwner ? t('editor.readOnly') : t('editor.readOnlyOther')}
        />
      )}
      {canEdit && deadlinePassed && (
        <Alert
          type="error"
          showIcon
          title={t('editor.deadlinePassed', {
            at: formatDeadline(campaign.onlineDeadline, lang),
          })}
        />
      )}
    </>
  );
}
