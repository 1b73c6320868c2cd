// What the enterprise reads after its recommender decided: the decision, the reason and what to do
// next, in the editor's banner and in the history (the home list: home/my-applications.test.tsx); a comment's own punctuation
// does not double ours.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../lib/applications';
import type { Campaign } from '../../lib/types';
import { renderWithApp } from '../../../test/web/render';
import { ApplicationStateAlerts } from './ApplicationHeader';
import { HistoryCard } from './HistoryCard';

const DECIDED = '2026-11-02T02:30:00.000Z'; // 10:30 Beijing time

const app = (over: Partial<Application>): Application => ({
  id: 'a1',
  campaignId: 'c1',
  enterpriseId: 'e1',
  channelUnitId: 'u1',
  state: 'submitted',
  formId: 'f',
  data: {},
  draftVersion: 3,
  wordCount: 3000,
  solutionName: '方案',
  currentVersionNo: 1,
  returnComment: null,
  rejectReason: null,
  recommendRank: null,
  decidedAt: null,
  createdAt: DECIDED,
  updatedAt: DECIDED,
  submittedAt: DECIDED,
  ...over,
});
const campaign = {
  id: 'c1',
  opensAt: '2026-01-01T00:00:00.000Z',
  onlineDeadline: '2099-12-31T15:59:59.000Z',
} as Campaign;

function banner(a: Application) {
  renderWithApp(<ApplicationStateAlerts app={a} campaign={campaign} isOwner canEdit={false} />);
  return screen.getByTestId('state-alert').textContent ?? '';
}

describe('the editor banner of the owner', () => {
  it('shows 不予推荐 with its reason, when, and that nothing can be done — no withdrawal', () => {
    const text = banner(
      app({
        state: 'rejected_by_recommender',
        rejectReason: '不属于工业APP。',
        decidedAt: DECIDED,
      }),
    );
    expect(text).toContain('推荐单位不予推荐本申报书（2026-11-02 10:30:00）');
    expect(text).toContain('理由：不属于工业APP。本次申报已结束');
    expect(text).not.toContain('撤回前');
    expect(text).not.toContain('推荐单位处理前撤回');
  });

  it('says a recommended or forwarded application can no longer be withdrawn', () => {
    expect(banner(app({ state: 'recommended', decidedAt: DECIDED }))).toBe(
      '推荐单位已推荐本申报书（2026-11-02 10:30:00），将随该单位的推荐名单报送主管部门。申报书已不能撤回或修改。',
    );
  });

  it('keeps the withdrawal hint while the recommender has not acted', () => {
    expect(banner(app({ state: 'submitted' }))).toContain('请在推荐单位处理前撤回');
  });

  it('shows a forwarded application as waiting for review', () => {
    expect(banner(app({ state: 'forwarded' }))).toContain('已将本申报书报送主管部门，等待评审');
  });
});

describe('a comment inside our message', () => {
  it('does not double the punctuation of a return comment', () => {
    renderWithApp(
      <ApplicationStateAlerts
        app={app({ state: 'returned', returnComment: '请补充合作协议。' })}
        campaign={campaign}
        isOwner
        canEdit
      />,
    );
    const text = screen.getByTestId('state-alert').textContent ?? '';
    expect(text).toBe('推荐单位退回了申报书：请补充合作协议。请修改后重新提交。');
    expect(text).not.toMatch(/[。，][。，]/);
  });
});

describe('the history the enterprise reads', () => {
  it('lists the decisions with who took them and the reason given', async () => {
    renderWithApp(<HistoryCard appId="a1" channelName="北京市经济和信息化局" />, {
      'GET /applications/a1/history': {
        items: [
          {
            at: '2026-11-01T02:00:00.000Z',
            action: 'application.submit',
            actorLabel: '91110108MA01A2B3C4',
            actorRole: 'enterprise',
            fromState: 'draft',
            toState: 'submitted',
            note: null,
          },
          {
            at: DECIDED,
            action: 'application.reject',
            actorLabel: 'beijing',
            actorRole: 'recommender',
            fromState: 'submitted',
            toState: 'rejected_by_recommender',
            note: '不属于工业APP。',
          },
        ],
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('history-item')).toHaveLength(2));
    const [submitted, rejected] = screen.getAllByTestId('history-item');
    expect(submitted!.textContent).toContain('企业提交');
    expect(submitted!.textContent).toContain('本企业');
    expect(rejected!.textContent).toContain('不予推荐');
    expect(rejected!.textContent).toContain('北京市经济和信息化局');
    expect(within(rejected!).getByTestId('history-note').textContent).toBe('不属于工业APP。');
  });
});
