// 成果展示审核 on the web: the organizer's page lists the submissions by state, opens one in a
// drawer (its text and images) and returns it only with a reason of at least 4 字.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShowcaseSubmissionList, ShowcaseView } from '../../../domain/api/showcase';
import { Providers } from '../../app/Providers';
import { ShowcaseReviewPage } from './ShowcaseReviewPage';

const TEXT =
  '本解决方案已在三家离散制造企业上线运行，设备综合效率平均提升百分之十二，非计划停机时间减少三成。企业通过移动端实时查看设备健康状态。';
const base = '/published-solutions/2026-IIAPP-001/showcase';
const img = (id: string, filename: string) => ({
  id,
  filename,
  mime: 'image/png',
  size: 2048,
  url: `/api/v1${base}/images/${id}`,
});

const showcase = (over: Partial<ShowcaseView> = {}): ShowcaseView => ({
  publicId: '2026-IIAPP-001',
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  unitName: '北京市',
  status: 'valid',
  state: 'draft',
  text: '短文字',
  images: [img('i1', '车间.png'), img('i2', '看板.png')],
  reviewNote: null,
  submittedAt: null,
  reviewedAt: null,
  updatedAt: '2026-11-08T02:00:00.000Z',
  version: 3,
  public: null,
  canEdit: true,
  ...over,
});

type Answer = (method: string, path: string, q: URLSearchParams, body: any) => [number, unknown];

function renderAt(url: string, answer: Answer) {
  const calls: Array<{ method: string; path: string; body?: any }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (u: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const [path, q = ''] = u.replace('/api/v1', '').split('?');
      calls.push({ method, path: path!, ...(body ? { body } : {}) });
      const [status, res] = answer(method, path!, new URLSearchParams(q), body);
      return new Response(JSON.stringify(res), { status });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/admin/showcase" element={<ShowcaseReviewPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('成果展示审核', () => {
  const list: ShowcaseSubmissionList = {
    items: [
      {
        publicId: '2026-IIAPP-001',
        solutionName: '高炉炉况智能诊断工业APP',
        enterpriseName: '北京甲科技有限公司',
        unitName: '北京市',
        status: 'valid',
        state: 'pending',
        imageCount: 2,
        isPublic: false,
        reviewNote: null,
        submittedAt: '2026-11-08T03:00:00.000Z',
        reviewedAt: null,
        reviewedBy: null,
        version: 5,
      },
    ],
    total: 1,
    page: 1,
    pageSize: 20,
  };

  it('lists the pending ones; the drawer shows the text; a return needs a reason', async () => {
    const pending = showcase({
      state: 'pending',
      text: TEXT,
      version: 5,
      canEdit: false,
      submittedAt: '2026-11-08T03:00:00.000Z',
    });
    const calls = renderAt('/admin/showcase', (method, path, q, body) => {
      if (path === '/showcase-submissions')
        return [200, q.get('state') === 'pending' ? list : { ...list, items: [], total: 0 }];
      if (method === 'GET' && path === base) return [200, pending];
      if (method === 'POST' && path === `${base}/review`)
        return [200, { ...pending, state: 'rejected', reviewNote: body.note }];
      return [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }];
    });
    const row = await screen.findByText('高炉炉况智能诊断工业APP');
    expect(row.closest('tr')!.textContent).toContain('待审核');
    fireEvent.click(screen.getByTestId('showcase-open-2026-IIAPP-001'));
    const drawer = await screen.findByTestId('showcase-drawer');
    expect(within(drawer).getByTestId('showcase-drawer-text').textContent).toBe(TEXT);
    expect(within(drawer).getAllByRole('img').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(within(drawer).getByLabelText('退回'));
    fireEvent.change(within(drawer).getByTestId('showcase-note'), { target: { value: '不行' } });
    fireEvent.click(within(drawer).getByTestId('showcase-review-submit'));
    expect(await within(drawer).findByText('请写明退回理由，至少4个字')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByTestId('showcase-note'), {
      target: { value: '请补充应用成效的数据来源' },
    });
    fireEvent.click(within(drawer).getByTestId('showcase-review-submit'));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toEqual({
        method: 'POST',
        path: `${base}/review`,
        body: { decision: 'reject', note: '请补充应用成效的数据来源', version: 5 },
      }),
    );
  });
});
