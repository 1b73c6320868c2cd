import { describe, expect, test } from 'vitest';
import {
  enterpriseBrand,
  normalizeEnterpriseName,
  normalizeSolutionName,
  normalizeUscc,
} from './normalize';

describe('solution names', () => {
  test.each([
    ['基于工业互联网平台的数控机床预测性维护APP', '数控机床预测性维护'],
    ['数控机床预测性维护工业ＡＰＰ Ｖ２.０', '数控机床预测性维护'],
    ['《数控机床 预测性维护》解决方案', '数控机床预测性维护'],
    ['面向中小企业的智能排产系统', '排产'],
    ['注塑车间能耗在线监控与调优平台', '注塑车间能耗在线监测与优化'],
    ['汽车零部件质量追溯app组', '汽车零部件质量追溯'],
    ['基于5G+边缘计算的焊缝质量检测应用', '焊缝质量检测'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeSolutionName(name)).toBe(expected);
  });

  test('never reduced to nothing', () => {
    expect(normalizeSolutionName('APP')).toBe('app');
    expect(normalizeSolutionName('智能平台')).toBe('平台');
  });
});

describe('enterprise names', () => {
  const key = (n: string) => normalizeEnterpriseName(n).key;

  test('the region before the name or in brackets, any organisational form: one key', () => {
    expect(key('北京示例智造科技有限公司')).toBe(key('示例智造科技（北京）有限公司'));
    expect(key('北京市示例智造科技股份有限公司')).toBe(key('示例智造科技(北京)有限责任公司'));
    expect(key('湘潭锐凯印染股份有限公司')).toBe(key('锐凯印染（湘潭）有限公司'));
    expect(key('ＸＹＺ科技（集团）有限公司')).toBe(key('xyz科技集团有限公司'));
  });

  test('the same 字号 in two regions is two enterprises', () => {
    expect(key('北京华信科技有限公司')).not.toBe(key('上海华信科技有限公司'));
  });

  test('region and core', () => {
    expect(normalizeEnterpriseName('示例智造科技（北京）有限公司')).toMatchObject({
      region: '北京',
      core: '示例智造科技',
    });
    // the region is the 字号 itself
    expect(normalizeEnterpriseName('青岛啤酒股份有限公司').core).toBe('青岛啤酒');
    // a branch carries its region before 分公司
    expect(normalizeEnterpriseName('铭弘车身装备厦门分公司').core).toBe('铭弘车身装备');
  });

  test('the 字号 shared by a group and its subsidiaries', () => {
    const brand = (n: string) => enterpriseBrand(normalizeEnterpriseName(n));
    expect(brand('中国中车股份有限公司')).toBe('中车');
    expect(brand('中车株洲电力机车有限公司')).toBe('中车');
    expect(brand('海尔集团公司')).toBe(brand('青岛海尔智能技术研发有限公司'));
    expect(brand('徐州徐工挖掘机械有限公司')).toBe('徐工');
    // industry words and regions are no 字号
    expect(brand('中国石油化工股份有限公司')).toBe('');
    expect(brand('青岛啤酒股份有限公司')).toBe('');
  });
});

test('统一社会信用代码: width, case and spaces do not matter', () => {
  expect(normalizeUscc(' ９１１１０１０８ma01y7k3nx ')).toBe('91110108MA01Y7K3NX');
  expect(normalizeUscc(null)).toBe('');
});
