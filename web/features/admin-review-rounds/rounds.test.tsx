// 评审轮次与分配 in the browser: the round form's checks, the board's shortfalls and exclusions, a
// pair added against a rule (例外理由, then the retry), a pair removed with a reason, propose and
// publish with what they did.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { renderWithApp } from '../../../test/web/render';
import { translate } from '../../lib/i18n';
import type { Campaign } from '../../lib/types';
import type { AssignmentBoard, AssignmentView, RoundView } from './api';
import { AssignmentBoardTable } from './AssignmentBoard';
import { ReviewRoundsView } from './ReviewRoundsPage';
import {
  createBody,
  crossProblems,
  initialValues,
  RoundFormModal,
  updateBody,
} from './RoundFormModal';

const CAMPAIGN = '00000000-0000-4000-8000-0000000000c1';
const ROUND = '00000000-0000-4000-8000-0000000000d1';
const APP_A = '00000000-0000-4000-8000-0000000000a1';
const APP_B = '00000000-0000-4000-8000-0000000000a2';
const E1 = '00000000-0000-4000-8000-0000000000e1';
const E2 = '00000000-0000-4000-8000-0000000000e2';
const E3 = '00000000-0000-4000-8000-0000000000e3';
const E4 = '00000000-0000-4000-8000-0000000000e4';
const PANEL = '00000000-0000-4000-8000-0000000000f1';

const campaign: Campaign = {
  id: CAMPAIGN,
  code: 'miit-2021',
  year: 2021,
  title: '2021年工业互联网APP优秀解决方案征集遴选',
  docNumber: '工信厅信发函〔2021〕224号',
  issuer: MIIT_2021.issuer,
  publishedOn: '2021-09-01',
  opensAt: '2021-09-01T00:00:00.000Z',
  onlineDeadline: '2021-10-20T15:59:59.999Z',
  paperDeadline: '2021-10-20T15:59:59.999Z',
  isDemo: false,
  copiedFromId: null,
  phase: 'closed',
  settings: {
    ...MIIT_2021.settings,
    review: { ...MIIT_2021.settings.review!, reviewsPerApplication: 3 },
  },
} as Campaign;

const round: RoundView = {
  id: ROUND,
  campaignId: CAMPAIGN,
  name: '第一轮专家评审',
  reviewsPerApplication: 3,
  maxLoad: 20,
  deadline: '2099-12-01T09:00:00.000Z',
  anonymous: true,
  avoidSameRegion: false,
  state: 'draft',
  revision: 1,
  createdAt: '2021-11-01T02:00:00.000Z',
  publishedAt: null,
  panels: [
    {
      id: PANEL,
      name: '安全可靠工业APP',
      categories: ['secure_reliable'],
      expertIds: [E1, E2, E3, E4],
      position: 0,
    },
  ],
  counts: { applications: 2, proposed: 3, published: 0, declined: 1, removed: 0 },
};

const pair = (over: Partial<AssignmentView>): AssignmentView => ({
  id: '00000000-0000-4000-8000-000000000101',
  applicationId: APP_A,
  expertId: E1,
  expertName: '王专家',
  employerName: '中国信息通信研究院',
  panelId: PANEL,
  fit: 6,
  matched: ['类别', '聚焦领域'],
  source: 'auto',
  state: 'proposed',
  overriddenRules: [],
  overrideReason: null,
  declineReason: null,
  declinedAt: null,
  createdAt: '2021-11-01T02:00:00.000Z',
  updatedAt: '2021-11-01T02:00:00.000Z',
  ...over,
});

const board: AssignmentBoard = {
  round,
  applications: [
    {
      applicationId: APP_A,
      solutionName: '高炉炉况智能诊断工业APP',
      applicantName: '北京甲科技有限公司',
      category: 'secure_reliable',
      categoryName: '安全可靠工业APP',
      unitName: '北京市',
      regionCode: '110000',
      panelId: PANEL,
      panelName: '安全可靠工业APP',
      need: 3,
      assigned: 2,
      pairs: [
        pair({}),
        pair({
          id: '00000000-0000-4000-8000-000000000102',
          expertId: E2,
          expertName: '李专家',
          employerName: '清华大学',
          fit: 4,
          source: 'replacement',
        }),
        pair({
          id: '00000000-0000-4000-8000-000000000103',
          expertId: E4,
          expertName: '陈专家',
          employerName: '上海交通大学',
          state: 'declined',
          declineReason: '本人近期出差，无法按时评审',
        }),
      ],
      shortfall: {
        applicationId: APP_A,
        missing: 1,
        reason: '可评审专家不足：本组4位专家中2位因回避规则不能评审',
      },
      excluded: [
        {
          expertId: E3,
          expertName: '张专家',
          employerName: '北京甲科技有限公司',
          fit: 5,
          reasons: ['employer_is_applicant'],
        },
        {
          expertId: E4,
          expertName: '陈专家',
          employerName: '上海交通大学',
          fit: 6,
          reasons: ['declined'],
        },
      ],
    },
    {
      applicationId: APP_B,
      solutionName: '注塑工艺参数寻优工业APP',
      applicantName: '广东乙智能装备有限公司',
      category: 'secure_reliable',
      categoryName: '安全可靠工业APP',
      unitName: '广东省',
      regionCode: '440000',
      panelId: PANEL,
      panelName: '安全可靠工业APP',
      need: 3,
      assigned: 3,
      pairs: [],
      shortfall: null,
      excluded: [
        {
          expertId: E3,
          expertName: '张专家',
          employerName: '北京甲科技有限公司',
          fit: 2,
          reasons: ['full', 'lower_fit'],
        },
      ],
    },
  ],
  experts: [
    { expertId: E1, name: '王专家', employerName: '中国信息通信研究院', active: true, load: 2 },
    { expertId: E2, name: '李专家', employerName: '清华大学', active: true, load: 1 },
    { expertId: E3, name: '张专家', employerName: '北京甲科技有限公司', active: true, load: 20 },
    { expertId: E4, name: '陈专家', employerName: '上海交通大学', active: true, load: 0 },
  ],
};

const boardPath = `/campaigns/${CAMPAIGN}/review-rounds/${ROUND}/assignments`;
const zh = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
  translate('zh', k, v);

/** The fetch of renderWithApp, with POST/PATCH answered by `answer` (status and body). */
function stubWrites(answer: (method: string, url: string, body: unknown) => [number, unknown]) {
  const tableFetch = globalThis.fetch;
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (method === 'GET') return tableFetch(url, init);
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      sent.push({ method, url, body });
      const [status, res] = answer(method, url, body);
      return new Response(JSON.stringify(res), { status });
    }),
  );
  return sent;
}

describe('the round form', () => {
  it('starts from the campaign’s reviews per application, a limit of 20, anonymous, panels by category', () => {
    const v = initialValues(campaign);
    expect(v).toMatchObject({
      reviewsPerApplication: 3,
      maxLoad: 20,
      anonymous: true,
      avoidSameRegion: false,
      panelMode: 'auto',
    });
    const body = createBody({ ...v, name: ' 第一轮 ', deadline: dayjs('2099-12-01 17:00') });
    expect(body).toEqual({
      name: '第一轮',
      reviewsPerApplication: 3,
      maxLoad: 20,
      deadline: '2099-12-01T17:00:00+08:00',
      anonymous: true,
      avoidSameRegion: false,
    });
  });

  it('finds a category in two panels and a deadline already past', () => {
    const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
      translate('zh', k, v);
    const problems = crossProblems(
      campaign,
      {
        ...initialValues(campaign),
        deadline: dayjs('2020-01-01 09:00'),
        panelMode: 'custom',
        panels: [
          { name: '甲组', categories: ['secure_reliable'], expertIds: [] },
          { name: '乙组', categories: ['basic_common', 'secure_reliable'], expertIds: [] },
        ],
      },
      t,
    );
    expect(problems).toEqual([
      { name: 'deadline', errors: ['评审截止时间须晚于当前时间'] },
      {
        name: ['panels', 1, 'categories'],
        errors: ['申报类别“安全可靠工业APP”已属于评审组 1：每个类别只能由一个评审组评审'],
      },
    ]);
  });

  it('refuses a missing name, an impossible number of experts and no deadline, sending nothing', async () => {
    const { calls } = renderWithApp(
      <RoundFormModal
        campaign={campaign}
        target={{ mode: 'create' }}
        onClose={() => undefined}
        onCreated={() => undefined}
      />,
      { 'GET /experts': { items: [], total: 0 } },
    );
    const form = await screen.findByTestId('round-form');
    expect(within(form).getByTestId('panels-auto-note').textContent).toContain('安全可靠工业APP');
    const reviews = within(form).getByTestId('round-reviews');
    fireEvent.change(reviews, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('round-form-ok'));
    expect(await within(form).findByText('请填写轮次名称（至少2个字）')).toBeTruthy();
    expect(await within(form).findByText('请填写1到15之间的整数')).toBeTruthy();
    expect(await within(form).findByText('请选择评审截止时间')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('editing a draft round', () => {
  it('sends what changed over the revision seen; a stale revision says so and closes for a reload', async () => {
    expect(
      updateBody(round, {
        ...initialValues(campaign, round),
        name: '第一轮评审（调整）',
        maxLoad: 15,
      }),
    ).toEqual({ baseRevision: 1, name: '第一轮评审（调整）', maxLoad: 15 });
    const onClose = vi.fn();
    renderWithApp(
      <RoundFormModal
        campaign={campaign}
        target={{ mode: 'edit', round }}
        onClose={onClose}
        onCreated={() => undefined}
      />,
      { 'GET /experts': { items: [], total: 0 } },
    );
    const sent = stubWrites(() => [
      409,
      {
        error: {
          code: 'CONFLICT',
          message: '评审轮次已被他人修改，请刷新后重试',
          messageEn: 'Changed meanwhile',
        },
      },
    ]);
    const form = await screen.findByTestId('round-form');
    expect(within(form).getByTestId('panels-editor')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('round-name'), {
      target: { value: '第一轮评审（调整）' },
    });
    fireEvent.click(screen.getByTestId('round-form-ok'));
    expect(await screen.findByText('评审轮次已被他人修改，请刷新后重试')).toBeTruthy();
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      body: { baseRevision: 1, name: '第一轮评审（调整）' },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

describe('the board', () => {
  it('shows each application’s shortfall with the reason, declined pairs with theirs, and why the others are excluded', async () => {
    renderWithApp(<AssignmentBoardTable campaignId={CAMPAIGN} board={board} />);
    const table = screen.getByTestId('board-table');
    const shortfalls = within(table).getAllByTestId('row-shortfall');
    expect(shortfalls).toHaveLength(1);
    expect(shortfalls[0]!.textContent).toBe(
      '缺 1 位：可评审专家不足：本组4位专家中2位因回避规则不能评审',
    );
    expect(
      within(table)
        .getAllByTestId('row-count')
        .map((e) => e.textContent),
    ).toEqual(['2 / 3', '3 / 3']);
    const pairs = within(table).getAllByTestId('pair');
    expect(pairs.map((p) => p.getAttribute('data-state'))).toEqual([
      'proposed',
      'proposed',
      'declined',
    ]);
    expect(pairs[1]!.textContent).toContain('替补');
    expect(pairs[2]!.textContent).toContain('专家已拒绝');
    expect(within(pairs[2]!).getByTestId('decline-reason').textContent).toBe(
      '拒绝理由：本人近期出差，无法按时评审',
    );
    // a declined pair cannot be removed; the others can
    expect(within(pairs[2]!).queryByTestId('pair-remove')).toBeNull();

    fireEvent.click(table.querySelectorAll('.ant-table-row-expand-icon')[0]!);
    const excluded = await screen.findAllByTestId('excluded-expert');
    expect(excluded.map((e) => e.textContent)).toEqual([
      '张专家（北京甲科技有限公司） 匹配度 5：专家所在单位为申报单位',
      '陈专家（上海交通大学） 匹配度 6：专家已拒绝评审该项目',
    ]);
    fireEvent.click(table.querySelectorAll('.ant-table-row-expand-icon')[1]!);
    await waitFor(() =>
      expect(screen.getAllByTestId('excluded-expert').map((e) => e.textContent)).toContain(
        '张专家（北京甲科技有限公司） 匹配度 2：已满额；专长不符（匹配度低于已分配专家）',
      ),
    );
  });

  it('a pair against a rule shows the rules broken, wants 例外理由 of 4 字, and retries with it', async () => {
    renderWithApp(<AssignmentBoardTable campaignId={CAMPAIGN} board={board} />, {
      [`GET ${boardPath}`]: board,
    });
    const sent = stubWrites((_m, _u, body) =>
      (body as { overrideReason?: string }).overrideReason
        ? [
            201,
            pair({
              id: '00000000-0000-4000-8000-000000000104',
              expertId: E3,
              expertName: '张专家',
              source: 'manual',
            }),
          ]
        : [
            409,
            {
              error: {
                code: 'ASSIGNMENT_RULES_BROKEN',
                message:
                  '张专家不能直接分配：专家所在单位为申报单位。如确需分配，请填写例外理由（至少4个字）',
                messageEn: 'This pair breaks a conflict rule or the load limit',
                details: { rules: ['employer_is_applicant', 'max_load'] },
              },
            },
          ],
    );
    fireEvent.click(screen.getAllByTestId('row-add')[0]!);
    const dialog = await screen.findByTestId('add-expert');
    expect(dialog.textContent).toContain('安全可靠工业APP');
    fireEvent.mouseDown(within(screen.getByTestId('add-expert-select')).getByRole('combobox'));
    // those on it (or who declined it) are not offered; the others show their load and why
    const option = await screen.findByTitle(
      '张专家（北京甲科技有限公司） · 本轮已分配 20/20 · 专家所在单位为申报单位',
    );
    expect(screen.queryByTitle(/^王专家/)).toBeNull();
    expect(screen.queryByTitle(/^陈专家/)).toBeNull();
    fireEvent.click(option);
    fireEvent.click(screen.getByTestId('add-ok'));

    const rules = await screen.findByTestId('broken-rules');
    expect(
      within(rules)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['专家所在单位为申报单位', '超过本轮每位专家的评审上限']);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ applicationId: APP_A, expertId: E3 });

    // too short a reason: nothing is sent
    fireEvent.change(screen.getByTestId('override-reason'), { target: { value: ' 已离 ' } });
    fireEvent.click(screen.getByTestId('add-ok'));
    expect((await screen.findByTestId('add-problem')).textContent).toBe(
      '请填写例外理由（至少4个字）',
    );
    expect(sent).toHaveLength(1);

    fireEvent.change(screen.getByTestId('override-reason'), {
      target: { value: ' 经核实该专家已于两年前离职 ' },
    });
    fireEvent.click(screen.getByTestId('add-ok'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      method: 'POST',
      url: `/api/v1${boardPath}`,
      body: { applicationId: APP_A, expertId: E3, overrideReason: '经核实该专家已于两年前离职' },
    });
    expect(await screen.findByText('已添加张专家（待发布）')).toBeTruthy();
  });

  it('removing a pair asks for the reason (4 字) before it is sent', async () => {
    renderWithApp(<AssignmentBoardTable campaignId={CAMPAIGN} board={board} />, {
      [`GET ${boardPath}`]: board,
    });
    const sent = stubWrites(() => [200, pair({ state: 'removed' })]);
    fireEvent.click(screen.getAllByTestId('pair-remove')[0]!);
    expect(await screen.findByText('移除王专家对“高炉炉况智能诊断工业APP”的评审分配')).toBeTruthy();
    fireEvent.click(screen.getByTestId('remove-ok'));
    expect(await screen.findByText('请填写移除理由（至少4个字）')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(screen.getByTestId('remove-reason'), {
      target: { value: '专家反映与申报单位有合作' },
    });
    fireEvent.click(screen.getByTestId('remove-ok'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'PATCH',
      url: `/api/v1${boardPath}/00000000-0000-4000-8000-000000000101`,
      body: { state: 'removed', reason: '专家反映与申报单位有合作' },
    });
  });
});

describe('the page', () => {
  it('lists the rounds; 生成分配方案 confirms and shows pairs, total fit and shortfalls; 发布分配 shows what was published', async () => {
    renderWithApp(
      <ReviewRoundsView campaigns={[campaign]} campaign={campaign} onPick={() => undefined} />,
      {
        [`GET /campaigns/${CAMPAIGN}/review-rounds`]: { items: [round] },
        [`GET ${boardPath}`]: board,
      },
    );
    const sent = stubWrites((_m, url) =>
      url.endsWith('/propose')
        ? [
            200,
            {
              proposed: 5,
              replaced: 2,
              totalFit: 27.5,
              pairs: [],
              shortfalls: [board.applications[0]!.shortfall],
            },
          ]
        : [
            200,
            {
              published: 5,
              notifiedExperts: 3,
              leftProposed: 0,
              round: { ...round, state: 'published' },
            },
          ],
    );
    const rounds = await screen.findByTestId('rounds-table');
    expect(await within(rounds).findByText('第一轮专家评审')).toBeTruthy();
    expect(within(rounds).getByTestId('round-state').textContent).toBe('未发布');
    const detail = await screen.findByTestId('round-detail');
    expect(within(detail).getByTestId('round-panels').textContent).toBe(
      '安全可靠工业APP：安全可靠工业APP（4 位专家）',
    );
    expect(await within(detail).findByTestId('replacements')).toBeTruthy();

    fireEvent.click(within(detail).getByTestId('round-propose'));
    expect((await screen.findByTestId('propose-confirm')).textContent).toContain(
      '尚未发布的分配将被替换',
    );
    fireEvent.click(screen.getByTestId('propose-ok'));
    const result = await screen.findByTestId('proposal-result');
    expect(result.textContent).toContain(
      zh('rounds.proposal.done', { proposed: 5, replaced: 2, fit: 27.5 }),
    );
    expect(within(result).getByTestId('proposal-shortfalls').textContent).toBe(
      '高炉炉况智能诊断工业APP：缺 1 位，可评审专家不足：本组4位专家中2位因回避规则不能评审',
    );

    fireEvent.click(within(detail).getByTestId('round-publish'));
    expect((await screen.findByTestId('publish-confirm')).textContent).toContain(
      '将发布本轮 3 项待发布的分配',
    );
    fireEvent.click(screen.getByTestId('publish-ok'));
    expect((await screen.findByTestId('publish-result')).textContent).toBe(
      '已发布 5 项分配，已通知专家 3 位',
    );
    expect(sent.map((s) => s.url)).toEqual([
      `/api/v1/campaigns/${CAMPAIGN}/review-rounds/${ROUND}/propose`,
      `/api/v1/campaigns/${CAMPAIGN}/review-rounds/${ROUND}/publish`,
    ]);
  });
});
