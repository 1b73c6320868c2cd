// 评审分配 as a property (issue 13, Done when: "conflict rules never violated … load caps and
// coverage met or the shortfall explained per application"): random pools of experts and random
// applications from a seeded generator, and for each the solver's answer checked against the rules
// it must keep. Tiny problems are also solved by enumeration: the solver covers as many reviews as
// any assignment can and, among those, reaches the greatest total fit.
import { describe, expect, it } from 'vitest';
import {
  conflictsOf,
  employerKeyOf,
  fitOf,
  solveAssignment,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentProblem,
  type AssignmentResult,
  type OrgKeys,
} from './review-assignment';

// ------------------------------------------------------------------ a seeded generator

/** mulberry32: the same seed, the same problems, on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], p: number) => list.filter(() => chance(p));
  const shuffled = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, chance, some, shuffled };
}
type Rng = ReturnType<typeof prng>;

const CATEGORIES = ['secure_reliable', 'basic_common', 'industry_general'];
const FOCUS = ['5G', '机械制造', '核心基础零部件', '智能化制造'];
const INDUSTRIES = ['C', '3451', '3452', '3110', '2614', 'I', '6513', '3811'];
const PROVINCES = ['110000', '310000', '440000'];

/**
 * Organisations that overlap the ways the rules compare them: some share a 字号, some have no
 * code, two names normalise alike. Experts work for them, applicants and co-applicants are them.
 */
function organisations(rng: Rng): OrgKeys[] {
  const brands = ['海尔', '中车', '三一', ''];
  return Array.from({ length: rng.int(3, 7) }, (_, i) => ({
    uscc: rng.chance(0.75) ? `9111000000000${String(i).padStart(4, '0')}X` : '',
    nameKey: rng.chance(0.9) ? `org${rng.chance(0.15) ? 0 : i}` : '',
    brand: rng.pick(brands),
  }));
}

function problemOf(rng: Rng, size: { apps: [number, number]; experts: [number, number] }) {
  const orgs = organisations(rng);
  const panels = ['p1', 'p2'].slice(0, rng.int(1, 2));
  const units = Array.from({ length: 3 }, (_, i) => ({
    id: `unit-${i}`,
    keys: rng.chance(0.3) ? rng.pick(orgs) : { uscc: '', nameKey: `unit${i}`, brand: '' },
  }));
  const applications: AssignmentApplication[] = Array.from(
    { length: rng.int(...size.apps) },
    (_, i) => ({
      id: `app-${String(i).padStart(2, '0')}`,
      panelId: rng.pick(panels),
      need: rng.int(0, 4),
      category: rng.pick(CATEGORIES),
      focusAreas: rng.some(FOCUS, 0.4),
      industries: rng.some(INDUSTRIES, 0.3),
      applicant: rng.pick(orgs),
      coApplicants: rng.some(orgs, 0.15),
      provinceCode: rng.chance(0.9) ? rng.pick(PROVINCES) : null,
      unit: rng.pick(units),
    }),
  );
  const experts: AssignmentExpert[] = Array.from({ length: rng.int(...size.experts) }, (_, i) => ({
    id: `exp-${String(i).padStart(2, '0')}`,
    panelIds: rng.chance(0.85) ? rng.some(panels, 0.8) : [],
    capacity: rng.int(0, 4),
    employer: rng.pick(orgs),
    regionCode: `${rng.pick(PROVINCES).slice(0, 2)}${rng.pick(['0000', '0100', '0105'])}`,
    categories: rng.some(CATEGORIES, 0.5),
    industries: rng.some(INDUSTRIES, 0.3),
    focusAreas: rng.some(FOCUS, 0.4),
    conflictEnterprises: rng.chance(0.3) ? [{ ...rng.pick(orgs), brand: '' }] : [],
    conflictUnitIds: rng.chance(0.2) ? [rng.pick(units).id] : [],
  }));
  const pairs = applications.flatMap((a) => experts.map((e) => [a.id, e.id] as const));
  const fixed = rng
    .some(pairs, 0.05)
    .map(([applicationId, expertId]) => ({ applicationId, expertId }));
  const fixedKeys = new Set(fixed.map((p) => `${p.applicationId}|${p.expertId}`));
  const excluded = rng
    .some(pairs, 0.08)
    .filter(([a, e]) => !fixedKeys.has(`${a}|${e}`))
    .map(([applicationId, expertId]) => ({ applicationId, expertId }));
  const problem: AssignmentProblem = {
    applications,
    experts,
    rules: { avoidSameRegion: rng.chance(0.5) },
    fixed,
    excluded,
  };
  return problem;
}

// ------------------------------------------------------------------ what may be proposed

const key = (a: string, e: string) => `${a}|${e}`;

/** The experts an application may get, each on its own (before loads and one-per-employer among new pairs). */
function eligible(problem: AssignmentProblem, app: AssignmentApplication): AssignmentExpert[] {
  const excluded = new Set(problem.excluded.map((p) => key(p.applicationId, p.expertId)));
  const fixed = problem.fixed.filter((p) => p.applicationId === app.id);
  const fixedExperts = new Set(fixed.map((p) => p.expertId));
  const employerOf = new Map(problem.experts.map((e) => [e.id, employerKeyOf(e)]));
  const fixedEmployers = new Set(fixed.map((p) => employerOf.get(p.expertId)).filter(Boolean));
  return problem.experts.filter(
    (e) =>
      e.capacity > 0 &&
      e.panelIds.includes(app.panelId) &&
      !excluded.has(key(app.id, e.id)) &&
      !fixedExperts.has(e.id) &&
      conflictsOf(e, app, problem.rules).length === 0 &&
      !fixedEmployers.has(employerKeyOf(e)),
  );
}

/** Every rule the answer must keep, whatever the problem. */
function checkRules(problem: AssignmentProblem, result: AssignmentResult) {
  const apps = new Map(problem.applications.map((a) => [a.id, a]));
  const eligibleIds = new Map(
    problem.applications.map((a) => [a.id, new Set(eligible(problem, a).map((e) => e.id))]),
  );
  const experts = new Map(problem.experts.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  const got = new Map<string, AssignmentExpert[]>();
  for (const p of result.pairs) {
    const app = apps.get(p.applicationId);
    const ex = experts.get(p.expertId);
    expect(app, `pair names an unknown application ${p.applicationId}`).toBeDefined();
    expect(ex, `pair names an unknown expert ${p.expertId}`).toBeDefined();
    expect(seen.has(key(p.applicationId, p.expertId)), 'a pair proposed twice').toBe(false);
    seen.add(key(p.applicationId, p.expertId));
    // the hard rules, each on its own
    expect(conflictsOf(ex!, app!, problem.rules), `${p.expertId} on ${p.applicationId}`).toEqual(
      [],
    );
    expect(eligibleIds.get(app!.id)!.has(ex!.id), `${p.expertId} may not review ${app!.id}`).toBe(
      true,
    );
    expect(p.fit).toBe(fitOf(ex!, app!).fit);
    load.set(ex!.id, (load.get(ex!.id) ?? 0) + 1);
    got.set(app!.id, [...(got.get(app!.id) ?? []), ex!]);
  }
  // load caps
  for (const [id, n] of load)
    expect(n, `${id}'s load`).toBeLessThanOrEqual(experts.get(id)!.capacity);
  // one per employer on an application, counting the pairs already in place
  for (const app of problem.applications) {
    const mine = got.get(app.id) ?? [];
    const fixedEmployers = problem.fixed
      .filter((f) => f.applicationId === app.id)
      .map((f) => experts.get(f.expertId))
      .filter((e): e is AssignmentExpert => !!e)
      .map(employerKeyOf);
    const employers = mine.map(employerKeyOf);
    expect(new Set(employers).size, `two experts of one employer on ${app.id}`).toBe(
      employers.length,
    );
    for (const e of employers) expect(fixedEmployers, `${e} already on ${app.id}`).not.toContain(e);
    // coverage: never more than needed; less only with a shortfall row that says why
    expect(mine.length).toBeLessThanOrEqual(Math.max(0, app.need));
    const shortfall = result.shortfalls.find((s) => s.applicationId === app.id);
    const missing = Math.max(0, app.need) - mine.length;
    if (missing > 0) {
      expect(shortfall, `${app.id} is short by ${missing} without a reason`).toBeDefined();
      expect(shortfall!.missing).toBe(missing);
      expect(shortfall!.reason).toMatch(/[\u4e00-\u9fff]/);
      // nothing left that could simply have been added: no eligible expert with room whose
      // employer is not on the application yet
      const employers = new Set([...mine.map(employerKeyOf), ...fixedEmployers]);
      const mineIds = new Set(mine.map((e) => e.id));
      const addable = eligible(problem, app).filter(
        (e) =>
          !mineIds.has(e.id) &&
          (load.get(e.id) ?? 0) < e.capacity &&
          !employers.has(employerKeyOf(e)),
      );
      expect(
        addable.map((e) => e.id),
        `${app.id} is short but could take more`,
      ).toEqual([]);
    } else {
      expect(shortfall, `${app.id} has all it needs but a shortfall row`).toBeUndefined();
    }
  }
  expect(result.shortfalls.length).toBe(
    new Set(result.shortfalls.map((s) => s.applicationId)).size,
  );
  expect(result.totalFit).toBe(result.pairs.reduce((s, p) => s + p.fit, 0));
}

// ------------------------------------------------------------------ the optimum by enumeration

/** The most reviews any assignment covers and, among those, the greatest total fit. */
function bruteForce(problem: AssignmentProblem): { covered: number; fit: number } {
  const apps = problem.applications;
  const options = apps.map((app) => {
    const list = eligible(problem, app);
    // every subset of at most `need` experts with distinct employers
    const out: { experts: AssignmentExpert[]; fit: number }[] = [];
    const walk = (i: number, chosen: AssignmentExpert[], fit: number) => {
      if (i === list.length) {
        out.push({ experts: chosen, fit });
        return;
      }
      walk(i + 1, chosen, fit);
      const e = list[i]!;
      if (
        chosen.length < Math.max(0, app.need) &&
        !chosen.some((c) => employerKeyOf(c) === employerKeyOf(e))
      )
        walk(i + 1, [...chosen, e], fit + fitOf(e, app).fit);
    };
    walk(0, [], 0);
    return out;
  });
  let best = { covered: -1, fit: -1 };
  const load = new Map<string, number>();
  const search = (i: number, covered: number, fit: number) => {
    if (i === apps.length) {
      if (covered > best.covered || (covered === best.covered && fit > best.fit))
        best = { covered, fit };
      return;
    }
    for (const o of options[i]!) {
      if (o.experts.some((e) => (load.get(e.id) ?? 0) >= e.capacity)) continue;
      for (const e of o.experts) load.set(e.id, (load.get(e.id) ?? 0) + 1);
      search(i + 1, covered + o.experts.length, fit + o.fit);
      for (const e of o.experts) load.set(e.id, load.get(e.id)! - 1);
    }
  };
  search(0, 0, 0);
  return best;
}

/** The same problem with its lists in another order (ids unchanged). */
function reordered(rng: Rng, p: AssignmentProblem): AssignmentProblem {
  return {
    ...p,
    applications: rng.shuffled(p.applications),
    experts: rng.shuffled(p.experts),
    fixed: rng.shuffled(p.fixed),
    excluded: rng.shuffled(p.excluded),
  };
}

const describeCase = (seed: number, p: AssignmentProblem) => `seed ${seed}: ${JSON.stringify(p)}`;

describe('solveAssignment over random pools and applications', () => {
  it(
    'keeps every rule: no conflict, one per employer, load caps, coverage or a shortfall with its reason (300 problems)',
    { timeout: 60_000 },
    () => {
      for (let seed = 1; seed <= 300; seed++) {
        const rng = prng(seed);
        const problem = problemOf(rng, { apps: [1, 12], experts: [0, 16] });
        const result = solveAssignment(problem);
        try {
          checkRules(problem, result);
        } catch (e) {
          throw new Error(`${(e as Error).message}\n${describeCase(seed, problem)}`);
        }
      }
    },
  );

  it(
    'is deterministic: the same problem in any order gives the same answer',
    { timeout: 60_000 },
    () => {
      for (let seed = 1001; seed <= 1100; seed++) {
        const rng = prng(seed);
        const problem = problemOf(rng, { apps: [1, 10], experts: [1, 14] });
        const first = solveAssignment(problem);
        expect(solveAssignment(structuredClone(problem)), describeCase(seed, problem)).toEqual(
          first,
        );
        expect(solveAssignment(reordered(rng, problem)), describeCase(seed, problem)).toEqual(
          first,
        );
      }
    },
  );

  it(
    'covers as many reviews as any assignment can and, among those, reaches the greatest fit (tiny problems, by enumeration)',
    { timeout: 60_000 },
    () => {
      let covered = 0;
      for (let seed = 2001; seed <= 2400; seed++) {
        const rng = prng(seed);
        // ≤4 applications × ≤5 experts; then more applications on fewer experts (loads matter)
        const problem = problemOf(
          rng,
          seed <= 2250 ? { apps: [1, 4], experts: [1, 5] } : { apps: [3, 6], experts: [1, 3] },
        );
        const result = solveAssignment(problem);
        const best = bruteForce(problem);
        const got = { covered: result.pairs.length, fit: result.totalFit };
        expect(got, describeCase(seed, problem)).toEqual(best);
        covered += got.covered;
      }
      expect(covered).toBeGreaterThan(100); // the cases are not all empty
    },
  );

  it('fit outweighs an even load: the better expert takes every application it has room for', () => {
    const org = (n: string): OrgKeys => ({ uscc: `U-${n}`, nameKey: n, brand: '' });
    const applications = ['a1', 'a2', 'a3', 'a4'].map((id): AssignmentApplication => ({
      id,
      panelId: 'p',
      need: 1,
      category: 'basic_common',
      focusAreas: ['5G'],
      industries: ['3451'],
      applicant: org(`企业${id}`),
      coApplicants: [],
      provinceCode: '110000',
      unit: { id: 'u', keys: org('单位') },
    }));
    const expert = (id: string, focusAreas: string[]): AssignmentExpert => ({
      id,
      panelIds: ['p'],
      capacity: 4,
      employer: org(`雇主${id}`),
      regionCode: '310104',
      categories: ['basic_common'],
      industries: ['34'],
      focusAreas,
      conflictEnterprises: [],
      conflictUnitIds: [],
    });
    const result = solveAssignment({
      applications,
      experts: [expert('best', ['5G']), expert('good', [])], // fit 10 and 8
      rules: { avoidSameRegion: false },
      fixed: [],
      excluded: [],
    });
    expect(result.totalFit).toBe(40);
    expect(result.pairs.every((p) => p.expertId === 'best')).toBe(true);
  });

  it('a fixed conflict-free case by hand: the employer of the applicant, a declared unit, the region and one per employer', () => {
    const org = (n: string, brand = ''): OrgKeys => ({ uscc: `U-${n}`, nameKey: n, brand });
    const app: AssignmentApplication = {
      id: 'a1',
      panelId: 'p',
      need: 3,
      category: 'basic_common',
      focusAreas: ['5G'],
      industries: ['3451'],
      applicant: org('申报企业', '海尔'),
      coApplicants: [org('联合单位')],
      provinceCode: '110000',
      unit: { id: 'u-bj', keys: { uscc: '', nameKey: '北京', brand: '' } },
    };
    const expert = (id: string, over: Partial<AssignmentExpert>): AssignmentExpert => ({
      id,
      panelIds: ['p'],
      capacity: 5,
      employer: org(`单位${id}`),
      regionCode: '310104',
      categories: ['basic_common'],
      industries: ['34'],
      focusAreas: ['5G'],
      conflictEnterprises: [],
      conflictUnitIds: [],
      ...over,
    });
    const experts = [
      expert('e1', { employer: org('申报企业') }), // the applicant itself
      expert('e2', { employer: org('海尔子公司', '海尔') }), // its 字号
      expert('e3', { employer: org('联合单位') }), // a co-applicant
      expert('e4', { conflictUnitIds: ['u-bj'] }), // declared the unit
      expert('e5', { regionCode: '110108' }), // 北京: same region
      expert('e6', { employer: org('大学') }),
      expert('e7', { employer: org('大学') }), // the same employer as e6
      expert('e8', { employer: org('研究院'), categories: [] }),
    ];
    const result = solveAssignment({
      applications: [app],
      experts,
      rules: { avoidSameRegion: true },
      fixed: [],
      excluded: [],
    });
    const chosen = result.pairs.map((p) => p.expertId).sort();
    expect(chosen).toHaveLength(2); // one of e6/e7, and e8
    expect(chosen).toContain('e8');
    expect(chosen.filter((id) => id === 'e6' || id === 'e7')).toHaveLength(1);
    expect(result.shortfalls).toEqual([
      { applicationId: 'a1', missing: 1, reason: expect.stringMatching(/[\u4e00-\u9fff]/) },
    ]);
  });
});
