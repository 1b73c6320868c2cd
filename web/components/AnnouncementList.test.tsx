import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/web/render';
import { AnnouncementList } from './AnnouncementList';

const items = [
  {
    id: 'a2',
    title: '关于延长网上申报时间的通知',
    body: '第一行\n<b>不是HTML</b><script>alert(1)</script>',
    createdAt: '2021-10-15T02:00:00.000Z',
  },
  { id: 'a1', title: '第一份公告', body: '正文一', createdAt: '2021-10-01T02:00:00.000Z' },
];

describe('AnnouncementList', () => {
  it('shows date and title; the text opens as plain text with its line breaks', async () => {
    const { container } = renderWithApp(<AnnouncementList items={items} />);
    expect(screen.getByText('2021年10月15日')).toBeTruthy();
    expect(screen.queryByText(/第一行/)).toBeNull(); // closed
    await act(async () => fireEvent.click(screen.getByText('关于延长网上申报时间的通知')));
    const body = screen.getByText(/第一行/);
    expect(body.textContent).toBe('第一行\n<b>不是HTML</b><script>alert(1)</script>');
    expect(getComputedStyle(body).whiteSpace).toBe('pre-wrap');
    expect(container.querySelector('b, script')).toBeNull();
  });

  it('opens the one a message links to; says so when there is none', () => {
    renderWithApp(<AnnouncementList items={items} openId="a1" />);
    expect(screen.getByText('正文一')).toBeTruthy();
    renderWithApp(<AnnouncementList items={[]} />);
    expect(screen.getByText('暂无通知公告')).toBeTruthy();
  });
});
