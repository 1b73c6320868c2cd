import { describe, expect, test } from 'vitest';
import { displayValue, formDiff, optionLabel } from './form-values';
import { MIIT_2021_FORM } from './forms/miit-2021-form';
import { followUpFormTemplate } from './forms';

const followUp = followUpFormTemplate();
const fieldOf = (section: string, key: string) =>
  MIIT_2021_FORM.sections.find((s) => s.key === section)!.fields.find((f) => f.key === key)!;

describe('a value as a person reads it', () => {
  test('options by their label, codes by their names, numbers with their unit', () => {
    const names = {
      option: (_src: unknown, v: string) => ({ industry_general: '行业通用工业APP' })[v],
      region: (c: string) => ({ '110100': '北京市' })[c],
      industry: (c: string) => ({ C: '制造业' })[c],
    };
    expect(displayValue(fieldOf('solution', 'category'), 'industry_general', names)).toBe(
      '行业通用工业APP',
    );
    expect(displayValue(fieldOf('applicant', 'region'), '110100', names)).toBe('北京市');
    expect(displayValue(fieldOf('solution', 'industries'), ['C', '3451'], names)).toBe(
      'C 制造业、3451',
    );
    expect(displayValue(fieldOf('applicant', 'revenue'), 12000.5)).toBe('12000.5 万元');
    expect(displayValue(fieldOf('applicant', 'revenue'), null)).toBe('');
    const state = followUp.sections[3]!.fields[0]!;
    expect(displayValue(state, 'maintenance_only')).toBe('仅维护');
    expect(displayValue(state, 'maintenance_only', { lang: 'en' })).toBe('Maintenance only');
    if (state.type === 'select') expect(optionLabel(state.options, 'unknown')).toBe('unknown');
  });
});

describe('the fields two versions differ in', () => {
  test('leaf fields in form order, rows by position; empty values are equal', () => {
    const mine = {
      promotion: { newCustomers: 12, description: '推广', industriesReached: [] },
      revenue: [
        { year: 2019, amount: 100 },
        { year: 2020, amount: 260 },
      ],
      versions: [{ version: 'V1' }, { version: 'V2', change: '新增' }],
      status: { state: 'promoting' },
    };
    const theirs = {
      promotion: { newCustomers: 12, description: '推广 ' },
      revenue: [
        { year: 2019, amount: 100 },
        { year: 2020, amount: 300 },
      ],
      versions: [{ version: 'V1' }],
      status: { state: 'stable', description: '' },
    };
    expect(
      formDiff(followUp, mine, theirs).map((d) => [d.path.join('.'), d.mine, d.theirs]),
    ).toEqual([
      ['revenue.1.amount', 260, 300],
      ['versions.1.version', 'V2', undefined],
      ['versions.1.change', '新增', undefined],
      ['status.state', 'promoting', 'stable'],
    ]);
    expect(formDiff(followUp, mine, mine)).toEqual([]);
  });
});
