import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import type { FindingView } from '../../lib/duplicates';
import { renderWithApp } from '../../../test/web/render';
import { duplicateRefusal } from './SignOffCard';
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
    expect(within(panel).getByTestId('finding-kind').textContent).toBe('其他渠道申报');
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
