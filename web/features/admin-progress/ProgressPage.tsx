import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  Flex,
  Input,
  Progress,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import {
  RECOMMENDER_UNIT_TYPE_LABELS,
  type RecommenderUnitType,
} from '../../../domain/recommender-units';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api } from '../../lib/api';
import { followUpPath } from '../../lib/follow-ups';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import type { ProgressList, ProgressRow } from '../../../domain/api/progress';
import { BatchDrawer } from './BatchDrawer';

/** One unit's row, as getRecommenderProgress sends it (domain/api/progress). */
export type { ProgressRow };

type Show = 'all' | 'signed_off' | 'open' | 'follow_ups_missing';

export function ProgressPage() {
  return (
    <CampaignRoute base="/admin/progress">{(choice) => <ProgressView {...choice} />}</CampaignRoute>
  );
}

function ProgressView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const c = props.campaign;
  const [show, setShow] = useState<Show>('all');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<{ unitId: string; unitName: string } | null>(null);
  const progress = useQuery({
    queryKey: ['progress', c?.id],
    queryFn: () => api<ProgressList>(`/campaigns/${c!.id}/progress`),
    select: (d) => d.items,
    enabled: !!c,
  });
  const all = useMemo(() => progress.data ?? [], [progress.data]);
  const rows = all.filter((r) => {
    if (q && !r.unitName.includes(q)) return false;
    if (show === 'signed_off') return r.batchState === 'signed_off';
    if (show === 'open') return r.batchState !== 'signed_off';
    if (show === 'follow_ups_missing') return r.followUpsSubmitted < r.followUpsExpected;
    return true;
  });
  const sum = (f: (r: ProgressRow) => number) => all.reduce((n, r) => n + f(r), 0);
  const signedOff = all.filter((r) => r.batchState === 'signed_off').length;
  return (
    <Card
      title={t('progress.title')}
      extra={
        <Flex gap={8} wrap>
          <Select
            aria-label={t('progress.campaign')}
            style={{ width: 320 }}
            value={c?.id}
            placeholder={t('progress.campaign')}
            onChange={props.onPick}
            options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
            data-testid="progress-campaign"
          />
        </Flex>
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('progress.pickCampaign')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">
            {t('progress.deadline', { at: formatDeadline(c.paperDeadline, lang) })}
          </Typography.Text>
          <Row gutter={[16, 16]} data-testid="progress-totals">
            <Col xs={12} md={6}>
              <Statistic
                title={t('progress.totalSignedOff')}
                value={signedOff}
                suffix={`/ ${all.length}`}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('progress.totalReceived')} value={sum((r) => r.received)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('progress.totalRecommended')}
                value={sum((r) => r.recommended)}
                suffix={`/ ${sum((r) => r.quota)}`}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('progress.totalFollowUps')}
                value={sum((r) => r.followUpsSubmitted)}
                suffix={`/ ${sum((r) => r.followUpsExpected)}`}
              />
            </Col>
          </Row>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={12} wrap align="center">
              <Segmented<Show>
                value={show}
                onChange={setShow}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'open', label: t('progress.show.open') },
                  { value: 'signed_off', label: t('progress.show.signedOff') },
                  { value: 'follow_ups_missing', label: t('progress.show.followUpsMissing') },
                ]}
              />
              <Input.Search
                allowClear
                aria-label={t('progress.searchPlaceholder')}
                placeholder={t('progress.searchPlaceholder')}
                style={{ width: 220 }}
                onSearch={(v) => setQ(v.trim())}
              />
            </Flex>
            <Flex gap={8} wrap>
              <Link to={followUpPath(c.id)}>
                <Button>{t('progress.followUps')}</Button>
              </Link>
              <Button
                icon={<FileExcelOutlined />}
                href={`/api/v1/campaigns/${c.id}/progress.xlsx`}
                data-testid="progress-export"
              >
                {t('progress.export')}
              </Button>
            </Flex>
          </Flex>
          <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
          <Table<ProgressRow>
            rowKey="unitId"
            size="middle"
            loading={progress.isFetching}
            dataSource={rows}
            pagination={
              rows.length > 50
                ? { defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }
                : false
            }
            scroll={{ x: 1250 }}
            data-testid="progress-table"
            columns={[
              { title: t('progress.unit'), dataIndex: 'unitName', fixed: 'left', width: 220 },
              {
                title: t('progress.type'),
                dataIndex: 'unitType',
                width: 160,
                render: (v: RecommenderUnitType) =>
                  (RECOMMENDER_UNIT_TYPE_LABELS[v]?.[lang] ?? v).replace(
                    '工业和信息化主管部门',
                    '',
                  ),
              },
              {
                title: t('progress.received'),
                dataIndex: 'received',
                width: 90,
                sorter: (a, b) => a.received - b.received,
              },
              {
                title: t('progress.pending'),
                dataIndex: 'pending',
                width: 90,
                sorter: (a, b) => a.pending - b.pending,
                render: (n: number) =>
                  n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n,
              },
              {
                title: t('progress.recommendedOfQuota'),
                key: 'recommended',
                width: 150,
                render: (_, r) => (
                  <Flex vertical gap={0}>
                    <span>
                      {r.recommended} / {r.quota}
                    </span>
                    <Progress
                      percent={r.quota ? Math.round((r.recommended / r.quota) * 100) : 0}
                      size="small"
                      showInfo={false}
                      aria-label={`${r.recommended} / ${r.quota}`}
                    />
                  </Flex>
                ),
              },
              {
                title: t('progress.batchState'),
                key: 'batch',
                width: 200,
                render: (_, r) =>
                  r.batchState === 'signed_off' ? (
                    <Flex vertical gap={2}>
                      <Tag color="green" style={{ width: 'fit-content' }}>
                        {t('progress.state.signed_off')}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(r.signedOffAt)}
                      </Typography.Text>
                    </Flex>
                  ) : (
                    <Tag>{t('progress.state.open')}</Tag>
                  ),
              },
              {
                title: t('progress.followUpsColumn'),
                key: 'followUps',
                width: 120,
                render: (_, r) =>
                  r.followUpsExpected === 0 ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <Typography.Text
                      type={r.followUpsSubmitted < r.followUpsExpected ? 'warning' : 'success'}
                    >
                      {r.followUpsSubmitted} / {r.followUpsExpected}
                    </Typography.Text>
                  ),
              },
              {
                title: t('progress.paperColumn'),
                key: 'paper',
                width: 150,
                render: (_, r) => (
                  <Flex vertical gap={0} data-testid="progress-paper">
                    <Typography.Text
                      type={
                        r.forwarded === 0
                          ? 'secondary'
                          : r.paperReceived < r.forwarded
                            ? 'warning'
                            : 'success'
                      }
                    >
                      {t('progress.paperApplications', {
                        received: r.paperReceived,
                        forwarded: r.forwarded,
                      })}
                    </Typography.Text>
                    <Typography.Text
                      type={r.summaryTableReceivedOn ? undefined : 'secondary'}
                      style={{ fontSize: 12 }}
                    >
                      {r.summaryTableReceivedOn
                        ? t('progress.paperTable', { on: r.summaryTableReceivedOn })
                        : t('progress.paperTableMissing')}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                width: 110,
                render: (_, r) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setOpen({ unitId: r.unitId, unitName: r.unitName })}
                  >
                    {t('progress.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Flex>
      )}
      {c && (
        <BatchDrawer
          campaignId={c.id}
          unitId={open?.unitId ?? null}
          unitName={open?.unitName}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
