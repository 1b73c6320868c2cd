import { App, Alert, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { deskPath } from '../../lib/desk';
import { useI18n } from '../../lib/i18n';
import { useSignOff } from './api';
import type { Desk } from './DeskFrame';

function Check({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Space>
      {ok ? (
        <CheckCircleTwoTone twoToneColor="#52c41a" aria-hidden />
      ) : (
        <ExclamationCircleTwoTone twoToneColor="#faad14" aria-hidden />
      )}
      <Typography.Text type={ok ? undefined : 'warning'}>{children}</Typography.Text>
    </Space>
  );
}

/** The applications a BATCH_NOT_READY refusal names for duplicate findings, if that was the reason. */
export function duplicateRefusal(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'BATCH_NOT_READY') return null;
  const d = (error.details ?? {}) as { missing?: unknown; applications?: unknown };
  if (!Array.isArray(d.missing) || !d.missing.includes('duplicate_findings')) return null;
  return Array.isArray(d.applications) ? d.applications.map(String) : [];
}

/** 确认报送: the checklist, the refusal if any, and the sign-off itself. */
export function SignOffCard(props: {
  desk: Desk;
  /** the ranking on screen differs from the saved one */
  dirty: boolean;
  /** recommended applications with an open or confirmed duplicate finding */
  flagged: number;
  nameOf: (applicationId: string) => string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { batch, campaign, unitId } = props.desk;
  const { dirty, flagged } = props;
  const signOff = useSignOff(campaign.id, unitId);
  const ready = batch.rows.length > 0 && !!batch.stampedScan && !dirty && flagged === 0;
  const refused = duplicateRefusal(signOff.error);
  const base = deskPath(campaign.id);
  return (
    <Card title={t('desk.signOff.title')}>
      <List
        size="small"
        split={false}
        dataSource={[
          {
            ok: batch.rows.length > 0,
            text: t('desk.signOff.needRecommended', { n: batch.rows.length }),
          },
          { ok: !dirty, text: t('desk.signOff.needSaved') },
          { ok: !!batch.stampedScan, text: t('desk.signOff.needScan') },
          { ok: flagged === 0, text: t('dup.batch.needReview', { n: flagged }) },
        ]}
        renderItem={(c) => (
          <List.Item>
            <Check ok={c.ok}>{c.text}</Check>
          </List.Item>
        )}
      />
      {refused ? (
        <Alert
          type="error"
          showIcon
          data-testid="sign-off-duplicates"
          style={{ marginBottom: 12 }}
          title={t('dup.batch.notReady')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {refused.map((id) => (
                <li key={id}>
                  <Link to={`${base}/applications/${id}`}>{props.nameOf(id)}</Link>
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <ErrorAlert error={signOff.error} />
      )}
      <Popconfirm
        title={t('desk.signOff.confirmTitle')}
        description={
          <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
            {t('desk.signOff.confirmText', { n: batch.rows.length })}
          </Typography.Paragraph>
        }
        okText={t('desk.signOff.ok')}
        cancelText={t('common.cancel')}
        disabled={!ready}
        onConfirm={() =>
          signOff.mutate(undefined, {
            onSuccess: () => message.success(t('desk.signOff.done')),
          })
        }
      >
        <Button
          type="primary"
          size="large"
          disabled={!ready}
          loading={signOff.isPending}
          data-testid="sign-off"
        >
          {t('desk.signOff.button')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
