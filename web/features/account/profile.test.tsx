import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { api, ApiError, setPasswordChangeRequiredHandler } from '../../lib/api';
import { ProfilePage } from './ProfilePage';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const enterprise = {
  id: 'e1',
  name: '北京测试科技有限公司',
  uscc: '91110108MA01XK2Q8B',
  provinceCode: '110000',
  cityCode: '110100',
  contactName: '王测试',
  phone: '13900000000',
  email: 'wang@test.zhengxuan.invalid',
  checkDigitOverrideReason: null,
  createdAt: '2026-10-01T00:00:00.000Z',
};
const me = {
  user: {
    id: 'u1',
    login: enterprise.uscc,
    email: enterprise.email,
    name: '王测试',
    phone: '13900000000',
    role: 'enterprise',
    status: 'active',
    mustChangePassword: false,
    enterpriseId: 'e1',
    enterpriseName: enterprise.name,
    recommenderUnitId: null,
    recommenderUnitName: null,
    lockedUntil: null,
    lastSignInAt: null,
    createdAt: '2026-10-01T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  enterprise,
  recommenderUnit: null,
};
const regions = {
  items: [
    { code: '110000', name: '北京市', level: 1, parentCode: null },
    { code: '110100', name: '北京市', level: 2, parentCode: '110000' },
  ],
};

describe('账号信息 (profile)', () => {
  it('shows the company’s name and code read-only and saves the contact, asking the password for a new e-mail', async () => {
    const saved = {
      ...me,
      enterprise: { ...enterprise, contactName: '李联系', email: 'li@test.zhengxuan.invalid' },
    };
    renderWithApp(<ProfilePage />, {
      'GET /me': me,
      'GET /regions': regions,
      'PATCH /me/profile': saved,
    });
    expect(await screen.findByText(enterprise.name)).toBeTruthy();
    expect(screen.getAllByText(enterprise.uscc)).toHaveLength(2); // the login and the company's code
    // the name and the code are text, not fields
    expect(screen.queryByDisplayValue(enterprise.name)).toBeNull();
    expect(screen.queryByDisplayValue(enterprise.uscc)).toBeNull();

    const contact = screen.getByLabelText('联系人') as HTMLInputElement;
    expect(contact.value).toBe('王测试');
    expect(screen.queryByLabelText('当前密码')).toBeNull();
    fireEvent.change(contact, { target: { value: '李联系' } });
    fireEvent.change(screen.getByLabelText('电子邮箱'), {
      target: { value: 'li@test.zhengxuan.invalid' },
    });
    const password = await screen.findByLabelText('当前密码');
    const fetchMock = vi.mocked(fetch);
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findAllByText('修改电子邮箱须输入当前密码')).not.toHaveLength(0);
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);

    fireEvent.change(password, { target: { value: 'Secret2021pass' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(true),
    );
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(JSON.parse(init!.body as string)).toEqual({
      name: '李联系',
      phone: '13900000000',
      email: 'li@test.zhengxuan.invalid',
      currentPassword: 'Secret2021pass',
    });
    expect(await screen.findByText('联系信息已保存')).toBeTruthy();
  });

  it('refuses a malformed phone in the browser', async () => {
    renderWithApp(<ProfilePage />, { 'GET /me': me, 'GET /regions': regions });
    const phone = (await screen.findByLabelText('电话')) as HTMLInputElement;
    fireEvent.change(phone, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText(/请填写11位手机号/)).toBeTruthy();
  });
});

describe('a one-time password still to change', () => {
  it('a PASSWORD_CHANGE_REQUIRED answer sends the app to the change-password page', async () => {
    const body = {
      error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码', messageEn: 'x' },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 403 })),
    );
    const go = vi.fn();
    setPasswordChangeRequiredHandler(go);
    await expect(api('/applications')).rejects.toBeInstanceOf(ApiError);
    expect(go).toHaveBeenCalledTimes(1);
  });
});
