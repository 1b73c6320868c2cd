import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import type { PreselectResult, SelectionRow, SelectionView } from './api';
import { overTarget, reasonOk, SelectionPanel, sortRows } from './SelectionPage';

const ROUND = '00000000-0000-4000-8000-000000000201';
const PATH = '/campaigns/c1/selection';

const campaign = {
  id: 'c1',
  code: 'c2021',
  title: '2021年工业互联网APP征集',
  year: 2021,
} as Campaign;

const row = (over: Partial<SelectionRow>): SelectionRow => ({
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  state: 'under_review',
  applicantName: '北京甲科技有限公司',
  unitName: '北京市',
  category: 'safe',
  categoryName: '安全可靠工业APP',
  panelName: '第一组',
  place: 1,
  normalisedMean: 1.21,
  mean: 88.5,
  trimmedMean: 88,
  submitted: 3,
  needed: 3,
  flags: [],
  decision: null,
  reason: null,
  decidedAt: null,
  decidedBy: null,
  ...over,
});

const rows: SelectionRow[] = [
  row({
    applicationId: 'a2',
    solutionName: '注塑工艺参数寻优工业APP',
    applicantName: '上海乙智能有限公司',
    unitName: '上海市',
    place: 2,
    normalisedMean: 0.4,
    mean: 81,
    trimmedMean: 80.5,
    flags: ['专家意见分歧大'],
    decision: 'selected',
    reason: '按评审排名预选：安全可靠工业APP第2名，名额1个',
    decidedAt: '2026-12-01T02:00:00.000Z',
    decidedBy: '演示主管部门',
  }),
  row({
    decision: 'selected',
    reason: '按评审排名预选：安全可靠工业APP第1名，名额1个',
    decidedAt: '2026-12-01T02:00:00.000Z',
    decidedBy: '演示主管部门',
  }),
  row({
    applicationId: 'a3',
    solutionName: '设备预测性维护工业APP',
    applicantName: '广州丙软件有限公司',
    unitName: '广东省',
    category: 'general',
    categoryName: '通用工业APP',
    panelName: '第二组',
    place: null,
    normalisedMean: null,
    mean: null,
    trimmedMean: null,
    submitted: 0,
    needed: 3,
    flags: ['评分缺失'],
  }),
];

const view: SelectionView = {
  campaignId: 'c1',
  campaignTitle: campaign.title,
  state: 'open',
  revision: 3,
  round: { id: ROUND, name: '第一轮评审' },
  rounds: [{ id: ROUND, name: '第一轮评审', state: 'published' }],
  categories: [
    {
      code: 'safe',
      name: '安全可靠工业APP',
      target: 1,
      applications: 2,
      selected: 2,
      notSelected: 0,
    },
    {
      code: 'general',
      name: '通用工业APP',
      target: 2,
      applications: 1,
      selected: 0,
      notSelected: 0,
    },
  ],
  minutes: null,
  frozenAt: null,
  frozenBy: null,
  problems: ['还有1个项目未作入选决定', '尚未上传评审会纪要'],
  rows,
};

/** Writes answered by `answer`; reads still from the table of routes. */
function stubWrites(answer: (method: string, url: string, body: unknown) => [number, unknown]) {
  const tableFetch = globalThis.fetch;
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (method === 'GET') return tableFetch(url, init);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      sent.push({ method, url, body });
      const [status, res] = answer(method, url, body);
      return new Response(JSON.stringify(res), { status });
    }),
  );
  return sent;
}

const render = (v: SelectionView, routes: Record<string, unknown> = {}) =>
  renderWithApp(
    <SelectionPanel campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
    { [`GET ${PATH}`]: v, ...routes },
  );

describe('the rules the page applies', () => {
  it('a reason of at least 4 字, the excess over a target, rows by category then place', () => {
    expect(reasonOk('不符')).toBe(false);
    expect(reasonOk('  不符合  ')).toBe(false);
    expect(reasonOk('不符合条件')).toBe(true);
    expect(view.categories.map(overTarget)).toEqual([1, 0]);
    expect(sortRows(view).map((r) => r.applicationId)).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('the selection page', () => {
  it('shows the settings, each category with its count against the target (red when over) and the rows with their decisions', async () => {
    render(view);
    const summary = await screen.findByTestId('selection-summary');
    expect(screen.getByTestId('selection-state').textContent).toBe('遴选中');
    const counts = within(summary).getAllByTestId('cat-selected');
    expect(counts.map((c) => c.getAttribute('data-over'))).toEqual(['true', 'false']);
    expect(counts[0]!.textContent).toBe('2 / 1超出名额 1 个');
    expect(counts[1]!.textContent).toBe('0 / 2');
    expect(within(summary).getAllByTestId('cat-over')).toHaveLength(1);
    expect(
      (
        within(screen.getByTestId('selection-settings')).getByTestId(
          'target-safe',
        ) as HTMLInputElement
      ).value,
    ).toBe('1');
    expect(screen.getByTestId('minutes-none').textContent).toContain('尚未上传评审会纪要');

    const table = screen.getByTestId('selection-table');
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent ?? '');
    expect(names[0]).toContain('高炉炉况智能诊断工业APP');
    expect(names[2]).toContain('设备预测性维护工业APP');
    expect(names[2]).toContain('0/3');
    const decisions = within(table).getAllByTestId('row-decision');
    expect(decisions.map((d) => d.textContent)).toEqual(['入选', '入选', '未决定']);
    expect(decisions[1]!.getAttribute('aria-label')).toBe(
      '入选：按评审排名预选：安全可靠工业APP第2名，名额1个（演示主管部门 于 2026-12-01 10:00:00 决定）',
    );
    expect(
      within(table)
        .getAllByTestId('row-flag')
        .map((f) => f.textContent),
    ).toEqual(['专家意见分歧大', '评分缺失']);

    // filtered to one category
    fireEvent.mouseDown(within(screen.getByTestId('filter-category')).getByRole('combobox'));
    // (the settings' label carries the same title; the option is the last)
    fireEvent.click((await screen.findAllByTitle('通用工业APP')).at(-1)!);
    await waitFor(() => expect(within(table).getAllByTestId('row-decision')).toHaveLength(1));
  });

  it('deciding asks for a reason of at least 4 字 before sending the decision with it', async () => {
    const { calls } = render(view, {
      [`PUT ${PATH}/decisions/a3`]: row({
        ...rows[2],
        decision: 'not_selected',
        reason: '未提交评分，不予入选',
      }),
    });
    const table = await screen.findByTestId('selection-table');
    fireEvent.click(within(table).getAllByTestId('row-not-select')[2]!);
    const reason = await screen.findByTestId('decide-reason');
    expect(screen.getByText('不入选：设备预测性维护工业APP')).toBeTruthy();
    fireEvent.change(reason, { target: { value: ' 不符 ' } });
    fireEvent.click(screen.getByTestId('decide-ok'));
    expect(await screen.findByText('理由至少4个字')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(reason, { target: { value: ' 未提交评分，不予入选 ' } });
    fireEvent.click(screen.getByTestId('decide-ok'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe(`/api/v1${PATH}/decisions/a3`);
    expect(put.body).toEqual({ decision: 'not_selected', reason: '未提交评分，不予入选' });
    expect(await screen.findByText('已记录：设备预测性维护工业APP 不入选')).toBeTruthy();
  });

  it('lists what stops the freeze and keeps 冻结遴选结果 disabled while any', async () => {
    render(view);
    const problems = await screen.findByTestId('selection-problems');
    expect(problems.textContent).toContain('还有1个项目未作入选决定');
    expect(problems.textContent).toContain('尚未上传评审会纪要');
    expect((screen.getByTestId('selection-freeze') as HTMLButtonElement).disabled).toBe(true);
  });

  it('freezes after a confirmation, over the revision seen; then all is read-only', async () => {
    const ready: SelectionView = {
      ...view,
      problems: [],
      minutes: {
        filename: '评审会纪要.pdf',
        size: 204_800,
        uploadedAt: '2026-12-02T01:00:00.000Z',
        uploadedBy: '演示主管部门',
      },
    };
    const frozen: SelectionView = {
      ...ready,
      state: 'frozen',
      revision: 4,
      frozenAt: '2026-12-03T06:30:00.000Z',
      frozenBy: '演示主管部门',
    };
    const { calls } = render(ready, { [`POST ${PATH}/freeze`]: frozen });
    expect((await screen.findByTestId('minutes-link')).getAttribute('href')).toBe(
      `/api/v1${PATH}/minutes`,
    );
    const freeze = screen.getByTestId('selection-freeze') as HTMLButtonElement;
    expect(freeze.disabled).toBe(false);
    fireEvent.click(freeze);
    const confirm = await screen.findByTestId('freeze-confirm');
    expect(confirm.textContent).toContain('共 3 个项目：入选 2 个，不入选 0 个。');
    expect(confirm.textContent).toContain('冻结后任何入选决定都不能再修改');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByTestId('freeze-ok'));
    expect((await screen.findByTestId('selection-frozen')).textContent).toBe(
      '遴选结果已于 2026-12-03 14:30:00 由 演示主管部门 冻结，任何决定都不能再修改；入选项目即为公示名单。',
    );
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1${PATH}/freeze`,
      body: { baseRevision: 3 },
    });
    expect(screen.getByTestId('selection-state').textContent).toBe('已冻结');
    expect(screen.queryByTestId('selection-freeze')).toBeNull();
    expect(screen.queryByTestId('selection-preselect')).toBeNull();
    expect(screen.queryByTestId('selection-save')).toBeNull();
    expect(screen.queryByTestId('minutes-upload')).toBeNull();
    expect(screen.queryAllByTestId('row-select')).toHaveLength(0);
    expect((screen.getByTestId('target-safe') as HTMLInputElement).disabled).toBe(true);
  });

  it('after the 公示 each row says where the application is now: a withdrawn one is 未入选', async () => {
    const after: SelectionView = {
      ...view,
      state: 'frozen',
      problems: [],
      frozenAt: '2026-12-03T06:30:00.000Z',
      frozenBy: '演示主管部门',
      rows: view.rows.map((r, i) => ({
        ...r,
        decision: 'selected',
        reason: '评审排名靠前',
        state: i === 0 ? 'not_selected' : 'in_public_notice',
      })),
    };
    render(after);
    const states = await screen.findAllByTestId('row-state');
    expect(states.map((s) => s.textContent).sort()).toEqual(['公示中', '公示中', '未入选'].sort());
    const withdrawn = states.find((s) => s.textContent === '未入选')!.closest('tr')!;
    expect(withdrawn.textContent).toContain(after.rows[0]!.solutionName);
  });

  it('按排名预选 explains it never overwrites a decision, sends the revision seen and shows the counts', async () => {
    const result: PreselectResult = {
      selected: 1,
      notSelected: 1,
      undecided: 1,
      selection: { ...view, revision: 4 },
    };
    const { calls } = render(view, { [`POST ${PATH}/preselect`]: result });
    fireEvent.click(await screen.findByTestId('selection-preselect'));
    const confirm = await screen.findByTestId('preselect-confirm');
    expect(confirm.textContent).toContain('按“第一轮评审”的排名');
    expect(confirm.textContent).toContain('已经作出的入选或不入选决定不会被覆盖');
    fireEvent.click(screen.getByTestId('preselect-ok'));
    expect((await screen.findByTestId('preselect-result')).textContent).toBe(
      '按排名预选完成：入选 1 个，不入选 1 个；1 个项目没有评审得分，留待逐个决定',
    );
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1${PATH}/preselect`,
      body: { baseRevision: 3 },
    });
  });

  it('saves the round and the targets over the revision seen; a stale revision says so and reloads', async () => {
    render(view);
    const settings = await screen.findByTestId('selection-settings');
    const sent = stubWrites(() => [
      409,
      {
        error: {
          code: 'CONFLICT',
          message: '遴选已被他人修改，请刷新后重试',
          messageEn: 'Changed meanwhile',
        },
      },
    ]);
    const getsBefore = vi.mocked(globalThis.fetch).mock.calls.length;
    fireEvent.change(within(settings).getByTestId('target-general'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('selection-save'));
    expect(await screen.findByText(/遴选已被他人修改，请刷新后重试/)).toBeTruthy();
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: `/api/v1${PATH}`,
      body: { baseRevision: 3, roundId: ROUND, targets: { safe: 1, general: 3 } },
    });
    // reloaded from the server
    await waitFor(() =>
      expect(vi.mocked(globalThis.fetch).mock.calls.length).toBeGreaterThan(getsBefore + 1),
    );
  });

  it('before it is started: only the settings; no decision, preselection or freeze', async () => {
    render({
      ...view,
      state: null,
      revision: 0,
      round: null,
      categories: view.categories.map((c) => ({ ...c, target: 0, selected: 0 })),
      rows: rows.map((r) => ({ ...r, decision: null, reason: null })),
    });
    expect((await screen.findByTestId('selection-not-started')).textContent).toContain(
      '尚未开始遴选',
    );
    expect(screen.getByTestId('selection-state').textContent).toBe('未开始');
    expect((screen.getByTestId('selection-preselect') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('selection-freeze') as HTMLButtonElement).disabled).toBe(true);
    expect(
      screen.getAllByTestId('row-select').every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);
    expect(screen.queryByTestId('minutes-upload')).toBeNull();
  });
});
