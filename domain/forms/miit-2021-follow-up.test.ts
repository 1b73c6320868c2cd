import { describe, expect, test } from 'vitest';
// 附件4 as a declaration: the engine (domain/form.ts) checks it, as the server and the web do.
import { MIIT_2021 } from '../campaigns/miit-2021';
import { applicationDataSchema, fieldsOf, type FormMode } from '../form';
import { emptyDataOf, formIssues } from '../form-values';
import {
  FOLLOW_UP_REPORT_STATE_LABELS,
  FOLLOW_UP_REPORT_STATES,
  revenueYearsOf,
} from '../follow-up-report';
import { followUpContextOf, followUpFormTemplate } from './index';

// A 2019 winner reporting in the 2021 call: revenue for 2019 and 2020.
const years = { awardYear: 2019, campaignYear: 2021 };
const ctx = followUpContextOf(MIIT_2021.settings, years);
const form = followUpFormTemplate();
const followUpIssues = (data: unknown, mode: FormMode, c = ctx) => formIssues(form, c, mode, data);

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
    expect(revenueYearsOf(years)).toEqual([2019, 2020]);
    expect(ctx.rowKeys).toEqual({ revenueYears: [2019, 2020] });
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

  test('what it holds must know its keys and codes; numbers and lengths wait for the submission', () => {
    const data = {
      promotion: {
        newCustomers: 1.5,
        industriesReached: ['C', 'C', 'x1'],
        description: '字'.repeat(1001),
      },
      revenue: [{ year: 2018, amount: -1 }, { year: 2020 }, { year: 2020, amount: '十万' }],
      versions: [{ version: 'V1', date: '2021-02-30', change: '改'.repeat(501) }],
      status: { state: 'paused' },
      extra: true,
    };
    // a draft keeps what was typed (no work lost): a number out of range, text over its limit
    expect(followUpIssues(data, 'draft', ctx)).toEqual([
      { path: 'promotion.industriesReached.2', message: '行业代码不正确（GB/T 4754-2017）' },
      { path: 'promotion.industriesReached', message: '推广覆盖行业有重复' },
      { path: 'revenue.0.year', message: '年度应在2019至2020年之间' },
      { path: 'revenue.2.year', message: '2020年重复填写' },
      { path: 'versions.0.date', message: '发布日期格式为 YYYY-MM-DD' },
      { path: 'status.state', message: '请从列表中选择当前状态' },
      { path: '', message: expect.stringContaining('extra') },
    ]);
    // the submission names each of them
    const paths = followUpIssues(data, 'submit', ctx).map((i) => i.path);
    for (const p of [
      'promotion.newCustomers',
      'promotion.description',
      'revenue.0.amount',
      'revenue.2.amount',
      'versions.0.change',
    ])
      expect(paths).toContain(p);
    expect(followUpIssues({ promotion: { industriesReached: ['C', 'C'] } }, 'draft', ctx)).toEqual([
      { path: 'promotion.industriesReached', message: '推广覆盖行业有重复' },
    ]);
  });

  test('strings are trimmed when parsed', () => {
    const parsed = applicationDataSchema(form, ctx, 'draft').parse({
      status: { description: '  稳定  ' },
    });
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

describe('a new report', () => {
  test('starts with one revenue row per year asked for and one empty version row', () => {
    expect(emptyDataOf(form, ctx)).toEqual({
      promotion: {},
      revenue: [{ year: 2019 }, { year: 2020 }],
      versions: [{}],
      status: {},
    });
  });

  test('a report with no revenue years asked for refuses any revenue row', () => {
    const none = followUpContextOf(MIIT_2021.settings, { awardYear: 2021, campaignYear: 2021 });
    expect(followUpIssues({ revenue: [{ year: 2021, amount: 1 }] }, 'draft', none)).toEqual([
      { path: 'revenue.0.year', message: '本次无需填报市场收入' },
    ]);
  });
});

describe('附件4 labels', () => {
  test('every report state has a Chinese and an English label', () => {
    for (const s of FOLLOW_UP_REPORT_STATES) {
      expect(FOLLOW_UP_REPORT_STATE_LABELS[s].zh).toMatch(/\p{Script=Han}/u);
      expect(FOLLOW_UP_REPORT_STATE_LABELS[s].en).toMatch(/[a-z]/);
    }
  });

  test('the declaration keeps the stored shape of a report: sections, lists and field keys', () => {
    expect(form.sections.map((s) => [s.key, s.rows ? 'rows' : 'object'])).toEqual([
      ['promotion', 'object'],
      ['revenue', 'rows'],
      ['versions', 'rows'],
      ['status', 'object'],
    ]);
    expect(fieldsOf(form).map((f) => f.path)).toEqual([
      'promotion.newCustomers',
      'promotion.industriesReached',
      'promotion.description',
      'revenue',
      'versions',
      'status.state',
      'status.description',
    ]);
    const status = form.sections[3]!.fields[0]!;
    expect(
      status.type === 'select' && status.options.from === 'list' && status.options.values,
    ).toEqual([
      { value: 'promoting', label: '持续推广', labelEn: 'Being promoted' },
      { value: 'stable', label: '稳定运行', labelEn: 'Running stably' },
      { value: 'maintenance_only', label: '仅维护', labelEn: 'Maintenance only' },
      { value: 'discontinued', label: '已停止', labelEn: 'Discontinued' },
    ]);
  });
});
