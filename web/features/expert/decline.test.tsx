import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import type { MyReviewItem } from '../../lib/reviews';
import { ExpertHomePage } from './ExpertHomePage';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const item = (over: Partial<MyReviewItem>): MyReviewItem => ({
  assignmentId: 'as1',
  roundId: 'r1',
  roundName: '第一轮专家评审',
  campaignId: 'c1',
  campaignTitle: '2021年工业互联网APP优秀解决方案征集遴选',
  deadline: '2099-11-30T16:00:00.000Z',
  closed: false,
  anonymous: true,
  panelName: '第一组',
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  category: 'basic_common',
  categoryName: '基础共性工业APP',
  applicantName: null,
  region: '110000',
  state: 'draft',
  total: 40,
  savedAt: '2026-11-20T02:00:00.000Z',
  submittedAt: null,
  ...over,
});

const ITEMS = [
  item({}),
  item({
    assignmentId: 'as2',
    applicationId: 'a2',
    solutionName: '注塑机能耗优化APP',
    state: 'submitted',
    submittedAt: '2026-11-21T02:00:00.000Z',
  }),
];

describe('拒绝评审 on the 评审工作台', () => {
  it('is offered only for a review not yet submitted, and asks for a reason of at least 4 字', async () => {
    const { calls } = renderWithApp(<ExpertHomePage />, {
      'GET /my/reviews': { items: ITEMS },
      'POST /my/assignments/as1/decline': {
        id: 'as1',
        state: 'declined',
        declineReason: '与申报单位有合作关系',
        declinedAt: '2026-11-22T02:00:00.000Z',
      },
    });
    await screen.findByText('高炉炉况智能诊断工业APP');
    expect(screen.queryByRole('button', { name: '拒绝评审：注塑机能耗优化APP' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '拒绝评审：高炉炉况智能诊断工业APP' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('decline-reason'), { target: { value: '没空' } });
    fireEvent.click(within(dialog).getByTestId('decline-ok'));
    expect(await within(dialog).findByText('请填写拒绝理由（至少4个字）')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByTestId('decline-reason'), {
      target: { value: '  与申报单位有合作关系 ' },
    });
    fireEvent.click(within(dialog).getByTestId('decline-ok'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toEqual({
        method: 'POST',
        url: '/api/v1/my/assignments/as1/decline',
        body: { reason: '与申报单位有合作关系' },
      }),
    );
    expect(await screen.findByText('已拒绝该评审任务，主管部门将另行安排专家')).toBeTruthy();
  });

  it('is not offered once the round has closed', async () => {
    renderWithApp(<ExpertHomePage />, { 'GET /my/reviews': { items: [item({ closed: true })] } });
    await screen.findByText('高炉炉况智能诊断工业APP');
    expect(screen.queryByRole('button', { name: /拒绝评审/ })).toBeNull();
  });
});
