// Rarity weights from the indexed texts, and the weighted overlap they give.
import { describe, expect, test } from 'vitest';
import { nothingRare, TermFrequencies, textBigrams, weightedDice } from './rarity';

describe('rarity', () => {
  const common = '企业通过工业互联网平台实现数据采集和设备管理';
  const texts = [
    `${common}，助卷辊轴承包络解调`,
    `${common}，煤气柜柜位预测`,
    `${common}，高线润滑油液颗粒度`,
    `${common}，蒸汽管网减温减压器`,
  ];

  test('a term in every text weighs about nothing, one in a single text the most', () => {
    const terms = new TermFrequencies();
    for (const t of texts) terms.add(t);
    const [everywhere] = textBigrams('平台');
    const [once] = textBigrams('卷辊');
    expect(terms.weight(everywhere!)).toBeCloseTo(0, 5);
    expect(terms.weight(once!)).toBeGreaterThan(0.9);
    terms.remove(texts[0]!);
    expect(terms.weight(once!)).toBeCloseTo(Math.log(4 / 1), 5); // in no text now
  });

  test('two texts sharing the trade’s words score low, sharing rare ones high', () => {
    const terms = new TermFrequencies();
    for (const t of texts) terms.add(t);
    const rewrite = textBigrams('公司在助卷辊轴承上用包络解调');
    expect(weightedDice(rewrite, textBigrams(texts[0]!), terms.weight)).toBeGreaterThan(
      3 * weightedDice(textBigrams(texts[1]!), textBigrams(texts[0]!), terms.weight),
    );
    expect(weightedDice(rewrite, textBigrams(texts[0]!), nothingRare)).toBe(0);
  });
});
