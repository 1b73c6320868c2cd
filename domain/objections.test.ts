import { describe, expect, it } from 'vitest';
import {
  arithmeticChallenge,
  objectionReferenceNo,
  objectionSeqOf,
  resolveObjectionSchema,
  submitObjectionSchema,
} from './objections';

const fields = {
  itemId: '5b1f3c2e-8a4d-4f6b-9c1e-2d3f4a5b6c7d',
  name: '赵异议',
  organisation: '个人',
  phone: '13812345678',
  email: '',
  reasons: '该解决方案申报材料中所列的应用案例与实际情况不符，请核实。',
  challengeToken: 't',
  challengeAnswer: ' 12 ',
};

describe('异议', () => {
  it('reference numbers: the year, YY and the order, four digits at least', () => {
    expect(objectionReferenceNo(2021, 1)).toBe('2021-YY-0001');
    expect(objectionReferenceNo(2021, 12345)).toBe('2021-YY-12345');
    expect(objectionSeqOf('2021-YY-0042')).toBe(42);
    expect(objectionSeqOf('nonsense')).toBe(0);
  });

  it('questions in Chinese with whole, non-negative answers', () => {
    expect(arithmeticChallenge([0.3, 0.2, 0])).toEqual({
      question: '7 加 5 等于多少？',
      answer: 12,
    });
    // a subtraction never goes below zero
    expect(arithmeticChallenge([0.1, 0.9, 0.5])).toEqual({
      question: '19 减 3 等于多少？',
      answer: 16,
    });
    expect(arithmeticChallenge([0.99, 0.99, 0.99])).toEqual({
      question: '9 乘以 9 等于多少？',
      answer: 81,
    });
    for (let i = 0; i < 200; i++) {
      const c = arithmeticChallenge([Math.random(), Math.random(), Math.random()]);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.question).toMatch(/^\d+ (加|减|乘以) \d+ 等于多少？$/);
    }
  });

  it('the fields: an empty e-mail is none; reasons counted in 字 (20 to 2000)', () => {
    const ok = submitObjectionSchema.parse(fields);
    expect(ok.email).toBeUndefined();
    expect(ok.challengeAnswer).toBe('12');
    const short = submitObjectionSchema.safeParse({ ...fields, reasons: '理由不足二十个字' });
    expect(short.error?.issues[0]?.message).toBe('请写明异议理由，至少20个字');
    expect(submitObjectionSchema.safeParse({ ...fields, reasons: '字'.repeat(2001) }).success).toBe(
      false,
    );
    expect(submitObjectionSchema.safeParse({ ...fields, challengeAnswer: '十二' }).success).toBe(
      false,
    );
  });

  it('a resolution needs an outcome and at least 4 字', () => {
    expect(
      resolveObjectionSchema.safeParse({ outcome: 'upheld', resolution: '成立' }).success,
    ).toBe(false);
    expect(
      resolveObjectionSchema.safeParse({ outcome: 'dismissed', resolution: '理由不足' }).success,
    ).toBe(true);
    expect(
      resolveObjectionSchema.safeParse({ outcome: 'maybe', resolution: '理由不足' }).success,
    ).toBe(false);
  });
});
