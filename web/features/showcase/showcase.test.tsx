// 成果展示 on the web: the enterprise's editor counts 字数, saves the draft with the version read
// and the images in the order chosen, refuses a too-short text before sending, submits; a returned
// showcase shows the reason; what is public now is shown apart.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPageAt, type Answer } from '../../../test/web/render';
import { base, img, showcase, TEXT } from '../../../test/web/showcase';
import { ShowcasePage } from './ShowcasePage';

const renderAt = (url: string, answer: Answer) =>
  renderPageAt('/showcase/:publicId', <ShowcasePage />, url, answer);

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
