import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type {
  Breakdown,
  Overview,
  PublicStatistics,
  Timeline,
  WinnerMonitoring,
} from '../../../domain/api/statistics';
import type { ChartOption } from '../../../domain/statistics-charts';
import type { Campaign } from '../../lib/types';
import { renderWithApp, type RouteAnswer } from '../../../test/web/render';
import { PublicStatisticsView } from './PublicStatisticsPage';
import { StatisticsView } from './StatisticsPage';

// ECharts needs a real canvas: here each chart is a list of its data items, clickable as in the
// browser (the option builders have their own tests in domain/statistics-charts.test.ts).
vi.mock('./Chart', async () => {
  const { forwardRef } = await import('react');
  return {
    Chart: forwardRef(function Chart(
      props: {
        option: ChartOption;
        label: string;
        onItemClick?: (e: {
          name: string;
          dataIndex: number;
          seriesIndex: number;
          data: unknown;
        }) => void;
      },
      _ref,
    ) {
      const series = props.option.series[0]!;
      const axis = (props.option.yAxis ?? props.option.xAxis) as { data?: string[] } | undefined;
      return (
        <div role="img" aria-label={props.label}>
          {series.data.map((d, i) => {
            const name =
              d && typeof d === 'object' && 'name' in d ? String(d.name) : (axis?.data?.[i] ?? '');
            return (
              <button
                key={i}
                type="button"
                data-testid={`item-${name}`}
                onClick={() => props.onItemClick?.({ name, dataIndex: i, seriesIndex: 0, data: d })}
              >
                {name}
              </button>
            );
          })}
        </div>
      );
    }),
  };
});

const CAMPAIGN = 'c1';
const campaign = {
  id: CAMPAIGN,
  code: 'iiapp-2021',
  year: 2021,
  title: '2021年工业互联网APP优秀解决方案征集',
} as Campaign;

const counts = (submitted: number) => ({
  submitted,
  recommended: Math.floor(submitted / 2),
  forwarded: Math.floor(submitted / 4),
  awarded: 0,
});
const figures = (year: number, submitted: number) => ({
  campaignId: `c${year}`,
  code: `iiapp-${year}`,
  year,
  title: `${year}年征集`,
  ...counts(submitted),
  provinces: 2,
});
const overview = (unit: Overview['unit'] = null): Overview => ({
  campaign: figures(2021, 40),
  previous: { ...figures(2020, 30), awarded: 5 },
  funnel: [
    { stage: 'registered', label: '注册企业', count: 60 },
    { stage: 'drafts', label: '创建申报书', count: 50 },
    { stage: 'submitted', label: '提交申报', count: 40 },
    { stage: 'recommended', label: '获推荐', count: 20 },
    { stage: 'forwarded', label: '报送工信部', count: 10 },
  ],
  years: [figures(2020, 30), figures(2021, 40)],
  awardsByYear: [],
  unit,
});
const row = (key: string, label: string, submitted: number) => ({
  key,
  label,
  ...counts(submitted),
  quota: null,
});
const byProvince: Breakdown = {
  dimension: 'province',
  total: counts(40),
  rows: [row('110000', '北京市', 28), row('440000', '广东省', 12)],
  national: null,
};
const byCategory = (province: string | null): Breakdown => ({
  dimension: 'category',
  total: counts(province ? 28 : 40),
  rows: province
    ? [row('basic', '基础共性工业APP', 20), row('general', '行业通用工业APP', 8)]
    : [
        row('general', '行业通用工业APP', 25),
        row('basic', '基础共性工业APP', 5),
        row('special', '企业专用工业APP', 10),
      ],
  national: null,
});
const timeline: Timeline = {
  onlineDeadline: '2021-07-20T09:00:00.000Z',
  points: [{ date: '2021-07-19', daysBeforeDeadline: 1, submitted: 40, cumulative: 40 }],
  previous: null,
};
const winners: WinnerMonitoring = {
  expected: 4,
  submitted: 3,
  revenueByYear: [{ year: 2020, total: 1200, reports: 3, growth: null }],
  newCustomers: 7,
  industriesReached: [],
  versionUpdates: { total: 6, perReport: 2 },
  byStatus: [{ key: 'running', label: '正常运营', count: 3 }],
  inOperationShare: 1,
};

const base = `/campaigns/${CAMPAIGN}/statistics`;
function routes(over: Partial<Record<string, unknown>> = {}) {
  const breakdown: RouteAnswer = {
    byQuery: (q) => {
      const d = q.get('dimension');
      if (d === 'province') return byProvince;
      if (d === 'category') return byCategory(q.get('province'));
      return { dimension: d, total: counts(0), rows: [], national: null };
    },
  };
  return {
    [`GET ${base}/overview`]: overview(),
    [`GET ${base}/breakdown`]: breakdown,
    [`GET ${base}/timeline`]: timeline,
    [`GET ${base}/winners`]: winners,
    ...over,
  };
}

const view = (scope: 'organizer' | 'recommender' = 'organizer') => (
  <StatisticsView campaigns={[campaign]} campaign={campaign} onPick={() => {}} scope={scope} />
);

describe('监测分析 for the organizer', () => {
  it('shows the key figures with 较上届 and the report downloads', async () => {
    renderWithApp(view(), routes());
    const figures = await screen.findByTestId('stats-figures');
    expect(within(figures).getByText('提交申报')).toBeTruthy();
    expect(within(figures).getByRole('button', { name: /查看提交申报的40份申报/ })).toBeTruthy();
    expect(screen.getByTestId('growth-submitted').textContent).toBe('较上届（2020年）+33.3%');
    // no award yet this year: no −100% against last year's five
    expect(screen.getByTestId('growth-awarded').textContent).toBe('较上届（2020年）—');
    expect(screen.getByRole('link', { name: /下载分析报告（Word）/ }).getAttribute('href')).toBe(
      `/api/v1${base}/report.docx`,
    );
    expect(screen.getByRole('link', { name: /下载分析报告（PDF）/ }).getAttribute('href')).toBe(
      `/api/v1${base}/report.pdf`,
    );
  });

  it('clicking a province on the map filters every other chart and the exports', async () => {
    const { calls } = renderWithApp(view(), routes());
    const map = await screen.findByTestId('chart-province');
    fireEvent.click(await within(map).findByTestId('item-110000'));
    expect((await screen.findByTestId('filter-province')).textContent).toContain('地区：北京市');
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url.includes('/breakdown?') &&
            c.url.includes('dimension=category') &&
            c.url.includes('province=110000'),
        ),
      ).toBe(true),
    );
    const later = (path: string) => calls.filter((c) => c.url.includes(path)).at(-1)!.url;
    expect(later('/overview')).toContain('province=110000');
    expect(later('/timeline')).toContain('province=110000');
    expect(later('/winners')).toContain('province=110000');
    // the map itself stays national, the selected province marked
    expect(
      calls
        .filter((c) => c.url.includes('dimension=province'))
        .every((c) => !c.url.includes('province=1')),
    ).toBe(true);
    const category = screen.getByTestId('chart-category');
    await within(category).findByTestId('item-基础共性工业APP');
    expect(within(category).getByTestId('export-category').getAttribute('href')).toBe(
      `/api/v1${base}/export.xlsx?chart=category&province=110000`,
    );
    // the map's export is not filtered by the province it selects
    expect(within(map).getByTestId('export-province').getAttribute('href')).toBe(
      `/api/v1${base}/export.xlsx?chart=province`,
    );
    // clicking again clears the filter
    fireEvent.click(within(map).getByTestId('item-110000'));
    await waitFor(() => expect(screen.queryByTestId('filter-province')).toBeNull());
    expect(within(category).getByTestId('export-category').getAttribute('href')).toBe(
      `/api/v1${base}/export.xlsx?chart=category`,
    );
  });

  it('the table view lists the figures and sorts by a column', async () => {
    renderWithApp(view(), routes());
    const card = await screen.findByTestId('chart-category');
    await within(card).findByTestId('item-行业通用工业APP');
    fireEvent.click(within(card).getByText('表格'));
    const table = await within(card).findByRole('table');
    const firstColumn = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    expect(firstColumn()).toEqual(['行业通用工业APP', '基础共性工业APP', '企业专用工业APP']);
    fireEvent.click(within(table).getByRole('columnheader', { name: '提交申报' }));
    await waitFor(() =>
      expect(firstColumn()).toEqual(['基础共性工业APP', '企业专用工业APP', '行业通用工业APP']),
    );
    // a share of the measure, and a count opens the applications behind it
    expect(within(table).getByText('62.5%')).toBeTruthy();
  });

  it('a bar opens the applications behind it, paged', async () => {
    const { calls } = renderWithApp(
      view(),
      routes({
        [`GET ${base}/applications`]: {
          items: [
            {
              id: 'a1',
              solutionName: '轴承在线检测APP',
              applicantName: '北京示例科技有限公司',
              unitName: '北京市',
              state: 'recommended',
              submittedAt: '2021-07-19T02:00:00.000Z',
            },
          ],
          total: 1,
        },
      }),
    );
    const card = await screen.findByTestId('chart-category');
    fireEvent.click(await within(card).findByTestId('item-企业专用工业APP'));
    const drawer = await screen.findByTestId('drill-drawer');
    expect(await within(drawer).findByText('轴承在线检测APP')).toBeTruthy();
    expect(within(drawer).getByText('已推荐')).toBeTruthy();
    const url = calls.find((c) => c.url.includes('/applications?'))!.url;
    expect(url).toContain('dimension=category');
    expect(url).toContain('key=special');
    expect(url).toContain('stage=submitted');
    expect(url).toContain('page=1');
  });
});

describe('监测分析 for a recommender', () => {
  it('says 本单位 and puts the national shares beside its own', async () => {
    const own: Breakdown = {
      dimension: 'category',
      total: counts(4),
      rows: [row('general', '行业通用工业APP', 3), row('basic', '基础共性工业APP', 1)],
      national: {
        total: counts(100),
        rows: [row('general', '行业通用工业APP', 40), row('basic', '基础共性工业APP', 60)],
      },
    };
    renderWithApp(
      view('recommender'),
      routes({
        [`GET ${base}/overview`]: overview({ id: 'u1', name: '北京市经济和信息化局' }),
        [`GET ${base}/breakdown`]: {
          byQuery: (q: URLSearchParams) =>
            q.get('dimension') === 'category'
              ? own
              : { dimension: q.get('dimension'), total: counts(0), rows: [], national: null },
        },
      }),
    );
    expect((await screen.findByTestId('stats-unit')).textContent).toContain(
      '本单位：北京市经济和信息化局',
    );
    expect(screen.queryByRole('link', { name: /下载分析报告/ })).toBeNull();
    const card = screen.getByTestId('chart-category');
    expect(within(card).getByText('本单位按申报类别（与全国对比）')).toBeTruthy();
    await within(card).findByTestId('item-行业通用工业APP');
    fireEvent.click(within(card).getByText('表格'));
    const table = await within(card).findByRole('table');
    expect(within(table).getByRole('columnheader', { name: '本单位占比' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '全国占比' })).toBeTruthy();
    const general = within(table).getByText('行业通用工业APP').closest('tr')!;
    expect(within(general).getByText('75.0%')).toBeTruthy();
    expect(within(general).getByText('40.0%')).toBeTruthy();
  });
});

describe('the public statistics page', () => {
  it('shows aggregates only, small cells as “<3” with the rule', async () => {
    const s: PublicStatistics = {
      campaign: { code: 'iiapp-2021', year: 2021, title: '2021年工业互联网APP优秀解决方案征集' },
      submitted: 42,
      provinces: 3,
      byProvince: [
        { key: '110000', label: '北京市', count: 30 },
        { key: '440000', label: '广东省', count: null },
        { key: '310000', label: '上海市', count: null },
      ],
      byCategory: [{ key: 'general', label: '行业通用工业APP', count: 42 }],
      byRecommenderGroup: [{ key: 'province', label: '省级工业和信息化主管部门', count: 42 }],
      awarded: null,
      minCell: 3,
      updatedAt: '2021-07-20T02:00:00.000Z',
    };
    renderWithApp(<PublicStatisticsView code="iiapp-2021" />, {
      'GET /campaigns/iiapp-2021/statistics/public': s,
    });
    expect((await screen.findByTestId('suppression-rule')).textContent).toContain(
      '为保护申报单位信息，少于3的数字不予显示',
    );
    const provinces = screen.getByTestId('public-provinces');
    expect(within(provinces).getAllByText('<3')).toHaveLength(2);
    expect(within(provinces).getByText('30')).toBeTruthy();
    expect(screen.getByRole('img', { name: /各地区申报数量地图/ })).toBeTruthy();
    expect(screen.queryByText('入选解决方案')).toBeNull();
  });
});
