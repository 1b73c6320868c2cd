import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { MyApplications } from './MyApplications';

/** A screen `width` px wide, as antd's breakpoints ask (min-width / max-width queries). */
function screenOf(width: number) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches:
          Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? 0) <= width &&
          width <= Number(/max-width:\s*(\d+)px/.exec(query)?.[1] ?? Infinity),
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as unknown as MediaQueryList,
  );
}
afterEach(() => vi.restoreAllMocks());

const routes = {
  'GET /applications': {
    items: [
      {
        id: '00000000-0000-4000-8000-0000000000d1',
        campaignId: 'c',
        campaignTitle: '【演示】2026年工业互联网APP优秀解决方案征集遴选',
        onlineDeadline: '2099-10-20T15:59:59.000Z',
        enterpriseName: '北京示例智造科技有限公司',
        channelName: '北京市',
        state: 'submitted',
        solutionName: '离散制造设备健康管理解决方案',
        wordCount: 4321,
        currentVersionNo: 1,
        returnComment: null,
        updatedAt: '2026-10-01T00:00:00.000Z',
        submittedAt: '2026-10-01T00:00:00.000Z',
      },
    ],
  },
};

describe('my applications', () => {
  it('at 390 px: one card per application with name, state, next step and its actions', async () => {
    screenOf(390);
    renderWithApp(<MyApplications />, routes);
    const card = await screen.findByTestId('application-card');
    expect(document.querySelector('.ant-table')).toBeNull(); // no wide table to scroll
    const c = within(card);
    expect(c.getByRole('link', { name: '离散制造设备健康管理解决方案' })).toBeTruthy();
    expect(c.getByTestId('application-state').textContent).toBe('已提交');
    expect(card.textContent).toContain('下一步');
    expect(card.textContent).toContain('已提交，等待推荐单位审核');
    expect(c.getByRole('link', { name: '下载申报书PDF' })).toBeTruthy();
  });

  it('at 1280 px: the table', async () => {
    screenOf(1280);
    renderWithApp(<MyApplications />, routes);
    const row = await screen.findByRole('row', { name: /离散制造设备健康管理/ });
    expect(row.textContent).toContain('已提交，等待推荐单位审核');
    expect(screen.queryByTestId('application-card')).toBeNull();
  });
});
