import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findingLabel, mergeRanges, splitMarked, type FindingView } from '../lib/duplicates';
import { renderWithApp } from '../../test/web/render';
import { DuplicateEvidence, FindingKindTag } from './DuplicateEvidence';

const text =
  '本方案面向离散制造企业。通过设备联网采集数据，实现生产过程透明化。<script>alert(1)</script>';
const passage = '通过设备联网采集数据';
const start = text.indexOf(passage);

const award: FindingView = {
  id: 'f1',
  applicationId: 'a1',
  applicationName: '智能制造云平台',
  enterpriseName: '北京甲科技有限公司',
  channelUnitName: '北京市',
  kind: 'award',
  relation: 'same_enterprise',
  score: 0.87,
  reasons: ['统一社会信用代码相同', '解决方案名称相似'],
  state: 'open',
  decisionReason: null,
  decidedAt: null,
  match: {
    kind: 'award',
    awardId: 'w1',
    year: 2019,
    solutionName: '基于工业互联网的智能制造云平台解决方案',
    enterpriseName: '北京甲科技有限公司',
    uscc: '91110108MA01A2B3C4',
    recommenderName: '北京市经济和信息化局',
  },
  evidence: [
    {
      similarity: 0.93,
      application: { start, end: start + passage.length, excerpt: passage },
      match: { start: 5, end: 15, excerpt: '通过设备联网采集数据' },
    },
  ],
};

const other: FindingView = {
  ...award,
  id: 'f2',
  kind: 'application',
  relation: 'different_enterprise',
  score: 0.6,
  reasons: ['正文重合'],
  state: 'dismissed',
  decisionReason: '不同的解决方案',
  decidedAt: '2021-10-20T02:30:00.000Z',
  match: {
    kind: 'application',
    applicationId: 'a2',
    solutionName: '智能制造平台',
    enterpriseName: '中国某集团有限公司',
    channelUnitName: '中国某集团',
  },
  evidence: [
    {
      similarity: 0.7,
      application: { start: 0, end: 5, excerpt: '本方案面向' },
      match: { start: 0, end: 5, excerpt: '本方案面向' },
    },
  ],
};

describe('marking ranges', () => {
  it('merges overlapping and touching ranges and clips them to the text', () => {
    expect(
      mergeRanges(
        [
          { start: 8, end: 12 },
          { start: 2, end: 5 },
          { start: 4, end: 8 },
          { start: 18, end: 40 },
          { start: -3, end: 0 },
        ],
        20,
      ),
    ).toEqual([
      { start: 2, end: 12 },
      { start: 18, end: 20 },
    ]);
  });

  it('cuts the text into plain and marked pieces that join back to it', () => {
    const pieces = splitMarked('abcdefgh', [
      { start: 1, end: 3 },
      { start: 5, end: 8 },
    ]);
    expect(pieces).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'de', marked: false },
      { text: 'fgh', marked: true },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('abcdefgh');
  });

  it('labels a finding by what it matched and how the enterprises relate, not by channel', () => {
    expect(findingLabel(award)).toBe('award.same_enterprise');
    expect(findingLabel(other)).toBe('application.different_enterprise');
    // two different enterprises through the same channel are not 同一企业
    const sameChannel = { ...other, match: { ...other.match, channelUnitName: '北京市' } as never };
    expect(findingLabel(sameChannel)).toBe('application.different_enterprise');
    renderWithApp(<FindingKindTag finding={sameChannel} />);
    expect(screen.getByTestId('finding-kind').textContent).toBe('不同企业申报相似');
    expect(findingLabel({ ...other, relation: 'same_enterprise' })).toBe(
      'application.same_enterprise',
    );
    expect(findingLabel({ ...other, relation: 'related_enterprise' })).toBe(
      'application.related_enterprise',
    );
  });
});

describe('DuplicateEvidence', () => {
  it('shows the award, the reasons, the score and the marked passage next to the excerpt', () => {
    renderWithApp(<DuplicateEvidence findings={[award]} text={text} />);
    const card = screen.getByTestId('finding');
    expect(within(card).getByTestId('finding-kind').textContent).toBe('本企业往届获奖');
    expect(within(card).getByTestId('finding-state').textContent).toBe('待处理');
    expect(card.textContent).toContain('87%');
    expect(within(card).getByTestId('finding-reasons').textContent).toContain(
      '统一社会信用代码相同',
    );
    const match = within(card).getByTestId('finding-match');
    expect(match.textContent).toContain('2019');
    expect(match.textContent).toContain('基于工业互联网的智能制造云平台解决方案');
    expect(match.textContent).toContain('91110108MA01A2B3C4');
    expect(match.textContent).toContain('北京市经济和信息化局');
    const pair = within(card).getByTestId('evidence-pair');
    const mark = within(pair).getByTestId('evidence-application').querySelector('mark');
    expect(mark?.textContent).toBe(passage);
    expect(within(pair).getByTestId('evidence-match').textContent).toContain(mark!.textContent!);
  });

  it('marks the whole text from the offsets, as text, never as markup', () => {
    const { container } = renderWithApp(
      <DuplicateEvidence findings={[award, other]} text={text} />,
    );
    const full = screen.getByTestId('marked-text');
    const marks = [...full.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['本方案面向', passage]);
    expect(full.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
  });

  it('shows another channel’s application and an organizer’s decision', () => {
    renderWithApp(<DuplicateEvidence findings={[other]} />);
    expect(screen.getByTestId('finding-kind').textContent).toBe('不同企业申报相似');
    expect(screen.getByTestId('finding-state').textContent).toBe('已排除（放行）');
    expect(screen.getByTestId('finding-decision').textContent).toContain('不同的解决方案');
    expect(screen.getByTestId('finding-match').textContent).toContain('中国某集团');
    // without the full text, the server's excerpt is what is marked
    expect(screen.getByTestId('evidence-application').querySelector('mark')?.textContent).toBe(
      '本方案面向',
    );
  });

  it('cuts a long passage next to the excerpt; the full text keeps all of it', () => {
    const long = '甲'.repeat(10) + '乙'.repeat(300) + '丙'.repeat(10);
    const f: FindingView = {
      ...award,
      evidence: [
        {
          similarity: 1,
          application: { start: 10, end: 310, excerpt: '乙'.repeat(80) + '…' },
          match: { start: 0, end: 300, excerpt: '乙'.repeat(80) + '…' },
        },
      ],
    };
    renderWithApp(<DuplicateEvidence findings={[f]} text={long} />);
    const own = screen.getByTestId('evidence-application');
    expect(own.querySelector('mark')?.textContent).toBe('乙'.repeat(160));
    expect(own.textContent).toBe(`${'甲'.repeat(10)}${'乙'.repeat(160)}…`);
    expect(screen.getByTestId('marked-text').querySelector('mark')?.textContent).toBe(
      '乙'.repeat(300),
    );
  });

  it('says so when there is nothing', () => {
    renderWithApp(<DuplicateEvidence findings={[]} />);
    expect(screen.getByText('未发现疑似重复')).toBeTruthy();
  });
});
