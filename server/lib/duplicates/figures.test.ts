// The figures of a text and how many two texts share, rounding and approximations allowed for.
import { describe, expect, test } from 'vitest';
import { chineseNumber, figuresOf, sharedFigures } from './figures';

describe('figures', () => {
  test('Chinese numerals', () => {
    expect(chineseNumber('四十')).toBe(40);
    expect(chineseNumber('两百')).toBe(200);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('一万八千')).toBe(18000);
    expect(chineseNumber('三千一百')).toBe(3100);
    expect(Number.isNaN(chineseNumber('台'))).toBe(true);
  });

  test('value and unit; 万 and 亿 scale; years, dates and small counts left out', () => {
    const f = figuresOf(
      '2018年3月启动，在426台电机上布设3200个测点，库存1.1亿元，精度95%，共3家。',
    );
    expect(f).toEqual([
      { value: 426, unit: '台' },
      { value: 3200, unit: '个' },
      { value: 1.1e8, unit: '元' },
      { value: 95, unit: '%' },
    ]);
  });

  test('a rewrite shares its figures, nudged or approximated; another text does not', () => {
    const original = figuresOf('426台电机，3200个测点，停机744小时，预警217次，库存9000万元。');
    const rewrite = figuresOf(
      '约430台电机，测点约3260个，停机约750小时，预警两百余次，库存降至约9000万元。',
    );
    const other = figuresOf('1460台设备，1.3万个点检项目，停机520小时，缺陷3800余条。');
    expect(sharedFigures(rewrite, original)).toBe(5);
    expect(sharedFigures(other, original)).toBe(0);
  });

  test('each figure of the other side counts once', () => {
    expect(sharedFigures(figuresOf('12台，12台，12台'), figuresOf('12台'))).toBe(1);
  });
});
