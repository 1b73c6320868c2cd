import { describe, expect, it } from 'vitest';
import { embeddedComment, formatDeadline, formatDateTime, timeLeft } from './format';
import { issuesToFields } from './zod-form';

describe('format', () => {
  it('shows deadlines in Beijing time whatever the zone', () => {
    expect(formatDeadline('2021-10-20T23:59:59.999+08:00', 'zh')).toBe(
      '2021年10月20日 23:59（北京时间）',
    );
    expect(formatDeadline('2021-10-20T15:59:59.999Z', 'en')).toBe(
      '20 Oct 2021, 23:59 (Beijing time)',
    );
    expect(formatDateTime('2021-10-20T16:00:00.000Z')).toBe('2021-10-21 00:00:00');
  });

  it('counts down in days, hours and minutes', () => {
    const now = Date.parse('2021-10-18T22:58:00+08:00');
    expect(timeLeft('2021-10-20T23:59:59.999+08:00', now)).toEqual({ d: 2, h: 1, m: 1 });
    expect(
      timeLeft('2021-10-20T23:59:59.999+08:00', Date.parse('2021-10-21T00:00:00+08:00')),
    ).toBeNull();
  });
});

describe('issuesToFields', () => {
  it('groups messages by top-level field without repeats', () => {
    expect(
      issuesToFields([
        { path: ['password'], message: 'a' },
        { path: 'password', message: 'b' },
        { path: ['password'], message: 'a' },
        { path: 'uscc', message: 'c' },
      ]),
    ).toEqual([
      { name: 'password', errors: ['a', 'b'] },
      { name: 'uscc', errors: ['c'] },
    ]);
  });
});

describe('a comment inside our sentence', () => {
  it('loses its closing punctuation and spaces, keeps what is inside', () => {
    expect(embeddedComment('请补充合作协议。')).toBe('请补充合作协议');
    expect(embeddedComment(' 请补充合作协议。。 \n')).toBe('请补充合作协议');
    expect(embeddedComment('缺少附件，请补充！')).toBe('缺少附件，请补充');
    expect(embeddedComment('Missing the contract.')).toBe('Missing the contract');
    expect(embeddedComment('第一，补充协议；第二，补充证明……')).toBe(
      '第一，补充协议；第二，补充证明',
    );
    expect(embeddedComment('见“合作协议”')).toBe('见“合作协议”');
    expect(embeddedComment('版本号2.0')).toBe('版本号2.0');
    expect(embeddedComment(null)).toBe('');
  });
});
