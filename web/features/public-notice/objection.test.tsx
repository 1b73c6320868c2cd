import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/Providers';
import type { PublicNoticeView } from '../../lib/public-notice';
import { PublicNoticePage } from './PublicNoticePage';

const NOTICE = '/api/v1/campaigns/c2021/public-notice';
const ITEM = 'a0000002-0000-4000-8000-000000000000';

const notice: PublicNoticeView = {
  campaignCode: 'c2021',
  campaignTitle: '2021年工业互联网APP征集',
  period: {
    from: '2021-09-28',
    to: '2021-10-09',
    workingDays: 5,
    calendarDays: 12,
    daysOff: [],
    opensAt: '2021-09-27T16:00:00.000Z',
    closesAt: '2021-10-09T15:59:59.999Z',
    text: '2021年9月28日至2021年10月9日（5个工作日）',
  },
  state: 'open',
  contact: '工业和信息化部信息技术发展司，电话：010-68208888',
  publishedAt: '2021-09-27T02:00:00.000Z',
  items: [
    {
      no: 1,
      itemId: 'a0000001-0000-4000-8000-000000000000',
      solutionName: '高炉炉况智能诊断工业APP',
      applicantName: '北京甲科技有限公司',
      categoryName: '安全可靠工业APP',
      unitName: '北京市',
    },
    {
      no: 2,
      itemId: ITEM,
      solutionName: '设备预测性维护工业APP',
      applicantName: '广州丙软件有限公司',
      categoryName: '通用工业APP',
      unitName: '广东省',
    },
  ],
};

const REASONS = '该解决方案申报材料中所列的应用案例与实际情况不符，相关企业并未部署使用。';

interface Call {
  method: string;
  url: string;
  form?: Record<string, string | File>;
}

/** The public page with getPublicNotice, getChallenge (a new question each time) and submitObjection. */
function renderPage(view: PublicNoticeView, submit: () => [number, unknown]) {
  const calls: Call[] = [];
  let asked = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const call: Call = { method, url };
      if (init?.body instanceof FormData)
        call.form = Object.fromEntries(
          [...init.body.entries()].map(([k, v]) => [k, v as string | File]),
        );
      calls.push(call);
      if (method === 'GET' && url === NOTICE) return new Response(JSON.stringify(view));
      if (method === 'GET' && url === '/api/v1/challenge') {
        asked += 1;
        const [a, b] = asked === 1 ? [7, 5] : [3, 4];
        return new Response(
          JSON.stringify({
            token: `token-${asked}`,
            question: `${a} 加 ${b} 等于多少？`,
            expiresAt: '2021-09-29T02:10:00.000Z',
          }),
        );
      }
      if (method === 'POST' && url === `${NOTICE}/objections`) {
        const [status, body] = submit();
        return new Response(JSON.stringify(body), { status });
      }
      return new Response('{}', { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={['/campaigns/c2021/public-notice']}>
        <Routes>
          <Route path="/campaigns/:code/public-notice" element={<PublicNoticePage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return calls;
}

const field = (label: string) => screen.getByLabelText(label, { exact: false });
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function fillIn(answer: string) {
  fireEvent.mouseDown(within(screen.getByTestId('objection-item')).getByRole('combobox'));
  fireEvent.click(await screen.findByTitle('2. 设备预测性维护工业APP（广州丙软件有限公司）'));
  type(field('姓名'), '赵异议');
  type(field('单位'), '上海某某研究院');
  type(field('联系电话'), '13812345678');
  type(field('电子邮箱'), 'zhao@example.cn');
  type(screen.getByTestId('objection-reasons'), REASONS);
  type(screen.getByTestId('objection-answer'), answer);
}

describe('提出异议 on the public notice page', () => {
  it('while open: the form, the question, the fields sent with the honeypot empty; the reference number shown to keep', async () => {
    const calls = renderPage(notice, () => [
      201,
      {
        referenceNo: '2021-YY-0001',
        solutionName: '设备预测性维护工业APP',
        submittedAt: '2021-09-29T02:00:00.000Z',
        emailed: true,
      },
    ]);
    fireEvent.click(await screen.findByTestId('objection-open'));
    await screen.findByText('7 加 5 等于多少？');
    expect(screen.getByTestId('objection-question').textContent).toBe('7 加 5 等于多少？');
    await waitFor(() =>
      expect(screen.getByTestId('objection-submit').hasAttribute('disabled')).toBe(false),
    );
    await fillIn('12');
    const file = new File(['%PDF-1.4'], '证明.pdf', { type: 'application/pdf' });
    fireEvent.change(
      screen.getByTestId('objection-card').querySelector('input[type=file]') as HTMLInputElement,
      { target: { files: [file] } },
    );
    fireEvent.click(screen.getByTestId('objection-submit'));

    expect((await screen.findByTestId('objection-ref')).textContent).toContain('2021-YY-0001');
    const done = screen.getByTestId('objection-done');
    expect(done.textContent).toContain('请妥善保存异议编号');
    expect(done.textContent).toContain('所涉解决方案：设备预测性维护工业APP');
    expect(done.textContent).toContain('确认邮件已发送');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(`${NOTICE}/objections`);
    const { file: sent, ...fields } = post.form!;
    expect(fields).toEqual({
      itemId: ITEM,
      name: '赵异议',
      organisation: '上海某某研究院',
      phone: '13812345678',
      email: 'zhao@example.cn',
      reasons: REASONS,
      challengeToken: 'token-1',
      challengeAnswer: '12',
      website: '',
    });
    expect((sent as File).name).toBe('证明.pdf');
  });

  it('checks the fields with the server’s rules before sending', async () => {
    const calls = renderPage(notice, () => [500, {}]);
    fireEvent.click(await screen.findByTestId('objection-open'));
    await screen.findByText('7 加 5 等于多少？');
    type(field('联系电话'), '12345');
    type(screen.getByTestId('objection-reasons'), '太短');
    fireEvent.click(screen.getByTestId('objection-submit'));
    expect(await screen.findByText('请选择异议所涉的解决方案')).toBeTruthy();
    expect(screen.getByText('请写明异议理由，至少20个字')).toBeTruthy();
    expect(screen.getByText('请填写11位手机号或带区号的固定电话，如 010-68208206')).toBeTruthy();
    expect(screen.getByText('请填写验证题的答案')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('a wrong answer: the server’s words on the field and a new question', async () => {
    renderPage(notice, () => [
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '验证题答案不正确，请重新计算，或换一题',
          messageEn: 'Wrong answer',
          details: [{ path: 'challengeAnswer', message: '验证题答案不正确，请重新计算，或换一题' }],
        },
      },
    ]);
    fireEvent.click(await screen.findByTestId('objection-open'));
    await screen.findByText('7 加 5 等于多少？');
    await fillIn('13');
    fireEvent.click(screen.getByTestId('objection-submit'));
    expect((await screen.findByTestId('objection-error')).textContent).toContain(
      '验证题答案不正确',
    );
    expect(await screen.findByText('3 加 4 等于多少？')).toBeTruthy();
    expect((screen.getByTestId('objection-answer') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('objection-done')).toBeNull();
  });

  it('after the period: says so, no form', async () => {
    const calls = renderPage({ ...notice, state: 'closed' }, () => [500, {}]);
    expect((await screen.findByTestId('objection-closed')).textContent).toBe(
      '公示期已结束，不再受理异议。',
    );
    expect(screen.queryByTestId('objection-open')).toBeNull();
    expect(screen.queryByTestId('objection-form')).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([NOTICE]);
  });

  it('before the period: says when objections open, no form', async () => {
    renderPage({ ...notice, state: 'upcoming' }, () => [500, {}]);
    expect((await screen.findByTestId('objection-upcoming')).textContent).toBe(
      '公示开始后（2021年9月28日起）可在此在线提出异议。',
    );
    expect(screen.queryByTestId('objection-open')).toBeNull();
  });
});
