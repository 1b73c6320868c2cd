import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import type { ReviewResults as Results } from './api';
import { ReviewResults } from './ReviewResultsPage';

configure({ asyncUtilTimeout: 8000 });

const ROUND = 'r0000000-0000-4000-8000-000000000001';

const RESULTS: Results = {
  round: {
    id: ROUND,
    name: '第一轮专家评审',
    campaignId: 'c1',
    campaignTitle: '2021年工业互联网APP优秀解决方案征集遴选',
    deadline: '2026-11-30T16:00:00.000Z',
    state: 'published',
    anonymous: true,
    reviewsPerApplication: 3,
  },
  rubric: [],
  recommendations: [],
  thresholds: { disagreementSd: 15, disagreementRange: 30, outlierFactor: 1.5 },
  panels: [
    {
      panelId: 'p1',
      name: '第一组',
      n: 5,
      mean: 65.5,
      sd: 13.52,
      expertMeansSd: 9.94,
      rows: [
        {
          applicationId: 'a1',
          solutionName: '高炉炉况智能诊断工业APP',
          applicantName: '北京示例科技有限公司',
          unitName: '北京市',
          category: 'basic_common',
          categoryName: '基础共性工业APP',
          submitted: 3,
          needed: 3,
          mean: 75,
          trimmedMean: 79,
          trimmed: true,
          median: 79,
          sd: 8.77,
          range: 22,
          normalisedMean: 79.94,
          rank: 1,
          flags: [{ code: 'outlier_expert', label: '含偏离专家的评分', detail: '赵评审' }],
        },
        {
          applicationId: 'a2',
          solutionName: '印染智能配色工业APP',
          applicantName: '上海示例有限公司',
          unitName: '上海市',
          category: 'basic_common',
          categoryName: '基础共性工业APP',
          submitted: 2,
          needed: 3,
          mean: 63,
          trimmedMean: 63,
          trimmed: false,
          median: 63,
          sd: 17,
          range: 34,
          normalisedMean: 63.48,
          rank: 2,
          flags: [
            {
              code: 'high_disagreement',
              label: '专家意见分歧大',
              detail: '标准差 17.0，极差 34.0',
            },
            { code: 'missing_reviews', label: '评审份数不足', detail: '已提交2份，应评3份，缺1份' },
          ],
        },
      ],
      experts: [
        {
          expertId: 'e4',
          name: '赵评审',
          employerName: '北京航空航天大学',
          assigned: 3,
          n: 3,
          mean: 50,
          sd: 8.16,
          leniency: -15.5,
          correlation: null,
          outlier: true,
          reasons: [{ code: 'harsh', label: '打分明显偏严' }],
          reviews: [
            {
              assignmentId: 'as1',
              applicationId: 'a1',
              solutionName: '高炉炉况智能诊断工业APP',
              state: 'submitted',
              total: 60,
              recommendation: 'not_recommend',
              submittedAt: '2026-11-02T02:00:00.000Z',
            },
          ],
        },
      ],
    },
  ],
};

describe('评审结果', () => {
  it('shows the ranking with its flags, the experts’ leniency, the downloads', async () => {
    renderWithApp(<ReviewResults roundId={ROUND} />, {
      [`GET /review-rounds/${ROUND}/results`]: RESULTS,
    });
    const ranking = await screen.findByTestId('ranking-table');
    expect(within(ranking).getByText('高炉炉况智能诊断工业APP')).toBeTruthy();
    expect(within(ranking).getByText('79.94')).toBeTruthy();
    expect(within(ranking).getByText('2/3')).toBeTruthy();
    expect(within(ranking).getByText('63*')).toBeTruthy(); // trimmed = mean: fewer than 3
    expect(within(ranking).getByTestId('flag-high_disagreement').textContent).toBe(
      '专家意见分歧大',
    );
    expect(within(ranking).getByTestId('flag-missing_reviews')).toBeTruthy();
    const experts = screen.getByTestId('expert-table');
    expect(within(experts).getByText('-15.5')).toBeTruthy();
    expect(within(experts).getByText('打分明显偏严')).toBeTruthy();
    expect(
      within(experts)
        .getByRole('link', { name: /评分表 PDF：赵评审/ })
        .getAttribute('href'),
    ).toBe(`/api/v1/review-rounds/${ROUND}/results/experts/e4/score-sheet.pdf`);
    expect(screen.getByTestId('results-export').getAttribute('href')).toBe(
      `/api/v1/review-rounds/${ROUND}/results.xlsx`,
    );
  });

  it('a panel without applications or experts says so instead of two empty tables; wide tables scroll by keyboard', async () => {
    const empty = {
      ...RESULTS.panels[0]!,
      panelId: 'p9',
      name: '企业专用组',
      n: 0,
      rows: [],
      experts: [],
    };
    renderWithApp(<ReviewResults roundId={ROUND} />, {
      [`GET /review-rounds/${ROUND}/results`]: { ...RESULTS, panels: [...RESULTS.panels, empty] },
    });
    await screen.findAllByTestId('ranking-table');
    expect(screen.getAllByTestId('ranking-table')).toHaveLength(1);
    const panels = screen.getAllByTestId('results-panel');
    expect(within(panels[1]!).getByText('本组在本轮没有评审项目，也没有分配专家。')).toBeTruthy();
    const region = screen.getByRole('region', { name: '第一组 · 排名' });
    expect(region.tabIndex).toBe(0);
  });

  it('reopens a submitted review only with a reason', async () => {
    const { calls } = renderWithApp(<ReviewResults roundId={ROUND} />, {
      [`GET /review-rounds/${ROUND}/results`]: RESULTS,
      [`POST /review-rounds/${ROUND}/reviews/as1/reopen`]: {
        assignmentId: 'as1',
        state: 'draft',
        reopenedAt: '2026-11-03T02:00:00.000Z',
        reopenReason: '请补充评审意见',
      },
    });
    // role queries over antd tables are slow in jsdom: test ids and classes
    const experts = await screen.findByTestId('expert-table');
    fireEvent.click(experts.querySelector('.ant-table-row-expand-icon')!);
    fireEvent.click(await screen.findByTestId('reopen-as1'));
    const ok = await screen.findByTestId('reopen-ok');
    expect(await screen.findByText('重新开放赵评审对“高炉炉况智能诊断工业APP”的评分')).toBeTruthy();
    fireEvent.click(ok);
    expect(await screen.findByText('请填写重新开放的原因（至少4个字）')).toBeTruthy();
    fireEvent.change(screen.getByTestId('reopen-reason'), {
      target: { value: '请补充评审意见' },
    });
    fireEvent.click(ok);
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/reviews/as1/reopen'))).toBe(
        true,
      ),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: '请补充评审意见' });
  });
});
