import { describe, expect, test } from 'vitest';
import {
  conflictsOf,
  fitOf,
  solveAssignment,
  type AssignmentApplication,
  type AssignmentExpert,
  type OrgKeys,
} from './review-assignment';

const org = (uscc: string, nameKey: string, brand = ''): OrgKeys => ({ uscc, nameKey, brand });

function app(id: string, over: Partial<AssignmentApplication> = {}): AssignmentApplication {
  return {
    id,
    panelId: 'p1',
    need: 2,
    category: 'industry_general',
    focusAreas: ['机械制造'],
    industries: ['3411'],
    applicant: org(`U-${id}`, `applicant-${id}`, `品牌${id}`),
    coApplicants: [],
    provinceCode: '110000',
    unit: { id: 'unit-bj', keys: org('', '北京市经济和信息化局') },
    ...over,
  };
}

function expert(id: string, over: Partial<AssignmentExpert> = {}): AssignmentExpert {
  return {
    id,
    panelIds: ['p1'],
    capacity: 5,
    employer: org(`E-${id}`, `employer-${id}`),
    regionCode: '310104',
    categories: ['industry_general'],
    industries: ['34'],
    focusAreas: ['机械制造'],
    conflictEnterprises: [],
    conflictUnitIds: [],
    ...over,
  };
}

const rules = { avoidSameRegion: true };

describe('conflict rules', () => {
  test('each rule on its own, and none for a stranger', () => {
    const a = app('a', { coApplicants: [org('CO-1', 'co-one', '协作')] });
    expect(conflictsOf(expert('x'), a, rules)).toEqual([]);
    expect(conflictsOf(expert('x', { employer: org('U-a', 'other') }), a, rules)).toEqual([
      'employer_is_applicant',
    ]);
    // by 字号 alone: 华为技术 and 华为数字 are one group
    expect(conflictsOf(expert('x', { employer: org('', 'zzz', '品牌a') }), a, rules)).toEqual([
      'employer_is_applicant',
    ]);
    expect(conflictsOf(expert('x', { employer: org('', 'co-one') }), a, rules)).toEqual([
      'employer_is_co_applicant',
    ]);
    expect(
      conflictsOf(expert('x', { conflictEnterprises: [org('', 'applicant-a')] }), a, rules),
    ).toEqual(['declared_enterprise']);
    expect(conflictsOf(expert('x', { conflictUnitIds: ['unit-bj'] }), a, rules)).toEqual([
      'declared_unit',
    ]);
    expect(conflictsOf(expert('x', { regionCode: '110108' }), a, rules)).toEqual(['same_region']);
    expect(
      conflictsOf(expert('x', { regionCode: '110108' }), a, { avoidSameRegion: false }),
    ).toEqual([]);
    expect(
      conflictsOf(expert('x', { employer: org('', '北京市经济和信息化局') }), a, rules),
    ).toEqual(['employer_is_recommender']);
  });

  test('a declared enterprise is matched by code or name, not by 字号', () => {
    const a = app('a');
    expect(
      conflictsOf(expert('x', { conflictEnterprises: [org('', '', '品牌a')] }), a, rules),
    ).toEqual([]);
    expect(conflictsOf(expert('x', { conflictEnterprises: [org('U-a', '')] }), a, rules)).toEqual([
      'declared_enterprise',
    ]);
  });
});

describe('fit', () => {
  test('category 3, focus area 2, a shared 大类 5 (else a shared code 2)', () => {
    expect(fitOf(expert('x'), app('a'))).toEqual({
      fit: 10,
      matched: ['类别', '聚焦领域', '行业大类'],
    });
    expect(
      fitOf(
        expert('x', { categories: [], focusAreas: [], industries: ['C'] }),
        app('a', { industries: ['C'] }),
      ).fit,
    ).toBe(2);
    expect(
      fitOf(expert('x', { categories: [], focusAreas: [], industries: [] }), app('a')).fit,
    ).toBe(0);
  });
});

describe('solveAssignment', () => {
  test('the best fit wins, capacity and one-per-employer hold, and it is deterministic', () => {
    const apps = [app('a', { need: 2 }), app('b', { need: 2 })];
    const experts = [
      expert('e1', { capacity: 1 }), // fit 10, one only
      expert('e2', { employer: org('SAME', 'same') }), // fit 10
      expert('e3', { employer: org('SAME', 'same') }), // fit 10, same employer as e2
      expert('e4', { industries: [], focusAreas: [] }), // fit 3
    ];
    const problem = { applications: apps, experts, rules, fixed: [], excluded: [] };
    const r = solveAssignment(problem);
    expect(r.shortfalls).toEqual([]);
    expect(r.pairs).toHaveLength(4);
    // e2 and e3 (one employer) never on one application
    for (const id of ['a', 'b']) {
      const on = r.pairs.filter((p) => p.applicationId === id).map((p) => p.expertId);
      expect(on.includes('e2') && on.includes('e3')).toBe(false);
    }
    expect(r.pairs.filter((p) => p.expertId === 'e1')).toHaveLength(1);
    expect(r.totalFit).toBe(10 + 10 + 10 + 3);
    expect(solveAssignment({ ...problem, experts: [...experts].reverse() })).toEqual(r);
  });

  test('a shortfall says why: conflicts, declines, full', () => {
    const a = app('a', { need: 3 });
    const experts = [
      expert('e1', { regionCode: '110101' }), // same region
      expert('e2'), // declined before
      expert('e3', { capacity: 1 }),
    ];
    const r = solveAssignment({
      applications: [a, app('b', { need: 1, provinceCode: '440000' })],
      experts,
      rules,
      fixed: [],
      excluded: [{ applicationId: 'a', expertId: 'e2' }],
    });
    expect(r.pairs.map((p) => `${p.applicationId}-${p.expertId}`).sort()).toContain('a-e3');
    const s = r.shortfalls.find((x) => x.applicationId === 'a')!;
    expect(s.missing).toBe(2);
    expect(s.reason).toContain('1位须回避');
    expect(s.reason).toContain('1位已拒绝或被移除');
  });

  test('a fixed pair counts for its employer; experts off the panel are not used', () => {
    const r = solveAssignment({
      applications: [app('a', { need: 1 })],
      experts: [
        expert('e1', { employer: org('SAME', 'same') }),
        expert('e2', { employer: org('OTHER', 'other'), panelIds: ['p2'] }),
      ],
      rules,
      fixed: [{ applicationId: 'a', expertId: 'e0' }],
      excluded: [],
    });
    expect(r.pairs).toEqual([{ applicationId: 'a', expertId: 'e1', fit: 10 }]);
    const blocked = solveAssignment({
      applications: [app('a', { need: 1 })],
      experts: [
        expert('e0', { employer: org('SAME', 'same'), capacity: 0 }),
        expert('e1', { employer: org('SAME', 'same') }),
      ],
      rules,
      fixed: [{ applicationId: 'a', expertId: 'e0' }],
      excluded: [],
    });
    expect(blocked.pairs).toEqual([]);
    expect(blocked.shortfalls[0]!.reason).toContain('同单位');
  });
});
