// 成果展示 on the web: the enterprise's editor counts 字数, saves the draft with the version read
// and the images in the order chosen, refuses a too-short text before sending, submits; a returned
// showcase shows the reason; what is public now is shown apart.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShowcaseView } from '../../../domain/api/showcase';
import { Providers } from '../../app/Providers';
import { ShowcasePage } from './ShowcasePage';

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
          <Route path="/showcase/:publicId" element={<ShowcasePage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('成果展示 editor', () => {
  it('counts 字数, refuses a short text before sending, saves with the version and the order, submits', async () => {
    let current = showcase();
    const calls = renderAt('/showcase/2026-IIAPP-001', (method, path, _q, body) => {
      if (method === 'GET' && path === base) return [200, current];
      if (method === 'PUT' && path === base) {
        current = showcase({
          text: body.text,
          images: [img('i2', '看板.png'), img('i1', '车间.png')],
          version: 4,
        });
        return [200, current];
      }
      if (method === 'POST' && path === `${base}/submit`) {
        current = {
          ...current,
          state: 'pending',
          submittedAt: '2026-11-08T03:00:00.000Z',
          version: 5,
        };
        return [200, current];
      }
      return [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }];
    });
    const text = await screen.findByTestId('showcase-text');
    expect(screen.getByTestId('showcase-words').textContent).toBe('字数：3（提交时须50至2000字）');
    expect(screen.getByTestId('showcase-public').textContent).toContain('尚无审核通过的内容');

    fireEvent.click(screen.getByTestId('showcase-submit'));
    expect(await screen.findByText('成果展示文字至少50字，当前3字')).toBeTruthy();
    expect(calls.some((c) => c.method !== 'GET')).toBe(false);

    // the second image first
    const images = screen.getAllByTestId('showcase-image');
    expect(images).toHaveLength(2);
    fireEvent.click(within(images[1]!).getByRole('button', { name: '前移' }));
    fireEvent.change(text, { target: { value: TEXT } });
    expect(screen.getByTestId('showcase-unsaved')).toBeTruthy();
    fireEvent.click(screen.getByTestId('showcase-submit'));
    await screen.findByTestId('showcase-withdraw');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'PUT', path: base, body: { text: TEXT, imageIds: ['i2', 'i1'], version: 3 } },
      { method: 'POST', path: `${base}/submit`, body: { version: 4 } },
    ]);
    expect(screen.getByTestId('showcase-state').textContent).toBe('待审核');
    expect((screen.getByTestId('showcase-text') as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.queryByTestId('showcase-upload')).toBeNull();
  });

  it('a returned showcase shows the reason; what is public now is shown apart, as text', async () => {
    renderAt('/showcase/2026-IIAPP-001', () => [
      200,
      showcase({
        state: 'rejected',
        reviewNote: '请补充应用成效的<b>数据来源</b>',
        reviewedAt: '2026-11-09T02:00:00.000Z',
        public: {
          text: '上次通过的<script>文字</script>',
          images: [img('i1', '车间.png')],
          approvedAt: '2026-11-08T02:00:00.000Z',
          publicUrls: ['/api/v1/published-solutions/2026-IIAPP-001/showcase-images/i1'],
        },
      }),
    ]);
    const alert = await screen.findByTestId('showcase-state-alert');
    expect(alert.textContent).toContain('退回修改');
    expect(alert.textContent).toContain('请补充应用成效的<b>数据来源</b>');
    expect(screen.getByTestId('showcase-public-text').textContent).toBe(
      '上次通过的<script>文字</script>',
    );
    expect(document.querySelector('script')).toBeNull();
  });

  it('a conflict says the showcase changed elsewhere', async () => {
    renderAt('/showcase/2026-IIAPP-001', (method) =>
      method === 'GET'
        ? [200, showcase()]
        : [
            409,
            {
              error: {
                code: 'CONFLICT',
                message: '成果展示已在其他页面或由其他人修改，请刷新后再操作',
                messageEn: 'Changed',
              },
            },
          ],
    );
    fireEvent.click(await screen.findByTestId('showcase-save'));
    expect(
      await screen.findByText('成果展示已在其他页面或由其他人修改，请刷新后再操作'),
    ).toBeTruthy();
  });
});
