import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  DuplicateEvidence,
  FindingKindTag,
  FindingStateTag,
  ScoreBar,
} from '../../components/DuplicateEvidence';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  useApplicationFindings,
  useCampaignFindings,
  useDecideFinding,
  useSweep,
  type FindingKind,
  type FindingState,
  type FindingView,
  type FindingsFilter,
} from '../../lib/duplicates';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';

const STATES: FindingState[] = ['open', 'confirmed', 'dismissed'];
const KINDS: FindingKind[] = ['award', 'application'];

/** Strongest first (the server sorts too; this keeps the order after a filter or a decision). */
export function byStrength(items: ReadonlyArray<FindingView>): FindingView[] {
  return [...items].sort((a, b) => b.score - a.score);
}

/** Either decision needs a reason of at least two characters (the server refuses less). */
export function reasonProblem(reason: string): boolean {
  return reason.trim().length < 2;
}

/** /admin/findings/:campaignId? — every finding of a campaign, the evidence and the decision. */
export function FindingsPage() {
  return (
    <CampaignRoute base="/admin/findings">{(choice) => <FindingsView {...choice} />}</CampaignRoute>
  );
}

export function FindingsView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const c = props.campaign;
  const [filter, setFilter] = useState<FindingsFilter>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const findings = useCampaignFindings(c?.id, filter);
  const sweep = useSweep(c?.id ?? '');
  const rows = useMemo(() => byStrength(findings.data ?? []), [findings.data]);
  const open = rows.find((f) => f.id === openId) ?? null;
  return (
    <Card
      title={t('dup.admin.title')}
      extra={
        <Select
          aria-label={t('dup.admin.campaign')}
          style={{ width: 320 }}
          value={c?.id}
          placeholder={t('dup.admin.campaign')}
          onChange={props.onPick}
          options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
          data-testid="findings-campaign"
        />
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('dup.admin.pickCampaign')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={12} wrap>
              <Select<FindingState>
                allowClear
                placeholder={t('dup.admin.filterState')}
                aria-label={t('dup.admin.filterState')}
                style={{ width: 160 }}
                value={filter.state}
                onChange={(state) => setFilter((f) => ({ ...f, state }))}
                options={STATES.map((s) => ({ value: s, label: t(`dup.state.${s}`) }))}
                data-testid="findings-state"
              />
              <Select<FindingKind>
                allowClear
                placeholder={t('dup.admin.filterKind')}
                aria-label={t('dup.admin.filterKind')}
                style={{ width: 200 }}
                value={filter.kind}
                onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
                options={KINDS.map((k) => ({
                  value: k,
                  label: t(k === 'award' ? 'dup.admin.kindAward' : 'dup.admin.kindApplication'),
                }))}
                data-testid="findings-kind"
              />
            </Flex>
            <Button
              icon={<ReloadOutlined />}
              loading={sweep.isPending}
              onClick={() => sweep.mutate()}
              data-testid="findings-sweep"
            >
              {t('dup.admin.sweep')}
            </Button>
          </Flex>
          {sweep.data && (
            <Alert
              type="success"
              showIcon
              closable
              data-testid="sweep-result"
              title={t('dup.admin.swept', {
                applications: sweep.data.applications,
                findings: sweep.data.findings,
                ms: sweep.data.ms,
              })}
            />
          )}
          <ErrorAlert error={sweep.error} />
          <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />
          <Table<FindingView>
            rowKey={(f) => f.id ?? `${f.applicationId}:${f.kind}`}
            size="middle"
            loading={findings.isFetching}
            dataSource={rows}
            data-testid="findings-table"
            locale={{ emptyText: t('dup.admin.empty') }}
            pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
            scroll={{ x: 1200 }}
            columns={[
              {
                title: t('dup.admin.colApplication'),
                dataIndex: 'applicationName',
                render: (name: string) => name || t('apps.untitled'),
              },
              { title: t('dup.admin.colEnterprise'), dataIndex: 'enterpriseName' },
              { title: t('dup.admin.colChannel'), dataIndex: 'channelUnitName' },
              {
                title: t('dup.admin.colKind'),
                key: 'kind',
                render: (_, f) => <FindingKindTag finding={f} />,
              },
              {
                title: t('dup.admin.colMatch'),
                key: 'match',
                render: (_, f) => (
                  <Flex vertical>
                    <Typography.Text>{f.match.solutionName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.match.kind === 'award'
                        ? `${f.match.year ?? ''} · ${f.match.enterpriseName}`
                        : `${f.match.enterpriseName} · ${f.match.channelUnitName ?? ''}`}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('dup.admin.colScore'),
                dataIndex: 'score',
                width: 220,
                render: (score: number) => <ScoreBar score={score} />,
              },
              {
                title: t('dup.admin.colState'),
                dataIndex: 'state',
                render: (s: FindingState) => <FindingStateTag state={s} />,
              },
              {
                title: '',
                key: 'view',
                fixed: 'right',
                width: 80,
                render: (_, f) => (
                  <Button
                    size="small"
                    onClick={() => setOpenId(f.id)}
                    disabled={!f.id}
                    data-testid="finding-view"
                  >
                    {t('dup.admin.view')}
                  </Button>
                ),
              },
            ]}
          />
          <FindingDrawer campaignId={c.id} finding={open} onClose={() => setOpenId(null)} />
        </Flex>
      )}
    </Card>
  );
}

function FindingDrawer(props: {
  campaignId: string;
  finding: FindingView | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const f = props.finding;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<'dismiss' | 'confirm' | null>(null);
  const decide = useDecideFinding(props.campaignId);
  // the application's comparable text, for the evidence offsets
  const source = useApplicationFindings(f?.applicationId ?? '', !!f);
  useEffect(() => {
    setReason('');
    setReasonError(null);
    decide.reset();
  }, [f?.id]); // a new finding starts clean

  const act = (action: 'dismiss' | 'confirm') => {
    if (!f?.id) return;
    if (reasonProblem(reason)) {
      setReasonError(action);
      return;
    }
    const send = () =>
      decide.mutate(
        { id: f.id!, action, reason: reason.trim() },
        {
          onSuccess: () => {
            message.success(
              t(action === 'dismiss' ? 'dup.admin.dismissed' : 'dup.admin.confirmed'),
            );
            setReason('');
          },
        },
      );
    if (action === 'dismiss') return send();
    // confirming stops the application: asked once more, naming it and what follows
    modal.confirm({
      title: t('dup.admin.confirmTitle', { name: f.applicationName }),
      content: t('dup.admin.confirmText', { unit: f.channelUnitName }),
      okText: t('dup.admin.confirm'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'finding-confirm-ok' } },
      cancelText: t('common.cancel'),
      onOk: send,
    });
  };

  return (
    <Drawer
      open={!!f}
      onClose={props.onClose}
      size={960}
      title={f ? t('dup.admin.drawerTitle', { name: f.applicationName }) : ''}
      data-testid="finding-drawer"
    >
      {f && (
        <Flex vertical gap={16}>
          <Typography.Text>
            {f.enterpriseName} · {f.channelUnitName}
          </Typography.Text>
          <DuplicateEvidence findings={[f]} text={source.data?.text} />
          <Card size="small" title={t('dup.admin.decided')}>
            <Flex vertical gap={8}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={reason}
                aria-label={t('dup.admin.reason')}
                placeholder={t('dup.admin.reasonPlaceholder')}
                status={reasonError ? 'error' : undefined}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(null);
                }}
                data-testid="finding-reason"
              />
              {reasonError && (
                <Typography.Text type="danger" data-testid="finding-reason-error">
                  {t(
                    reasonError === 'confirm'
                      ? 'dup.admin.confirmReasonRequired'
                      : 'dup.admin.reasonRequired',
                  )}
                </Typography.Text>
              )}
              <ErrorAlert error={decide.error} />
              <Space wrap>
                <Button
                  danger
                  loading={decide.isPending && decide.variables?.action === 'confirm'}
                  disabled={f.state === 'confirmed'}
                  onClick={() => act('confirm')}
                  data-testid="finding-confirm"
                >
                  {t('dup.admin.confirm')}
                </Button>
                <Button
                  type="primary"
                  loading={decide.isPending && decide.variables?.action === 'dismiss'}
                  disabled={f.state === 'dismissed'}
                  onClick={() => act('dismiss')}
                  data-testid="finding-dismiss"
                >
                  {t('dup.admin.dismiss')}
                </Button>
              </Space>
            </Flex>
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
