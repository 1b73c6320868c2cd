import { describe, expect, it } from 'vitest';
import { fullSampleData } from '../../../test/fixtures/print-sample';
import { normaliseVerificationCode, verificationCodeOf } from './verification-code';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('verificationCodeOf', () => {
  it('is XXXX-XXXX-XXXX in Crockford base32 (no I, L, O, U)', () => {
    for (let i = 0; i < 200; i++) expect(verificationCodeOf({ i })).toMatch(FORMAT);
  });

  it('is deterministic', () => {
    expect(verificationCodeOf(fullSampleData())).toBe(verificationCodeOf(fullSampleData()));
    // pinned (checked by hand: sha256('{"a":1}'), top 60 bits, Crockford): a code on paper must never change meaning
    expect(verificationCodeOf({ a: 1 })).toBe('05DB-TZTW-RNX2');
  });

  it('does not depend on key order, at any depth', () => {
    const a = {
      solution: { name: 'X', category: 'c' },
      apps: { items: [{ name: 'A', users: 1 }] },
    };
    const b = {
      apps: { items: [{ users: 1, name: 'A' }] },
      solution: { category: 'c', name: 'X' },
    };
    expect(verificationCodeOf(a)).toBe(verificationCodeOf(b));
  });

  it('changes with any change of content', () => {
    const base = fullSampleData();
    const code = verificationCodeOf(base);
    const variants: ((d: any) => void)[] = [
      (d) => (d.solution.name += '。'),
      (d) => (d.text.needs = d.text.needs.replace('企业', '公司')),
      (d) => (d.apps.items[4].users += 1),
      (d) => (d.apps.items[4].users = String(d.apps.items[4].users)),
      (d) => d.apps.items.reverse(),
      (d) => (d.declaration.truthful = false),
      (d) => (d.figures.other = ['x']),
      (d) => (d.applicant.extra = null),
      (d) => delete d.applicant.contactTitle,
    ];
    const seen = new Set([code]);
    for (const change of variants) {
      const d = fullSampleData();
      change(d);
      const changed = verificationCodeOf(d);
      expect(changed).not.toBe(code);
      seen.add(changed);
    }
    expect(seen.size).toBe(variants.length + 1);
  });
});

describe('normaliseVerificationCode', () => {
  it('accepts what people type', () => {
    const code = verificationCodeOf(fullSampleData());
    expect(normaliseVerificationCode(code)).toBe(code);
    expect(normaliseVerificationCode(code.toLowerCase())).toBe(code);
    expect(normaliseVerificationCode(` ${code.replace(/-/g, ' ')} `)).toBe(code);
    expect(normaliseVerificationCode(code.replace(/-/g, ''))).toBe(code);
    expect(normaliseVerificationCode('ab0c–1d2e—3f4g')).toBe('AB0C-1D2E-3F4G');
    expect(normaliseVerificationCode('ＡＢ０Ｃ－１Ｄ２Ｅ－３Ｆ４Ｇ')).toBe('AB0C-1D2E-3F4G'); // full-width
  });

  it('reads O as 0 and I or L as 1', () => {
    expect(normaliseVerificationCode('oo1i-Ll00-abcd')).toBe('0011-1100-ABCD');
  });

  it('refuses what cannot be a code', () => {
    for (const bad of [
      '',
      'ABCD-EFGH-JKM',
      'ABCD-EFGH-JKMNP',
      'ABCD-EFGH-JKMU',
      'ABCD_EFGH_JKMN',
      '你好你好你好你好你好你好',
    ])
      expect(normaliseVerificationCode(bad)).toBeNull();
  });
});
