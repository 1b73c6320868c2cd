import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import type { FollowUpReport } from './api';
import { FollowUpForm } from './FollowUpForm';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const CAMPAIGN = 'c0000000-0000-0000-0000-000000000001';
const AWARD = 'a0000000-0000-0000-0000-000000000001';

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
    <FollowUpForm
      campaignId={CAMPAIGN}
      awardId={AWARD}
      report={r}
      ctx={{ awardYear: 2019, campaignYear: 2021 }}
      deadline="2099-10-20T15:59:59.999Z"
      onSaved={() => {}}
      reload={reload}
      onSubmitted={onSubmitted}
    />,
  );
  return { onSubmitted, reload };
}

const years = () =>
  screen.getAllByLabelText(/^年度收入 \d+ 年度$/).map((el) => (el as HTMLInputElement).value);

/** The form item (label, input and its messages) around a control. */
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

describe('revenue and version rows', () => {
  it('starts with one row per year asked for, adds the missing year back and removes rows', async () => {
    renderForm(null);
    const calls = stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: (body) => [
        200,
        report((body as { data: Record<string, unknown> }).data, { draftVersion: 1 }),
      ],
    });
    expect(years()).toEqual(['2019', '2020']);

    fireEvent.click(screen.getByRole('button', { name: '删除第 1 行年度收入' }));
    await waitFor(() => expect(years()).toEqual(['2020']));
    expect(screen.getByTestId('follow-up-save-state').textContent).toContain('未保存');
    fireEvent.click(screen.getByRole('button', { name: /添加年度收入/ }));
    await waitFor(() => expect(years()).toEqual(['2020', '2019']));
    fireEvent.change(screen.getByLabelText('年度收入 1 市场收入'), { target: { value: '120.5' } });
    fireEvent.blur(screen.getByLabelText('年度收入 1 市场收入'));
    await waitFor(() =>
      expect(
        JSON.parse(window.localStorage.getItem(`zx.followUp.${CAMPAIGN}.${AWARD}`)!).data.revenue,
      ).toEqual([{ year: 2020, amount: 120.5 }, { year: 2019 }]),
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('adds, fills and removes version rows, and saves the rows as they are on screen', async () => {
    renderForm(null);
    const calls = stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: (body) => [
        200,
        report((body as { data: Record<string, unknown> }).data, { draftVersion: 1 }),
      ],
    });
    // versions: one empty row to start; add a second, fill it, drop the first
    expect(screen.getAllByTestId('version-row')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /添加版本更新记录/ }));
    await waitFor(() => expect(screen.getAllByTestId('version-row')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('版本更新记录 2 版本号'), { target: { value: 'V2.0' } });
    fireEvent.change(screen.getByLabelText('版本更新记录 2 更新内容'), {
      target: { value: '新增能耗分析模块' },
    });
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 条版本更新记录' }));
    await waitFor(() => expect(screen.getAllByTestId('version-row')).toHaveLength(1));
    expect((screen.getByLabelText('版本更新记录 1 版本号') as HTMLInputElement).value).toBe('V2.0');

    // the draft keeps the rows as they are on screen, and this browser keeps a copy until saved
    const local = JSON.parse(window.localStorage.getItem(`zx.followUp.${CAMPAIGN}.${AWARD}`)!);
    expect(local.baseVersion).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      campaignId: CAMPAIGN,
      draftVersion: 0,
      data: {
        promotion: {},
        revenue: [{ year: 2019 }, { year: 2020 }],
        versions: [{ version: 'V2.0', change: '新增能耗分析模块' }],
        status: {},
      },
    });
    await waitFor(() =>
      expect(window.localStorage.getItem(`zx.followUp.${CAMPAIGN}.${AWARD}`)).toBeNull(),
    );
    expect(screen.getByTestId('follow-up-save-state').textContent).toContain('已保存');
  });
});

describe('submitting', () => {
  it('names every missing field next to it before asking the server', async () => {
    renderForm(null);
    const calls = stubFetch({});
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    const summary = await screen.findByTestId('follow-up-problems');
    expect(summary.textContent).toContain('应用推广情况 › 新增客户数：请填写新增客户数');
    expect(summary.textContent).toContain('市场收入情况 › 年度收入 2 › 市场收入：请填写市场收入');
    const promotion = screen.getByTestId('section-promotion');
    expect(await within(promotion).findByText('请填写新增客户数')).toBeTruthy();
    await waitFor(() =>
      expect(itemOf(screen.getByLabelText('年度收入 2 市场收入')).textContent).toContain(
        '请填写市场收入',
      ),
    );
    await waitFor(() =>
      expect(itemOf(screen.getByLabelText('版本更新记录 1 版本号')).textContent).toContain(
        '请填写版本号',
      ),
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    // fixing a field takes its message away at once
    fireEvent.change(screen.getByLabelText('版本更新记录 1 版本号'), { target: { value: 'V1.1' } });
    await waitFor(() =>
      expect(itemOf(screen.getByLabelText('版本更新记录 1 版本号')).textContent).not.toContain(
        '请填写版本号',
      ),
    );
  });

  it('puts the issues the server returns (FOLLOW_UP_INCOMPLETE) on their fields and sections', async () => {
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
      expect(itemOf(screen.getByLabelText('年度收入 2 市场收入')).textContent).toContain(
        '2020年收入与上年差异过大，请核对',
      ),
    );
    expect(screen.getByTestId('issues-versions').textContent).toBe('请至少填写1条版本更新记录');
    expect(screen.getByTestId('follow-up-problems').textContent).toContain('还有 2 处需要修改');
    expect(screen.getByTestId('follow-up-error').textContent).toContain('统计表尚未填写完整');
    // nothing to save first: the report on the server is the one on screen
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(
      `POST /follow-up-reports/${AWARD}/submit`,
    );
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ campaignId: CAMPAIGN });
    expect(onSubmitted).not.toHaveBeenCalled();
  });
});

describe('a save refused because of a newer version', () => {
  it('says so, keeps the input, and reloads on request', async () => {
    const reload = vi.fn(async () => undefined);
    renderForm(report({ promotion: { newCustomers: 3 } }), reload);
    stubFetch({
      [`PUT /follow-up-reports/${AWARD}`]: [
        409,
        {
          error: {
            code: 'DRAFT_CONFLICT',
            message: '已在别处修改',
            messageEn: 'Changed elsewhere',
            details: { currentVersion: 3, updatedAt: '2021-09-02T02:00:00.000Z' },
          },
        },
      ],
    });
    const input = screen.getByLabelText('新增客户数');
    fireEvent.change(input, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    const alert = await screen.findByTestId('follow-up-conflict');
    expect(alert.textContent).toContain('第 3 版，2021-09-02 10:00:00');
    expect((screen.getByLabelText('新增客户数') as HTMLInputElement).value).toBe('40');
    const local = JSON.parse(window.localStorage.getItem(`zx.followUp.${CAMPAIGN}.${AWARD}`)!);
    expect(local).toMatchObject({ baseVersion: 2, data: { promotion: { newCustomers: 40 } } });
    fireEvent.click(within(alert).getByRole('button', { name: /载入最新版本/ }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    // still in this browser, to be offered back on the reloaded page
    expect(window.localStorage.getItem(`zx.followUp.${CAMPAIGN}.${AWARD}`)).toContain(
      '"newCustomers":40',
    );
  });
});
