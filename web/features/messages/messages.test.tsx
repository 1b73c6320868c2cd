import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { translate } from '../../lib/i18n';
import { bellLabel, internalPath, type NotificationView } from '../../lib/notifications';
import { MessagesPage } from './MessagesPage';
import { NotificationBell } from './NotificationBell';

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('zh', key, vars);

const returned: NotificationView = {
  id: '0b9c1d2e-0000-4000-8000-000000000001',
  kind: 'application.returned',
  kindLabel: '申报书被退回修改',
  subject: '【演示】申报书“轴承缺陷检测”被退回修改',
  body: '李申报，您好：\n\n<b>北京市</b>将申报书退回修改。',
  link: '/applications/0b9c1d2e-0000-4000-8000-0000000000aa',
  createdAt: '2021-10-08T02:00:00.000Z',
  readAt: null,
};

describe('消息中心', () => {
  it('names the bell with the unread count, and says when there is none', () => {
    expect(bellLabel(zh, 3)).toBe('消息中心，3条未读');
    expect(bellLabel(zh, 0)).toBe('消息中心，没有未读消息');
    expect(bellLabel(zh, undefined)).toBe('消息中心，没有未读消息');
  });

  it('follows only links inside the platform', () => {
    expect(internalPath('/applications/a1')).toBe('/applications/a1');
    expect(internalPath('https://example.com/x')).toBeNull();
    expect(internalPath('//example.com/x')).toBeNull();
    expect(internalPath('/\\example.com')).toBeNull();
    expect(internalPath('javascript:alert(1)')).toBeNull();
    expect(internalPath(null)).toBeNull();
  });

  it('opening a message shows its text as text, marks it read and the bell drops at once', async () => {
    let unread = 1;
    const { calls } = renderWithApp(
      <>
        <NotificationBell />
        <MessagesPage />
      </>,
      {
        'GET /notifications': {
          byQuery: () => ({ items: [returned], total: 1, unread }),
        },
        'POST /notifications/read': { byQuery: () => ({ unread: (unread = 0) }) },
      },
    );
    const bell = await screen.findByRole('link', { name: '消息中心，1条未读' });
    expect(bell.getAttribute('href')).toBe('/messages');
    const head = await screen.findByRole('button', { name: /轴承缺陷检测/ });
    expect(head.getAttribute('aria-expanded')).toBe('false');
    expect(head.textContent).toContain('未读');
    await act(async () => fireEvent.click(head));
    expect(head.getAttribute('aria-expanded')).toBe('true');
    const body = screen.getByTestId('message-body');
    // the server's text, never HTML: the tag shows as written and makes no element
    expect(body.textContent).toContain('<b>北京市</b>将申报书退回修改。');
    expect(body.querySelector('b')).toBeNull();
    expect(screen.getByRole('button', { name: /^查\s*看$/ })).toBeTruthy();
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'POST',
        url: '/api/v1/notifications/read',
        body: { ids: [returned.id] },
      }),
    );
    await screen.findByRole('link', { name: '消息中心，没有未读消息' });
    expect(head.textContent).not.toContain('未读');
  });

  it('says so in Chinese when there are no messages', async () => {
    renderWithApp(<MessagesPage />, {
      'GET /notifications': { items: [], total: 0, unread: 0 },
    });
    await screen.findByText('暂无消息');
    expect(screen.getByRole('button', { name: '全部标为已读' }).hasAttribute('disabled')).toBe(
      true,
    );
  });
});
