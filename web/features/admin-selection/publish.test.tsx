import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { beijingDay } from '../../../domain/registry';
import { Providers } from '../../app/Providers';
import type { Campaign } from '../../lib/types';
import type { SelectionView } from './api';
import type { PublishedListView } from './publish-api';
import { documentNoOk, PublishCard } from './PublishCard';
import { SelectionPanel } from './SelectionPage';

const LIST = '/campaigns/c1/published-list';
const DOC = '工信厅信发函〔2021〕300号';
const TITLE = '2021年工业互联网APP优秀解决方案名单';

const items = [
  {
    applicationId: 'a1',
    seq: 1,
    publicId: '2021-IIAPP-001',
    solutionName: '高炉炉况智能诊断工业APP',
    enterpriseName: '北京甲科技有限公司',
    categoryName: '安全可靠工业APP',
    unitName: '北京市',
    validFrom: null,
    validUntil: null,
    status: null,
  },
  {
    applicationId: 'a2',
    seq: 2,
    publicId: '2021-IIAPP-002',
    solutionName: '注塑工艺参数寻优工业APP',
    enterpriseName: '上海乙科技有限公司',
    categoryName: '基础共性工业APP',
    unitName: '上海市',
    validFrom: null,
    validUntil: null,
    status: null,
  },
];

/** Before publishing: the 公示 of the test's own week, so today is inside the allowed days. */
function draft(over: Partial<PublishedListView> = {}): PublishedListView {
  const today = beijingDay(new Date());
  return {
    campaignId: 'c1',
    campaignTitle: '2021年工业互联网APP征集',
    year: 2021,
    list: null,
    notice: {
      from: '2021-12-06',
      to: '2021-12-10',
      closesAt: '2021-12-10T15:59:59.999Z',
      text: '2021年12月6日至2021年12月10日（5个工作日）',
    },
    defaultTitle: TITLE,
    earliestPublishedOn: today,
    objections: { received: 0, upheld: 1, dismissed: 2 },
    problems: [],
    items,
    ...over,
  };
}

const published: PublishedListView = {
  ...draft(),
  list: {
    title: TITLE,
    documentNo: DOC,
    publishedOn: '2021-12-20',
    validUntil: '2023-12-19',
    publishedAt: '2021-12-20T02:00:00.000Z',
    publishedBy: '演示主管部门',
  },
  items: items.map((i) => ({
    ...i,
    validFrom: '2021-12-20',
    validUntil: '2023-12-19',
    status: i.seq === 2 ? ('revoked' as const) : ('valid' as const),
  })),
};

type Answer = (method: string, path: string) => [number, unknown] | undefined;

function renderWith(ui: ReactNode, answer: Answer) {
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, url, ...(body === undefined ? {} : { body }) });
      const [path] = url.replace('/api/v1', '').split('?');
      const [status, res] = answer(method, path!) ?? [
        404,
        { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } },
      ];
      return new Response(JSON.stringify(res), { status });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
  return calls;
}

describe('the 发布名单 card', () => {
  it('checks the 文号 as the server does', () => {
    expect(documentNoOk('3号')).toBe(false);
    expect(documentNoOk(DOC)).toBe(true);
  });

  it('says what stops publishing, lists what would be listed, and does not let it be sent', async () => {
    const calls = renderWith(<PublishCard campaignId="c1" />, (method, path) =>
      method === 'GET' && path === LIST
        ? [
            200,
            draft({
              problems: [
                '公示期未结束（至2021年12月10日），期满后方可发布名单',
                '尚有2件异议未处理，请先处理异议再发布名单',
              ],
              objections: { received: 2, upheld: 0, dismissed: 0 },
            }),
          ]
        : undefined,
    );
    const problems = await screen.findByTestId('publish-problems');
    expect(problems.textContent).toContain('公示期未结束（至2021年12月10日）');
    expect(problems.textContent).toContain('尚有2件异议未处理');
    expect(problems.textContent).toContain('异议：待处理 2 件');
    expect(screen.getByTestId('publish-state').textContent).toBe('未发布');
    const table = screen.getByTestId('publish-items');
    expect(within(table).getByText('拟分配编号')).toBeTruthy();
    expect(within(table).getByText('2021-IIAPP-002')).toBeTruthy();
    expect((screen.getByTestId('publish-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('refuses a short 文号 before sending anything', async () => {
    const calls = renderWith(<PublishCard campaignId="c1" />, (method, path) =>
      method === 'GET' && path === LIST ? [200, draft()] : undefined,
    );
    await screen.findByTestId('publish-ready');
    fireEvent.change(screen.getByTestId('publish-document-no'), { target: { value: '3号' } });
    fireEvent.click(screen.getByTestId('publish-submit'));
    expect(await screen.findByText('请填写发布文号，如 工信厅信发函〔2021〕300号')).toBeTruthy();
    expect(screen.queryByTestId('publish-confirm')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('confirms, sends the 文号, day and title, then shows the published list', async () => {
    let done = false;
    const calls = renderWith(<PublishCard campaignId="c1" />, (method, path) => {
      if (path !== LIST) return undefined;
      if (method === 'POST') {
        done = true;
        return [201, published];
      }
      return [200, done ? published : draft()];
    });
    const ready = await screen.findByTestId('publish-ready');
    expect(ready.textContent).toContain('公示期2021年12月6日至2021年12月10日（5个工作日）已满');
    expect(ready.textContent).toContain('成立 1 件');
    fireEvent.change(screen.getByTestId('publish-document-no'), { target: { value: ` ${DOC} ` } });
    fireEvent.change(screen.getByTestId('publish-list-title'), {
      target: { value: '2021年名单（第一批）' },
    });
    fireEvent.click(screen.getByTestId('publish-submit'));
    const confirm = await screen.findByTestId('publish-confirm');
    expect(confirm.textContent).toContain(`《2021年名单（第一批）》（${DOC}）`);
    expect(confirm.textContent).toContain('2 个项目将列入名单');
    expect(confirm.textContent).toContain('不能撤回');
    fireEvent.click(screen.getByTestId('publish-confirm-ok'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      url: `/api/v1${LIST}`,
      body: { documentNo: DOC, publishedOn: beijingDay(new Date()), title: '2021年名单（第一批）' },
    });
    expect((await screen.findByTestId('published-title')).textContent).toBe(TITLE);
    expect(screen.getByTestId('publish-state').textContent).toBe('已发布');
    expect(screen.getByTestId('published-document-no').textContent).toBe(DOC);
  });

  it('without a title sends none (the server gives the default)', async () => {
    const calls = renderWith(<PublishCard campaignId="c1" />, (method, path) =>
      path !== LIST ? undefined : method === 'POST' ? [201, published] : [200, draft()],
    );
    await screen.findByTestId('publish-ready');
    fireEvent.change(screen.getByTestId('publish-document-no'), { target: { value: DOC } });
    fireEvent.click(screen.getByTestId('publish-submit'));
    expect((await screen.findByTestId('publish-confirm')).textContent).toContain(`《${TITLE}》`);
    fireEvent.click(screen.getByTestId('publish-confirm-ok'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      documentNo: DOC,
      publishedOn: beijingDay(new Date()),
    });
  });

  it('says why the server refused', async () => {
    renderWith(<PublishCard campaignId="c1" />, (method, path) => {
      if (path !== LIST) return undefined;
      if (method === 'POST')
        return [
          409,
          {
            error: {
              code: 'WRONG_STATE',
              message: '尚有1件异议未处理，请先处理异议再发布名单',
              messageEn: 'x',
            },
          },
        ];
      return [200, draft()];
    });
    await screen.findByTestId('publish-ready');
    fireEvent.change(screen.getByTestId('publish-document-no'), { target: { value: DOC } });
    fireEvent.click(screen.getByTestId('publish-submit'));
    fireEvent.click(await screen.findByTestId('publish-confirm-ok'));
    expect(await screen.findByText('尚有1件异议未处理，请先处理异议再发布名单')).toBeTruthy();
  });

  it('a published list: its 文号, validity, and each solution with id, validity and status', async () => {
    renderWith(<PublishCard campaignId="c1" />, (method, path) =>
      method === 'GET' && path === LIST ? [200, published] : undefined,
    );
    const table = await screen.findByTestId('publish-items');
    expect(screen.getByTestId('published-count').textContent).toBe('共 2 个解决方案');
    expect(within(table).getByText('公开编号')).toBeTruthy();
    expect(within(table).getByText('2021-IIAPP-001')).toBeTruthy();
    expect(within(table).getAllByText('2021年12月20日至2023年12月19日')).toHaveLength(2);
    expect(
      within(table)
        .getAllByTestId('published-status')
        .map((s) => s.textContent),
    ).toEqual(['有效', '已撤销']);
    expect(screen.queryByTestId('publish-form')).toBeNull();
  });

  it('appears on the frozen selection once a 公示 is open', async () => {
    const frozen = {
      campaignId: 'c1',
      campaignTitle: '2021年工业互联网APP征集',
      state: 'frozen',
      revision: 9,
      round: null,
      rounds: [],
      categories: [],
      minutes: null,
      frozenAt: '2021-09-26T06:30:00.000Z',
      frozenBy: '演示主管部门',
      problems: [],
      rows: [],
    } as SelectionView;
    const notice = {
      campaignCode: 'c2021',
      campaignTitle: frozen.campaignTitle,
      period: {
        from: '2021-12-06',
        to: '2021-12-10',
        workingDays: 5,
        calendarDays: 5,
        daysOff: [],
        opensAt: '2021-12-05T16:00:00.000Z',
        closesAt: '2021-12-10T15:59:59.999Z',
        text: '2021年12月6日至2021年12月10日（5个工作日）',
      },
      state: 'closed',
      contact: '信息技术发展司',
      publishedAt: '2021-12-05T02:00:00.000Z',
      items: [],
    };
    const campaign = { id: 'c1', code: 'c2021', title: frozen.campaignTitle } as Campaign;
    renderWith(
      <SelectionPanel campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      (method, path) => {
        if (method !== 'GET') return undefined;
        if (path === '/campaigns/c1/selection') return [200, frozen];
        if (path === '/campaigns/c1/public-notice') return [200, notice];
        if (path === LIST) return [200, published];
        return undefined;
      },
    );
    const card = await screen.findByTestId('publish-card');
    expect(await within(card).findByTestId('published-title')).toBeTruthy();
  });
});
