import { describe, expect, test } from 'vitest';
import { countWords } from './word-count';

describe('countWords (WPS/Word 字数)', () => {
  test('each CJK ideograph is one', () => {
    expect(countWords('工业互联网')).toBe(5);
    expect(countWords('𠀀𪚥')).toBe(2); // Extension B, outside the BMP
  });
  test('CJK and full-width punctuation marks are one each', () => {
    expect(countWords('你好，世界。')).toBe(6);
    expect(countWords('“小轻灵”')).toBe(5);
    expect(countWords('《通知》、（一）')).toBe(8);
    expect(countWords('等等……——')).toBe(6);
    expect(countWords('ＡＢＣ１２３')).toBe(6); // full-width letters and digits
    expect(countWords('‘a’')).toBe(3);
  });
  test('a run of Latin letters, digits or half-width punctuation is one', () => {
    expect(countWords('Industrial Internet APP')).toBe(3);
    expect(countWords('5G')).toBe(1);
    expect(countWords('v2.0.1')).toBe(1);
    expect(countWords('hello,world')).toBe(1);
    expect(countWords('e-mail: office@caitis.cn')).toBe(2);
  });
  test('mixed text: runs end at ideographs and wide punctuation', () => {
    expect(countWords('基于5G的APP')).toBe(5); // 基 于 5G 的 APP
    expect(countWords('提升OEE 12.5%，降低成本')).toBe(9); // 提 升 OEE 12.5% ， 降 低 成 本
  });
  test('whitespace counts nothing, including the ideographic space', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t\u3000 ')).toBe(0);
    expect(countWords('一\u3000二')).toBe(2);
    expect(countWords('a\u3000b')).toBe(2);
  });
  test('very long text is counted exactly and quickly', () => {
    const para = '面向制造企业实际需求，依托工业互联网平台PaaS服务。'; // 10 + ， + 9 + PaaS + 2 + 。 = 24
    expect(countWords(para)).toBe(24);
    expect(countWords(para.repeat(10_000))).toBe(240_000);
  });
});

describe('countWords counts as the reading of the rule character by character does', () => {
  // the rule as first written: a regular expression per character over code points
  const reference = (text: string) => {
    let count = 0;
    let inRun = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const ideograph =
        (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0x3400 && cp <= 0x4dbf) ||
        (cp >= 0x20000 && cp <= 0x2fa1f) ||
        (cp >= 0xf900 && cp <= 0xfaff);
      const wide =
        (cp >= 0x3001 && cp <= 0x303f) ||
        (cp >= 0xff01 && cp <= 0xff5e) ||
        [0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026].includes(cp);
      if (/\s/u.test(ch)) inRun = false;
      else if (ideograph || wide) {
        count++;
        inRun = false;
      } else if (!inRun) {
        count++;
        inRun = true;
      }
    }
    return count;
  };
  test('every kind of space, line end and surrogate, alone and in pairs', () => {
    const spaces = [
      ...'\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
    ];
    const notSpaces = [
      '\u180e',
      '\u200b',
      '\u0085',
      'x',
      '工',
      '，',
      '\ud840\udc00',
      '\ud840',
      '\udc00',
    ];
    for (const a of [...spaces, ...notSpaces])
      for (const b of [...spaces, ...notSpaces]) {
        const t = `a${a}${b}工${b}b`;
        expect(countWords(t), JSON.stringify(t)).toBe(reference(t));
      }
  });
  test('random text mixing scripts, spaces, punctuation and lone surrogates', () => {
    const alphabet = [...'aZ09.-_ \n\t\u3000\u00a0工业互联网，。“”…—！Ａ\u2028'].concat([
      '\ud840\udc00',
      '\ud840',
      '\udc00',
      '\u{1F600}',
    ]);
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let k = 0; k < 500; k++) {
      let t = '';
      for (let i = next() % 60; i > 0; i--) t += alphabet[next() % alphabet.length];
      expect(countWords(t), JSON.stringify(t)).toBe(reference(t));
    }
  });
});
