import type { ReactNode } from 'react';
import { App, Alert, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { deskPath, type SummaryRow } from '../../lib/desk';
import { useI18n } from '../../lib/i18n';
import { useSignOff } from './api';
import type { Desk } from './DeskFrame';

function Check({ ok, children }: { ok: boolean; children: ReactNode }) {
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
  flagged: ReadonlyArray<Pick<SummaryRow, 'applicationId' | 'solutionName' | 'duplicate'>>;
  nameOf: (applicationId: string) => string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { batch, campaign, unitId } = props.desk;
  const { dirty, flagged } = props;
  const signOff = useSignOff(campaign.id, unitId);
  const ready = batch.rows.length > 0 && !!batch.stampedScan && !dirty && flagged.length === 0;
  const refused = duplicateRefusal(signOff.error);
  const base = deskPath(campaign.id);
  const link = (r: (typeof flagged)[number]) => (
    <Link key={r.applicationId} to={`${base}/applications/${r.applicationId}`}>
      《{r.solutionName}》
    </Link>
  );
  // 不得重复上报: what is awaiting the organizer, and what it confirmed (to be taken back), by name
  const open = flagged.filter((r) => r.duplicate !== 'confirmed');
  const confirmed = flagged.filter((r) => r.duplicate === 'confirmed');
  const duplicateChecks: Array<{ ok: boolean; text: ReactNode; testId: string }> = [
    ...(flagged.length === 0
      ? [{ ok: true, text: t('dup.batch.clear'), testId: 'check-duplicates' }]
      : []),
    ...(open.length
      ? [
          {
            ok: false,
            testId: 'check-duplicates-open',
            text: (
              <>
                {t('dup.batch.open', { n: open.length })}
                {open.map((r, i) => [i > 0 && '、', link(r)])}
              </>
            ),
          },
        ]
      : []),
    ...confirmed.map((r) => ({
      ok: false,
      testId: 'check-duplicates-confirmed',
      text: (
        <>
          {t('dup.batch.confirmed')}
          {link(r)}
          {t('dup.batch.confirmedHint')}
        </>
      ),
    })),
  ];
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
          ...duplicateChecks,
        ]}
        renderItem={(c: { ok: boolean; text: ReactNode; testId?: string }) => (
          <List.Item data-testid={c.testId}>
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
