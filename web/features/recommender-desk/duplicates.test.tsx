import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import type { FindingView } from '../../lib/duplicates';
import { renderWithApp } from '../../../test/web/render';
import type { Campaign } from '../../lib/types';
import type { Desk } from './DeskFrame';
import { duplicateRefusal, SignOffCard } from './SignOffCard';
import { DuplicatePanel } from './DuplicatePanel';

const text = '一、概述\n本方案面向离散制造企业，通过设备联网采集数据，实现生产过程透明化。';
const passage = '通过设备联网采集数据，实现生产过程透明化';
const start = text.indexOf(passage);

const finding: FindingView = {
  id: 'f1',
  applicationId: 'a1',
  applicationName: '离散制造数字化平台',
  enterpriseName: '北京甲科技有限公司',
  channelUnitName: '北京市',
  kind: 'application',
  relation: 'different_enterprise',
  score: 0.81,
  reasons: ['正文大段重合', '经不同推荐单位申报'],
  state: 'open',
  decisionReason: null,
  decidedAt: null,
  match: {
    kind: 'application',
    applicationId: 'a2',
    solutionName: '离散制造数字化解决方案',
    enterpriseName: '中国乙集团有限公司',
    channelUnitName: '中国乙集团',
  },
  evidence: [
    {
      similarity: 0.95,
      application: { start, end: start + passage.length, excerpt: passage },
      match: { start: 3, end: 3 + passage.length, excerpt: passage },
    },
  ],
};

describe('重复申报检查 on the review page', () => {
  it('marks the overlapping passage of this application next to the other side', async () => {
    renderWithApp(<DuplicatePanel appId="a1" />, {
      'GET /applications/a1/findings': { text, findings: [finding] },
    });
    const panel = screen.getByTestId('duplicate-panel');
    expect(panel.textContent).toContain('重复申报检查');
    const pair = await within(panel).findByTestId('evidence-pair');
    const mark = within(pair).getByTestId('evidence-application').querySelector('mark');
    expect(mark?.textContent).toBe(passage);
    expect(within(pair).getByTestId('evidence-match').textContent).toContain(passage);
    expect(within(panel).getByTestId('finding-kind').textContent).toBe('不同企业申报相似');
    expect(panel.textContent).toContain('中国乙集团');
  });

  it('says when nothing was found', async () => {
    renderWithApp(<DuplicatePanel appId="a1" />, {
      'GET /applications/a1/findings': { text, findings: [] },
    });
    await waitFor(() => expect(screen.getByText('未发现疑似重复')).toBeTruthy());
  });
});

describe('a refused sign-off', () => {
  it('names the flagged applications when duplicates were the reason', () => {
    const refusal = new ApiError(409, 'BATCH_NOT_READY', '不能报送', 'Not ready', {
      missing: ['duplicate_findings'],
      applications: ['a1', 'a2'],
    });
    expect(duplicateRefusal(refusal)).toEqual(['a1', 'a2']);
    const other = new ApiError(409, 'BATCH_NOT_READY', '不能报送', 'Not ready', {
      missing: ['stamped_scan'],
    });
    expect(duplicateRefusal(other)).toBeNull();
    expect(duplicateRefusal(new Error('x'))).toBeNull();
  });
});

describe('the sign-off checklist on duplicates', () => {
  const desk = {
    campaign: { id: 'c1' } as Campaign,
    unitId: 'u1',
    unitName: '北京市',
    signedOff: false,
    batch: {
      rows: [{ applicationId: 'a1' }, { applicationId: 'a2' }, { applicationId: 'a3' }],
      stampedScan: { id: 's' },
    },
  } as unknown as Desk;
  const checklist = () => screen.getAllByRole('listitem').map((li) => li.textContent);

  it('tells findings awaiting the organizer from confirmed ones, naming what to take back', () => {
    renderWithApp(
      <SignOffCard
        desk={desk}
        dirty={false}
        flagged={[
          { applicationId: 'a1', solutionName: '离散制造数字化平台', duplicate: 'confirmed' },
          { applicationId: 'a2', solutionName: '高炉炉况诊断平台', duplicate: 'open' },
        ]}
        nameOf={(id) => id}
      />,
    );
    const open = screen.getByTestId('check-duplicates-open');
    expect(open.textContent).toContain('1 项疑似重复，待主管部门（工业和信息化部）审核放行');
    expect(open.textContent).toContain('《高炉炉况诊断平台》');
    expect(open.textContent).not.toContain('离散制造数字化平台');
    const confirmed = screen.getByTestId('check-duplicates-confirmed');
    expect(confirmed.textContent).toContain('已确认重复：须取消推荐《离散制造数字化平台》');
    expect(within(confirmed).getByRole('link').getAttribute('href')).toBe(
      '/desk/c1/applications/a1',
    );
    expect(checklist().join('')).not.toContain('待审核（尚有');
    expect(screen.getByTestId('sign-off').hasAttribute('disabled')).toBe(true);
  });

  it('says nothing is waiting once the organizer has dismissed every finding', () => {
    renderWithApp(<SignOffCard desk={desk} dirty={false} flagged={[]} nameOf={(id) => id} />);
    expect(screen.getByTestId('check-duplicates').textContent).toBe('没有待处理的疑似重复申报');
    expect(screen.queryByTestId('check-duplicates-confirmed')).toBeNull();
    expect(screen.getByTestId('sign-off').hasAttribute('disabled')).toBe(false);
  });
});
