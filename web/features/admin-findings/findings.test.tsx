import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FindingView } from '../../lib/duplicates';
import type { Campaign } from '../../lib/types';
import { renderWithApp } from '../../../test/web/render';
import { byStrength, FindingsView, reasonProblem } from './FindingsPage';

const text = '本方案面向离散制造企业。通过设备联网采集数据，实现生产过程透明化。';
const passage = '通过设备联网采集数据';
const start = text.indexOf(passage);

const weak: FindingView = {
  id: 'f1',
  applicationId: 'a1',
  applicationName: '离散制造数字化平台',
  enterpriseName: '北京甲科技有限公司',
  channelUnitName: '北京市',
  kind: 'application',
  relation: 'different_enterprise',
  score: 0.55,
  reasons: ['正文大段重合'],
  state: 'open',
  decisionReason: null,
  decidedAt: null,
  match: {
    kind: 'application',
    applicationId: 'a2',
    solutionName: '离散制造数字化解决方案',
    enterpriseName: '中国乙集团有限公司',
    channelUnitName: '中国乙集团',
  },
  evidence: [
    {
      similarity: 0.9,
      application: { start, end: start + passage.length, excerpt: passage },
      match: { start: 0, end: passage.length, excerpt: passage },
    },
  ],
};
const strong: FindingView = {
  ...weak,
  id: 'f2',
  kind: 'award',
  relation: 'same_enterprise',
  score: 0.92,
  reasons: ['统一社会信用代码相同'],
  match: {
    kind: 'award',
    awardId: 'w1',
    year: 2019,
    solutionName: '设备联网云平台',
    enterpriseName: '北京甲科技有限公司',
    uscc: '91110108MA01A2B3C4',
    recommenderName: '北京市经济和信息化局',
  },
};

const campaign = {
  id: 'c1',
  code: 'c2021',
  title: '2021年工业互联网APP征集',
  year: 2021,
} as Campaign;

describe('organizer findings', () => {
  it('sorts by strength and wants a reason to dismiss or confirm', () => {
    expect(byStrength([weak, strong]).map((f) => f.id)).toEqual(['f2', 'f1']);
    expect(reasonProblem(' 好 ')).toBe(true);
    expect(reasonProblem('')).toBe(true);
    expect(reasonProblem('不同方案')).toBe(false);
  });

  it('lists the campaign’s findings strongest first and re-checks all on request', async () => {
    const { calls } = renderWithApp(
      <FindingsView campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      {
        'GET /campaigns/c1/findings': { items: [weak, strong] },
        'POST /campaigns/c1/findings/sweep': { findings: 2, applications: 40, ms: 35 },
      },
    );
    const table = await screen.findByTestId('findings-table');
    await waitFor(() => expect(within(table).getAllByTestId('finding-kind')).toHaveLength(2));
    const kinds = within(table)
      .getAllByTestId('finding-kind')
      .map((e) => e.textContent);
    expect(kinds).toEqual(['本企业往届获奖', '不同企业申报相似']);
    fireEvent.click(screen.getByTestId('findings-sweep'));
    expect((await screen.findByTestId('sweep-result')).textContent).toContain(
      '已检查 40 份申报书，发现 2 项疑似重复',
    );
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/findings/sweep'))).toBe(true);
  });

  it('shows the evidence in a drawer and dismisses only with a reason', async () => {
    const { calls } = renderWithApp(
      <FindingsView campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      {
        'GET /campaigns/c1/findings': { items: [weak] },
        'GET /applications/a1/findings': { text, findings: [weak] },
        'POST /findings/f1/dismiss': { ...weak, state: 'dismissed', decisionReason: '不同方案' },
      },
    );
    fireEvent.click(await screen.findByTestId('finding-view'));
    const drawer = await screen.findByTestId('finding-drawer');
    await waitFor(() =>
      expect(
        within(drawer).getByTestId('evidence-application').querySelector('mark')?.textContent,
      ).toBe(passage),
    );
    fireEvent.click(within(drawer).getByTestId('finding-dismiss'));
    expect(await within(drawer).findByTestId('finding-reason-error')).toBeTruthy();
    expect(calls.some((c) => c.url.includes('/dismiss'))).toBe(false);
    fireEvent.change(within(drawer).getByTestId('finding-reason'), {
      target: { value: '不同方案' },
    });
    fireEvent.click(within(drawer).getByTestId('finding-dismiss'));
    await waitFor(
      () =>
        expect(
          calls.some((c) => c.method === 'POST' && c.url.endsWith('/findings/f1/dismiss')),
        ).toBe(true),
      { timeout: 5000 },
    );
  });

  it('confirms a duplicate only with a reason and after asking', { timeout: 60_000 }, async () => {
    const { calls } = renderWithApp(
      <FindingsView campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      {
        'GET /campaigns/c1/findings': { items: [weak] },
        'GET /applications/a1/findings': { text, findings: [weak] },
        'POST /findings/f1/confirm': { ...weak, state: 'confirmed', decisionReason: '多头申报' },
      },
    );
    const confirmCalls = () => calls.filter((c) => c.url.endsWith('/findings/f1/confirm'));
    fireEvent.click(await screen.findByTestId('finding-view'));
    const drawer = await screen.findByTestId('finding-drawer');
    // no reason: refused on the spot, nothing asked, nothing sent
    fireEvent.click(within(drawer).getByTestId('finding-confirm'));
    expect((await within(drawer).findByTestId('finding-reason-error')).textContent).toBe(
      '请填写确认重复的原因（至少2个字）',
    );
    expect(screen.queryAllByRole('dialog')).toHaveLength(1); // the drawer only
    expect(confirmCalls()).toHaveLength(0);
    // with a reason: asked first, naming the application and what follows; cancel sends nothing
    fireEvent.change(within(drawer).getByTestId('finding-reason'), {
      target: { value: '多头申报' },
    });
    fireEvent.click(within(drawer).getByTestId('finding-confirm'));
    const title = '确认《离散制造数字化平台》为重复申报？';
    // the newest dialog asking (a cancelled one may linger, closing)
    const dialog = () =>
      screen
        .queryAllByRole('dialog')
        .filter((d) => d.textContent?.includes(title))
        .at(-1);
    const asked = await waitFor(() => dialog() ?? Promise.reject(new Error('not asked')));
    expect(asked.textContent).toContain('北京市须取消推荐');
    fireEvent.click(within(asked).getByRole('button', { name: /取\s*消/ }));
    expect(confirmCalls()).toHaveLength(0);
    fireEvent.click(within(drawer).getByTestId('finding-confirm'));
    const again = await waitFor(() => dialog() ?? Promise.reject(new Error('not asked')));
    fireEvent.click(within(again).getByTestId('finding-confirm-ok'));
    await waitFor(() => expect(confirmCalls()).toHaveLength(1), { timeout: 5000 });
    expect(confirmCalls()[0]!.body).toEqual({ reason: '多头申报' });
  });
});
