import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { QuotaBar } from './QuotaBar';
import { moveItem, nextRank, orderChanged, quotaUse } from './ranking';

describe('reordering 附件3', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('moves an item up and down without touching the input', () => {
    expect(moveItem(ids, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(ids, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(ids, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the ends in place when moved past them', () => {
    expect(moveItem(ids, 0, -1)).toEqual(ids);
    expect(moveItem(ids, 3, 4)).toEqual(ids);
    expect(moveItem(ids, 7, 0)).toEqual(ids);
  });

  it('tells a changed order from the saved one', () => {
    expect(orderChanged(ids, [...ids])).toBe(false);
    expect(orderChanged(ids, moveItem(ids, 1, 2))).toBe(true);
    expect(orderChanged(ids, ids.slice(1))).toBe(true);
  });

  it('gives a new recommendation the rank after the last', () => {
    expect(nextRank([])).toBe(1);
    expect(nextRank([1, 2, 5])).toBe(6);
    expect(nextRank([100])).toBe(100);
  });

  it('never shows a negative remainder', () => {
    expect(quotaUse(10, 3)).toEqual({ used: 3, quota: 10, remaining: 7 });
    expect(quotaUse(5, 6).remaining).toBe(0);
  });
});

describe('the quota bar', () => {
  const open = {
    quota: 10,
    recommended: 3,
    state: 'open' as const,
    signedOffAt: null,
    reopenedAt: null,
    reopenReason: null,
  };

  it('shows use, limit and remainder, and an open batch', () => {
    renderWithApp(<QuotaBar batch={open} />);
    expect(screen.getByTestId('quota-text').textContent).toBe('已推荐 3 / 上限 10，剩余 7');
    expect(screen.getByTestId('batch-state').textContent).toBe('未报送');
    expect(screen.queryByTestId('reopen-reason')).toBeNull();
  });

  it('shows when the batch was signed off', () => {
    renderWithApp(
      <QuotaBar
        batch={{ ...open, state: 'signed_off', signedOffAt: '2021-10-20T02:30:00.000Z' }}
      />,
    );
    expect(screen.getByTestId('batch-state').textContent).toBe('已确认报送（2021-10-20 10:30:00）');
  });

  it('after a reopen, gives the organizer’s reason', () => {
    renderWithApp(
      <QuotaBar
        batch={{
          ...open,
          reopenedAt: '2021-10-21T01:00:00.000Z',
          reopenReason: '第2项企业名称有误',
        }}
      />,
    );
    expect(screen.getByTestId('reopen-reason').textContent).toContain('第2项企业名称有误');
    expect(screen.getByTestId('reopen-reason').textContent).toContain('2021-10-21 09:00:00');
  });
});
