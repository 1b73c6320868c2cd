import { describe, expect, it } from 'vitest';
import type { Breakdown, Overview, Timeline, WinnerMonitoring } from './api/statistics';
import {
  breakdownBarOption,
  dayLabel,
  funnelOption,
  mapOption,
  mapTooltipLines,
  timelineOption,
  winnersRevenueOption,
  yearsOption,
  type MapDatum,
} from './statistics-charts';

const row = (key: string, label: string, submitted: number, quota: number | null = null) => ({
  key,
  label,
  submitted,
  recommended: Math.floor(submitted / 2),
  forwarded: Math.floor(submitted / 4),
  awarded: 0,
  quota,
});
const totals = (submitted: number) => ({
  submitted,
  recommended: Math.floor(submitted / 2),
  forwarded: Math.floor(submitted / 4),
  awarded: 0,
});

const byProvince: Breakdown = {
  dimension: 'province',
  total: totals(14),
  rows: [row('110000', '北京市', 10), row('440000', '广东省', 4)],
  national: null,
};

const figures = (year: number, submitted: number) => ({
  campaignId: `c${year}`,
  code: `iiapp-${year}`,
  year,
  title: `${year}年征集`,
  ...totals(submitted),
  provinces: 3,
});
const overview: Overview = {
  campaign: figures(2021, 40),
  previous: figures(2020, 30),
  funnel: [
    { stage: 'registered', label: '注册企业', count: 60 },
    { stage: 'drafts', label: '创建申报书', count: 50 },
    { stage: 'submitted', label: '提交申报', count: 40 },
    { stage: 'recommended', label: '获推荐', count: 20 },
    { stage: 'forwarded', label: '报送工信部', count: 10 },
    { stage: 'eligible', label: '形式审查通过', count: 0 },
    { stage: 'selected', label: '入选', count: 0 },
    { stage: 'awarded', label: '发布', count: 0 },
    { stage: 'expired', label: '已过期', count: 0 },
    { stage: 'revoked', label: '已撤销', count: 0 },
  ],
  years: [figures(2020, 30), figures(2021, 40)],
  awardsByYear: [],
  unit: null,
};

const data = <T>(o: { series: { data: unknown[] }[] }, i = 0) => o.series[i]!.data as T[];

describe('mapOption', () => {
  it('keys every 省级 region by its 6-digit code, with 0 where there were none', () => {
    const o = mapOption(byProvince, 'submitted');
    const s = o.series[0]!;
    expect(s).toMatchObject({ type: 'map', map: 'china', nameProperty: 'adcode' });
    const d = data<MapDatum>(o);
    expect(d).toHaveLength(34);
    expect(d.find((x) => x.name === '110000')).toMatchObject({ value: 10, label: '北京市' });
    expect(d.find((x) => x.name === '310000')).toMatchObject({ value: 0, label: '上海市' });
    expect(o.visualMap).toMatchObject({ min: 0, max: 10 });
    expect(o.animation).toBe(true);
  });

  it('switches the measure, marks the selected province and can turn animation off', () => {
    const o = mapOption(byProvince, 'recommended', {
      animation: false,
      selectedProvince: '440000',
    });
    const d = data<MapDatum>(o);
    expect(d.find((x) => x.name === '110000')!.value).toBe(5);
    expect(d.find((x) => x.name === '440000')!.selected).toBe(true);
    expect(o.animation).toBe(false);
    expect(o.series[0]!.name).toBe('获推荐');
  });

  it('shows the four figures on hover', () => {
    const beijing = data<MapDatum>(mapOption(byProvince, 'submitted')).find(
      (x) => x.name === '110000',
    )!;
    expect(mapTooltipLines(beijing)).toEqual([
      '北京市',
      '提交申报：10',
      '获推荐：5',
      '报送工信部：2',
      '发布：0',
    ]);
  });
});

describe('breakdownBarOption', () => {
  it('draws counts of the measure, first row on top', () => {
    const o = breakdownBarOption(byProvince, 'submitted', { title: '按地区' });
    expect((o.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['北京市', '广东省']);
    expect((o.yAxis as { inverse: boolean }).inverse).toBe(true);
    expect(o.series).toHaveLength(1);
    expect(data(o)).toEqual([10, 4]);
    expect(o.title).toMatchObject({ text: '按地区' });
  });

  it('puts the quota beside the units', () => {
    const o = breakdownBarOption(
      { ...byProvince, dimension: 'unit', rows: [row('u1', '北京市经信局', 10, 8)] },
      'recommended',
    );
    expect(o.series.map((s) => s.name)).toEqual(['获推荐', '推荐名额']);
    expect(data(o, 1)).toEqual([8]);
  });

  it('compares a unit’s shares with the national shares', () => {
    const o = breakdownBarOption(
      {
        dimension: 'category',
        total: totals(4),
        rows: [row('a', '行业通用类', 3), row('b', '特定行业类', 1)],
        national: {
          total: totals(100),
          rows: [row('a', '行业通用类', 40), row('b', '特定行业类', 60)],
        },
      },
      'submitted',
    );
    expect(o.series.map((s) => s.name)).toEqual(['本单位占比（提交申报）', '全国占比（提交申报）']);
    expect(data(o, 0)).toEqual([75, 25]);
    expect(data(o, 1)).toEqual([40, 60]);
  });
});

describe('funnelOption', () => {
  it('keeps the stage order and leaves out later stages not reached yet', () => {
    const o = funnelOption(overview);
    expect(o.series[0]).toMatchObject({ type: 'funnel', sort: 'none' });
    expect(data<{ name: string; value: number }>(o).map((d) => [d.name, d.value])).toEqual([
      ['注册企业', 60],
      ['创建申报书', 50],
      ['提交申报', 40],
      ['获推荐', 20],
      ['报送工信部', 10],
    ]);
  });
});

describe('timelineOption', () => {
  const timeline: Timeline = {
    onlineDeadline: '2021-07-20T09:00:00.000Z',
    points: [
      { date: '2021-07-17', daysBeforeDeadline: 3, submitted: 2, cumulative: 2 },
      { date: '2021-07-19', daysBeforeDeadline: 1, submitted: 3, cumulative: 5 },
    ],
    previous: {
      campaignId: 'c2020',
      year: 2020,
      onlineDeadline: '2020-07-20T09:00:00.000Z',
      points: [
        { date: '2020-07-16', daysBeforeDeadline: 4, submitted: 1, cumulative: 1 },
        { date: '2020-07-20', daysBeforeDeadline: 0, submitted: 6, cumulative: 7 },
      ],
    },
  };

  it('aligns both campaigns on days before the deadline and marks the deadline', () => {
    const o = timelineOption(timeline, { animation: false });
    expect((o.xAxis as { data: string[] }).data).toEqual([
      '截止前4天',
      '截止前3天',
      '截止前2天',
      '截止前1天',
      '截止日',
    ]);
    expect(data(o, 0)).toEqual([0, 2, 0, 3, 0]);
    // the current curve stops at its last day; the previous one runs to its deadline
    expect(data(o, 1)).toEqual([0, 2, 2, 5, null]);
    expect(data(o, 2)).toEqual([1, 1, 1, 1, 7]);
    expect(o.series[2]!.name).toBe('累计提交（2020年）');
    expect(o.series[0]!.markLine).toMatchObject({ data: [{ xAxis: '截止日' }] });
  });

  it('names days after the deadline', () => {
    expect(dayLabel(-2)).toBe('截止后2天');
    const o = timelineOption({ onlineDeadline: '2021-07-20', points: [], previous: null });
    expect((o.xAxis as { data: string[] }).data).toEqual(['截止日']);
    expect(o.series).toHaveLength(2);
  });
});

describe('yearsOption and winnersRevenueOption', () => {
  it('draws each campaign year', () => {
    const o = yearsOption(overview);
    expect((o.xAxis as { data: string[] }).data).toEqual(['2020年', '2021年']);
    expect(data(o, 0)).toEqual([30, 40]);
    expect(o.series.map((s) => s.name)).toEqual(['提交申报', '获推荐', '报送工信部', '发布']);
  });

  it('draws revenue by year and growth in %', () => {
    const winners: WinnerMonitoring = {
      expected: 3,
      submitted: 2,
      revenueByYear: [
        { year: 2019, total: 1000, reports: 2, growth: null },
        { year: 2020, total: 1250, reports: 2, growth: 0.25 },
      ],
      newCustomers: 5,
      industriesReached: [],
      versionUpdates: { total: 4, perReport: 2 },
      byStatus: [],
      inOperationShare: 1,
    };
    const o = winnersRevenueOption(winners, { animation: false });
    expect(data(o, 0)).toEqual([1000, 1250]);
    expect(data(o, 1)).toEqual([null, 25]);
  });
});
