import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { beijingDay } from '../../../domain/registry';
import { Providers } from '../../app/Providers';
import type { Campaign } from '../../lib/types';
import type { SelectionView } from './api';
import type { NoticePeriodView, OpenedNotice } from './notice-api';
import { contactOk, daysOffText, NoticeCard } from './NoticeCard';
import { SelectionPanel } from './SelectionPage';

const NOTICE = '/campaigns/c1/public-notice';
const CONTACT = '工业和信息化部信息技术发展司，电话：010-68208888';

const period: NoticePeriodView = {
  from: '2021-09-28',
  to: '2021-10-09',
  workingDays: 5,
  calendarDays: 12,
  daysOff: [
    '2021-10-01',
    '2021-10-02',
    '2021-10-03',
    '2021-10-04',
    '2021-10-05',
    '2021-10-06',
    '2021-10-07',
  ],
  opensAt: '2021-09-27T16:00:00.000Z',
  closesAt: '2021-10-09T15:59:59.999Z',
  text: '2021年9月28日至2021年10月9日（5个工作日）',
};

const opened: OpenedNotice = {
  notice: {
    campaignCode: 'c2021',
    campaignTitle: '2021年工业互联网APP征集',
    period,
    state: 'upcoming',
    contact: CONTACT,
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
    ],
  },
  inNotice: 1,
  notSelected: 2,
  undecided: 0,
};

type Answer = (
  method: string,
  path: string,
  query: URLSearchParams,
) => [number, unknown] | undefined;

const notFound: [number, unknown] = [
  404,
  { error: { code: 'NOT_FOUND', message: '本活动暂无公示', messageEn: 'No notice' } },
];

/** Renders with a fetch answering (status, body) per request; the requests are recorded. */
function renderWith(ui: ReactNode, answer: Answer) {
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      calls.push({ method, url, ...(body === undefined ? {} : { body }) });
      const [path, q] = url.replace('/api/v1', '').split('?');
      const [status, res] = answer(method, path!, new URLSearchParams(q ?? '')) ?? [
        401,
        { error: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please sign in' } },
      ];
      return new Response(JSON.stringify(res), { status });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <Providers client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
  return calls;
}

/** No notice yet; the period previewed; the opening answered with `open`. */
const noNotice =
  (open: [number, unknown] = [201, opened]): Answer =>
  (method, path) => {
    if (method === 'GET' && path === NOTICE) return notFound;
    if (method === 'GET' && path === `${NOTICE}/period`) return [200, period];
    if (method === 'POST' && path === NOTICE) return open;
    return undefined;
  };

const typeContact = (text: string) =>
  fireEvent.change(screen.getByTestId('notice-contact-input'), { target: { value: text } });

describe('the rules the card applies', () => {
  it('a contact of at least 4 字; days off as runs of dates', () => {
    expect(contactOk('电话')).toBe(false);
    expect(contactOk('  办公室  ')).toBe(false);
    expect(contactOk('信息技术发展司')).toBe(true);
    expect(daysOffText(period.daysOff)).toBe('10月1日至7日');
    expect(
      daysOffText(['2021-10-09', '2021-09-26', '2021-10-02', '2021-10-01', '2021-09-30']),
    ).toBe('9月26日、9月30日至10月2日、10月9日');
  });
});

describe('the 公示 card', () => {
  it('shows on the frozen selection, with the form when there is no notice yet', async () => {
    const frozen = {
      campaignId: 'c1',
      campaignTitle: '2021年工业互联网APP征集',
      state: 'frozen',
      revision: 9,
      round: null,
      rounds: [],
      categories: [],
      minutes: null,
      frozenAt: '2021-09-26T06:30:00.000Z',
      frozenBy: '演示主管部门',
      problems: [],
      rows: [],
    } as SelectionView;
    const campaign = { id: 'c1', code: 'c2021', title: frozen.campaignTitle } as Campaign;
    renderWith(
      <SelectionPanel campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      (method, path, query) =>
        method === 'GET' && path === '/campaigns/c1/selection'
          ? [200, frozen]
          : noNotice()(method, path, query),
    );
    const card = await screen.findByTestId('notice-card');
    expect(await within(card).findByTestId('notice-form')).toBeTruthy();
  });

  it('refuses a contact under 4 字 and a missing date, sending nothing', async () => {
    const calls = renderWith(<NoticeCard campaignId="c1" />, noNotice());
    await screen.findByTestId('notice-form');
    typeContact('电话');
    fireEvent.click(screen.getByTestId('notice-open'));
    expect(
      await screen.findByText('请填写异议受理方式（联系部门、电话或邮箱），至少4个字'),
    ).toBeTruthy();

    // the date cleared
    const picker = screen.getByTestId('notice-opens-on').closest('.ant-picker')!;
    fireEvent.mouseDown(picker.querySelector('.ant-picker-clear')!);
    fireEvent.click(picker.querySelector('.ant-picker-clear')!);
    typeContact(CONTACT);
    fireEvent.click(screen.getByTestId('notice-open'));
    expect(await screen.findByText('请选择公示开始日期')).toBeTruthy();
    expect(screen.queryByTestId('notice-confirm')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('previews the period with its days off, confirms, then sends opensOn, workingDays and contact', async () => {
    const calls = renderWith(<NoticeCard campaignId="c1" />, noNotice());
    const today = beijingDay(new Date());
    const preview = await screen.findByTestId('notice-preview');
    expect(preview.textContent).toContain('2021年9月28日至2021年10月9日（5个工作日）');
    expect(preview.textContent).toContain('共 12 天');
    expect(preview.textContent).toContain('含休息日：10月1日至7日');
    expect(calls.find((c) => c.url.includes('/period'))!.url).toBe(
      `/api/v1${NOTICE}/period?opensOn=${today}&workingDays=5`,
    );

    typeContact(`  ${CONTACT}  `);
    fireEvent.click(screen.getByTestId('notice-open'));
    const confirm = await screen.findByTestId('notice-confirm');
    expect(confirm.textContent).toContain('公示期：2021年9月28日至2021年10月9日（5个工作日）');
    expect(confirm.textContent).toContain('其余项目变为“未入选”');
    expect(confirm.textContent).toContain('不能撤回');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('notice-confirm-ok'));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      url: `/api/v1${NOTICE}`,
      body: { opensOn: today, workingDays: 5, contact: CONTACT },
    });
    expect((await screen.findByTestId('notice-opened')).textContent).toBe(
      '公示已开启：1 个项目公示中，2 个项目未入选',
    );
    expect(screen.getByTestId('notice-period').textContent).toBe(period.text);
  });

  it('shows the server’s refusal of a year without its holiday notice under the date', async () => {
    const message = '尚未录入2021年的节假日安排。请在活动管理中录入该年度的节假日安排';
    renderWith(<NoticeCard campaignId="c1" />, (method, path) => {
      if (path === NOTICE) return notFound;
      if (path === `${NOTICE}/period`)
        return [
          400,
          {
            error: {
              code: 'VALIDATION_FAILED',
              message,
              messageEn: 'No holiday notice for 2021',
              details: [{ path: 'opensOn', message: '尚未录入2021年的节假日安排' }],
            },
          },
        ];
      return undefined;
    });
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByTestId('notice-preview')).toBeNull();
    expect((screen.getByTestId('notice-open') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says why the opening was refused', async () => {
    renderWith(
      <NoticeCard campaignId="c1" />,
      noNotice([
        409,
        { error: { code: 'WRONG_STATE', message: '本活动已开启公示', messageEn: 'x' } },
      ]),
    );
    await screen.findByTestId('notice-preview');
    typeContact(CONTACT);
    fireEvent.click(screen.getByTestId('notice-open'));
    fireEvent.click(await screen.findByTestId('notice-confirm-ok'));
    expect(await screen.findByText('本活动已开启公示')).toBeTruthy();
  });

  it('an open notice shows its period, state, count, contact and the public page', async () => {
    const calls = renderWith(<NoticeCard campaignId="c1" />, (method, path) =>
      method === 'GET' && path === NOTICE ? [200, { ...opened.notice, state: 'open' }] : undefined,
    );
    expect((await screen.findByTestId('notice-period')).textContent).toBe(period.text);
    expect(screen.getAllByTestId('notice-state').map((s) => s.textContent)).toContain('公示中');
    expect(screen.getByTestId('notice-count').textContent).toBe('1 个（安全可靠工业APP 1 个）');
    expect(screen.getByTestId('notice-contact').textContent).toBe(CONTACT);
    expect(screen.getByTestId('notice-public-link').getAttribute('href')).toBe(
      '/campaigns/c2021/public-notice',
    );
    expect(screen.queryByTestId('notice-form')).toBeNull();
    expect(calls.some((c) => c.url.includes('/period'))).toBe(false);
  });
});
