// 纸质材料签收 in the browser: a scanner types the code and Enter, the verdict shows at once in a
// coloured alert (current, superseded, not forwarded, unknown), the input is ready for the next.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import type { PaperReceipt, PaperReceiptAnswer } from '../../../domain/api/registry';
import { renderWithApp } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import { PaperReceiptView } from './PaperReceiptPage';

const CAMPAIGN = '00000000-0000-4000-8000-0000000000c1';
const UNIT = '00000000-0000-4000-8000-0000000000b1';
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
  settings: MIIT_2021.settings,
};

function receipt(over: Partial<PaperReceipt>): PaperReceipt {
  return {
    id: 'r1',
    kind: 'application',
    status: 'current',
    code: 'ABCD-EFGH-JKMN',
    applicationId: 'a1',
    versionNo: 1,
    currentVersionNo: 1,
    applicationState: 'forwarded',
    solutionName: '高炉炉况智能诊断工业APP',
    applicantName: '北京示例智造科技有限公司',
    unitId: UNIT,
    unitName: '北京市',
    receivedOn: '2021-10-21',
    postmarkedOn: null,
    late: false,
    note: '',
    receivedByName: '工信部工作人员',
    createdAt: '2021-10-21T02:00:00.000Z',
    ...over,
  };
}

const ANSWERS: Record<string, { status: number; body: unknown }> = {
  'ABCD-EFGH-JKMN': {
    status: 201,
    body: {
      receipt: receipt({ postmarkedOn: '2021-10-19' }),
      message: '已签收：与网上报送的第1版（当前版本）一致',
      copies: 1,
      paperDeadline: '2021-10-20',
    } satisfies PaperReceiptAnswer,
  },
  'OLDV-ERSI-0N00': {
    status: 201,
    body: {
      receipt: receipt({
        id: 'r2',
        code: 'OLDV-ERS1-0N00',
        status: 'superseded',
        versionNo: 1,
        currentVersionNo: 2,
        solutionName: '注塑工艺参数寻优工业APP',
      }),
      message: '版本不符：纸质材料为第1版，网上当前为第2版，请联系申报单位寄送当前版本',
      copies: 1,
      paperDeadline: '2021-10-20',
    } satisfies PaperReceiptAnswer,
  },
  'N0TF-0RWA-RDED': {
    status: 201,
    body: {
      receipt: receipt({
        id: 'r3',
        status: 'not_forwarded',
        applicationState: 'submitted',
        late: true,
        solutionName: '园区综合能源调度工业APP',
      }),
      message:
        '该申报书尚未由推荐单位报送至主管部门：已记录签收，请核实；逾期：晚于纸质材料截止日期（2021-10-20）',
      copies: 2,
      paperDeadline: '2021-10-20',
    } satisfies PaperReceiptAnswer,
  },
  'ZZZZ-ZZZZ-ZZZZ': {
    status: 404,
    body: {
      error: {
        code: 'PAPER_CODE_UNKNOWN',
        message:
          '未找到验证码 ZZZZ-ZZZZ-ZZZZ 对应的申报书：请核对纸质申报书封面或页脚上的12位验证码',
        messageEn: 'No application carries this verification code',
      },
    },
  },
};

/** The app's fetch: units and today's receipts from the table, receipts by the code posted. */
function render() {
  const view = renderWithApp(
    <PaperReceiptView campaigns={[campaign]} campaign={campaign} onPick={() => {}} />,
    {
      'GET /recommender-units': { items: [{ id: UNIT, name: '北京市' }] },
      [`GET /campaigns/${CAMPAIGN}/paper-receipts`]: {
        items: [receipt({ id: 'r0', solutionName: '早先签收的方案' })],
        total: 1,
        page: 1,
        pageSize: 200,
      },
    },
  );
  const tableFetch = globalThis.fetch;
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method !== 'POST') return tableFetch(url, init);
      const body = JSON.parse(String(init.body)) as { code?: string };
      posted.push(body);
      const key = (body.code ?? '').toUpperCase().replace(/.*CODE=/, '');
      const answer = ANSWERS[key] ?? ANSWERS['ZZZZ-ZZZZ-ZZZZ']!;
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    }),
  );
  return { ...view, posted };
}

async function scan(code: string) {
  const input = screen.getByTestId('paper-code') as HTMLInputElement;
  fireEvent.change(input, { target: { value: code } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  return waitFor(() => {
    const v = screen.getByTestId('paper-verdict');
    expect(input.value).toBe('');
    return v;
  });
}

describe('纸质材料签收', () => {
  it('the code field has the focus; Enter records and shows the current version in green', async () => {
    const { posted } = render();
    const input = await screen.findByTestId('paper-code');
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(await screen.findByText('早先签收的方案')).toBeTruthy();

    const verdict = await scan('http://zx.example/verify?code=ABCD-EFGH-JKMN');
    expect(verdict.getAttribute('data-verdict')).toBe('current');
    expect(verdict.className).toContain('ant-alert-success');
    expect(within(verdict).getByText('当前版本：与网上报送的申报书一致')).toBeTruthy();
    expect(within(verdict).getByText('高炉炉况智能诊断工业APP')).toBeTruthy();
    expect(within(verdict).getByText('北京市')).toBeTruthy();
    expect(within(verdict).getByText('第1版')).toBeTruthy();
    expect(within(verdict).getByText('2021-10-21 收到，邮戳 2021-10-19')).toBeTruthy();
    expect(within(verdict).queryByTestId('paper-late')).toBeNull();
    expect(posted).toEqual([
      {
        kind: 'application',
        code: 'http://zx.example/verify?code=ABCD-EFGH-JKMN',
        receivedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        note: '',
      },
    ]);
    await waitFor(() => expect(document.activeElement).toBe(input));
  });

  it('a superseded version in red, naming the version that is current', async () => {
    render();
    await screen.findByTestId('paper-code');
    const verdict = await scan('OLDV-ERSI-0N00');
    expect(verdict.getAttribute('data-verdict')).toBe('superseded');
    expect(verdict.className).toContain('ant-alert-error');
    expect(within(verdict).getByText('版本不符：该版本已被新版本取代')).toBeTruthy();
    expect(within(verdict).getByText('网上当前版本')).toBeTruthy();
    expect(within(verdict).getByText('第2版')).toBeTruthy();
  });

  it('an application not forwarded in orange, with the late warning and the copies so far', async () => {
    render();
    await screen.findByTestId('paper-code');
    const verdict = await scan('N0TF-0RWA-RDED');
    expect(verdict.getAttribute('data-verdict')).toBe('not_forwarded');
    expect(verdict.className).toContain('ant-alert-warning');
    expect(within(verdict).getByText('未报送：该申报书尚未由推荐单位报送至主管部门')).toBeTruthy();
    expect(within(verdict).getByTestId('paper-late').textContent).toBe(
      '逾期：晚于纸质材料截止日期（2021-10-20）',
    );
    expect(within(verdict).getByText('该材料已签收 2 份')).toBeTruthy();
  });

  it('an unknown code in red: nothing recorded, the server’s reason shown', async () => {
    render();
    await screen.findByTestId('paper-code');
    const verdict = await scan('zzzz zzzz zzzz');
    expect(verdict.getAttribute('data-verdict')).toBe('unknown');
    expect(verdict.className).toContain('ant-alert-error');
    expect(within(verdict).getByText('未找到：没有申报书使用该验证码')).toBeTruthy();
    expect(
      within(verdict).getByText(
        '未找到验证码 ZZZZ-ZZZZ-ZZZZ 对应的申报书：请核对纸质申报书封面或页脚上的12位验证码',
      ),
    ).toBeTruthy();
    expect(within(verdict).getByText(/zzzz zzzz zzzz · 未记录签收。/)).toBeTruthy();
  });

  it('an empty code is not sent; 附件3 is received by choosing the unit', async () => {
    const { posted } = render();
    const input = await screen.findByTestId('paper-code');
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(await screen.findByText('请扫描二维码或输入验证码')).toBeTruthy();
    expect(posted).toEqual([]);

    fireEvent.click(screen.getByText('附件3汇总表（盖章）'));
    fireEvent.click(screen.getByTestId('paper-submit'));
    expect(await screen.findByText('请选择推荐单位')).toBeTruthy();
    expect(posted).toEqual([]);
  });
});
