import { describe, expect, it } from 'vitest';
import { reviewShowcaseSchema, saveShowcaseSchema, showcaseTextProblem } from './showcase';

describe('成果展示 rules', () => {
  it('the text to submit: 50 to 2000 字, counted as WPS/Word do', () => {
    expect(showcaseTextProblem('   ')).toBe('请先填写成果展示文字');
    expect(showcaseTextProblem('设备'.repeat(24))).toBe('成果展示文字至少50字，当前48字');
    expect(showcaseTextProblem('设备'.repeat(25))).toBeNull();
    // a Latin word is one 字
    expect(showcaseTextProblem(`${'设'.repeat(49)} APP`)).toBeNull();
    expect(showcaseTextProblem('设'.repeat(2001))).toBe('成果展示文字最多2000字，当前2001字');
  });

  it('a draft: at most six images, none twice; short text may be saved', () => {
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    expect(saveShowcaseSchema.safeParse({ text: '短', imageIds: [], version: null }).success).toBe(
      true,
    );
    const seven = [1, 2, 3, 4, 5, 6, 7].map(id);
    expect(saveShowcaseSchema.safeParse({ text: '', imageIds: seven, version: 1 }).success).toBe(
      false,
    );
    expect(
      saveShowcaseSchema.safeParse({ text: '', imageIds: [id(1), id(1)], version: 1 }).success,
    ).toBe(false);
  });

  it('a return needs a reason of at least 4 字; an approval none', () => {
    expect(reviewShowcaseSchema.safeParse({ decision: 'approve', version: 2 }).success).toBe(true);
    const short = reviewShowcaseSchema.safeParse({ decision: 'reject', note: '不行', version: 2 });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({
      path: ['note'],
      message: '请写明退回理由，至少4个字',
    });
    expect(
      reviewShowcaseSchema.safeParse({ decision: 'reject', note: '数据来源不明', version: 2 })
        .success,
    ).toBe(true);
  });
});
