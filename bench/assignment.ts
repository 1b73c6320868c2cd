// 评审分配 at the scale (issue 13): 600 applications × 200 experts × 5 reviews each, four
// panels (one per category, a fifth of the experts on two), a load cap of 18, 回避本地区 on, and
// conflicts of every kind — experts employed by applicants (by code, by 字号) and co-applicants,
// declared enterprises and units, employers with several experts. The pure solver, timed
// BENCH_RUNS times (default 7) after one warm-up; target: median < 5 s. Checks every answer's
// rules too (a fast wrong answer is no answer).
import {
  conflictsOf,
  employerKeyOf,
  solveAssignment,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentProblem,
  type OrgKeys,
} from '../domain/review-assignment';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 600);
const EXPERTS = Number(process.env.BENCH_EXPERTS ?? 200);
const REVIEWS = 5;
const MAX_LOAD = 18;
const TARGET_MS = 5000;

function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) | 0;
    let t = Math.imul(x ^ (x >>> 15), 1 | x);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: [string, string[]][] = [
  ['secure_reliable', ['5G', '新能源汽车', '高端医疗装备', '生物医药', '新材料']],
  [
    'basic_common',
    ['关键基础材料', '核心基础零部件', '先进基础工艺', '产业技术基础', '工业基础软件'],
  ],
  ['industry_general', ['汽车', '航空航天', '石油化工', '机械制造', '轻工家电', '信息电子']],
  ['enterprise_specific', ['智能化制造', '网络化协同', '个性化定制', '服务化延伸', '数字化管理']],
];
const DIVISIONS = Array.from({ length: 31 }, (_, i) => String(13 + i)); // 制造业 13–43
const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
];

export function assignmentProblem(
  seed: number,
  apps = APPLICATIONS,
  experts = EXPERTS,
): AssignmentProblem {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const org = (i: number, kind: string): OrgKeys => ({
    uscc: `${kind}${String(i).padStart(6, '0')}`,
    nameKey: `${kind}名称${i}`,
    brand: `${kind}字号${i}`,
  });
  const employers = Array.from({ length: Math.round(experts * 0.6) }, (_, i) => org(i, '雇主'));
  const units = Array.from({ length: 37 }, (_, i) => ({ id: `unit-${i}`, keys: org(i, '单位') }));
  const pool: AssignmentExpert[] = Array.from({ length: experts }, (_, i) => {
    const home = i % 4;
    const panels = [`panel-${home}`];
    if (r() < 0.2) panels.push(`panel-${(home + 1 + Math.floor(r() * 3)) % 4}`);
    const [category, focus] = CATEGORIES[home]!;
    return {
      id: `expert-${String(i).padStart(4, '0')}`,
      panelIds: panels,
      capacity: MAX_LOAD,
      employer: pick(employers),
      regionCode: `${pick(PROVINCES)}0101`,
      categories: [category],
      industries: [pick(DIVISIONS), pick(DIVISIONS), pick(DIVISIONS)],
      focusAreas: [pick(focus), pick(focus)],
      conflictEnterprises: r() < 0.1 ? [org(Math.floor(r() * apps), '申报')] : [],
      conflictUnitIds: r() < 0.1 ? [pick(units).id] : [],
    };
  });
  const applications: AssignmentApplication[] = Array.from({ length: apps }, (_, i) => {
    const home = i % 4;
    const [category, focus] = CATEGORIES[home]!;
    // a tenth are filed by an expert's employer (by code, or a sister company by 字号)
    let applicant = org(i, '申报');
    if (r() < 0.1) {
      const e = pick(employers);
      applicant = r() < 0.5 ? e : { uscc: `sister${i}`, nameKey: `姊妹${i}`, brand: e.brand };
    }
    return {
      id: `app-${String(i).padStart(4, '0')}`,
      panelId: `panel-${home}`,
      need: REVIEWS,
      category,
      focusAreas: [pick(focus)],
      industries: [`${pick(DIVISIONS)}11`],
      applicant,
      coApplicants: r() < 0.2 ? [r() < 0.3 ? pick(employers) : org(i, '联合')] : [],
      provinceCode: `${pick(PROVINCES)}0000`,
      unit: pick(units),
    };
  });
  return { applications, experts: pool, rules: { avoidSameRegion: true }, fixed: [], excluded: [] };
}

function check(p: AssignmentProblem, result: ReturnType<typeof solveAssignment>) {
  const experts = new Map(p.experts.map((e) => [e.id, e]));
  const apps = new Map(p.applications.map((a) => [a.id, a]));
  const load = new Map<string, number>();
  const employersOn = new Map<string, Set<string>>();
  for (const pair of result.pairs) {
    const e = experts.get(pair.expertId)!;
    const a = apps.get(pair.applicationId)!;
    if (conflictsOf(e, a, p.rules).length) throw new Error(`conflict: ${JSON.stringify(pair)}`);
    if (!e.panelIds.includes(a.panelId)) throw new Error(`off panel: ${JSON.stringify(pair)}`);
    load.set(e.id, (load.get(e.id) ?? 0) + 1);
    const on = employersOn.get(a.id) ?? new Set<string>();
    if (on.has(employerKeyOf(e))) throw new Error(`one employer twice on ${a.id}`);
    on.add(employerKeyOf(e));
    employersOn.set(a.id, on);
  }
  for (const [id, n] of load) if (n > experts.get(id)!.capacity) throw new Error(`over cap ${id}`);
  const covered = new Map<string, number>();
  for (const pair of result.pairs)
    covered.set(pair.applicationId, (covered.get(pair.applicationId) ?? 0) + 1);
  for (const a of p.applications) {
    const missing = a.need - (covered.get(a.id) ?? 0);
    const s = result.shortfalls.find((x) => x.applicationId === a.id);
    if (missing > 0 && (!s || s.missing !== missing))
      throw new Error(`unexplained shortfall ${a.id}`);
  }
}

function measure(label: string, problem: AssignmentProblem) {
  const conflicts = problem.applications.reduce(
    (n, a) =>
      n +
      problem.experts.filter(
        (e) => e.panelIds.includes(a.panelId) && conflictsOf(e, a, problem.rules).length,
      ).length,
    0,
  );
  console.log(
    `${label}: ${problem.applications.length} applications × ${problem.experts.length} experts × ${REVIEWS} reviews, ` +
      `load cap ${MAX_LOAD}, 回避本地区; ${conflicts} (application, panel expert) pairs excluded by conflict rules`,
  );
  const warm = solveAssignment(problem);
  check(problem, warm);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = solveAssignment(problem);
    times.push(performance.now() - t0);
    check(problem, result);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const loads = new Map<string, number>();
  for (const p of warm.pairs) loads.set(p.expertId, (loads.get(p.expertId) ?? 0) + 1);
  const l = [...loads.values()].sort((a, b) => a - b);
  console.log(
    `  pairs ${warm.pairs.length} of ${problem.applications.length * REVIEWS}, shortfalls ${warm.shortfalls.length}, ` +
      `mean fit ${(warm.totalFit / warm.pairs.length).toFixed(2)} of 10, expert load min ${l[0]} median ${l[Math.floor(l.length / 2)]} max ${l.at(-1)}`,
  );
  console.log(
    `  solve: median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)} (${RUNS} runs)`,
  );
  return median;
}

export async function benchAssignment() {
  // four panels by category (how a round is set up by default), then everything in one panel
  // (every expert a candidate for every application: the largest graph)
  const byCategory = measure('4 panels', assignmentProblem(1));
  const one = assignmentProblem(1);
  for (const a of one.applications) a.panelId = 'panel-0';
  for (const e of one.experts) e.panelIds = ['panel-0'];
  const single = measure('1 panel', one);
  const worst = Math.max(byCategory, single);
  console.log(
    `verdict: ${worst < TARGET_MS ? 'PASS' : 'FAIL'} — median 4 panels ${byCategory.toFixed(0)} ms, 1 panel ${single.toFixed(0)} ms (target < ${TARGET_MS} ms)`,
  );
}
