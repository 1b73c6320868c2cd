import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Switch, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { NOTIFICATION_KIND_INFO, type NotificationKind } from '../../../domain/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import {
  useNotificationPreferences,
  useUpdateNotificationPreferences,
  type NotificationPreferences,
} from '../../lib/notifications';

/** 通知设置: which kinds of message also come by e-mail (in-app always; password links always). */
export function NotificationSettingsPage() {
  const prefs = useNotificationPreferences();
  if (prefs.error) return <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />;
  if (!prefs.data) return <Loading />;
  return <SettingsForm prefs={prefs.data} />;
}

type Item = NotificationPreferences['items'][number];

function SettingsForm({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useUpdateNotificationPreferences();
  const [email, setEmail] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(prefs.items.map((i) => [i.kind, i.email])),
  );
  const emailOff = prefs.items
    .filter((i) => !i.emailRequired && !email[i.kind])
    .map((i) => i.kind as NotificationKind);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notifSettings.title')}
        </Typography.Title>
      }
      extra={<Link to="/messages">{t('messages.title')}</Link>}
    >
      {!prefs.emailEnabled && (
        <Alert
          type="warning"
          showIcon
          data-testid="email-disabled"
          title={t('notifSettings.noEmail')}
          description={t('notifSettings.noEmailDetail')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Alert
        type="info"
        showIcon
        title={t('notifSettings.inAppAlways')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16, maxWidth: 640 }}>
        <Descriptions.Item label={t('notifSettings.address')}>
          <span data-testid="notification-address">{prefs.address}</span>
          <Link to="/account/profile" style={{ marginInlineStart: 12 }}>
            {t('notifSettings.changeAddress')}
          </Link>
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={save.error} />
      <Table<Item>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={prefs.items}
        data-testid="notification-kinds"
        scroll={{ x: 640 }}
        columns={[
          { title: t('notifSettings.col.kind'), dataIndex: 'label' },
          {
            title: t('notifSettings.col.audience'),
            key: 'audience',
            render: (_, i) => NOTIFICATION_KIND_INFO[i.kind as NotificationKind]?.audience ?? '',
          },
          {
            title: t('notifSettings.col.inApp'),
            key: 'inApp',
            render: () => t('notifSettings.always'),
          },
          {
            title: t('notifSettings.col.email'),
            key: 'email',
            render: (_, i) => (
              <>
                <Switch
                  size="small"
                  aria-label={t('notifSettings.switchLabel', { kind: i.label })}
                  checked={i.emailRequired || !!email[i.kind]}
                  disabled={i.emailRequired}
                  onChange={(on) => setEmail((e) => ({ ...e, [i.kind]: on }))}
                />
                {i.emailRequired && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t('notifSettings.required')}
                  </Typography.Text>
                )}
              </>
            ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        loading={save.isPending}
        onClick={() =>
          save.mutate(emailOff, {
            onSuccess: () => void message.success(t('notifSettings.saved')),
          })
        }
      >
        {t('common.save')}
      </Button>
    </Card>
  );
}
