import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FormalCheckListItem, FormalCheckView as View } from './api';
import type { Campaign } from '../../lib/types';
import { renderWithApp } from '../../../test/web/render';
import { FormalCheckResult } from '../../components/FormalCheckResult';
import {
  ChecklistEditor,
  decisionProblems,
  initialDecisions,
  previewResult,
} from './ChecklistForm';
import { bulkPlan, FormalCheckView } from './FormalCheckPage';

const item = (over: Partial<View['items'][number]>): View['items'][number] => ({
  code: 'x',
  label: '某项',
  basis: '',
  rule: null,
  blocking: false,
  automatic: null,
  blocked: false,
  recorded: null,
  ...over,
});

const items: View['items'] = [
  item({
    code: 'category_focus',
    label: '申报类别与聚焦领域相符',
    rule: 'category_focus',
    automatic: { pass: true, reason: '申报类别“安全可靠工业APP”，聚焦领域“5G”' },
  }),
  item({ code: 'own_ip', label: '拥有自主知识产权', basis: '申报单位应拥有自主知识产权' }),
  item({
    code: 'paper',
    label: '纸质材料已收到且与网上一致',
    rule: 'paper_received',
    automatic: { pass: false, reason: '尚未收到纸质申报书' },
  }),
  item({
    code: 'not_duplicate',
    label: '非往年入选项目，无重复申报',
    rule: 'not_awarded_duplicate',
    blocking: true,
    blocked: true,
    automatic: { pass: false, reason: '有未处理的疑似重复记录（与往届获奖或本届其他申报相似）' },
  }),
];

const view: View = {
  applicationId: 'a1',
  campaignId: 'c1',
  state: 'forwarded',
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  channelUnitName: '北京市',
  currentVersionNo: 1,
  recordable: true,
  notRecordableReason: null,
  revision: 0,
  items,
  record: null,
};

describe('the checklist form', () => {
  it('starts from the platform’s findings; a manual item undecided; a blocked item never passed', () => {
    const d = initialDecisions(items);
    expect(d).toEqual({
      category_focus: { pass: true, reason: '' },
      own_ip: { pass: null, reason: '' },
      paper: { pass: false, reason: '尚未收到纸质申报书' },
      not_duplicate: {
        pass: false,
        reason: '有未处理的疑似重复记录（与往届获奖或本届其他申报相似）',
      },
    });
    expect(previewResult(d)).toBe('fail');
    expect(decisionProblems(items, d)).toEqual({ own_ip: 'choose' });
    expect(decisionProblems(items, { ...d, own_ip: { pass: false, reason: '否' } }).own_ip).toBe(
      'reason',
    );
    expect(
      decisionProblems(items, {
        ...d,
        own_ip: { pass: true, reason: '' },
        not_duplicate: { pass: true, reason: '' },
      }),
    ).toEqual({ not_duplicate: 'blocked' });
    const all = Object.fromEntries(items.map((i) => [i.code, { pass: true, reason: '' }]));
    expect(previewResult(all)).toBe('pass');
    expect(previewResult({ ...all, own_ip: { pass: null, reason: '' } })).toBeNull();
  });

  it('shows each finding beside its item, refuses to pass a blocked one, wants every choice and a reason, and saves over the revision seen', async () => {
    const { calls } = renderWithApp(
      <ChecklistEditor campaignId="c1" view={view} onReload={() => undefined} />,
      {
        'PUT /applications/a1/formal-check': {
          ...view,
          state: 'ineligible',
          revision: 1,
          record: {
            result: 'fail',
            revision: 1,
            versionNo: 1,
            checkedAt: '2026-11-02T02:00:00.000Z',
            checkedByName: '演示主管部门',
            summary: '',
            items: [],
          },
        },
      },
    );
    const dup = screen.getByTestId('check-item-not_duplicate');
    expect(within(dup).getByTestId('check-blocked-not_duplicate').textContent).toContain(
      '不能判为通过：有未处理的疑似重复记录',
    );
    expect((within(dup).getByRole('radio', { name: '通过' }) as HTMLInputElement).disabled).toBe(
      true,
    );
    expect((within(dup).getByRole('radio', { name: '不通过' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const paper = screen.getByTestId('check-item-paper');
    expect(within(paper).getByTestId('finding-auto').textContent).toContain('尚未收到纸质申报书');
    expect(
      within(screen.getByTestId('check-item-own_ip')).getByTestId('finding-manual'),
    ).toBeTruthy();
    expect(screen.getByTestId('checklist-preview').textContent).toBe('审查结论：不合格');

    // a manual item left undecided: nothing is sent
    fireEvent.click(screen.getByTestId('checklist-save'));
    expect((await screen.findByTestId('check-problem-own_ip')).textContent).toBe(
      '请选择通过或不通过',
    );
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    // failing it needs a reason
    const ip = screen.getByTestId('check-item-own_ip');
    fireEvent.click(within(ip).getByRole('radio', { name: '不通过' }));
    fireEvent.click(screen.getByTestId('checklist-save'));
    expect((await screen.findByTestId('check-problem-own_ip')).textContent).toBe(
      '请填写不通过的理由（至少2个字）',
    );
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(screen.getByTestId('check-reason-own_ip'), {
      target: { value: ' 著作权人与申报单位不一致 ' },
    });
    // the paper copy may be passed against the platform's finding (not a veto)
    fireEvent.click(within(paper).getByRole('radio', { name: '通过' }));
    fireEvent.click(screen.getByTestId('checklist-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      items: [
        { code: 'category_focus', pass: true, reason: '' },
        { code: 'own_ip', pass: false, reason: '著作权人与申报单位不一致' },
        { code: 'paper', pass: true, reason: '' },
        {
          code: 'not_duplicate',
          pass: false,
          reason: '有未处理的疑似重复记录（与往届获奖或本届其他申报相似）',
        },
      ],
      baseRevision: 0,
    });
  });

  it('read-only with the reason once the application sits in a published review round', () => {
    renderWithApp(
      <ChecklistEditor
        campaignId="c1"
        view={{
          ...view,
          state: 'under_review',
          recordable: false,
          notRecordableReason: '该申报书已在已发布的评审轮次中，形式审查结果不能再修改',
        }}
        onReload={() => undefined}
      />,
    );
    expect(screen.getByTestId('not-recordable').textContent).toContain('已发布的评审轮次');
    expect(screen.queryByTestId('checklist-save')).toBeNull();
    const ip = screen.getByTestId('check-item-own_ip');
    expect((within(ip).getByRole('radio', { name: '不通过' }) as HTMLInputElement).disabled).toBe(
      true,
    );
  });
});

const row = (over: Partial<FormalCheckListItem>): FormalCheckListItem => ({
  applicationId: 'a1',
  solutionName: '高炉炉况智能诊断工业APP',
  enterpriseName: '北京甲科技有限公司',
  channelUnitId: 'u1',
  channelUnitName: '北京市',
  category: '安全可靠工业APP',
  state: 'forwarded',
  checks: [
    {
      code: 'paper',
      label: '纸质材料已收到且与网上一致',
      rule: 'paper_received',
      blocking: false,
      pass: true,
      reason: '已于2026-11-02收到第1版纸质申报书',
    },
  ],
  autoPass: true,
  blocked: false,
  result: null,
  checkedAt: null,
  bulkPass: { eligible: true, reason: null },
  ...over,
});
const clean = row({});
const late = row({
  applicationId: 'a2',
  solutionName: '注塑工艺参数寻优工业APP',
  checks: [{ ...clean.checks[0]!, pass: false, reason: '纸质申报书逾期寄达（邮戳2027-01-05）' }],
  autoPass: false,
  bulkPass: {
    eligible: false,
    reason: '纸质材料已收到且与网上一致：纸质申报书逾期寄达（邮戳2027-01-05）',
  },
});
const campaign = {
  id: 'c1',
  code: 'c2021',
  title: '2021年工业互联网APP征集',
  year: 2021,
} as Campaign;

describe('the formal check list', () => {
  it('splits a selection as the bulk pass would', () => {
    expect(bulkPlan([clean, late], ['a1', 'a2'])).toEqual({ pass: [clean], skip: [late] });
    expect(bulkPlan([clean, late], ['a2']).pass).toEqual([]);
  });

  it('shows ✓/✗ per automatic check; bulk pass confirms who is skipped and why, and sends only the clean ones', async () => {
    const { calls } = renderWithApp(
      <FormalCheckView campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      {
        'GET /campaigns/c1/formal-check': { items: [clean, late] },
        'POST /campaigns/c1/formal-check/bulk-pass': {
          items: [
            {
              applicationId: 'a1',
              solutionName: clean.solutionName,
              outcome: 'passed',
              reason: null,
            },
          ],
          passed: 1,
          skipped: 0,
        },
      },
    );
    const table = await screen.findByTestId('formal-check-table');
    await waitFor(() => expect(within(table).getAllByTestId('row-checks')).toHaveLength(2));
    const marks = within(table)
      .getAllByTestId('row-check-paper')
      .map((e) => e.getAttribute('data-pass'));
    expect(marks).toEqual(['true', 'false']);
    expect(within(table).getAllByTestId('row-check-paper')[1]!.getAttribute('aria-label')).toBe(
      '纸质材料已收到且与网上一致：不通过（纸质申报书逾期寄达（邮戳2027-01-05））',
    );
    const boxes = within(table).getAllByRole('checkbox');
    fireEvent.click(boxes[0]!); // select all
    fireEvent.click(screen.getByTestId('bulk-pass'));
    const confirm = await screen.findByTestId('bulk-confirm');
    expect(within(confirm).getByTestId('bulk-pass-list').textContent).toContain(clean.solutionName);
    expect(within(confirm).getByTestId('bulk-skip-list').textContent).toBe(
      `${late.solutionName}：纸质材料已收到且与网上一致：纸质申报书逾期寄达（邮戳2027-01-05）`,
    );
    fireEvent.click(screen.getByTestId('bulk-ok'));
    expect((await screen.findByTestId('bulk-result')).textContent).toContain(
      '已判为合格 1 份，跳过 0 份',
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ applicationIds: ['a1'] });
  });
});

describe('the result as the enterprise and the recommender see it', () => {
  it('合格 or 不合格 with the failed items’ reasons, and nothing of who checked it', () => {
    const { container } = renderWithApp(
      <FormalCheckResult
        outcome={{
          result: 'fail',
          failedItems: [{ label: '纸质材料已收到且与网上一致', reason: '尚未收到纸质申报书' }],
          checkedAt: '2026-11-02T02:00:00.000Z',
        }}
      />,
    );
    expect(screen.getByTestId('formal-check-tag').textContent).toBe('不合格');
    expect(screen.getByTestId('formal-check-failed').textContent).toBe(
      '纸质材料已收到且与网上一致：尚未收到纸质申报书',
    );
    expect(container.textContent).toContain('审查时间：2026-11-02 10:00:00');
  });

  it('nothing before a result is recorded', () => {
    const { container } = renderWithApp(<FormalCheckResult outcome={null} />);
    expect(container.querySelector('[data-testid="formal-check-result"]')).toBeNull();
  });
});
