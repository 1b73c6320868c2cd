// 系统评价 on the web: the organizer's bands preview their counts as they are typed and save the
// lines as shown; the expert's form shows each dimension's guidance and refuses a score over the
// maximum before anything is sent.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POST_AWARD_DIMENSIONS } from '../../../domain/campaign';
import { renderPageAt } from '../../../test/web/render';
import type { EvaluationResultsView, EvaluationRoundDetail, MyEvaluationDetail } from './api';
import { EvaluationAdminPage } from './EvaluationAdminPage';
import { EvaluationScoringPage } from './EvaluationScoringPage';

const rubric = DEFAULT_POST_AWARD_DIMENSIONS.map((d) => ({ ...d, maxScore: 25 }));
const round: EvaluationRoundDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  title: '2021年名单系统评价',
  campaignId: 'c',
  listCampaignIds: ['c'],
  rubric,
  reviewsPerSolution: 3,
  maxLoad: 10,
  deadline: '2026-12-01T09:00:00.000Z',
  bands: [],
  state: 'published',
  createdAt: '2026-11-01T00:00:00.000Z',
  publishedAt: '2026-11-01T00:00:00.000Z',
  progress: { pairs: 9, submitted: 9, experts: 3, solutions: 3 },
  solutions: 3,
  pairs: [],
  shortfalls: [],
};
const row = (publicId: string, total: number, rank: number) => ({
  publicId,
  solutionName: `方案${publicId}`,
  enterpriseName: '企业',
  categoryName: '基础共性工业APP',
  status: 'valid',
  submitted: 3,
  needed: 3,
  means: { strength: 20, innovation: 20, benefit: 20, promotion: 20 },
  rawTotal: 80,
  normalisedTotal: total,
  rank,
  band: null,
  flags: [],
});
const results: EvaluationResultsView = {
  round,
  bands: [],
  counts: [],
  results: [row('A', 90, 1), row('B', 85, 2), row('C', 69.99, 3)],
  experts: [],
};

describe('系统评价 (organizer)', () => {
  it('counts each band as the lines are typed, and saves them', async () => {
    const calls = renderPageAt(
      '/admin/evaluation',
      <EvaluationAdminPage />,
      '/admin/evaluation',
      (method, path, _q, body) => {
        if (path === '/evaluation-rounds') return [200, { items: [round] }];
        if (path === `/evaluation-rounds/${round.id}`) return [200, round];
        if (path === `/evaluation-rounds/${round.id}/results`) return [200, results];
        if (method === 'PUT' && path === `/evaluation-rounds/${round.id}/bands`)
          return [200, { ...results, bands: (body as { bands: unknown }).bands }];
        return [404, {}];
      },
    );
    const card = await screen.findByTestId('eval-bands');
    // the default lines A类 ≥ 85, B类 ≥ 70, C类 ≥ 0: 90 and 85 in A, 69.99 in C
    expect(within(card).getByTestId('eval-band-count-0').textContent).toBe('2个方案');
    expect(within(card).getByTestId('eval-band-count-1').textContent).toBe('0个方案');
    expect(within(card).getByTestId('eval-band-count-2').textContent).toBe('1个方案');
    const lines = within(card).getAllByLabelText('分数线');
    fireEvent.change(lines[0]!, { target: { value: '85.5' } });
    fireEvent.blur(lines[0]!);
    expect(within(card).getByTestId('eval-band-count-0').textContent).toBe('1个方案');
    expect(within(card).getByTestId('eval-band-count-1').textContent).toBe('1个方案');
    fireEvent.click(within(card).getByTestId('eval-bands-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      bands: [
        { name: 'A类', min: 85.5 },
        { name: 'B类', min: 70 },
        { name: 'C类', min: 0 },
      ],
    });
  });
});

describe('系统评价 (expert)', () => {
  it('shows the guidance of each dimension and refuses a score over the maximum', async () => {
    const detail: MyEvaluationDetail = {
      assignment: {
        id: 'a1',
        roundId: round.id,
        roundTitle: round.title,
        deadline: round.deadline,
        closed: false,
        publicId: '2021-IIAPP-001',
        solutionName: '设备健康管理APP',
        enterpriseName: '企业',
        categoryName: '基础共性工业APP',
        year: 2021,
        scoreState: 'none',
        version: 1,
        submittedAt: null,
      },
      rubric,
      scores: {
        id: 'a1',
        scores: {},
        comment: '',
        scoreState: 'none',
        version: 1,
        updatedAt: '2026-11-01T00:00:00.000Z',
        submittedAt: null,
      },
      solution: {
        publicId: '2021-IIAPP-001',
        solutionName: '设备健康管理APP',
        enterpriseName: '企业',
        categoryName: '基础共性工业APP',
        regionName: '北京市',
        industries: [],
        unitName: '北京市经济和信息化局',
        summary: '摘要',
        apps: [],
        validFrom: '2021-12-01',
        validUntil: '2023-11-30',
        status: 'expired',
      },
      application: null,
      selfEvaluation: null,
      spotChecks: [
        {
          spotCheckTitle: '2024年随机抽查',
          method: 'site',
          conclusion: 'minor',
          finding: '部分数据待补充',
          recordedAt: null,
        },
      ],
    };
    const calls = renderPageAt(
      '/evaluations/:assignmentId',
      <EvaluationScoringPage />,
      '/evaluations/a1',
      (_m, path) => (path === '/my/evaluations/a1' ? [200, detail] : [404, {}]),
    );
    const form = await screen.findByTestId('eval-score-form');
    expect(within(form).getByText(DEFAULT_POST_AWARD_DIMENSIONS[0]!.guidance)).toBeTruthy();
    expect(screen.getByTestId('eval-spot-checks').textContent).toContain('部分数据待补充');
    expect(screen.getByTestId('eval-self-evaluation').textContent).toContain('暂无自查评估');
    const input = within(form).getByLabelText('综合实力');
    fireEvent.change(input, { target: { value: '26' } });
    fireEvent.blur(input);
    await waitFor(() =>
      expect((within(form).getByTestId('eval-submit') as HTMLButtonElement).disabled).toBe(true),
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
