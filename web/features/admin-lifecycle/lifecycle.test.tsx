// 动态管理 on the web: the organizer's table shows each solution's status and days left (a revoked
// one is not offered the dialog again); 配套支持汇总 shows each unit's totals.
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AwardLifecycleItem, AwardLifecyclePage } from '../../../domain/api/lifecycle';
import type { SupportTotalsList } from '../../../domain/api/support';
import { renderPageAt, type Answer } from '../../../test/web/render';
import { LifecyclePage } from './LifecyclePage';

const renderAt = (answer: Answer) =>
  renderPageAt('/admin/lifecycle', <LifecyclePage />, '/admin/lifecycle', answer);

afterEach(() => vi.unstubAllGlobals());

const item = (over: Partial<AwardLifecycleItem>): AwardLifecycleItem => ({
  publicId: '2026-IIAPP-001',
  applicationId: 'a1',
  campaignId: 'c1',
  listTitle: '2026年工业互联网APP优秀解决方案名单',
  year: 2026,
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  unitId: 'u1',
  unitName: '北京市',
  category: 'basic',
  categoryName: '基础共性',
  validFrom: '2026-11-07',
  validUntil: '2028-11-06',
  status: 'valid',
  statusLabel: '有效',
  daysLeft: 80,
  nextDueOn: '2028-10-08',
  events: [
    {
      kind: 'published',
      kindLabel: '发布入选',
      day: '2026-11-07',
      note: '列入《2026年工业互联网APP优秀解决方案名单》',
      reasonCode: null,
      reasonLabel: null,
      evidence: null,
      at: '2026-11-07T02:00:00.000Z',
    },
  ],
  support: { count: 2, policy: 1, funding: 1, resource: 0, fundingYuan: 500000 },
  ...over,
});

const revoked = item({
  publicId: '2026-IIAPP-002',
  solutionName: '设备健康管理APP',
  status: 'revoked',
  statusLabel: '已撤销',
  daysLeft: null,
  nextDueOn: null,
  events: [
    ...item({}).events,
    {
      kind: 'revoked',
      kindLabel: '撤销',
      day: '2027-03-01',
      note: '经主管部门核实，撤销入选资格（原因：抽查不合格）',
      reasonCode: 'spot_check_failed',
      reasonLabel: '抽查不合格',
      evidence: { id: 'e1', filename: '抽查报告.pdf' },
      at: '2027-03-01T02:00:00.000Z',
    },
  ],
});

const page: AwardLifecyclePage = {
  items: [item({}), revoked],
  total: 2,
  page: 1,
  pageSize: 20,
  lists: [{ value: 'c1', label: '2026年工业互联网APP优秀解决方案名单' }],
  units: [{ value: 'u1', label: '北京市' }],
  today: '2028-08-18',
};

const totals: SupportTotalsList = {
  items: [
    {
      unitId: 'u1',
      unitName: '北京市',
      selected: 2,
      supported: 1,
      policy: 1,
      funding: 1,
      resource: 0,
      fundingYuan: 500000,
    },
  ],
  total: { selected: 2, supported: 1, policy: 1, funding: 1, resource: 0, fundingYuan: 500000 },
};

describe('动态管理', () => {
  it('lists status and days left; a revoked one is not offered the dialog again; its history with the reason', async () => {
    renderAt((method, path) => {
      if (method === 'GET' && path === '/award-lifecycle') return [200, page];
      return [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }];
    });
    const row = (await screen.findByText('高炉炉况智能诊断工业APP')).closest('tr')!;
    expect(row.textContent).toContain('有效');
    expect(row.textContent).toContain('还有 80 天');
    const other = screen.getByText('设备健康管理APP').closest('tr')!;
    expect(other.textContent).toContain('已撤销');
    // a revoked one is not offered the dialog again
    expect(screen.queryByTestId('lifecycle-revoke-2026-IIAPP-002')).toBeNull();
    fireEvent.click(screen.getByTestId('lifecycle-history-2026-IIAPP-002'));
    const events = await screen.findByTestId('lifecycle-events');
    expect(events.textContent).toContain('2027-03-01 撤销');
    expect(events.textContent).toContain('原因：抽查不合格');
    expect(events.textContent).toContain('证明材料：抽查报告.pdf');
  });

  it('配套支持汇总: each unit’s totals', async () => {
    renderAt((method, path) => {
      if (path === '/award-lifecycle') return [200, page];
      if (path === '/support-records/totals') return [200, totals];
      return [404, { error: { code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' } }];
    });
    fireEvent.click(await screen.findByText('配套支持汇总'));
    const summary = await screen.findByTestId('support-totals-summary');
    expect(summary.textContent).toContain(
      '入选 2 项，获支持 1 项，支持记录 2 条，资金合计 500,000 元',
    );
  });
});
