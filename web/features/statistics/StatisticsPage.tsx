// 监测分析 (issue 12): the analysis of one campaign for organizers (all) and recommenders (their own
// unit, beside the national distribution). Every number comes from the server's aggregates.
import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FilePdfOutlined, FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import type { BreakdownRow } from '../../../domain/api/statistics';
import {
  FUNNEL_STAGE_LABELS,
  STAT_DIMENSION_LABELS,
  STAT_MEASURES,
  growth,
  percent,
  type StatDimension,
  type StatFilters,
  type StatMeasure,
} from '../../../domain/statistics';
import {
  MEASURE_LABELS,
  MEASURE_LONG_LABELS,
  PROVINCES,
  breakdownBarOption,
  dayLabel,
  funnelOption,
  mapOption,
  timelineOption,
  winnersRevenueOption,
  yearsOption,
} from '../../../domain/statistics-charts';
import { Link } from 'react-router-dom';
import { CampaignRoute } from '../../components/CampaignRoute';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import {
  reportHref,
  useBreakdown,
  useLatestMonitoringFigures,
  useOverview,
  useTimeline,
  useWinners,
  type Breakdown,
  type DrillDownTarget,
  type Overview,
} from './api';
import { ChartCard } from './ChartCard';
import { DrillDownDrawer } from './DrillDownDrawer';

export type StatisticsScope = 'organizer' | 'recommender';

export const STATISTICS_BASE: Record<StatisticsScope, string> = {
  organizer: '/admin/statistics',
  recommender: '/recommender/statistics',
};

export function StatisticsPage({ scope }: { scope: StatisticsScope }) {
  return (
    <CampaignRoute base={STATISTICS_BASE[scope]}>
      {(choice) => <StatisticsView {...choice} scope={scope} />}
    </CampaignRoute>
  );
}
export const OrganizerStatisticsPage = () => <StatisticsPage scope="organizer" />;
export const RecommenderStatisticsPage = () => <StatisticsPage scope="recommender" />;

/** Filters without one key (the map is not filtered by the province it selects). */
function without(filters: StatFilters, key: keyof StatFilters): StatFilters {
  const rest = { ...filters };
  delete rest[key];
  return rest;
}

export function StatisticsView(props: {
  campaigns: Campaign[];
  campaign: Campaign | undefined;
  onPick: (id: string) => void;
  scope: StatisticsScope;
}) {
  const { t } = useI18n();
  const c = props.campaign;
  return (
    <Card
      title={t('stats.title')}
      extra={
        <Flex gap={8} wrap>
          <Select
            aria-label={t('progress.campaign')}
            style={{ width: 320 }}
            value={c?.id}
            placeholder={t('progress.campaign')}
            onChange={props.onPick}
            options={props.campaigns.map((x) => ({ value: x.id, label: x.title }))}
            data-testid="stats-campaign"
          />
          {c && props.scope === 'organizer' && (
            <>
              <Button icon={<FileWordOutlined />} href={reportHref(c.id, 'docx')}>
                {t('stats.report.docx')}
              </Button>
              <Button icon={<FilePdfOutlined />} href={reportHref(c.id, 'pdf')}>
                {t('stats.report.pdf')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {!c ? (
        <Typography.Text type="secondary">{t('progress.pickCampaign')}</Typography.Text>
      ) : (
        <Dashboard key={c.id} campaignId={c.id} scope={props.scope} />
      )}
    </Card>
  );
}

function Dashboard({ campaignId, scope }: { campaignId: string; scope: StatisticsScope }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<StatFilters>({});
  const [measure, setMeasure] = useState<StatMeasure>('submitted');
  const [drill, setDrill] = useState<DrillDownTarget | null>(null);
  const overview = useOverview(campaignId, filters);
  const toggleProvince = (code: string) =>
    setFilters((f) => (f.province === code ? without(f, 'province') : { ...f, province: code }));
  const open = (target: Omit<DrillDownTarget, 'filters'>, f: StatFilters = filters) =>
    setDrill({ ...target, filters: f });

  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const ctx: Ctx = { campaignId, filters, measure, open, national: scope === 'recommender' };
  return (
    <Flex vertical gap={16}>
      {o.unit && (
        <Typography.Text data-testid="stats-unit">
          {t('stats.ownUnit', { name: o.unit.name })}
          <Typography.Text type="secondary"> {t('stats.ownUnit.note')}</Typography.Text>
        </Typography.Text>
      )}
      <Flex gap={12} wrap align="center" data-testid="stats-filters">
        <Typography.Text>{t('stats.measure')}</Typography.Text>
        <Segmented<StatMeasure>
          aria-label={t('stats.measure')}
          value={measure}
          onChange={setMeasure}
          options={STAT_MEASURES.map((m) => ({ value: m, label: MEASURE_LABELS[m] }))}
          data-testid="stats-measure"
        />
        {filters.province && (
          <Tag
            color="orange"
            closable
            onClose={() => setFilters((f) => without(f, 'province'))}
            closeIcon={<span aria-label={t('stats.clearFilter')}>×</span>}
            data-testid="filter-province"
          >
            {t('stats.filter.province', {
              name: PROVINCES[filters.province] ?? filters.province,
            })}
          </Tag>
        )}
      </Flex>
      <KeyFigures overview={o} open={open} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MapCard ctx={ctx} onProvince={toggleProvince} />
        </Col>
        <Col xs={24} xl={10}>
          <FunnelCard ctx={ctx} overview={o} />
        </Col>
        <Col xs={24} xl={12}>
          <YearsCard ctx={ctx} overview={o} />
        </Col>
        <Col xs={24} xl={12}>
          <TimelineCard ctx={ctx} />
        </Col>
        {(['category', 'focusArea', 'businessStage'] as const).map((d) => (
          <Col xs={24} xl={12} key={d}>
            <BreakdownCard ctx={ctx} dimension={d} />
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <IndustryCard ctx={ctx} />
        </Col>
        {(
          [
            'ownership',
            'size',
            'revenueBand',
            'recommenderGroup',
            'unit',
            'deployment',
            'appCount',
          ] as const
        ).map((d) => (
          <Col xs={24} xl={12} key={d}>
            <BreakdownCard ctx={ctx} dimension={d} />
          </Col>
        ))}
        <Col xs={24}>
          <WinnersCard ctx={ctx} />
        </Col>
        {scope === 'organizer' && (
          <Col xs={24}>
            <MonitoringRoundCard />
          </Col>
        )}
      </Row>
      <DrillDownDrawer
        campaignId={campaignId}
        target={drill}
        scope={scope}
        onClose={() => setDrill(null)}
      />
    </Flex>
  );
}

interface Ctx {
  campaignId: string;
  filters: StatFilters;
  measure: StatMeasure;
  open: (target: Omit<DrillDownTarget, 'filters'>, filters?: StatFilters) => void;
  /** a recommender's view: the national shares beside the unit's */
  national: boolean;
}

function signed(ratio: number | null): string {
  if (ratio === null) return '—';
  return ratio > 0 ? `+${percent(ratio)}` : percent(ratio);
}

function KeyFigures({ overview, open }: { overview: Overview; open: Ctx['open'] }) {
  const { t } = useI18n();
  const now = overview.campaign;
  const before = overview.previous;
  const figure = (key: StatMeasure | 'provinces', title: string) => {
    const value = now[key];
    // nothing yet at this stage (e.g. 发布 before the list is out) is not a 100% fall
    const g = before && value > 0 ? growth(value, before[key]) : null;
    return (
      <Col xs={12} md={8} xl={4} key={key}>
        <Statistic
          title={title}
          value={value}
          valueRender={(node) =>
            key === 'provinces' ? (
              node
            ) : (
              <Button
                type="link"
                style={{ padding: 0, fontSize: 'inherit', height: 'auto' }}
                aria-label={t('stats.drill.open', { title, count: value })}
                onClick={() => open({ title, stage: key })}
              >
                {node}
              </Button>
            )
          }
        />
        <Typography.Text type="secondary" data-testid={`growth-${key}`}>
          {before
            ? t('stats.growth', { value: signed(g), year: before.year })
            : t('stats.growth.none')}
        </Typography.Text>
      </Col>
    );
  };
  return (
    <Row gutter={[16, 16]} data-testid="stats-figures">
      {STAT_MEASURES.map((m) => figure(m, MEASURE_LONG_LABELS[m]))}
      {figure('provinces', t('stats.provinces'))}
    </Row>
  );
}

function MapCard({ ctx, onProvince }: { ctx: Ctx; onProvince: (code: string) => void }) {
  const { t } = useI18n();
  const filters = without(ctx.filters, 'province');
  const q = useBreakdown(ctx.campaignId, 'province', filters);
  const option = useMemo(
    () =>
      q.data && mapOption(q.data, ctx.measure, { selectedProvince: ctx.filters.province ?? null }),
    [q.data, ctx.measure, ctx.filters.province],
  );
  const columns = useBreakdownColumns(q.data, ctx, 'province', filters, (row) =>
    /^\d{6}$/.test(row.key) ? (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        aria-pressed={ctx.filters.province === row.key}
        onClick={() => onProvince(row.key)}
      >
        {row.label}
      </Button>
    ) : (
      row.label
    ),
  );
  return (
    <ChartCard<BreakdownRow>
      title={t('stats.map.title', { measure: MEASURE_LONG_LABELS[ctx.measure] })}
      chart="province"
      campaignId={ctx.campaignId}
      filters={filters}
      option={option}
      rows={q.data?.rows}
      columns={columns}
      rowKey={(r) => r.key}
      loading={q.isFetching}
      error={q.error}
      onRetry={() => void q.refetch()}
      height={440}
      onItemClick={(e) => {
        if (/^\d{6}$/.test(e.name)) onProvince(e.name);
      }}
      footer={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('stats.map.hint')}
        </Typography.Text>
      }
    />
  );
}

/** The columns of a breakdown's table: the four counts (each opens the drill-down), shares, quota. */
function useBreakdownColumns(
  data: Breakdown | undefined,
  ctx: Ctx,
  dimension: StatDimension,
  filters: StatFilters,
  renderLabel?: (row: BreakdownRow) => React.ReactNode,
): TableColumnsType<BreakdownRow> {
  const { t } = useI18n();
  return useMemo(() => {
    const total = data?.total;
    const national = data?.national;
    const nationalRows = new Map(national?.rows.map((r) => [r.key, r]) ?? []);
    const share = (n: number, of: number | undefined) => (of ? n / of : null);
    const cols: TableColumnsType<BreakdownRow> = [
      {
        title: STAT_DIMENSION_LABELS[dimension].zh,
        dataIndex: 'label',
        key: 'label',
        sorter: (a, b) => a.label.localeCompare(b.label, 'zh'),
        render: (_: unknown, row) => (renderLabel ? renderLabel(row) : row.label),
      },
      ...STAT_MEASURES.map((m) => ({
        title: MEASURE_LONG_LABELS[m],
        dataIndex: m,
        key: m,
        align: 'right' as const,
        sorter: (a: BreakdownRow, b: BreakdownRow) => a[m] - b[m],
        render: (n: number, row: BreakdownRow) =>
          n > 0 ? (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              aria-label={t('stats.drill.open', {
                title: `${row.label} ${MEASURE_LONG_LABELS[m]}`,
                count: n,
              })}
              onClick={() =>
                ctx.open(
                  {
                    title: `${STAT_DIMENSION_LABELS[dimension].zh}：${row.label}（${MEASURE_LONG_LABELS[m]}）`,
                    stage: m,
                    dimension,
                    key: row.key,
                  },
                  filters,
                )
              }
            >
              {n}
            </Button>
          ) : (
            n
          ),
      })),
      {
        title: national ? t('stats.share.own') : t('stats.share'),
        key: 'share',
        align: 'right',
        sorter: (a, b) => a[ctx.measure] - b[ctx.measure],
        render: (_: unknown, row) => percent(share(row[ctx.measure], total?.[ctx.measure])),
      },
    ];
    if (national)
      cols.push({
        title: t('stats.share.national'),
        key: 'national',
        align: 'right',
        sorter: (a, b) =>
          (nationalRows.get(a.key)?.[ctx.measure] ?? 0) -
          (nationalRows.get(b.key)?.[ctx.measure] ?? 0),
        render: (_: unknown, row) =>
          percent(
            share(nationalRows.get(row.key)?.[ctx.measure] ?? 0, national.total[ctx.measure]),
          ),
      });
    if (dimension === 'unit')
      cols.push(
        {
          title: t('stats.quota'),
          dataIndex: 'quota',
          key: 'quota',
          align: 'right',
          sorter: (a, b) => (a.quota ?? -1) - (b.quota ?? -1),
          render: (q: number | null) => q ?? '—',
        },
        {
          title: t('stats.quotaUse'),
          key: 'quotaUse',
          align: 'right',
          sorter: (a, b) =>
            (a.quota ? a.recommended / a.quota : -1) - (b.quota ? b.recommended / b.quota : -1),
          render: (_: unknown, row) => percent(row.quota ? row.recommended / row.quota : null),
        },
      );
    return cols;
  }, [data, ctx, dimension, filters, renderLabel, t]);
}

function BreakdownCard({
  ctx,
  dimension,
  filters = ctx.filters,
  title,
  toolbar,
  onBar,
}: {
  ctx: Ctx;
  dimension: StatDimension;
  filters?: StatFilters;
  title?: string;
  toolbar?: React.ReactNode;
  /** instead of the drill-down (the industry sections open their divisions) */
  onBar?: (row: BreakdownRow) => void;
}) {
  const { t } = useI18n();
  const q = useBreakdown(ctx.campaignId, dimension, filters);
  const option = useMemo(
    () => q.data && breakdownBarOption(q.data, ctx.measure),
    [q.data, ctx.measure],
  );
  const columns = useBreakdownColumns(q.data, ctx, dimension, filters);
  const name = title ?? STAT_DIMENSION_LABELS[dimension].zh;
  const rows = q.data?.rows;
  return (
    <ChartCard<BreakdownRow>
      title={ctx.national ? t('stats.byOwn', { name }) : t('stats.by', { name })}
      chart={dimension}
      campaignId={ctx.campaignId}
      filters={filters}
      option={option}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.key}
      loading={q.isFetching}
      error={q.error}
      onRetry={() => void q.refetch()}
      height={Math.max(240, 40 + (rows?.length ?? 0) * 28)}
      toolbar={toolbar}
      onItemClick={(e) => {
        const row = rows?.[e.dataIndex];
        if (!row) return;
        if (onBar) return onBar(row);
        ctx.open(
          {
            title: `${STAT_DIMENSION_LABELS[dimension].zh}：${row.label}（${MEASURE_LONG_LABELS[ctx.measure]}）`,
            stage: ctx.measure,
            dimension,
            key: row.key,
          },
          filters,
        );
      }}
    />
  );
}

/** 门类, and on a click the 大类 of that 门类 (top 20) with a way back. */
function IndustryCard({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const [section, setSection] = useState<{ key: string; label: string } | null>(null);
  if (!section)
    return (
      <BreakdownCard
        ctx={ctx}
        dimension="industrySection"
        onBar={(row) => {
          if (/^[A-T]$/.test(row.key)) setSection({ key: row.key, label: row.label });
        }}
        toolbar={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('stats.industry.hint')}
          </Typography.Text>
        }
      />
    );
  return (
    <BreakdownCard
      ctx={ctx}
      dimension="industryDivision"
      filters={{ ...ctx.filters, industrySection: section.key }}
      title={t('stats.industry.divisions', { section: section.label })}
      toolbar={
        <Button
          type="link"
          size="small"
          icon={<RollbackOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => setSection(null)}
        >
          {t('stats.industry.back')}
        </Button>
      }
    />
  );
}

interface FunnelRow {
  stage: Overview['funnel'][number]['stage'];
  label: string;
  count: number;
  rate: number | null;
}

function FunnelCard({ ctx, overview }: { ctx: Ctx; overview: Overview }) {
  const { t } = useI18n();
  const option = useMemo(() => funnelOption(overview), [overview]);
  const rows: FunnelRow[] = overview.funnel.map((s, i) => ({
    stage: s.stage,
    label: FUNNEL_STAGE_LABELS[s.stage]?.zh ?? s.label,
    count: s.count,
    rate:
      i > 0 && overview.funnel[i - 1]!.count > 0 ? s.count / overview.funnel[i - 1]!.count : null,
  }));
  const isMeasure = (s: string): s is StatMeasure =>
    (STAT_MEASURES as readonly string[]).includes(s);
  return (
    <ChartCard<FunnelRow>
      title={t('stats.funnel')}
      chart="funnel"
      campaignId={ctx.campaignId}
      filters={ctx.filters}
      option={option}
      rows={rows}
      rowKey={(r) => r.stage}
      height={440}
      columns={[
        { title: t('stats.stage'), dataIndex: 'label', key: 'label' },
        {
          title: t('stats.count'),
          dataIndex: 'count',
          key: 'count',
          align: 'right',
          sorter: (a, b) => a.count - b.count,
        },
        {
          title: t('stats.conversion'),
          dataIndex: 'rate',
          key: 'rate',
          align: 'right',
          render: (r: number | null) => percent(r),
        },
      ]}
      onItemClick={(e) => {
        const stage = (e.data as { stage?: string } | undefined)?.stage;
        if (stage && isMeasure(stage)) ctx.open({ title: MEASURE_LONG_LABELS[stage], stage });
      }}
    />
  );
}

type YearRow = Overview['years'][number];

function YearsCard({ ctx, overview }: { ctx: Ctx; overview: Overview }) {
  const { t } = useI18n();
  const option = useMemo(() => yearsOption(overview), [overview]);
  return (
    <ChartCard<YearRow>
      title={t('stats.years')}
      chart="years"
      campaignId={ctx.campaignId}
      filters={ctx.filters}
      option={option}
      rows={overview.years}
      rowKey={(r) => r.campaignId}
      columns={[
        {
          title: t('stats.year'),
          dataIndex: 'year',
          key: 'year',
          sorter: (a, b) => a.year - b.year,
        },
        ...STAT_MEASURES.map((m) => ({
          title: MEASURE_LONG_LABELS[m],
          dataIndex: m,
          key: m,
          align: 'right' as const,
          sorter: (a: YearRow, b: YearRow) => a[m] - b[m],
        })),
        {
          title: t('stats.provinces'),
          dataIndex: 'provinces',
          key: 'provinces',
          align: 'right',
          sorter: (a, b) => a.provinces - b.provinces,
        },
      ]}
    />
  );
}

function TimelineCard({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const q = useTimeline(ctx.campaignId, ctx.filters);
  const option = useMemo(() => q.data && timelineOption(q.data), [q.data]);
  type Point = NonNullable<typeof q.data>['points'][number];
  return (
    <ChartCard<Point>
      title={t('stats.timeline')}
      chart="timeline"
      campaignId={ctx.campaignId}
      filters={ctx.filters}
      option={option}
      rows={q.data?.points}
      rowKey={(r) => r.date}
      loading={q.isFetching}
      error={q.error}
      onRetry={() => void q.refetch()}
      columns={[
        {
          title: t('stats.date'),
          dataIndex: 'date',
          key: 'date',
          sorter: (a, b) => a.date.localeCompare(b.date),
        },
        {
          title: t('stats.daysBefore'),
          dataIndex: 'daysBeforeDeadline',
          key: 'days',
          render: (d: number) => dayLabel(d),
        },
        {
          title: t('stats.daily'),
          dataIndex: 'submitted',
          key: 'submitted',
          align: 'right',
          sorter: (a, b) => a.submitted - b.submitted,
        },
        {
          title: t('stats.cumulative'),
          dataIndex: 'cumulative',
          key: 'cumulative',
          align: 'right',
        },
      ]}
    />
  );
}

function WinnersCard({ ctx }: { ctx: Ctx }) {
  const { t } = useI18n();
  const q = useWinners(ctx.campaignId, ctx.filters);
  const option = useMemo(() => q.data && winnersRevenueOption(q.data), [q.data]);
  const w = q.data;
  type Rev = NonNullable<typeof w>['revenueByYear'][number];
  return (
    <ChartCard<Rev>
      title={t('stats.winners')}
      chart="winners"
      campaignId={ctx.campaignId}
      filters={ctx.filters}
      option={option}
      rows={w?.revenueByYear}
      rowKey={(r) => String(r.year)}
      loading={q.isFetching}
      error={q.error}
      onRetry={() => void q.refetch()}
      columns={[
        {
          title: t('stats.year'),
          dataIndex: 'year',
          key: 'year',
          sorter: (a, b) => a.year - b.year,
        },
        {
          title: t('stats.winners.revenue'),
          dataIndex: 'total',
          key: 'total',
          align: 'right',
          sorter: (a, b) => a.total - b.total,
        },
        { title: t('stats.winners.reports'), dataIndex: 'reports', key: 'reports', align: 'right' },
        {
          title: t('stats.winners.growth'),
          dataIndex: 'growth',
          key: 'growth',
          align: 'right',
          render: (g: number | null) => signed(g),
        },
      ]}
      toolbar={
        w && (
          <Flex vertical gap={12} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} data-testid="winners-figures">
              <Descriptions.Item label={t('stats.winners.reported')}>
                {w.submitted} / {w.expected}
              </Descriptions.Item>
              <Descriptions.Item label={t('stats.winners.newCustomers')}>
                {w.newCustomers}
              </Descriptions.Item>
              <Descriptions.Item label={t('stats.winners.versions')}>
                {w.versionUpdates.total}
                {w.versionUpdates.perReport !== null &&
                  t('stats.winners.perReport', {
                    n: Math.round(w.versionUpdates.perReport * 10) / 10,
                  })}
              </Descriptions.Item>
              <Descriptions.Item label={t('stats.winners.inOperation')}>
                {percent(w.inOperationShare)}
              </Descriptions.Item>
              <Descriptions.Item label={t('stats.winners.status')}>
                <Flex gap={4} wrap>
                  {w.byStatus.map((s) => (
                    <Tag key={s.key}>
                      {s.label} {s.count}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
            </Descriptions>
            {w.industriesReached.length > 0 && (
              <Table
                size="small"
                aria-label={t('stats.winners.industries')}
                title={() => t('stats.winners.industries')}
                rowKey="code"
                pagination={w.industriesReached.length > 10 ? { pageSize: 10 } : false}
                dataSource={w.industriesReached}
                columns={[
                  { title: t('stats.industry'), dataIndex: 'label', key: 'label' },
                  {
                    title: t('stats.winners.reachedCount'),
                    dataIndex: 'count',
                    key: 'count',
                    align: 'right',
                    sorter: (a, b) => a.count - b.count,
                    defaultSortOrder: 'descend',
                  },
                ]}
              />
            )}
          </Flex>
        )
      }
    />
  );
}

/** 年度运行监测: the newest yearly round's figures (filed, new customers, revenue, in operation). */
function MonitoringRoundCard() {
  const { t } = useI18n();
  const { round, figures, error } = useLatestMonitoringFigures();
  const f = figures.data;
  return (
    <Card
      size="small"
      title={
        round ? `${t('stats.monitoring.title')} · ${round.title}` : t('stats.monitoring.title')
      }
      extra={
        round && <Link to={`/admin/post-award/${round.id}`}>{t('stats.monitoring.open')}</Link>
      }
      data-testid="stats-monitoring"
    >
      {error != null ? (
        <ErrorAlert error={error} />
      ) : !round ? (
        <Typography.Text type="secondary">{t('stats.monitoring.none')}</Typography.Text>
      ) : !f ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Space size={48} wrap>
          <Statistic title={t('postAward.fig.filed')} value={f.filed} suffix={`/ ${f.reports}`} />
          <Statistic title={t('postAward.fig.newCustomers')} value={f.newCustomers} />
          <Statistic
            title={t('postAward.fig.revenue', { year: f.year })}
            value={f.revenue}
            precision={1}
          />
          <Statistic
            title={t('postAward.fig.inOperation')}
            value={f.inOperation.share === null ? '—' : `${Math.round(f.inOperation.share * 100)}%`}
          />
        </Space>
      )}
    </Card>
  );
}
