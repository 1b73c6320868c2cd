import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/web/render';
import { ApiError } from '../../lib/api';
import type { MyReview, MyReviewDetail, ReviewContent } from './api';
import { RubricForm } from './RubricForm';

// antd in jsdom on a loaded 2-core machine: give each wait more than the default second
configure({ asyncUtilTimeout: 8000 });

const REVIEW: MyReview = {
  state: 'not_started',
  scores: {},
  recommendation: null,
  comment: '',
  version: 0,
  total: 0,
  savedAt: null,
  submittedAt: null,
  reopenedAt: null,
  reopenReason: null,
};

const DETAIL: MyReviewDetail = {
  assignment: {
    assignmentId: 'as1',
    roundId: 'r1',
    roundName: '第一轮专家评审',
    campaignId: 'c1',
    campaignTitle: '2021年工业互联网APP优秀解决方案征集遴选',
    deadline: '2026-11-30T16:00:00.000Z',
    closed: false,
    anonymous: false,
    panelName: '第一组',
    applicationId: 'a1',
    solutionName: '高炉炉况智能诊断工业APP',
    category: 'basic_common',
    categoryName: '基础共性工业APP',
    applicantName: '北京示例科技有限公司',
    region: '110108',
  },
  categories: [],
  application: {
    versionNo: 1,
    submittedAt: '2026-10-01T02:00:00.000Z',
    wordCount: 3000,
    form: {},
    data: {},
    attachments: [],
  },
  rubric: [
    { code: 'innovation', name: '创新性', weight: 30, maxScore: 30, guidance: '方案的创新程度' },
    { code: 'value', name: '应用成效', weight: 70, maxScore: 10, guidance: '应用效果与效益' },
  ],
  recommendations: [
    { code: 'recommend', label: '推荐' },
    { code: 'not_recommend', label: '不推荐' },
  ],
  commentMinChars: 10,
  review: REVIEW,
};

const savedOver = async (base: number, _content?: ReviewContent): Promise<MyReview> => ({
  ...REVIEW,
  state: 'draft',
  version: base + 1,
  savedAt: '2026-11-02T02:03:04.000Z',
});

function setup(over: Partial<MyReviewDetail> = {}, save = vi.fn(savedOver), submit = vi.fn()) {
  renderWithApp(
    <RubricForm
      detail={{ ...DETAIL, ...over }}
      save={save}
      submit={submit}
      onReload={() => {}}
      autosaveMs={20}
    />,
  );
  return { save, submit };
}

const score = (code: string, value: string) =>
  fireEvent.change(screen.getByTestId(`score-${code}`), { target: { value } });

describe('the rubric form', () => {
  it('shows each criterion with its range and guidance, and the weighted total live', async () => {
    setup();
    expect(screen.getByLabelText('创新性（0–30 分）')).toBeTruthy();
    expect(screen.getByText('应用效果与效益')).toBeTruthy();
    expect(screen.getByTestId('review-total').textContent).toBe('0');
    score('innovation', '15');
    // 30 × 15/30 = 15
    await waitFor(() => expect(screen.getByTestId('review-total').textContent).toBe('15'));
    score('value', '7.5');
    // + 70 × 7.5/10 = 52.5 → 67.5
    await waitFor(() => expect(screen.getByTestId('review-total').textContent).toBe('67.5'));
  });

  it('refuses a score out of range (named), and does not save it', async () => {
    const { save } = setup();
    score('value', '12');
    // under the input, and among what a submit still needs
    expect(await screen.findAllByText('“应用成效”的分数应在0到10分之间')).toHaveLength(2);
    expect(await screen.findByText('分数有误，改正后才会保存')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
    score('value', '9.3');
    expect(await screen.findAllByText('“应用成效”的分数最小单位为0.5分')).toHaveLength(2);
    expect(screen.getByTestId('review-submit').hasAttribute('disabled')).toBe(true);
  });

  it('counts the comment’s 字 against the minimum and lists what a submit still needs', async () => {
    setup();
    expect(screen.getByTestId('comment-count').textContent).toBe('0 字 / 至少 10 字');
    fireEvent.change(screen.getByTestId('review-comment'), { target: { value: 'APP 很好' } });
    // APP is one word, 很 and 好 one each
    await waitFor(() =>
      expect(screen.getByTestId('comment-count').textContent).toBe('3 字 / 至少 10 字'),
    );
    const missing = within(screen.getByTestId('review-missing'));
    expect(missing.getByText('请为“创新性”打分')).toBeTruthy();
    expect(missing.getByText('请选择推荐意见')).toBeTruthy();
    expect(missing.getByText('评审意见至少10字（现有3字）')).toBeTruthy();
    expect(screen.getByTestId('review-submit').hasAttribute('disabled')).toBe(true);
  });

  it('saves a moment after a change, over the version it was edited from', async () => {
    const save = vi.fn(savedOver);
    setup({}, save);
    score('innovation', '20');
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]).toEqual([
      0,
      { scores: { innovation: 20 }, recommendation: null, comment: '' },
    ]);
    expect(await screen.findByText('已保存 2026-11-02 10:03:04')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('推荐'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]![0]).toBe(1);
    expect(save.mock.calls[1]![1]).toMatchObject({ recommendation: 'recommend' });
  });

  it('a newer version saved elsewhere: says so and stops saving', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, 'REVIEW_CONFLICT', '评分已在别处保存', 'conflict', {
        currentVersion: 3,
      });
    });
    setup({}, save);
    score('innovation', '20');
    expect(await screen.findByText(/评分已在另一个窗口保存了更新的版本/)).toBeTruthy();
    score('innovation', '21');
    await new Promise((r) => setTimeout(r, 100));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('submits after the confirmation; then the form is read-only', async () => {
    const saved = {
      ...REVIEW,
      state: 'draft' as const,
      version: 4,
      scores: { innovation: 20, value: 8 },
      recommendation: 'recommend',
      comment: '方案创新性较强，应用成效明显。',
      savedAt: '2026-11-02T02:00:00.000Z',
    };
    const submit = vi.fn(async () => ({
      ...saved,
      state: 'submitted' as const,
      version: 5,
      submittedAt: '2026-11-02T03:00:00.000Z',
    }));
    setup({ review: saved }, vi.fn(savedOver), submit);
    expect(screen.queryByTestId('review-missing')).toBeNull();
    fireEvent.click(screen.getByTestId('review-submit'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/提交后评分将锁定/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /提交评分/ }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith(4));
    expect(await screen.findByText('评分已于 2026-11-02 11:00:00 提交，已锁定。')).toBeTruthy();
    expect(screen.queryByTestId('review-submit')).toBeNull();
    expect(screen.getByTestId('score-innovation').hasAttribute('disabled')).toBe(true);
  });

  it('a closed round: read-only, says why', () => {
    setup({ assignment: { ...DETAIL.assignment, closed: true } });
    expect(screen.getByText('本轮评审已截止，评分只读。')).toBeTruthy();
    expect(screen.getByTestId('review-comment').hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('review-submit')).toBeNull();
  });
});
