import { describe, expect, test } from 'vitest';
import {
  campaignDeclarationSchema,
  campaignPhase,
  campaignSettingsSchema,
  endOfDayShanghai,
  postAwardRubricFromNames,
} from './campaign';
import { copyCampaignSchema } from './campaign-copy';
import { MIIT_2021 } from './campaigns/miit-2021';
import { effectiveQuota, quotaGroupOf } from './recommender-units';
import { maxScoreOf } from './review';

describe('campaignPhase', () => {
  const c = {
    opensAt: new Date('2021-09-17T00:00:00+08:00'),
    onlineDeadline: new Date('2021-10-20T23:59:59.999+08:00'),
  };
  test('before, at and after the opening', () => {
    expect(campaignPhase(c, new Date(c.opensAt.getTime() - 1))).toBe('upcoming');
    expect(campaignPhase(c, c.opensAt)).toBe('open');
  });
  test('the deadline instant itself is still open; one ms later it is closed', () => {
    expect(campaignPhase(c, c.onlineDeadline)).toBe('open');
    expect(campaignPhase(c, new Date(c.onlineDeadline.getTime() + 1))).toBe('closed');
  });
});

describe('endOfDayShanghai', () => {
  test('is 23:59:59.999 in Beijing time, i.e. 15:59:59.999Z', () => {
    expect(endOfDayShanghai('2021-10-20')).toBe('2021-10-20T23:59:59.999+08:00');
    expect(new Date(endOfDayShanghai('2021-10-20')).toISOString()).toBe('2021-10-20T15:59:59.999Z');
    expect(new Date(endOfDayShanghai('2021-12-31')).toISOString()).toBe('2021-12-31T15:59:59.999Z');
  });
  test.each(['2021-1-20', '20211020', '2021-10-20T00:00:00', ''])('refuses %j', (d) => {
    expect(() => endOfDayShanghai(d)).toThrow();
  });
});

describe('the 2021 declaration (工信厅信发函〔2021〕224号)', () => {
  test('parses with the declaration schema', () => {
    expect(campaignDeclarationSchema.safeParse(MIIT_2021).success).toBe(true);
  });
  test('four categories, 5000 characters, quotas 10/5/5, two-year validity', () => {
    const s = MIIT_2021.settings;
    expect(s.categories.map((c) => c.name)).toEqual([
      '安全可靠工业APP',
      '基础共性工业APP',
      '行业通用工业APP',
      '企业专用工业APP',
    ]);
    expect(s.wordLimit).toBe(5000);
    expect(s.quotas).toEqual({ region: 10, central_enterprise: 5, association: 5 });
    expect(s.awardValidityYears).toBe(2);
    expect(s.businessStages).toEqual(['研发设计', '生产制造', '运维服务', '经营管理']);
    expect(s.postAwardDimensions.map((d) => [d.name, maxScoreOf(d)])).toEqual([
      ['综合实力', 25],
      ['关键技术创新', 25],
      ['经济社会效益', 25],
      ['产业化推广价值', 25],
    ]);
    expect(s.postAwardDimensions.every((d) => d.guidance.length > 0)).toBe(true);
  });
  test('deadlines: end of 2021-10-20 in Beijing', () => {
    expect(new Date(MIIT_2021.onlineDeadline).toISOString()).toBe('2021-10-20T15:59:59.999Z');
    expect(new Date(MIIT_2021.paperDeadline).toISOString()).toBe('2021-10-20T15:59:59.999Z');
  });
  test('the schema refuses a declaration without categories', () => {
    const broken = { ...MIIT_2021, settings: { ...MIIT_2021.settings, categories: [] } };
    expect(campaignDeclarationSchema.safeParse(broken).success).toBe(false);
  });
});

describe('系统评价 rubric (postAwardDimensions)', () => {
  test('bare names stored before the rubric was data become dimensions: known ones the defaults', () => {
    const r = postAwardRubricFromNames(['综合实力', '数据安全']);
    expect(r[0]).toMatchObject({ code: 'strength', name: '综合实力', weight: 25 });
    expect(r[1]).toEqual({ code: 'dimension2', name: '数据安全', weight: 25, guidance: '' });
  });
  test('the settings refuse bare names, a duplicate code and a non-positive maximum', () => {
    const base = MIIT_2021.settings;
    const parse = (postAwardDimensions: unknown) =>
      campaignSettingsSchema.safeParse({ ...base, postAwardDimensions });
    expect(parse(['综合实力']).success).toBe(false);
    const dup = [base.postAwardDimensions[0], base.postAwardDimensions[0]];
    expect(parse(dup).error?.issues[0]?.message).toBe('评价维度代码不能重复');
    expect(parse([{ ...base.postAwardDimensions[0], maxScore: 0 }]).success).toBe(false);
    expect(parse([]).success).toBe(true);
  });
});

describe('quotas by recommender type', () => {
  const quotas = { quotas: MIIT_2021.settings.quotas };
  const id = '00000000-0000-4000-8000-000000000001';
  test.each([
    ['province', 10],
    ['plan_separate_city', 10],
    ['xpcc', 10],
    ['central_enterprise', 5],
    ['association', 5],
  ] as const)('%s → %i', (type, quota) => {
    expect(effectiveQuota(quotas, { id, type, quotaOverride: null })).toBe(quota);
  });
  test('an override wins, even 0', () => {
    expect(effectiveQuota(quotas, { id, type: 'province', quotaOverride: 12 })).toBe(12);
    expect(effectiveQuota(quotas, { id, type: 'association', quotaOverride: 0 })).toBe(0);
  });
  test("the campaign's own override for a unit wins over the unit's", () => {
    const settings = { ...quotas, quotaOverrides: { [id]: 3 } };
    expect(effectiveQuota(settings, { id, type: 'province', quotaOverride: 12 })).toBe(3);
    expect(
      effectiveQuota(settings, { id: id.replace('1', '2'), type: 'province', quotaOverride: null }),
    ).toBe(10);
    expect(quotaGroupOf('xpcc')).toBe('region');
  });
});

describe('copyCampaignSchema', () => {
  const base = {
    code: 'miit-iiapp-2022',
    year: 2022,
    title: '2022年工业互联网APP优秀解决方案征集遴选',
    opensAt: '2022-09-01T00:00:00+08:00',
    onlineDeadline: '2022-10-20T23:59:59.999+08:00',
    paperDeadline: '2022-10-20T23:59:59.999+08:00',
  };
  test('accepts a sound copy', () => {
    expect(copyCampaignSchema.safeParse(base).success).toBe(true);
  });
  test('refuses a deadline before the opening, naming the field', () => {
    const r = copyCampaignSchema.safeParse({
      ...base,
      onlineDeadline: '2022-08-01T00:00:00+08:00',
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('onlineDeadline');
  });
  test('refuses a time without a zone and an upper-case code', () => {
    expect(copyCampaignSchema.safeParse({ ...base, opensAt: '2022-09-01T00:00:00' }).success).toBe(
      false,
    );
    expect(copyCampaignSchema.safeParse({ ...base, code: 'MIIT-2022' }).success).toBe(false);
  });
});
