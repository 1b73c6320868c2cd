// 成果展示审核 on the web: the organizer's page lists the submissions by state, opens one in a
// drawer (its text and images) and returns it only with a reason of at least 4 字.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShowcaseSubmissionList } from '../../../domain/api/showcase';
import { renderPageAt, type Answer } from '../../../test/web/render';
import { base, showcase, TEXT } from '../../../test/web/showcase';
import { ShowcaseReviewPage } from './ShowcaseReviewPage';

const renderAt = (url: string, answer: Answer) =>
  renderPageAt('/admin/showcase', <ShowcaseReviewPage />, url, answer);

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
