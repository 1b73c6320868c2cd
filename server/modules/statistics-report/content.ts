// What the 年度监测分析报告 says, independent of the output format: the PDF and the DOCX are both
// drawn from this one model (as printing does for applications), so they carry the same content.
import type { Breakdown, BreakdownRow } from '../../../domain/api/statistics';
import {
  beijingDate,
  changeText,
  dayText,
  reportText,
  shareOf,
  type ReportFacts,
} from '../../../domain/statistics-report';
import { OTHER_KEY, UNKNOWN_KEY } from '../../../domain/statistics';
import { renderChartSvg } from '../../lib/charts';

/**
 * A chart drawn on the server, as SVG (vector, its text in Noto Sans SC). The PDF embeds the SVG;
 * the DOCX rasterises it to PNG (docx.ts), which only it needs.
 */
export interface ReportChart {
  svg: string;
  /** in CSS pixels */
  width: number;
  height: number;
  caption: string;
}

export interface ReportColumn {
  label: string;
  align: 'left' | 'right';
  /** relative width */
  weight: number;
}
export interface ReportTable {
  caption: string;
  columns: ReportColumn[];
  rows: string[][];
}

/** The parts the report has, in order. */
export const REPORT_SECTIONS = [
  'overview',
  'categories',
  'provinces',
  'industries',
  'recommenders',
  'timeline',
  'apps',
  'winners',
] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number];

export const SECTION_HEADINGS: Record<ReportSectionKey, string> = {
  overview: '总体情况',
  categories: '申报类别',
  provinces: '地区分布',
  industries: '行业分布',
  recommenders: '推荐渠道与推荐名额',
  timeline: '申报进度',
  apps: 'APP数量与部署方式',
  winners: '往届获奖方案发展情况',
};

export interface ReportSection {
  key: ReportSectionKey;
  /** numbered: 一、总体情况 */
  heading: string;
  paragraphs: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface ReportContent {
  title: string;
  /** the title as set on the first page: the campaign, then 监测分析报告 */
  titleLines: string[];
  subtitle: string;
  /** 2021年11月2日 */
  date: string;
  /** 数据截至…（北京时间） */
  asOf: string;
  sections: ReportSection[];
}

/**
 * A chart to draw: an ECharts option (domain/statistics-charts builds them) and its caption (the
 * report numbers figures and tables: 图1, 表1).
 */
export interface ChartSpec {
  option: object;
  caption: string;
  /** CSS pixels; the width is the page's text width */
  height?: number;
}
export type ReportChartSpecs = Partial<Record<ReportSectionKey, ChartSpec[]>>;

export const CHART_WIDTH = 640;
const CHART_HEIGHT = 340;

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// ---------------------------------------------------------------- tables

const num = (n: number) => String(n);
const col = (label: string, align: 'left' | 'right' = 'right', weight = 1): ReportColumn => ({
  label,
  align,
  weight,
});

function keyFigures(f: ReportFacts): ReportTable {
  const c = f.overview.campaign;
  // before the first filing a comparison says nothing (the text gives the previous total)
  const p = c.submitted > 0 ? f.overview.previous : null;
  const lines: [string, number, number | null][] = [
    ['提交申报（份）', c.submitted, p?.submitted ?? null],
    ['覆盖省（区、市）（个）', c.provinces, p?.provinces ?? null],
    ['获推荐（份）', c.recommended, p?.recommended ?? null],
    ['报送工业和信息化部（份）', c.forwarded, p?.forwarded ?? null],
  ];
  // before the list is published there is nothing to compare with the previous campaign's
  if (c.awarded > 0) lines.push(['入选发布（份）', c.awarded, p?.awarded ?? null]);
  if (!p)
    return {
      caption: `关键指标（${c.year}年）`,
      columns: [col('指标', 'left', 2.4), col(`${c.year}年`)],
      rows: lines.map(([label, now]) => [label, num(now)]),
    };
  return {
    caption: `关键指标（${c.year}年与${p.year}年）`,
    columns: [col('指标', 'left', 2.4), col(`${c.year}年`), col(`${p.year}年`), col('变化')],
    rows: lines.map(([label, now, before]) => [
      label,
      num(now),
      before === null ? '—' : num(before),
      before === null ? '—' : (changeText(now, before) ?? '—'),
    ]),
  };
}

/** A breakdown as a table: bucket, submitted (with share), recommended, forwarded. */
function breakdownTable(
  b: Breakdown,
  caption: string,
  first: string,
  opts: { multi?: boolean; awarded?: boolean } = {},
): ReportTable | null {
  const total = b.total.submitted;
  const rows = b.rows.filter((r) => r.submitted > 0 || r.recommended > 0);
  if (total === 0 || rows.length === 0) return null;
  // known buckets largest first; the catch-alls last
  const catchAll = (r: BreakdownRow) => r.key === OTHER_KEY || r.key === UNKNOWN_KEY;
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, c) =>
        Number(catchAll(a.r)) - Number(catchAll(c.r)) || c.r.submitted - a.r.submitted || a.i - c.i,
    )
    .map(({ r }) => r);
  const awarded = opts.awarded && b.total.awarded > 0;
  const columns = [
    col(first, 'left', 3),
    col('申报（份）'),
    col(opts.multi ? '占申报方案' : '占比'),
    col('获推荐（份）'),
    col('报送（份）'),
    ...(awarded ? [col('入选发布（份）')] : []),
  ];
  const body = sorted.map((r) => [
    r.label,
    num(r.submitted),
    shareOf(r.submitted, total),
    num(r.recommended),
    num(r.forwarded),
    ...(awarded ? [num(r.awarded)] : []),
  ]);
  if (!opts.multi)
    body.push([
      '合计',
      num(total),
      '100.0%',
      num(b.total.recommended),
      num(b.total.forwarded),
      ...(awarded ? [num(b.total.awarded)] : []),
    ]);
  return { caption, columns, rows: body };
}

function unitTable(unit: Breakdown): ReportTable | null {
  const rows = unit.rows.filter(
    (r) => r.key !== UNKNOWN_KEY && r.key !== OTHER_KEY && r.submitted > 0,
  );
  if (rows.length === 0) return null;
  return {
    caption: '各推荐单位收到申报与推荐名额使用情况',
    columns: [
      col('推荐单位', 'left', 3.2),
      col('收到申报（份）'),
      col('获推荐（份）'),
      col('推荐名额（个）'),
      col('名额使用率'),
    ],
    rows: [...rows]
      .sort((a, b) => b.submitted - a.submitted || b.recommended - a.recommended)
      .map((r) => [
        r.label,
        num(r.submitted),
        num(r.recommended),
        r.quota === null ? '—' : num(r.quota),
        r.quota ? shareOf(Math.min(r.recommended, r.quota), r.quota) : '—',
      ]),
  };
}

function timelineTable(f: ReportFacts): ReportTable | null {
  const points = f.timeline.points;
  if (points.length === 0) return null;
  const year = f.overview.campaign.year;
  const total = points.at(-1)!.cumulative;
  return {
    caption: '每日提交申报数量',
    columns: [
      col('日期', 'left', 1.6),
      col('距截止（天）'),
      col('当日提交（份）'),
      col('累计（份）'),
      col('累计占比'),
    ],
    rows: points.map((p) => [
      dayText(p.date, year),
      num(p.daysBeforeDeadline),
      num(p.submitted),
      num(p.cumulative),
      shareOf(p.cumulative, total),
    ]),
  };
}

function winnersTables(f: ReportFacts): ReportTable[] {
  const w = f.winners;
  if (w.submitted === 0) return [];
  const out: ReportTable[] = [];
  const years = w.revenueByYear.filter((y) => y.reports > 0);
  if (years.length > 0)
    out.push({
      caption: '已报送获奖方案营业收入',
      columns: [
        col('年度', 'left'),
        col('营业收入（万元）', 'right', 1.4),
        col('报送（个）'),
        col('较上年'),
      ],
      rows: years.map((y) => [
        `${y.year}年`,
        y.total.toLocaleString('zh-CN', { maximumFractionDigits: 1 }),
        num(y.reports),
        y.growth === null ? '—' : (changeText(1 + y.growth, 1) ?? '—'),
      ]),
    });
  const statuses = w.byStatus.filter((s) => s.count > 0);
  if (statuses.length > 0)
    out.push({
      caption: '已报送获奖方案运营状态',
      columns: [col('运营状态', 'left', 2), col('方案（个）'), col('占比')],
      rows: statuses.map((s) => [s.label, num(s.count), shareOf(s.count, w.submitted)]),
    });
  return out;
}

// ---------------------------------------------------------------- the model

function tablesOf(key: ReportSectionKey, f: ReportFacts): ReportTable[] {
  const some = (...t: (ReportTable | null)[]) => t.filter((x): x is ReportTable => x !== null);
  switch (key) {
    case 'overview':
      return [keyFigures(f)];
    case 'categories':
      return some(breakdownTable(f.category, '各申报类别申报情况', '申报类别', { awarded: true }));
    case 'provinces':
      return some(breakdownTable(f.province, '各省（区、市）申报情况', '地区', { awarded: true }));
    case 'industries':
      return some(
        breakdownTable(f.industrySection, '申报方案服务行业（门类）', '行业门类', {
          multi: true,
        }),
      );
    case 'recommenders':
      return some(
        breakdownTable(f.recommenderGroup, '各类推荐渠道申报情况', '推荐单位类型'),
        unitTable(f.unit),
      );
    case 'timeline':
      return some(timelineTable(f));
    case 'apps':
      return some(
        breakdownTable(f.appCount, '解决方案包含的APP数量', 'APP数量'),
        breakdownTable(f.deployment, 'APP部署方式', '部署方式', { multi: true }),
      );
    case 'winners':
      return winnersTables(f);
  }
}

function chartOf(spec: ChartSpec): ReportChart {
  const size = { width: CHART_WIDTH, height: spec.height ?? CHART_HEIGHT };
  return { svg: renderChartSvg(spec.option, size), ...size, caption: spec.caption };
}

/**
 * The report of a campaign: its text (domain/statistics-report), tables from the same figures and
 * the charts asked for (options from domain/statistics-charts) drawn on the server. A part with
 * nothing to say is left out; a campaign without filings gets the overview alone (and the past
 * winners' part, which does not depend on filings).
 */
export function reportContent(
  f: ReportFacts,
  opts: { generatedAt: Date; charts?: ReportChartSpecs },
): ReportContent {
  const text = reportText(f);
  const sections: ReportSection[] = [];
  let figures = 0;
  let tables = 0;
  for (const key of REPORT_SECTIONS) {
    const paragraphs = text[key];
    if (paragraphs.length === 0) continue;
    const empty = text.empty && key === 'overview';
    sections.push({
      key,
      heading: `${CN_NUMBERS[sections.length]}、${SECTION_HEADINGS[key]}`,
      paragraphs,
      charts: (empty ? [] : (opts.charts?.[key] ?? [])).map((spec) =>
        chartOf({ ...spec, caption: `图${++figures} ${spec.caption}` }),
      ),
      tables: tablesOf(key, f).map((t) => ({ ...t, caption: `表${++tables} ${t.caption}` })),
    });
  }
  const c = f.overview.campaign;
  const at = opts.generatedAt;
  const day = beijingDate(at.toISOString());
  return {
    title: `${c.title}监测分析报告`,
    titleLines: [c.title, '监测分析报告'],
    subtitle: '工业互联网APP培育动态监测分析',
    date: dayText(day),
    asOf: `数据截至${dayText(day)}${beijingClock(at)}（北京时间）`,
    sections,
  };
}

function beijingClock(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}
