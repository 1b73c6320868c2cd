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
