// /verify: an 入选证明's code (from its QR code, /verify/<code>) shows the certificate and whether it
// stands today — 有效 / 已过期 / 已撤销; a printed application's code (/verify?code=) as before.
import { render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/Providers';
import type { VerifyResult } from '../../lib/applications';
import { VerifyPage } from './VerifyPage';

const CODE = 'KVQA-2TS7-Z9GX';

const certificate: VerifyResult = {
  found: true,
  code: CODE,
  kind: 'certificate',
  publicId: '2021-IIAPP-001',
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  categoryName: '安全可靠工业APP',
  channelName: '北京市',
  campaignTitle: '2021年工业互联网APP优秀解决方案征集遴选',
  listTitle: '2021年工业互联网APP优秀解决方案名单',
  documentNo: '工信厅信发函〔2021〕300号',
  validFrom: '2021-12-20',
  validUntil: '2023-12-19',
  status: 'valid',
};

function renderAt(url: string, answer: VerifyResult) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (u: string) => {
      calls.push(u);
      return new Response(JSON.stringify(answer), { status: 200 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/verify/:code" element={<VerifyPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}

describe('/verify', () => {
  it('a valid 入选证明 from its QR code: its id, solution, list, validity and 有效', async () => {
    const calls = renderAt(`/verify/${CODE}`, certificate);
    const result = await screen.findByTestId('verify-result');
    expect(calls).toEqual([`/api/v1/verify/${CODE}`]);
    expect(within(result).getByTestId('verify-certificate-status').textContent).toBe(
      `验证码 ${CODE} 属于一份有效的入选证明`,
    );
    expect(within(result).getByTestId('verify-public-id').textContent).toBe('2021-IIAPP-001');
    expect(within(result).getByTestId('verify-validity').textContent).toBe(
      '2021年12月20日至2023年12月19日',
    );
    expect(result.textContent).toContain(
      '2021年工业互联网APP优秀解决方案名单（工信厅信发函〔2021〕300号）',
    );
    expect(result.textContent).toContain('北京甲科技有限公司');
    expect(within(result).getByTestId('published-status').textContent).toBe('有效');
    expect(within(result).queryByTestId('verify-currency')).toBeNull();
  });

  it('an expired one says when it ended; a revoked one says so', async () => {
    renderAt(`/verify?code=${CODE}`, { ...certificate, status: 'expired' });
    const expired = await screen.findByTestId('verify-certificate-status');
    expect(expired.textContent).toBe(
      `验证码 ${CODE} 属于一份入选证明，已于 2023年12月19日 到期，现已过期`,
    );
    expect(screen.getByTestId('published-status').textContent).toBe('已过期');
  });

  it('a revoked one', async () => {
    renderAt(`/verify/${CODE}`, { ...certificate, status: 'revoked' });
    expect((await screen.findByTestId('verify-certificate-status')).textContent).toContain(
      '入选资格已撤销',
    );
    expect(screen.getByTestId('published-status').textContent).toBe('已撤销');
  });

  it('a printed application version, as before', async () => {
    renderAt(`/verify?code=${CODE}`, {
      found: true,
      code: CODE,
      kind: 'application_version',
      solutionName: '高炉炉况智能诊断工业APP',
      enterpriseName: '北京甲科技有限公司',
      campaignTitle: '2021年工业互联网APP优秀解决方案征集遴选',
      channelName: '北京市',
      versionNo: 2,
      submittedAt: '2021-10-12T06:03:05.000Z',
      currentVersionNo: 2,
      isCurrent: true,
    });
    const result = await screen.findByTestId('verify-result');
    expect(result.textContent).toContain(`验证码 ${CODE} 属于一份已提交的申报书`);
    expect(within(result).getByTestId('verify-currency').textContent).toBe(
      '这是该申报书的当前版本',
    );
    expect(within(result).queryByTestId('verify-public-id')).toBeNull();
  });

  it('an unknown code', async () => {
    renderAt(`/verify/${CODE}`, { found: false, code: CODE });
    expect((await screen.findByTestId('verify-result')).textContent).toContain(
      `未找到验证码 ${CODE} 对应的申报书或入选证明`,
    );
  });
});
