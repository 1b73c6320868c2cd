import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../app/Providers';
import type { PublicNoticeView } from '../../lib/public-notice';
import { noticeCategories, PublicNoticePage } from './PublicNoticePage';

const CONTACT = '工业和信息化部信息技术发展司，电话：010-68208888，邮箱：xxfzs@miit.gov.cn';

const notice: PublicNoticeView = {
  campaignCode: 'c2021',
  campaignTitle: '2021年工业互联网APP征集',
  period: {
    from: '2021-09-28',
    to: '2021-10-09',
    workingDays: 5,
    calendarDays: 12,
    daysOff: ['2021-10-01', '2021-10-02'],
    opensAt: '2021-09-27T16:00:00.000Z',
    closesAt: '2021-10-09T15:59:59.999Z',
    text: '2021年9月28日至2021年10月9日（5个工作日）',
  },
  state: 'open',
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
    {
      no: 2,
      itemId: 'a0000002-0000-4000-8000-000000000000',
      solutionName: '设备预测性维护工业APP',
      applicantName: '广州丙软件有限公司',
      categoryName: '通用工业APP',
      unitName: '广东省',
    },
    {
      no: 3,
      itemId: 'a0000003-0000-4000-8000-000000000000',
      solutionName: '注塑工艺参数寻优工业APP',
      applicantName: '上海乙智能有限公司',
      categoryName: '安全可靠工业APP',
      unitName: '上海市',
    },
  ],
};

/** The public page at its address, with getPublicNotice answered (status, body). */
function renderPage(status: number, body: unknown) {
  const fetchMock = vi.fn(async (url: string) =>
    url === '/api/v1/campaigns/c2021/public-notice'
      ? new Response(JSON.stringify(body), { status })
      : new Response('{}', { status: 404 }),
  );
  vi.stubGlobal('fetch', fetchMock);
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
  return fetchMock;
}

const rowTexts = () =>
  within(screen.getByTestId('notice-table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent ?? '');

describe('the public notice page', () => {
  it('lists the categories in order with their counts', () => {
    expect(noticeCategories(notice.items)).toEqual([
      ['安全可靠工业APP', 2],
      ['通用工业APP', 1],
    ]);
  });

  it('shows the title, the period and its state, the list, the contact and the date, without signing in', async () => {
    const fetchMock = renderPage(200, notice);
    expect(
      await screen.findByRole('heading', { name: '2021年工业互联网APP征集 拟入选名单公示' }),
    ).toBeTruthy();
    expect(screen.getByTestId('notice-state').textContent).toBe('公示中');
    expect(screen.getByTestId('notice-period').textContent).toBe(
      '公示期：2021年9月28日至2021年10月9日（5个工作日）',
    );
    expect(screen.getByTestId('notice-published').textContent).toBe('发布日期：2021年9月27日');
    const objection = screen.getByTestId('notice-objection');
    expect(objection.textContent).toContain('如有异议，请于公示期内（2021年10月9日24时前）');
    expect(within(objection).getByTestId('notice-contact').textContent).toBe(CONTACT);

    const headers = within(screen.getByTestId('notice-table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['序号', '解决方案名称', '申报单位', '申报类别', '推荐单位']);
    expect(rowTexts()).toEqual([
      '1高炉炉况智能诊断工业APP北京甲科技有限公司安全可靠工业APP北京市',
      '2设备预测性维护工业APP广州丙软件有限公司通用工业APP广东省',
      '3注塑工艺参数寻优工业APP上海乙智能有限公司安全可靠工业APP上海市',
    ]);
    // one public read, nothing else
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/v1/campaigns/c2021/public-notice',
    ]);

    // one category at a time
    fireEvent.mouseDown(within(screen.getByTestId('notice-category')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('通用工业APP（1）'));
    await waitFor(() => expect(rowTexts()).toHaveLength(1));
    expect(rowTexts()[0]).toContain('设备预测性维护工业APP');
  });

  it('after the period says so, and still shows where objections went', async () => {
    renderPage(200, { ...notice, state: 'closed' });
    expect((await screen.findByTestId('notice-state')).textContent).toBe('已结束');
    expect(screen.getByTestId('notice-objection').textContent).toContain(
      '公示期已结束（2021年10月9日）',
    );
  });

  it('a campaign without a notice says so kindly (404)', async () => {
    renderPage(404, {
      error: { code: 'NOT_FOUND', message: '本活动暂无公示', messageEn: 'No public notice' },
    });
    const none = await screen.findByTestId('notice-none');
    expect(none.textContent).toContain('本活动暂无公示');
    expect(none.textContent).toContain('拟入选名单公示开启后将在此发布');
    expect(within(none).getByRole('link').getAttribute('href')).toBe('/campaigns/c2021');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
