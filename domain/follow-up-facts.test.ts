import { describe, expect, test } from 'vitest';
import { formDeclarationSchema } from './form-declaration';
import type { FormDeclaration } from './form';
import { followUpBindingIssues, followUpFactsOf, followUpStatusOptions } from './follow-up-facts';
import { followUpFormTemplate } from './forms';

const form = followUpFormTemplate();
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const report = {
  promotion: { newCustomers: 8, industriesReached: ['C', '3451', 'C'], description: '推广' },
  revenue: [
    { year: 2019, amount: 120 },
    { year: 2020, amount: 356.5 },
  ],
  versions: [
    { version: 'V2.0', date: '2020-08-01', change: '新增质量追溯' },
    { version: 'V2.1', date: '2020-12-01', change: '修复' },
  ],
  status: { state: 'discontinued', description: '已停止' },
};

describe('附件4 facts', () => {
  test('the 2021 form binds every fact, and the analysis reads them through the bindings', () => {
    expect(followUpFactsOf(form, report)).toEqual({
      newCustomers: 8,
      industriesReached: ['C', '3451'],
      revenue: [
        { year: 2019, amount: 120 },
        { year: 2020, amount: 356.5 },
      ],
      versionCount: 2,
      status: 'discontinued',
      stopped: true,
    });
    expect(followUpFactsOf(form, { ...report, status: { state: 'stable' } })).toMatchObject({
      status: 'stable',
      stopped: false,
    });
  });

  test('an empty or malformed report has empty facts, not errors', () => {
    const empty = {
      newCustomers: 0,
      industriesReached: [],
      revenue: [],
      versionCount: 0,
      status: null,
      stopped: false,
    };
    expect(followUpFactsOf(form, {})).toEqual(empty);
    expect(followUpFactsOf(form, null)).toEqual(empty);
    expect(
      followUpFactsOf(form, {
        promotion: { newCustomers: -3, industriesReached: 'C' },
        revenue: [{ year: '2019', amount: 1 }, { year: 2020, amount: -1 }, 'x'],
        versions: {},
        status: { state: '  ' },
      }),
    ).toEqual(empty);
  });

  test('a form without bindings has no facts', () => {
    const bare: FormDeclaration = { ...clone(form), followUpFacts: undefined };
    expect(followUpFactsOf(bare, report)).toMatchObject({ newCustomers: 0, versionCount: 0 });
    expect(followUpStatusOptions(bare)).toEqual([]);
  });

  test('a renamed form is read through its own bindings', () => {
    const renamed = clone(form);
    renamed.sections[0]!.fields[0]!.key = 'customersWon';
    renamed.followUpFacts!.newCustomers = 'promotion.customersWon';
    expect(formDeclarationSchema('followUp').safeParse(renamed).success).toBe(true);
    const data = { ...report, promotion: { ...report.promotion, customersWon: 5 } };
    expect(followUpFactsOf(renamed, data).newCustomers).toBe(5);
  });

  test('the status options in declared order', () => {
    expect(followUpStatusOptions(form).map((o) => o.label)).toEqual([
      '持续推广',
      '稳定运行',
      '仅维护',
      '已停止',
    ]);
  });

  test('bindings to missing or mistyped fields are refused, naming the binding', () => {
    expect(followUpBindingIssues(form)).toEqual([]);
    const bad = clone(form);
    bad.followUpFacts = {
      newCustomers: 'promotion.description',
      industriesReached: 'promotion.nowhere',
      revenue: { path: 'promotion', year: 'year', amount: 'amount' },
      versions: 'status',
      status: { path: 'status.state', stopped: ['gone'] },
    };
    const r = formDeclarationSchema('followUp').safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'followUpFacts.newCustomers',
      'followUpFacts.industriesReached',
      'followUpFacts.revenue.path',
      'followUpFacts.versions',
      'followUpFacts.status.stopped.0',
    ]);
    expect(r.error!.issues[0]!.message).toBe(
      '“新增客户数”须取自数字字段，promotion.description 不是',
    );
    const unknownKey = clone(form) as unknown as { followUpFacts: Record<string, unknown> };
    unknownKey.followUpFacts.other = 'x';
    expect(formDeclarationSchema('followUp').safeParse(unknownKey).success).toBe(false);
  });
});
