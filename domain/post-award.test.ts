import { describe, expect, test } from 'vitest';
import { dueMonitoringRound, monitoringFigures, reportSections } from './post-award';
import { MIIT_2021_SELF_EVALUATION } from './forms/miit-2021-self-evaluation';

describe('the yearly monitoring opening', () => {
  test('due from its day on (a missed day is made up), for the year before', () => {
    expect(dueMonitoringRound('2028-02-29', '03-01')).toBeNull();
    expect(dueMonitoringRound('2028-03-01', '03-01')).toEqual({
      year: 2027,
      opensOn: '2028-03-01',
      deadlineDay: '2028-03-31',
    });
    expect(dueMonitoringRound('2028-07-15', '03-01', 20)?.deadlineDay).toBe('2028-03-21');
    expect(dueMonitoringRound('2028-03-01', '3-1')).toBeNull();
  });
});

describe('monitoring figures', () => {
  const row = (
    unitId: string,
    state: 'draft' | 'submitted' | 'forwarded',
    c: number,
    rev: number,
    op: string,
  ) => ({
    unitId,
    unitName: unitId === 'a' ? '北京市' : '上海市',
    state,
    data: {
      promotion: { newCustomers: c },
      revenue: [
        { year: 2026, amount: rev },
        { year: 2025, amount: 1000 },
      ],
      operation: { inOperation: op },
    },
  });
  test('counts only filed reports, the year reported on, the share in operation', () => {
    const f = monitoringFigures(2026, [
      row('a', 'forwarded', 10, 100.5, 'yes'),
      row('a', 'submitted', 5, 50, 'no'),
      row('b', 'draft', 99, 999, 'yes'),
      row('b', 'forwarded', 1, 200, 'yes'),
    ]);
    expect(f).toMatchObject({
      reports: 4,
      filed: 3,
      newCustomers: 16,
      revenue: 350.5,
      byState: { draft: 1, submitted: 1, returned: 0, forwarded: 2 },
      inOperation: { yes: 2, no: 1 },
    });
    expect(f.inOperation.share).toBeCloseTo(2 / 3);
    expect(f.byUnit.map((u) => [u.unitName, u.revenue, u.filed])).toEqual([
      ['上海市', 200, 1],
      ['北京市', 150.5, 2],
    ]);
  });
});

describe('a report as label/value text', () => {
  test('fields and list rows, empty ones left out', () => {
    const s = reportSections(MIIT_2021_SELF_EVALUATION, {
      achievement: { promised: '50家', achieved: '' },
      figures: [{ indicator: '客户数', promised: '50', actual: '62' }],
    });
    expect(s).toEqual([
      { label: '一、目标完成情况 · 申报书承诺的目标', value: '50家' },
      { label: '二、关键指标 · 关键指标', value: '1. 指标：客户数；申报值：50；实际值：62' },
    ]);
  });
});
