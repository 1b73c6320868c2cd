// The enterprise's home list after its recommender decided: each decision with its reason and the
// next step; a comment's own punctuation does not double ours.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../lib/applications';
import { renderWithApp } from '../../../test/web/render';
import { MyApplications } from './MyApplications';

const DECIDED = '2026-11-02T02:30:00.000Z';

const row = (id: string, over: Partial<ApplicationSummary>): ApplicationSummary => ({
  id,
  campaignId: 'c1',
  campaignTitle: '2026年工业互联网APP征集',
  onlineDeadline: '2099-12-31T15:59:59.000Z',
  enterpriseName: '北京甲科技有限公司',
  channelName: '北京市经济和信息化局',
  state: 'submitted',
  solutionName: `方案${id}`,
  wordCount: 3000,
  currentVersionNo: 1,
  returnComment: null,
  rejectReason: null,
  decidedAt: null,
  updatedAt: DECIDED,
  submittedAt: DECIDED,
  ...over,
});

describe('the enterprise home list', () => {
  it('gives each decision its reason and next step', async () => {
    renderWithApp(<MyApplications />, {
      'GET /applications': {
        items: [
          row('1', {
            state: 'rejected_by_recommender',
            rejectReason: '不属于工业APP。',
            decidedAt: DECIDED,
          }),
          row('2', { state: 'returned', returnComment: '请补充合作协议。', decidedAt: DECIDED }),
          row('3', { state: 'recommended', decidedAt: DECIDED }),
          row('4', { state: 'forwarded', decidedAt: DECIDED }),
          row('5', { state: 'submitted' }),
        ],
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('next-step')).toHaveLength(5));
    const steps = screen.getAllByTestId('next-step').map((e) => e.textContent);
    expect(steps).toEqual([
      '推荐单位不予推荐：不属于工业APP。本次申报已结束，无需再操作',
      '被退回：请补充合作协议，请修改后重新提交',
      '推荐单位已推荐，待其报送主管部门；已不能撤回',
      '推荐单位已报送主管部门，等待评审',
      '已提交，等待推荐单位审核',
    ]);
    const table = screen.getByTestId('my-applications');
    expect(
      within(table)
        .getAllByTestId('application-state')
        .map((e) => e.textContent),
    ).toEqual(['推荐单位未推荐', '已退回', '已推荐', '已报送主管部门', '已提交']);
  });
});
