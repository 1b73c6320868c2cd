import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usccCheckCharacter } from '../../../domain/uscc';
import { renderWithApp } from '../../../test/web/render';
import { RegisterForm } from './RegisterForm';

const regions = {
  items: [
    { code: '110000', name: '北京市', level: 1, parentCode: null },
    { code: '110100', name: '北京市', level: 2, parentCode: '110000' },
  ],
};

describe('RegisterForm', () => {
  it('shows the check-digit message for a wrong code without calling the server', async () => {
    const first17 = '91110108MA01XK2Q8';
    const wrong = usccCheckCharacter(first17) === 'A' ? 'B' : 'A';
    const onRegistered = vi.fn();
    const { calls } = renderWithApp(<RegisterForm onRegistered={onRegistered} />, {
      'GET /regions': regions,
    });
    const input = screen.getByLabelText('统一社会信用代码');
    fireEvent.change(input, {
      target: { value: `${first17.toLowerCase()}${wrong.toLowerCase()}` },
    });
    expect((input as HTMLInputElement).value).toBe(`${first17}${wrong}`); // upper-cased, nothing else
    fireEvent.click(screen.getByRole('button', { name: /注\s*册/ }));
    expect(
      await screen.findByText(
        `统一社会信用代码校验位错误：按前17位计算，第18位应为“${usccCheckCharacter(first17)}”，实际为“${wrong}”。请核对营业执照；如确属登记机关发放的代码，请联系主管部门人工确认`,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText('密码至少10位')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('says how long a short code is', async () => {
    renderWithApp(<RegisterForm onRegistered={() => {}} />, { 'GET /regions': regions });
    const input = screen.getByLabelText('统一社会信用代码');
    fireEvent.change(input, { target: { value: '91110108' } });
    fireEvent.blur(input);
    expect(await screen.findByText('统一社会信用代码应为18位，当前为8位')).toBeTruthy();
  });

  it('speaks English when English is chosen, for the code and the shared schema alike', async () => {
    window.localStorage.setItem('zx.lang', 'en');
    renderWithApp(<RegisterForm onRegistered={() => {}} />, { 'GET /regions': regions });
    const input = await screen.findByLabelText('Unified social credit code'); // English loads first
    fireEvent.change(input, { target: { value: '91110108MA01XK2Q8A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/the 18th character should be "K", not "A"/)).toBeTruthy();
    expect(await screen.findByText('The password needs at least 10 characters')).toBeTruthy();
  });
});
