import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { followUpContextOf, followUpFormTemplate } from '../../../domain/forms';
import { renderWithApp } from '../../../test/web/render';
import type { FollowUpReport } from './api';
import { FollowUpEditor } from './FollowUpEditor';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const CAMPAIGN = 'c0000000-0000-0000-0000-000000000001';
const AWARD = 'a0000000-0000-0000-0000-000000000001';
const STORED = `zx.followUp.${CAMPAIGN}.${AWARD}`;
const settings = MIIT_2021.settings;
const decl = followUpFormTemplate();
// a 2019 winner in the 2021 call: revenue for 2019 and 2020
const ctx = followUpContextOf(settings, { awardYear: 2019, campaignYear: 2021 });

type Answer = [number, unknown] | ((body: unknown) => [number, unknown]);

/** fetch answering from a table of `METHOD /path` → [status, body]; records JSON bodies. */
function stubFetch(routes: Record<string, Answer>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.split('?')[0]!.replace('/api/v1', '');
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, path, body });
      const answer = routes[`${method} ${path}`];
      const [status, res] = !answer
        ? [200, { items: [] }]
        : typeof answer === 'function'
          ? answer(body)
          : answer;
      return new Response(JSON.stringify(res), { status });
    }),
  );
  return calls;
}

function report(data: Record<string, unknown>, over: Partial<FollowUpReport> = {}): FollowUpReport {
  return {
    state: 'draft',
    data,
    draftVersion: 2,
    returnComment: null,
    submittedAt: null,
    updatedAt: '2021-09-01T02:00:00.000Z',
    ...over,
  };
}

function renderForm(r: FollowUpReport | null, reload = vi.fn(async () => undefined)) {
  const onSubmitted = vi.fn();
  renderWithApp(
    <FollowUpEditor
      campaignId={CAMPAIGN}
      awardId={AWARD}
      decl={decl}
      ctx={ctx}
      settings={settings}
      report={r}
      deadline="2099-10-20T15:59:59.999Z"
      onSaved={() => {}}
      reload={reload}
      onSubmitted={onSubmitted}
    />,
  );
  return { onSubmitted, reload };
}

const rowsOf = (list: string) => screen.queryAllByTestId(new RegExp(`^item-${list}-\\d+$`));
const inRow = (list: string, n: number, label: string) =>
  within(screen.getByTestId(`item-${list}-${n}`)).getByLabelText(label) as HTMLInputElement;
const years = () => rowsOf('revenue').map((_, i) => inRow('revenue', i, '年度').value);
/** The form item (label, input and its messages) around a control. */
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const saveState = () => screen.getByTestId('follow-up-save-state').textContent;

describe('revenue and version rows, from the declaration', () => {
  it('starts with one row per year asked for, adds the missing year back and removes rows', async () => {
    renderForm(null);
    const calls = stubFetch({});
    expect(screen.getByTestId('keys-revenue').textContent).toContain('2019年、2020年');
    expect(years()).toEqual(['2019', '2020']);

    fireEvent.click(
      within(screen.getByTestId('item-revenue-0')).getByRole('button', { name: /删\s*除/ }),
    );
    await waitFor(() => expect(years()).toEqual(['2020']));
    expect(saveState()).toContain('有未保存的修改');
    fireEvent.click(screen.getByRole('button', { name: /添加年度收入/ }));
    await waitFor(() => expect(years()).toEqual(['2020', '2019']));
    fireEvent.change(inRow('revenue', 0, '市场收入'), { target: { value: '120.5' } });
    fireEvent.blur(inRow('revenue', 0, '市场收入'));
    // this browser keeps a copy at once; the save comes a few seconds later
    await waitFor(() =>
      expect(JSON.parse(window.localStorage.getItem(STORED)!).data.revenue).toEqual([
        { year: 2020, amount: 120.5 },
        { year: 2019 },
      ]),
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('saves the rows as they are on screen, by itself a few seconds after a change', async () => {
    renderForm(null);
    const calls = stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: (body) => [
        200,
        report((body as { data: Record<string, unknown> }).data, { draftVersion: 1 }),
      ],
    });
    expect(rowsOf('versions')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /添加版本更新记录/ }));
    await waitFor(() => expect(rowsOf('versions')).toHaveLength(2));
    fireEvent.change(inRow('versions', 1, '版本号'), { target: { value: 'V2.0' } });
    fireEvent.change(inRow('versions', 1, '更新内容'), { target: { value: '新增能耗分析模块' } });
    fireEvent.click(
      within(screen.getByTestId('item-versions-0')).getByRole('button', { name: /删\s*除/ }),
    );
    await waitFor(() => expect(rowsOf('versions')).toHaveLength(1));
    expect(inRow('versions', 0, '版本号').value).toBe('V2.0');
    expect(JSON.parse(window.localStorage.getItem(STORED)!).baseVersion).toBe(0);

    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1), {
      timeout: 10_000,
    });
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      campaignId: CAMPAIGN,
      draftVersion: 0,
      data: {
        promotion: {},
        revenue: [{ year: 2019 }, { year: 2020 }],
        versions: [{ version: 'V2.0', change: '新增能耗分析模块' }],
        status: {},
      },
    });
    await waitFor(() => expect(window.localStorage.getItem(STORED)).toBeNull());
    expect(saveState()).toContain('已保存');
  });
});

describe('submitting', () => {
  it('names every missing field next to it before asking the server', async () => {
    renderForm(null);
    const calls = stubFetch({});
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    const summary = await screen.findByTestId('follow-up-problems');
    expect(summary.textContent).toContain('一、应用推广情况 › 新增客户数：请填写新增客户数');
    expect(summary.textContent).toContain(
      '二、市场收入情况 › 年度收入 2 › 市场收入：请填写市场收入',
    );
    expect(summary.textContent).toContain('四、当前状态 › 当前状态：请选择当前状态');
    const promotion = screen.getByTestId('section-promotion');
    expect(await within(promotion).findByText('请填写新增客户数')).toBeTruthy();
    await waitFor(() =>
      expect(itemOf(inRow('revenue', 1, '市场收入')).textContent).toContain('请填写市场收入'),
    );
    await waitFor(() =>
      expect(itemOf(inRow('versions', 0, '版本号')).textContent).toContain('请填写版本号'),
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    // fixing a field takes its message away at once
    fireEvent.change(inRow('versions', 0, '版本号'), { target: { value: 'V1.1' } });
    await waitFor(() =>
      expect(itemOf(inRow('versions', 0, '版本号')).textContent).not.toContain('请填写版本号'),
    );
  });

  it('puts the issues the server returns (FOLLOW_UP_INCOMPLETE) on their fields and lists', async () => {
    const complete = {
      promotion: { newCustomers: 12, industriesReached: ['C'], description: '在长三角推广' },
      revenue: [
        { year: 2019, amount: 100 },
        { year: 2020, amount: 260 },
      ],
      versions: [{ version: 'V1.2', date: '2020-06-01', change: '支持多工厂' }],
      status: { state: 'promoting', description: '持续推广中' },
    };
    const { onSubmitted } = renderForm(report(complete));
    const calls = stubFetch({
      [`POST /follow-up-reports/${AWARD}/submit`]: [
        400,
        {
          error: {
            code: 'FOLLOW_UP_INCOMPLETE',
            message: '统计表尚未填写完整，请按提示逐项修改后再提交',
            messageEn: 'The follow-up report is incomplete',
            details: {
              issues: [
                { path: 'revenue.1.amount', message: '2020年收入与上年差异过大，请核对' },
                { path: 'versions', message: '请至少填写1条版本更新记录' },
              ],
            },
          },
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    const confirm = await screen.findByRole('dialog');
    fireEvent.click(within(confirm).getByRole('button', { name: /提\s*交/ }));

    await waitFor(() =>
      expect(itemOf(inRow('revenue', 1, '市场收入')).textContent).toContain(
        '2020年收入与上年差异过大，请核对',
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('group-versions').textContent).toContain(
        '请至少填写1条版本更新记录',
      ),
    );
    expect(screen.getByTestId('follow-up-problems').textContent).toContain('还有 2 处需要修改');
    expect(screen.getByTestId('follow-up-error').textContent).toContain('统计表尚未填写完整');
    // nothing to save first: the report on the server is the one on screen
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ campaignId: CAMPAIGN });
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});

describe('a save refused because of a newer version (the shared draft editor)', () => {
  const conflict: Answer = [
    409,
    {
      error: {
        code: 'DRAFT_CONFLICT',
        message: '已在别处修改',
        messageEn: 'Changed elsewhere',
        details: { currentVersion: 3, updatedAt: '2021-09-02T02:00:00.000Z' },
      },
    },
  ];
  const newer = {
    award: {},
    deadline: '2099-10-20T15:59:59.999Z',
    report: report(
      { promotion: { newCustomers: 3 }, status: { state: 'stable' } },
      { draftVersion: 3, updatedAt: '2021-09-02T02:00:00.000Z' },
    ),
  };

  it('shows only the fields that differ, by label and as read; keeps the input; reloads on request', async () => {
    const reload = vi.fn(async () => undefined);
    renderForm(report({ promotion: { newCustomers: 3 }, status: { state: 'stable' } }), reload);
    stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: conflict,
      [`GET /follow-up-reports/${AWARD}`]: [200, newer],
    });
    fireEvent.change(screen.getByLabelText('新增客户数'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    const dialog = await screen.findByRole('dialog', { name: /统计表已在别处修改/ });
    expect(dialog.textContent).toContain('第 3 版，2021-09-02 10:00:00');
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId('conflict-field')
          .map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)),
      ).toEqual([['一、应用推广情况 › 新增客户数', '40 家', '3 家']]),
    );
    expect(saveState()).toContain('版本冲突');
    expect((screen.getByLabelText('新增客户数') as HTMLInputElement).value).toBe('40');
    expect(JSON.parse(window.localStorage.getItem(STORED)!)).toMatchObject({
      baseVersion: 2,
      data: { promotion: { newCustomers: 40 } },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /载入最新版本/ }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    // still in this browser, to be offered back on the reloaded page
    expect(window.localStorage.getItem(STORED)).toContain('"newCustomers":40');
  });

  it('overwrites the newer version only on purpose, over the version it now is', async () => {
    renderForm(report({ promotion: { newCustomers: 3 }, status: { state: 'stable' } }));
    let refused = false;
    const calls = stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: (body) => {
        if (!refused) {
          refused = true;
          return conflict as [number, unknown];
        }
        return [200, report((body as { data: Record<string, unknown> }).data, { draftVersion: 4 })];
      },
      [`GET /follow-up-reports/${AWARD}`]: [200, newer],
    });
    fireEvent.change(screen.getByLabelText('新增客户数'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    const dialog = await screen.findByRole('dialog', { name: /统计表已在别处修改/ });
    await within(dialog).findAllByTestId('conflict-field');
    fireEvent.click(within(dialog).getByRole('button', { name: /用我的内容覆盖/ }));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]!.body).toMatchObject({
      draftVersion: 3,
      data: { promotion: { newCustomers: 40 } },
    });
    await waitFor(() => expect(saveState()).toContain('已保存'));
    expect(window.localStorage.getItem(STORED)).toBeNull();
  });

  it('offers this browser’s copy of an older version back, and puts it in the form on request', async () => {
    window.localStorage.setItem(
      STORED,
      JSON.stringify({
        baseVersion: 1,
        data: { promotion: { newCustomers: 77 } },
        at: '2021-09-01T01:00:00.000Z',
      }),
    );
    renderForm(report({ promotion: { newCustomers: 3 } }));
    stubFetch({});
    const offer = await screen.findByTestId('local-copy');
    expect((screen.getByLabelText('新增客户数') as HTMLInputElement).value).toBe('3');
    fireEvent.click(within(offer).getByRole('button', { name: /用本机副本替换/ }));
    await waitFor(() =>
      expect((screen.getByLabelText('新增客户数') as HTMLInputElement).value).toBe('77'),
    );
    expect(screen.queryByTestId('local-copy')).toBeNull();
    expect(saveState()).toContain('有未保存的修改');
  });
});
