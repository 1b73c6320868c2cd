import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { BatchView } from '../../lib/desk';
import { renderWithApp } from '../../../test/web/render';
import { BatchDrawer } from './BatchDrawer';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const CAMPAIGN = 'c0000000-0000-0000-0000-000000000001';
const UNIT = 'u0000000-0000-0000-0000-000000000001';

const batch: BatchView = {
  id: 'b1',
  campaignId: CAMPAIGN,
  unitId: UNIT,
  unitName: '北京市',
  unitType: 'province',
  state: 'signed_off',
  quota: 10,
  recommended: 1,
  signedOffAt: '2021-10-18T02:00:00.000Z',
  reopenedAt: null,
  reopenReason: null,
  stampedScan: {
    id: 's1',
    filename: '附件3盖章.pdf',
    mime: 'application/pdf',
    size: 2048,
    createdAt: '2021-10-18T01:00:00.000Z',
  },
  rows: [
    {
      applicationId: 'a1',
      rank: 1,
      solutionName: '基于5G的轴承质量在线检测APP',
      category: '基础共性工业APP',
      applicantName: '北京示例智造科技有限公司',
      uscc: '91110108MA01XK2Q8K',
      region: '北京市',
      industry: '滚动轴承制造',
      appCount: 2,
      platform: '示例工业互联网平台',
      contactName: '张示例',
      phone: '13800000000',
      cells: [],
      flagged: false,
      duplicate: null,
    },
  ],
};

describe('a unit’s batch, seen by the organizer', () => {
  it('shows 附件3 with the scan and downloads, and reopens only with a reason', async () => {
    const base = `/campaigns/${CAMPAIGN}/units/${UNIT}/batch`;
    renderWithApp(<BatchDrawer campaignId={CAMPAIGN} unitId={UNIT} onClose={() => {}} />, {
      [`GET ${base}`]: batch,
    });
    const drawer = await screen.findByTestId('batch-drawer');
    expect(await within(drawer).findByText('基于5G的轴承质量在线检测APP')).toBeTruthy();
    expect(within(drawer).getByText('已确认报送 2021-10-18 10:00:00')).toBeTruthy();
    expect(screen.getByTestId('stamped-scan').getAttribute('href')).toBe(
      `/api/v1${base}/stamped-scan`,
    );
    expect(
      within(drawer)
        .getByRole('link', { name: /下载附件3（Excel）/ })
        .getAttribute('href'),
    ).toBe(`/api/v1${base}/summary-table.xlsx`);

    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        posted.push({ url, body: JSON.parse(String(init?.body)) });
        return new Response(
          JSON.stringify({
            ...batch,
            state: 'open',
            stampedScan: null,
            reopenedAt: '2021-10-19T02:00:00.000Z',
            reopenReason: '需更换一份申报书',
          }),
          { status: 200 },
        );
      }),
    );
    fireEvent.click(screen.getByTestId('reopen'));
    const dialog = (await screen.findByText('重新开放报送：北京市')).closest(
      '.ant-modal',
    ) as HTMLElement;
    fireEvent.click(within(dialog).getByRole('button', { name: /重新开放/ }));
    expect(await within(dialog).findByText('请填写重新开放原因（至少2个字）')).toBeTruthy();
    expect(posted).toEqual([]);
    fireEvent.change(screen.getByTestId('reopen-reason'), {
      target: { value: '需更换一份申报书' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /重新开放/ }));
    await waitFor(() =>
      expect(posted).toEqual([
        { url: `/api/v1${base}/reopen`, body: { reason: '需更换一份申报书' } },
      ]),
    );
    expect(await within(drawer).findByText(/需更换一份申报书/)).toBeTruthy();
    expect(within(drawer).queryByTestId('reopen')).toBeNull();
  });
});
