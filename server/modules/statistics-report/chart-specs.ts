// Which charts the report draws, from the same option builders the dashboard uses
// (domain/statistics-charts), without animation and with a title drawn in the chart.
import type { Breakdown } from '../../../domain/api/statistics';
import {
  type ChartOption,
  breakdownBarOption,
  funnelOption,
  mapOption,
  timelineOption,
  winnersRevenueOption,
  yearsOption,
} from '../../../domain/statistics-charts';
import type { ReportFacts } from '../../../domain/statistics-report';
import type { ChartSpec, ReportChartSpecs } from './content';

const settings = (title: string) => ({ animation: false, title });

/** A horizontal bar chart tall enough for its rows. */
function bars(b: Breakdown, title: string, caption: string): ChartSpec {
  const rows = b.rows.length;
  return {
    option: breakdownBarOption(b, 'submitted', settings(title)),
    caption,
    height: Math.min(560, Math.max(200, 70 + rows * 30)),
  };
}

/** On paper the map's white borders vanish, and with them the 南海诸岛 inset's frame: grey lines. */
function forPrint(option: ChartOption): ChartOption {
  return {
    ...option,
    series: option.series.map((s) => {
      if (s.type === 'map')
        return {
          ...s,
          itemStyle: { ...(s.itemStyle as object), borderColor: '#8c8c8c', borderWidth: 0.5 },
        };
      return s;
    }),
  };
}

export function reportChartSpecs(f: ReportFacts): ReportChartSpecs {
  const overview: ChartSpec[] = [
    {
      option: funnelOption(f.overview, settings('申报漏斗')),
      caption: '申报漏斗：注册企业、申报、推荐、报送',
      height: 300,
    },
  ];
  // the years up to this campaign's
  const years = f.overview.years.filter((y) => y.year <= f.overview.campaign.year);
  if (years.length >= 2)
    overview.push({
      option: yearsOption({ ...f.overview, years }, settings('历届申报、推荐、报送和发布数量')),
      caption: '历届关键指标',
      height: 300,
    });
  const specs: ReportChartSpecs = {
    overview,
    categories: [bars(f.category, '各申报类别申报数量', '各申报类别申报数量')],
    provinces: [
      {
        option: forPrint(mapOption(f.province, 'submitted', settings('各省（区、市）申报数量'))),
        caption: '申报数量地区分布',
        height: 470,
      },
    ],
    industries: [bars(f.industrySection, '申报方案服务行业（门类）', '申报方案服务行业（门类）')],
    recommenders: [bars(f.recommenderGroup, '各类推荐渠道申报数量', '各类推荐渠道申报数量')],
    timeline: [
      {
        option: timelineOption(f.timeline, settings('每日提交与累计提交')),
        caption: f.timeline.previous
          ? `每日提交与累计提交（虚线为${f.timeline.previous.year}年）`
          : '每日提交与累计提交',
        height: 320,
      },
    ],
    apps: [bars(f.deployment, 'APP部署方式', 'APP部署方式')],
  };
  if (f.winners.revenueByYear.some((y) => y.reports > 0))
    specs.winners = [
      {
        option: winnersRevenueOption(f.winners, settings('已报送获奖方案营业收入')),
        caption: '已报送获奖方案营业收入及增长',
        height: 300,
      },
    ];
  return specs;
}
