import { describe, expect, test } from 'vitest';
import {
  FOLLOW_UP_REPORT_STATE_LABELS,
  FOLLOW_UP_REPORT_STATES,
  FOLLOW_UP_SECTIONS,
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_STATUS_STATES,
  followUpDataSchema,
  followUpIssues,
  revenueYearsOf,
} from './follow-up-report';

// A 2019 winner reporting in the 2021 call: revenue for 2019 and 2020.
const ctx = { awardYear: 2019, campaignYear: 2021 };

const complete = () => ({
  promotion: { newCustomers: 8, industriesReached: ['C', '3451'], description: '推广至8家企业' },
  revenue: [
    { year: 2019, amount: 120 },
    { year: 2020, amount: 356.5 },
  ],
  versions: [{ version: 'V2.0', date: '2020-08-01', change: '新增质量追溯' }],
  status: { state: 'promoting', description: '持续推广' },
});

describe('附件4 data: revenue years', () => {
  test('from the award year to the year before the campaign', () => {
    expect(revenueYearsOf(ctx)).toEqual([2019, 2020]);
    expect(revenueYearsOf({ awardYear: 2020, campaignYear: 2026 })).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    expect(revenueYearsOf({ awardYear: 2021, campaignYear: 2021 })).toEqual([]);
  });
});

describe('附件4 data: a draft', () => {
  test('may leave everything out', () => {
    expect(followUpIssues({}, 'draft', ctx)).toEqual([]);
    expect(
      followUpIssues({ promotion: { newCustomers: 3 }, revenue: [{ year: 2019 }] }, 'draft', ctx),
    ).toEqual([]);
  });

  test('what it holds must have the right type, stay within limits, and know its keys', () => {
    expect(
      followUpIssues(
        {
          promotion: {
            newCustomers: 1.5,
            industriesReached: ['C', 'C', 'x1'],
            description: '字'.repeat(1001),
          },
          revenue: [{ year: 2018, amount: -1 }, { year: 2020 }, { year: 2020, amount: '十万' }],
          versions: [{ version: 'V1', date: '2021-02-30', change: '改'.repeat(501) }],
          status: { state: 'paused' },
          extra: true,
        },
        'draft',
        ctx,
      ),
    ).toEqual([
      { path: 'promotion.newCustomers', message: '新增客户数须为整数' },
      { path: 'promotion.industriesReached.2', message: '行业代码不正确（GB/T 4754-2017）' },
      { path: 'promotion.industriesReached', message: '推广覆盖行业有重复' },
      { path: 'promotion.description', message: '推广情况说明最多1000字' },
      { path: 'revenue.0.amount', message: '市场收入不能小于0' },
      { path: 'revenue.2.amount', message: '市场收入须为数字' },
      { path: 'revenue.0.year', message: '年度应在2019至2020年之间' },
      { path: 'revenue.2.year', message: '2020年重复填写' },
      { path: 'versions.0.date', message: '发布日期格式为 YYYY-MM-DD' },
      { path: 'versions.0.change', message: '更新内容最多500字' },
      { path: 'status.state', message: '请从列表中选择当前状态' },
      { path: '', message: expect.stringContaining('extra') },
    ]);
    expect(followUpIssues({ promotion: { industriesReached: ['C', 'C'] } }, 'draft', ctx)).toEqual([
      { path: 'promotion.industriesReached', message: '推广覆盖行业有重复' },
    ]);
  });

  test('strings are trimmed when parsed', () => {
    const parsed = followUpDataSchema('draft', ctx).parse({ status: { description: '  稳定  ' } });
    expect(parsed.status).toEqual({ description: '稳定' });
  });
});

describe('附件4 data: a submission', () => {
  test('a complete report passes', () => {
    expect(followUpIssues(complete(), 'submit', ctx)).toEqual([]);
  });

  test('an empty one names every missing field, every missing year', () => {
    expect(followUpIssues({}, 'submit', ctx)).toEqual([
      { path: 'promotion.newCustomers', message: '请填写新增客户数' },
      { path: 'promotion.industriesReached', message: '请选择推广覆盖行业' },
      { path: 'promotion.description', message: '请填写推广情况说明' },
      { path: 'revenue', message: '请填写2019年的市场收入' },
      { path: 'revenue', message: '请填写2020年的市场收入' },
      { path: 'versions', message: '请至少填写1条版本更新记录' },
      { path: 'status.state', message: '请选择当前状态' },
      { path: 'status.description', message: '请填写状态说明' },
    ]);
  });

  test('a missing year, a row half filled, a blank field are each named', () => {
    const data = complete();
    data.revenue = [{ year: 2019, amount: 120 }];
    (data.versions[0] as Record<string, unknown>).change = '  ';
    (data.promotion as Record<string, unknown>).newCustomers = 0; // zero is an answer
    expect(followUpIssues(data, 'submit', ctx)).toEqual([
      { path: 'revenue', message: '请填写2020年的市场收入' },
      { path: 'versions.0.change', message: '请填写更新内容' },
    ]);
    const half = complete();
    (half.revenue[1] as Record<string, unknown>).amount = undefined;
    expect(followUpIssues(half, 'submit', ctx)).toEqual([
      { path: 'revenue.1.amount', message: '请填写市场收入' },
    ]);
  });

  test('a year outside the asked range is refused', () => {
    const data = complete();
    data.revenue.push({ year: 2021, amount: 1 });
    expect(followUpIssues(data, 'submit', ctx)).toEqual([
      { path: 'revenue.2.year', message: '年度应在2019至2020年之间' },
    ]);
  });
});

describe('附件4 labels', () => {
  test('every state and status has a Chinese and an English label', () => {
    for (const s of FOLLOW_UP_STATUS_STATES) {
      expect(FOLLOW_UP_STATUS_LABELS[s].zh).toMatch(/\p{Script=Han}/u);
      expect(FOLLOW_UP_STATUS_LABELS[s].en).toMatch(/[a-z]/);
    }
    for (const s of FOLLOW_UP_REPORT_STATES)
      expect(FOLLOW_UP_REPORT_STATE_LABELS[s].zh).toBeTruthy();
    expect(FOLLOW_UP_STATUS_LABELS.maintenance_only.zh).toBe('仅维护');
  });

  test('the sections declare every field the schema knows, and nothing else', () => {
    const shape = followUpDataSchema('draft', ctx).shape;
    expect(Object.keys(FOLLOW_UP_SECTIONS)).toEqual(Object.keys(shape));
    expect(Object.keys(FOLLOW_UP_SECTIONS.promotion.fields)).toEqual([
      'newCustomers',
      'industriesReached',
      'description',
    ]);
    expect(Object.keys(FOLLOW_UP_SECTIONS.revenue.fields)).toEqual(['year', 'amount']);
    expect(Object.keys(FOLLOW_UP_SECTIONS.versions.fields)).toEqual(['version', 'date', 'change']);
    expect(Object.keys(FOLLOW_UP_SECTIONS.status.fields)).toEqual(['state', 'description']);
  });
});
