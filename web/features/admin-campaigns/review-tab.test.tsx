import { useState } from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignSettings } from '../../../domain/campaign';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { MIIT_2021_FORMAL_CHECKLIST } from '../../../domain/review';
import { renderWithApp } from '../../../test/web/render';
import { checkChanges, tabOf } from './draft';
import { PostAwardCard } from './PostAwardCard';
import { ReviewTab } from './ReviewTab';

let latest: CampaignSettings | undefined;

function Harness(props: { locked?: boolean }) {
  const [value, setValue] = useState<CampaignSettings>(MIIT_2021.settings);
  return (
    <ReviewTab
      value={value}
      onChange={(v) => {
        latest = v;
        setValue(v);
      }}
      issues={[]}
      locked={!!props.locked}
      reason={props.locked ? '已发布评审分配，形式审查清单、评分标准和评审设置不能再修改' : null}
    />
  );
}

describe('形式审查与评分 in the campaign configuration', () => {
  it('starts from the notice’s checklist and edits it as campaign data: rule, veto, new items', () => {
    latest = undefined;
    renderWithApp(<Harness />);
    expect(screen.getAllByTestId(/^checklist-item-\d+$/)).toHaveLength(
      MIIT_2021_FORMAL_CHECKLIST.length,
    );
    const own = screen.getByTestId('checklist-item-2');
    expect((within(own).getByLabelText('检查项') as HTMLInputElement).value).toBe(
      '拥有自主知识产权',
    );
    fireEvent.click(within(own).getByRole('switch'));
    expect(latest!.formalChecklist![2]).toMatchObject({ code: 'own_ip', blocking: true });
    expect(latest!.formalChecklist!.filter((i) => i.blocking).map((i) => i.code)).toEqual([
      'own_ip',
      'not_duplicate',
    ]);
    fireEvent.click(screen.getByTestId('checklist-add'));
    expect(latest!.formalChecklist!.at(-1)).toEqual({
      code: 'item',
      label: '',
      basis: '',
      blocking: false,
    });
    // an empty label is what the server refuses too, on this tab
    const issues = checkChanges({ settings: latest! });
    expect(issues.map((i) => i.path)).toContain(
      `settings.formalChecklist.${MIIT_2021_FORMAL_CHECKLIST.length}.label`,
    );
    expect(tabOf(issues[0]!.path)).toBe('review');
  });

  it('edits the rubric and the review settings; the weights are summed', () => {
    latest = undefined;
    renderWithApp(<Harness />);
    expect(screen.getByTestId('rubric-weights').textContent).toBe('权重合计 100');
    const weight = within(screen.getByTestId('rubric-0')).getByLabelText('权重');
    fireEvent.change(weight, { target: { value: '30' } });
    fireEvent.blur(weight);
    expect(latest!.rubric[0]!.weight).toBe(30);
    expect(screen.getByTestId('rubric-weights').textContent).toBe('权重合计 110');
    const per = screen.getByLabelText('每份申报书的评审专家数');
    fireEvent.change(per, { target: { value: '7' } });
    fireEvent.blur(per);
    expect(latest!.review).toMatchObject({ reviewsPerApplication: 7, commentMinChars: 50 });
    expect(tabOf('settings.rubric.0.code')).toBe('review');
    expect(tabOf('settings.review.recommendations')).toBe('review');
  });

  it('read-only, with the reason, once a review round is published', () => {
    renderWithApp(<Harness locked />);
    expect(screen.getByTestId('review-locked').textContent).toContain('已发布评审分配');
    const own = screen.getByTestId('checklist-item-2');
    expect((within(own).getByLabelText('检查项') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('checklist-add') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('系统评价维度 in the campaign configuration', () => {
  function PostAwardHarness() {
    const [value, setValue] = useState<CampaignSettings>(MIIT_2021.settings);
    return (
      <PostAwardCard
        value={value}
        onChange={(v) => {
          latest = v;
          setValue(v);
        }}
        issues={[]}
      />
    );
  }

  it('shows the four dimensions of the notice and edits them as data', () => {
    latest = undefined;
    renderWithApp(<PostAwardHarness />);
    const rows = screen.getAllByTestId(/^post-award-\d+$/);
    expect(rows.map((r) => (within(r).getByLabelText('维度') as HTMLInputElement).value)).toEqual([
      '综合实力',
      '关键技术创新',
      '经济社会效益',
      '产业化推广价值',
    ]);
    expect(screen.getByTestId('post-award-weights').textContent).toBe('权重合计 100');
    fireEvent.change(within(rows[0]!).getByLabelText('满分'), { target: { value: '30' } });
    fireEvent.blur(within(rows[0]!).getByLabelText('满分'));
    expect(latest!.postAwardDimensions[0]).toMatchObject({ code: 'strength', maxScore: 30 });
    fireEvent.click(screen.getByTestId('post-award-add'));
    expect(latest!.postAwardDimensions.at(-1)).toEqual({
      code: 'dimension',
      name: '',
      weight: 25,
      guidance: '',
    });
    // an empty name is refused, on this tab
    const issues = checkChanges({ settings: latest! });
    expect(issues.map((i) => i.path)).toContain('settings.postAwardDimensions.4.name');
    expect(tabOf('settings.postAwardDimensions.4.name')).toBe('review');
  });
});
