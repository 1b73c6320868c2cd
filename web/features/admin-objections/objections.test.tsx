import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/Providers';
import type { PublicNoticeView } from '../../lib/public-notice';
import type { Campaign } from '../../lib/types';
import type { ObjectionView, ResolvedObjection } from './api';
import { ObjectionsPanel } from './ObjectionsPage';

const campaign = {
  id: 'c1',
  code: 'c2021',
  title: '2021年工业互联网APP征集',
  year: 2021,
} as Campaign;
const LIST = '/campaigns/c1/objections';

const notice: PublicNoticeView = {
  campaignCode: 'c2021',
  campaignTitle: campaign.title,
  period: {
    from: '2021-09-28',
    to: '2021-10-09',
    workingDays: 5,
    calendarDays: 12,
    daysOff: [],
    opensAt: '2021-09-27T16:00:00.000Z',
    closesAt: '2021-10-09T15:59:59.999Z',
    text: '2021年9月28日至2021年10月9日（5个工作日）',
  },
  state: 'open',
  contact: '电话：010-68208888',
  publishedAt: '2021-09-27T02:00:00.000Z',
  items: [],
};

const objection = (over: Partial<ObjectionView>): ObjectionView => ({
  id: 'o1',
  referenceNo: '2021-YY-0001',
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  applicantName: '北京甲科技有限公司',
  unitName: '北京市',
  applicationState: 'in_public_notice',
  name: '赵异议',
  organisation: '上海某某研究院',
  phone: '13812345678',
  email: null,
  reasons: '该解决方案申报材料中所列的应用案例与实际情况不符。\n附：现场照片。',
  attachment: { filename: '证明.pdf', mime: 'application/pdf', size: 2048 },
  state: 'received',
  resolution: null,
  resolvedBy: null,
  resolvedAt: null,
  submittedAt: '2021-09-29T02:00:00.000Z',
  ...over,
});

type Answer = (method: string, path: string, q: URLSearchParams, body: any) => [number, unknown];

function renderPanel(answer: Answer) {
  const calls: Array<{ method: string; path: string; query: string; body?: any }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const [path, q = ''] = url.replace('/api/v1', '').split('?');
      calls.push({ method, path: path!, query: q, ...(body ? { body } : {}) });
      const [status, res] = answer(method, path!, new URLSearchParams(q), body);
      return new Response(JSON.stringify(res), { status });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter>
        <ObjectionsPanel campaigns={[campaign]} campaign={campaign} onPick={() => {}} />
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}

const resolved = (o: ObjectionView, r: Partial<ResolvedObjection>): ResolvedObjection => ({
  objection: o,
  outcome: 'dismissed',
  withdrawn: false,
  toldBy: 'phone',
  ...r,
});

describe('公示异议处理', () => {
  it('lists the objections to handle; the drawer shows the objector, the reasons and the attachment; dismissing without an e-mail says to telephone', async () => {
    const o = objection({});
    const calls = renderPanel((method, path, q, body) => {
      if (path === '/campaigns/c1/public-notice') return [200, notice];
      if (method === 'GET' && path === LIST)
        return [200, { items: q.get('state') === 'received' ? [o] : [] }];
      if (method === 'POST' && path === `${LIST}/o1/resolve`)
        return [
          200,
          resolved(
            objection({ state: 'dismissed', resolution: body.resolution, resolvedBy: '主管部门' }),
            {},
          ),
        ];
      return [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }];
    });
    expect((await screen.findByTestId('objections-period')).textContent).toContain(
      '公示期：2021年9月28日至2021年10月9日（5个工作日）',
    );
    const row = await screen.findByText('2021-YY-0001');
    expect(row.closest('tr')!.textContent).toContain('赵异议');
    expect(row.closest('tr')!.textContent).toContain('待处理');

    fireEvent.click(screen.getByTestId('objection-open-2021-YY-0001'));
    const drawer = await screen.findByTestId('objection-drawer');
    expect(within(drawer).getByTestId('objection-phone').textContent).toBe('13812345678');
    expect(within(drawer).getByTestId('objection-reasons').textContent).toContain('附：现场照片。');
    expect(within(drawer).getByText('未留邮箱（须电话告知处理结果）')).toBeTruthy();
    expect(within(drawer).getByTestId('objection-attachment').getAttribute('href')).toBe(
      '/api/v1/campaigns/c1/objections/o1/attachment',
    );

    // a reason of at least 4 字, checked before sending
    fireEvent.change(within(drawer).getByTestId('objection-resolution'), {
      target: { value: '不' },
    });
    fireEvent.click(within(drawer).getByTestId('objection-resolve-submit'));
    expect(await within(drawer).findByText('请写明处理理由，至少4个字')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByTestId('objection-resolution'), {
      target: { value: '经核实，该方案应用情况属实。' },
    });
    fireEvent.click(within(drawer).getByTestId('objection-resolve-submit'));
    const told = await screen.findByTestId('objection-told');
    expect(told.textContent).toContain('请电话告知异议人：13812345678');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      outcome: 'dismissed',
      resolution: '经核实，该方案应用情况属实。',
    });
  });

  it('upholding asks for confirmation first; an e-mailed objector needs no call', async () => {
    const o = objection({ email: 'zhao@example.cn' });
    const calls = renderPanel((method, path) => {
      if (path === '/campaigns/c1/public-notice') return [200, notice];
      if (method === 'GET' && path === LIST) return [200, { items: [o] }];
      return [
        200,
        resolved(objection({ state: 'upheld', applicationState: 'not_selected' }), {
          outcome: 'upheld',
          withdrawn: true,
          toldBy: 'email',
        }),
      ];
    });
    fireEvent.click(await screen.findByTestId('objection-open-2021-YY-0001'));
    const drawer = await screen.findByTestId('objection-drawer');
    fireEvent.click(within(drawer).getByLabelText('维持异议（撤销入选）'));
    fireEvent.change(within(drawer).getByTestId('objection-resolution'), {
      target: { value: '经核实，申报材料中的应用案例与实际不符。' },
    });
    fireEvent.click(within(drawer).getByTestId('objection-resolve-submit'));
    await screen.findAllByText('维持异议，撤销“高炉炉况智能诊断工业APP”的入选？');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: '确认撤销入选' }));
    const told = await screen.findByTestId('objection-told');
    expect(told.textContent).toContain('处理结果已通过邮件告知异议人。');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        outcome: 'upheld',
        resolution: '经核实，申报材料中的应用案例与实际不符。',
      }),
    );
  });

  it('a campaign without a 公示 says there are none', async () => {
    renderPanel((_m, path) =>
      path === '/campaigns/c1/public-notice'
        ? [404, { error: { code: 'NOT_FOUND', message: '本活动暂无公示', messageEn: 'None' } }]
        : [200, { items: [] }],
    );
    expect((await screen.findByTestId('objections-no-notice')).textContent).toBe(
      '本活动尚未开启公示，暂无异议。',
    );
  });
});
