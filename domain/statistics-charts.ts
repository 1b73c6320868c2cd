// 监测分析 charts (issue 12): ECharts option objects built from the API's answers. Pure functions
// (no echarts import): the web renders them in the browser, the annual report renders the same
// options to SVG on the server with `animation: false`. Labels are Chinese.
import type {
  Breakdown,
  BreakdownRow,
  Overview,
  Timeline,
  WinnerMonitoring,
} from './api/statistics';
import { FUNNEL_STAGE_LABELS, type FunnelStage, type StatMeasure } from './statistics';

/** An ECharts option, loosely typed (the web and the server hand it to echarts as is). */
export interface ChartOption {
  animation: boolean;
  series: ChartSeries[];
  [key: string]: unknown;
}
export interface ChartSeries {
  type: string;
  name?: string;
  data: unknown[];
  [key: string]: unknown;
}

export interface ChartSettings {
  /** Off on the server (SSR to SVG). Default on. */
  animation?: boolean;
  /** A title drawn in the chart (the report wants one; the web shows it on the card). */
  title?: string;
}

/** The short names of the measures (the map's switch). */
export const MEASURE_LABELS: Record<StatMeasure, string> = {
  submitted: '提交',
  recommended: '推荐',
  forwarded: '报送',
  awarded: '发布',
};

/** Long names, as series and tooltip names. */
export const MEASURE_LONG_LABELS: Record<StatMeasure, string> = {
  submitted: '提交申报',
  recommended: '获推荐',
  forwarded: '报送工信部',
  awarded: '发布',
};

/** 省级行政区 (GB/T 2260), keyed by code: the China map's regions. */
export const PROVINCES: Record<string, string> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#eb2f96', '#13c2c2', '#722ed1', '#fa541c'];
const FONT = { fontFamily: 'Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif' };

type BaseOption = { animation: boolean; [key: string]: unknown };
function base(settings: ChartSettings | undefined): BaseOption {
  const option: BaseOption = {
    animation: settings?.animation ?? true,
    color: PALETTE,
    textStyle: FONT,
  };
  if (settings?.title) option.title = { text: settings.title, left: 'center', top: 4 };
  return option;
}
const top = (settings: ChartSettings | undefined) => (settings?.title ? 40 : 16);

/** One map region's data: the value shown and the four figures the tooltip lists. */
export interface MapDatum {
  /** the 6-digit 省级 code (the map's `nameProperty: 'adcode'`) */
  name: string;
  value: number;
  label: string;
  submitted: number;
  recommended: number;
  forwarded: number;
  awarded: number;
  selected?: boolean;
}

/** The tooltip of one map region, as lines (the web and tests read it). */
export function mapTooltipLines(d: MapDatum): string[] {
  return [
    d.label,
    ...(['submitted', 'recommended', 'forwarded', 'awarded'] as const).map(
      (m) => `${MEASURE_LONG_LABELS[m]}：${d[m]}`,
    ),
  ];
}

/**
 * The China map of a breakdown by province: every 省级 region (0 where none), coloured by `measure`.
 * The map must be registered as 'china' with each feature's 6-digit code in `properties.adcode`.
 */
export function mapOption(
  breakdown: Breakdown,
  measure: StatMeasure,
  settings?: ChartSettings & { selectedProvince?: string | null },
): ChartOption {
  const byCode = new Map(breakdown.rows.map((r) => [r.key, r]));
  const data: MapDatum[] = Object.entries(PROVINCES).map(([code, name]) => {
    const row = byCode.get(code);
    const d: MapDatum = {
      name: code,
      value: row?.[measure] ?? 0,
      label: row?.label || name,
      submitted: row?.submitted ?? 0,
      recommended: row?.recommended ?? 0,
      forwarded: row?.forwarded ?? 0,
      awarded: row?.awarded ?? 0,
    };
    if (settings?.selectedProvince === code) d.selected = true;
    return d;
  });
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    ...base(settings),
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: MapDatum; name: string }) =>
        p.data ? mapTooltipLines(p.data).join('<br/>') : (PROVINCES[p.name] ?? p.name),
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 16,
      bottom: 16,
      text: ['高', '低'],
      calculable: true,
      inRange: { color: ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'] },
      textStyle: FONT,
    },
    series: [
      {
        type: 'map',
        map: 'china',
        nameProperty: 'adcode',
        name: MEASURE_LONG_LABELS[measure],
        roam: false,
        selectedMode: 'single',
        top: top(settings) + 8,
        bottom: 16,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        select: { label: { show: false }, itemStyle: { areaColor: '#fa8c16' } },
        itemStyle: { borderColor: '#fff', borderWidth: 0.8 },
        data,
      },
    ],
  };
}

const shareOf = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

/**
 * A breakdown as horizontal bars (first row on top). For a recommender (`national` present): its
 * unit's shares next to the national shares, in %. For `unit`, the quota beside the recommended.
 */
export function breakdownBarOption(
  breakdown: Breakdown,
  measure: StatMeasure,
  settings?: ChartSettings,
): ChartOption {
  const rows = breakdown.rows;
  const labels = rows.map((r) => r.label);
  const measureName = MEASURE_LONG_LABELS[measure];
  let series: ChartSeries[];
  let percentAxis = false;
  if (breakdown.national) {
    percentAxis = true;
    const national = new Map(breakdown.national.rows.map((r) => [r.key, r]));
    const nationalTotal = breakdown.national.total[measure];
    series = [
      {
        type: 'bar',
        name: `本单位占比（${measureName}）`,
        data: rows.map((r) => shareOf(r[measure], breakdown.total[measure])),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
      {
        type: 'bar',
        name: `全国占比（${measureName}）`,
        data: rows.map((r) => shareOf(national.get(r.key)?.[measure] ?? 0, nationalTotal)),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ];
  } else {
    series = [
      {
        type: 'bar',
        name: measureName,
        data: rows.map((r) => r[measure]),
        label: { show: true, position: 'right' },
      },
    ];
    if (breakdown.dimension === 'unit' && rows.some((r) => r.quota !== null)) {
      series.push({
        type: 'bar',
        name: '推荐名额',
        data: rows.map((r) => r.quota ?? 0),
        label: { show: true, position: 'right' },
      });
    }
  }
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return {
    ...base(settings),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { show: series.length > 1, bottom: 0 },
    grid: {
      left: Math.min(220, 24 + longest * 13),
      right: 56,
      top: top(settings),
      bottom: series.length > 1 ? 36 : 16,
      containLabel: false,
    },
    xAxis: {
      type: 'value',
      name: percentAxis ? '%' : '件',
      minInterval: 1,
      axisLabel: percentAxis ? { formatter: '{value}%' } : {},
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: 200, overflow: 'truncate' },
    },
    series: series.map((x) => ({ ...x, barMaxWidth: 22 })),
  };
}

/** Stages always in the funnel; the later ones appear once any application reached them. */
const ALWAYS_IN_FUNNEL: FunnelStage[] = [
  'registered',
  'drafts',
  'submitted',
  'recommended',
  'forwarded',
];

/** The funnel: 注册企业 → 创建申报书 → 提交 → 推荐 → 报送, then the later stages reached. */
export function funnelOption(overview: Overview, settings?: ChartSettings): ChartOption {
  const stages = overview.funnel.filter((s) => ALWAYS_IN_FUNNEL.includes(s.stage) || s.count > 0);
  const max = Math.max(1, ...stages.map((s) => s.count));
  return {
    ...base(settings),
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    series: [
      {
        type: 'funnel',
        name: '申报漏斗',
        sort: 'none',
        min: 0,
        max,
        minSize: '8%',
        left: '4%',
        width: '62%',
        top: top(settings),
        bottom: 8,
        gap: 2,
        label: { show: true, position: 'right', formatter: '{b}  {c}', color: '#262626' },
        labelLine: { show: true },
        data: stages.map((s) => ({
          name: FUNNEL_STAGE_LABELS[s.stage]?.zh ?? s.label,
          value: s.count,
          stage: s.stage,
        })),
      },
    ],
  };
}

/** How the shared x axis names a day: 截止前N天 / 截止日 / 截止后N天. */
export function dayLabel(daysBefore: number): string {
  if (daysBefore === 0) return '截止日';
  return daysBefore > 0 ? `截止前${daysBefore}天` : `截止后${-daysBefore}天`;
}

/** Cumulative figures per x position, carried forward; null before `from` and after the last. */
function cumulativeOn(points: Timeline['points'], days: number[]): (number | null)[] {
  if (points.length === 0) return days.map(() => null);
  const byDay = new Map(points.map((p) => [p.daysBeforeDeadline, p.cumulative]));
  const lastDay = Math.min(...points.map((p) => p.daysBeforeDeadline));
  let running = 0;
  return days.map((d) => {
    if (d < lastDay) return null;
    running = byDay.get(d) ?? running;
    return running;
  });
}

/**
 * Filing over time on an axis of days before the deadline (the deadline day marked): daily
 * submissions as bars, the cumulative curve, and the previous campaign's cumulative curve aligned
 * by days before its own deadline.
 */
export function timelineOption(timeline: Timeline, settings?: ChartSettings): ChartOption {
  const all = [...timeline.points, ...(timeline.previous?.points ?? [])].map(
    (p) => p.daysBeforeDeadline,
  );
  const far = Math.max(0, ...all);
  const near = Math.min(0, ...all);
  const days: number[] = [];
  for (let d = far; d >= near; d--) days.push(d);
  const labels = days.map(dayLabel);
  const daily = new Map(timeline.points.map((p) => [p.daysBeforeDeadline, p]));
  const series: ChartSeries[] = [
    {
      type: 'bar',
      name: '每日提交',
      data: days.map((d) => daily.get(d)?.submitted ?? 0),
      barMaxWidth: 12,
      markLine: {
        symbol: 'none',
        silent: true,
        label: { formatter: '申报截止', position: 'insideEndTop' },
        lineStyle: { color: '#f5222d', type: 'dashed' },
        data: [{ xAxis: dayLabel(0) }],
      },
    },
    {
      type: 'line',
      name: '累计提交（本届）',
      yAxisIndex: 1,
      showSymbol: false,
      smooth: false,
      data: cumulativeOn(timeline.points, days),
    },
  ];
  if (timeline.previous) {
    series.push({
      type: 'line',
      name: `累计提交（${timeline.previous.year}年）`,
      yAxisIndex: 1,
      showSymbol: false,
      lineStyle: { type: 'dashed' },
      data: cumulativeOn(timeline.previous.points, days),
    });
  }
  return {
    ...base(settings),
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 56, top: top(settings) + 16, bottom: 64 },
    xAxis: { type: 'category', data: labels, name: '距申报截止', axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: '每日（件）', minInterval: 1 },
      { type: 'value', name: '累计（件）', minInterval: 1, splitLine: { show: false } },
    ],
    series,
  };
}

/** Key figures of every campaign by year (submitted, recommended, forwarded, awarded). */
export function yearsOption(overview: Overview, settings?: ChartSettings): ChartOption {
  const years = overview.years;
  return {
    ...base(settings),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: top(settings) + 8, bottom: 48 },
    xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: (['submitted', 'recommended', 'forwarded', 'awarded'] as const).map((m) => ({
      type: 'bar',
      name: MEASURE_LONG_LABELS[m],
      data: years.map((y) => y[m]),
    })),
  };
}

/** Past winners' revenue by year (万元, bars) and its growth over the year before (%, line). */
export function winnersRevenueOption(
  winners: WinnerMonitoring,
  settings?: ChartSettings,
): ChartOption {
  const rows = winners.revenueByYear;
  return {
    ...base(settings),
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 72, right: 56, top: top(settings) + 16, bottom: 48 },
    xAxis: { type: 'category', data: rows.map((r) => `${r.year}年`) },
    yAxis: [
      { type: 'value', name: '营业收入（万元）' },
      {
        type: 'value',
        name: '增长率',
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: '营业收入合计（万元）',
        data: rows.map((r) => r.total),
        barMaxWidth: 40,
      },
      {
        type: 'line',
        name: '较上年增长',
        yAxisIndex: 1,
        data: rows.map((r) => (r.growth === null ? null : Math.round(r.growth * 1000) / 10)),
        label: { show: true, formatter: '{c}%' },
      },
    ],
  };
}

/** A breakdown row's share of the total for `measure`, in % with one decimal. */
export function rowShare(row: BreakdownRow, total: Breakdown['total'], measure: StatMeasure) {
  return shareOf(row[measure], total[measure]);
}
