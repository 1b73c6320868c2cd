import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { Countdown } from '../../components/Countdown';
import type { Application } from '../../lib/applications';
import { embeddedComment, formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

const STATE_COLOR: Partial<Record<Application['state'], string>> = {
  draft: 'default',
  returned: 'orange',
  rejected_by_recommender: 'red',
  recommended: 'cyan',
  forwarded: 'cyan',
};

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
          <Tag color={STATE_COLOR[app.state] ?? 'blue'} data-testid="editor-state">
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

/** The owner's banner for a submitted application: the decision, its reason and the next step. */
function OwnerStateAlert({ app }: { app: Application }) {
  const { t } = useI18n();
  const at = formatDateTime(app.decidedAt);
  switch (app.state) {
    case 'submitted':
      return <Alert type="info" showIcon title={t('editor.readOnly')} data-testid="state-alert" />;
    case 'rejected_by_recommender':
      return (
        <Alert
          type="error"
          showIcon
          data-testid="state-alert"
          title={t('editor.rejectedTitle', { at })}
          description={t('editor.rejected', { reason: embeddedComment(app.rejectReason) || '—' })}
        />
      );
    case 'recommended':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="state-alert"
          title={t('editor.recommended', { at })}
        />
      );
    case 'forwarded':
      return (
        <Alert type="success" showIcon data-testid="state-alert" title={t('editor.forwarded')} />
      );
    default:
      return (
        <Alert type="info" showIcon data-testid="state-alert" title={t('editor.readOnlyFinal')} />
      );
  }
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
          data-testid="state-alert"
          title={t('editor.returned', { comment: embeddedComment(app.returnComment) })}
        />
      )}
      {!canEdit &&
        (props.isOwner ? (
          <OwnerStateAlert app={app} />
        ) : (
          <Alert type="info" showIcon title={t('editor.readOnlyOther')} />
        ))}
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
