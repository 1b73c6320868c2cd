// The public statistics of a campaign (no sign-in): aggregates only; counts under PUBLIC_MIN_CELL
// are shown as “<3” so that no enterprise can be picked out.
import { useMemo } from 'react';
import { Alert, Card, Col, Flex, Result, Row, Statistic, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Breakdown } from '../../../domain/api/statistics';
import { mapOption } from '../../../domain/statistics-charts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { usePublicStatistics, type PublicStatistics } from './api';
import { Chart } from './Chart';

type PublicRow = PublicStatistics['byProvince'][number];

/** A public count: “<3” where suppressed. */
export function publicCount(n: number | null, minCell: number): string {
  return n === null ? `<${minCell}` : String(n);
}

/** The map of the public figures: suppressed provinces are drawn as 0 and named “<3” in the tooltip. */
function publicMap(s: PublicStatistics): Breakdown {
  const zero = { submitted: 0, recommended: 0, forwarded: 0, awarded: 0 };
  return {
    dimension: 'province',
    total: { ...zero, submitted: s.submitted },
    rows: s.byProvince.map((r) => ({
      ...zero,
      key: r.key,
      label: r.label,
      submitted: r.count ?? 0,
      quota: null,
    })),
    national: null,
  };
}

export function PublicStatisticsPage() {
  const { code = '' } = useParams();
  return <PublicStatisticsView code={code} />;
}

export function PublicStatisticsView({ code }: { code: string }) {
  const { t } = useI18n();
  const q = usePublicStatistics(code);
  const option = useMemo(() => {
    if (!q.data) return undefined;
    const o = mapOption(publicMap(q.data), 'submitted');
    const byCode = new Map(q.data.byProvince.map((r) => [r.key, r]));
    const min = q.data.minCell;
    o.tooltip = {
      trigger: 'item',
      formatter: (p: { name: string; data?: { label?: string } }) => {
        const row = byCode.get(p.name);
        return `${p.data?.label ?? p.name}<br/>${t('stats.public.submitted')}：${row ? publicCount(row.count, min) : 0}`;
      },
    };
    return o;
  }, [q.data, t]);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return <Result status="404" title={t('campaign.notFound')} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const table = (title: string, rows: PublicRow[], testId: string) => (
    <Card size="small" title={title} data-testid={testId}>
      <Table<PublicRow>
        size="small"
        rowKey="key"
        aria-label={title}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('stats.public.item'), dataIndex: 'label', key: 'label' },
          {
            title: t('stats.public.submitted'),
            dataIndex: 'count',
            key: 'count',
            align: 'right',
            sorter: (a, b) => (a.count ?? 0) - (b.count ?? 0),
            render: (n: number | null) => publicCount(n, s.minCell),
          },
        ]}
      />
    </Card>
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('stats.public.title', { title: s.campaign.title })}
        </Typography.Title>
        <Link to={`/campaigns/${s.campaign.code}`}>{t('stats.public.back')}</Link>
      </div>
      <Alert
        type="info"
        showIcon
        title={t('stats.public.rule', { n: s.minCell })}
        data-testid="suppression-rule"
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.public.submitted')} value={s.submitted} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.provinces')} value={s.provinces} />
        </Col>
        {s.awarded !== null && (
          <Col xs={12} md={6}>
            <Statistic title={t('stats.public.awarded')} value={s.awarded} />
          </Col>
        )}
        <Col xs={12} md={6}>
          <Typography.Text type="secondary">
            {t('stats.public.updatedAt', { at: formatDateTime(s.updatedAt) })}
          </Typography.Text>
        </Col>
      </Row>
      <Card size="small" title={t('stats.public.map')}>
        {option && <Chart option={option} height={440} label={t('stats.public.mapLabel')} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          {table(t('stats.public.byProvince'), s.byProvince, 'public-provinces')}
        </Col>
        <Col xs={24} lg={8}>
          {table(t('stats.public.byCategory'), s.byCategory, 'public-categories')}
        </Col>
        <Col xs={24} lg={8}>
          {table(t('stats.public.byGroup'), s.byRecommenderGroup, 'public-groups')}
        </Col>
      </Row>
    </Flex>
  );
}
