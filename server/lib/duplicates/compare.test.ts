// Scoring one pair: relation, name and text similarity, the decision, the score and reasons.
import { describe, expect, test } from 'vitest';
import { comparePair, relationOf } from './compare';
import {
  application,
  award,
  DISGUISED_TEXT,
  ORIGINAL_TEXT,
  UNRELATED_TEXT,
} from '../../../test/fixtures/duplicate-docs';
import { prepareDoc } from './prepare';
import { defaultDuplicateSettings as settings, duplicateSettingsSchema } from './settings';
import { nameSimilarity } from './similarity';
import type { DuplicateDoc } from './types';

const prep = (d: DuplicateDoc) => prepareDoc(d, { ...settings, minTextLength: 50 });
const compare = (a: DuplicateDoc, b: DuplicateDoc) =>
  comparePair(prep(a), prep(b), { ...settings, minTextLength: 50 });

describe('settings', () => {
  test('{} gives the defaults, nested ones included', () => {
    const s = duplicateSettingsSchema.parse({});
    expect(s.sameEnterprise).toEqual({
      name: 0.75,
      text: 0.35,
      jaccard: 0.1,
      paraphrase: 0.2,
      figures: null,
    });
    expect(s.otherEnterprise.name).toBeNull();
    expect(s.lsh).toEqual({ bands: 32, rows: 4 });
  });

  test('a campaign overrides one threshold and keeps the rest', () => {
    const s = duplicateSettingsSchema.parse({ sameEnterprise: { text: 0.5 } });
    expect(s.sameEnterprise).toEqual({
      name: 0.75,
      text: 0.5,
      jaccard: 0.1,
      paraphrase: 0.2,
      figures: null,
    });
  });

  test('out-of-range values are refused', () => {
    expect(duplicateSettingsSchema.safeParse({ sameEnterprise: { name: 1.5 } }).success).toBe(
      false,
    );
    expect(duplicateSettingsSchema.safeParse({ lsh: { bands: 10, rows: 3 } }).success).toBe(false);
  });
});

describe('relation of two enterprises', () => {
  test('same code, same name, shared 字号, other', () => {
    expect(relationOf(prep(award()), prep(application()))).toBe('same');
    expect(relationOf(prep(award()), prep(application({ uscc: '' })))).toBe('same');
    expect(
      relationOf(
        prep(award()),
        prep(application({ uscc: '', enterprise: '恒锐智能科技（唐山）有限公司' })),
      ),
    ).toBe('related');
    expect(
      relationOf(prep(award()), prep(application({ uscc: '', enterprise: '博远冶金有限公司' }))),
    ).toBe('other');
  });
});

describe('name similarity', () => {
  const sim = (a: string, b: string) =>
    nameSimilarity(prep(award({ name: a })).nameGrams, prep(award({ name: b })).nameGrams);

  test('decorations and suffixes do not count; the solution does', () => {
    expect(sim('基于工业互联网平台的高炉预测性维护APP', '高炉预测性维护解决方案')).toBe(1);
    expect(sim('高炉故障诊断与健康管理APP', '高炉健康管理与故障诊断系统')).toBeGreaterThan(0.8);
    expect(sim('高炉预测性维护APP', '面向钢铁行业的高炉预测性维护与备件管理APP')).toBeGreaterThan(
      0.8,
    );
  });

  test('same equipment, another function: not alike', () => {
    expect(sim('高炉预测性维护APP', '高炉工艺参数智能优化APP')).toBeLessThan(0.4);
  });
});

describe('a resubmitted award', () => {
  test('same code, renamed and reworded, sections moved: a finding with reasons and evidence', () => {
    const f = compare(application(), award())!;
    expect(f).toMatchObject({ kind: 'award', application: 'app-1', match: 'award-1' });
    expect(f.signals.sameUscc).toBe(true);
    expect(f.signals.textOverlap).toBeGreaterThan(0.7);
    expect(f.score).toBeGreaterThan(0.7);
    expect(f.reasons[0]).toBe(
      '与2020年获奖方案《基于工业互联网平台的高炉预测性维护APP》（北京恒锐钢铁股份有限公司）相似',
    );
    expect(f.reasons).toContain('统一社会信用代码相同');
    expect(f.reasons.some((r) => /^正文重合度0\.\d\d，重合段落\d+处$/.test(r))).toBe(true);
    expect(f.evidence.length).toBeGreaterThanOrEqual(2);
  });

  test('a new enterprise name under the same code is named in the reasons', () => {
    const f = compare(application({ enterprise: '博远智能装备有限公司' }), award())!;
    expect(f.reasons).toContain(
      '统一社会信用代码相同（企业名称不同：博远智能装备有限公司 / 北京恒锐钢铁股份有限公司）',
    );
  });

  test('the argument order does not matter', () => {
    expect(compare(award(), application())).toEqual(compare(application(), award()));
  });

  test('an imported award (no text): same enterprise and a similar name', () => {
    const f = compare(application({ name: '高炉预测性维护工业APP V2.0' }), award({ text: null }))!;
    expect(f.signals.textOverlap).toBeNull();
    expect(f.signals.nameSimilarity).toBe(1);
    expect(f.reasons).toContain('解决方案名称相似度1.00');
    expect(f.reasons).toContain('该获奖方案无正文，仅比对了名称和企业');
  });

  test('the same enterprise, another solution: no finding', () => {
    expect(
      compare(application({ name: '冷轧智能排产APP', text: UNRELATED_TEXT }), award()),
    ).toBeNull();
    expect(
      compare(application({ name: '冷轧智能排产APP', text: null }), award({ text: null })),
    ).toBeNull();
  });

  test('another enterprise with the same name and its own text: no finding', () => {
    const other = application({
      enterprise: '博远冶金有限公司',
      uscc: '91320500G9WUBE864T',
      name: award().name,
      text: UNRELATED_TEXT,
    });
    expect(compare(other, award())).toBeNull();
  });

  test('another enterprise with the same text: a finding by text alone', () => {
    const other = application({
      enterprise: '博远冶金有限公司',
      uscc: '91320500G9WUBE864T',
      name: '炉况管家',
    });
    const f = compare(other, award())!;
    expect(f.signals.relatedBrand).toBeNull();
    expect(f.signals.sameUscc).toBe(false);
    expect(f.score).toBeLessThan(compare(application(), award())!.score);
  });

  test('two awards are never compared', () => {
    expect(compare(award(), award({ id: 'award-2' }))).toBeNull();
  });
});

test('two applications through different channels say so', () => {
  const a = application({ id: 'a', text: ORIGINAL_TEXT, channel: '北京市' });
  const b = application({ id: 'b', text: DISGUISED_TEXT, channel: '中国钢铁工业协会' });
  const f = compare(a, b)!;
  expect(f.kind).toBe('application');
  expect(f.signals.differentChannel).toBe(true);
  expect(f.reasons).toContain('经不同推荐单位申报（北京市 / 中国钢铁工业协会）');
  expect(f.reasons[0]).toBe('同一企业的另一份申报《高炉智能运维解决方案》');
});
