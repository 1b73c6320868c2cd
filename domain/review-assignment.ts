// 评审分配 (issue 13): which experts review which applications. Hard conflict-of-interest rules,
// expertise fit as the objective, every application's reviews and every expert's load as
// capacities — solved exactly as a min-cost flow (domain/min-cost-flow), deterministic for the
// same input. Pure: no I/O.
import { MinCostFlow } from './min-cost-flow';

/**
 * An organisation as the conflict rules compare it: its 统一社会信用代码, its normalised name and its
 * 字号 ('' where unknown). The server derives them (server/lib/duplicates normalize); two
 * organisations are one when any non-empty key is equal.
 */
export interface OrgKeys {
  uscc: string;
  nameKey: string;
  brand: string;
}

/** An application to be reviewed in a round, as its facts describe it. */
export interface AssignmentApplication {
  id: string;
  /** the round's panel it is reviewed in (by its category) */
  panelId: string;
  /** reviews still to be proposed (the round's number less the pairs kept) */
  need: number;
  category: string;
  focusAreas: string[];
  /** GB/T 4754 codes as the facts hold them (a 门类 letter or a 4-digit 小类) */
  industries: string[];
  applicant: OrgKeys;
  coApplicants: OrgKeys[];
  /** 省级 code of the applicant's region (left 2 digits + 0000), if known */
  provinceCode: string | null;
  /** the recommending unit it came through */
  unit: { id: string; keys: OrgKeys };
}

/** An expert of the pool, as the round may use them. */
export interface AssignmentExpert {
  id: string;
  /** the panels the expert sits on in this round */
  panelIds: string[];
  /** how many more applications the expert may take in this round (max load less those kept) */
  capacity: number;
  employer: OrgKeys;
  /** GB/T 2260, six digits */
  regionCode: string;
  categories: string[];
  industries: string[];
  focusAreas: string[];
  /** declared: matched by code or name (not by 字号) */
  conflictEnterprises: OrgKeys[];
  conflictUnitIds: string[];
}

export interface AssignmentRules {
  /** 回避本地区: no expert from the applicant's province */
  avoidSameRegion: boolean;
}

export interface AssignmentProblem {
  applications: AssignmentApplication[];
  experts: AssignmentExpert[];
  rules: AssignmentRules;
  /** pairs already in place (published, or kept by hand): they count for the one-per-employer rule */
  fixed: { applicationId: string; expertId: string }[];
  /** pairs never to propose (declined, removed by hand) */
  excluded: { applicationId: string; expertId: string }[];
}

/** Why an expert may not review an application. */
export const CONFLICT_RULES = [
  'employer_is_applicant',
  'employer_is_co_applicant',
  'declared_enterprise',
  'declared_unit',
  'same_region',
  'employer_is_recommender',
  'same_employer_on_application',
] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

export const CONFLICT_RULE_LABELS: Record<ConflictRule, string> = {
  employer_is_applicant: '专家所在单位为申报单位',
  employer_is_co_applicant: '专家所在单位为联合申报单位',
  declared_enterprise: '专家申报回避的企业',
  declared_unit: '专家申报回避的推荐单位',
  same_region: '同一地区（本轮回避本地区）',
  employer_is_recommender: '专家所在单位为推荐单位',
  same_employer_on_application: '同一单位的另一位专家已评审该项目',
};

export interface ProposedPair {
  applicationId: string;
  expertId: string;
  /** expertise fit, 0–10 */
  fit: number;
}

export interface Shortfall {
  applicationId: string;
  /** reviews that could not be proposed */
  missing: number;
  /** in Chinese, e.g. 本组可评审专家不足：12位专家中8位回避，4位已满额 */
  reason: string;
}

export interface AssignmentResult {
  pairs: ProposedPair[];
  shortfalls: Shortfall[];
  /** Σ fit of the pairs (what the solver maximised) */
  totalFit: number;
}

// ------------------------------------------------------------------ rules and fit

/** By code, name or 字号 (employer vs applicant). */
export function sameOrg(a: OrgKeys, b: OrgKeys): boolean {
  return (
    (!!a.uscc && a.uscc === b.uscc) ||
    (!!a.nameKey && a.nameKey === b.nameKey) ||
    (!!a.brand && a.brand === b.brand)
  );
}

/** By code or name only (a declared conflict names one enterprise, not its group). */
function sameEnterprise(a: OrgKeys, b: OrgKeys): boolean {
  return (!!a.uscc && a.uscc === b.uscc) || (!!a.nameKey && a.nameKey === b.nameKey);
}

/** The employer an expert counts as for one-per-employer: code, else name. */
export function employerKeyOf(expert: Pick<AssignmentExpert, 'employer' | 'id'>): string {
  return expert.employer.uscc || expert.employer.nameKey || `expert:${expert.id}`;
}

const provinceOf = (code: string) => (/^\d{6}$/.test(code) ? `${code.slice(0, 2)}0000` : null);

/**
 * The rules that forbid this pair by themselves (one-per-employer depends on the other pairs and
 * is the solver's). Empty: the expert may review the application.
 */
export function conflictsOf(
  expert: AssignmentExpert,
  app: AssignmentApplication,
  rules: AssignmentRules,
): ConflictRule[] {
  const out: ConflictRule[] = [];
  if (sameOrg(expert.employer, app.applicant)) out.push('employer_is_applicant');
  if (app.coApplicants.some((c) => sameOrg(expert.employer, c)))
    out.push('employer_is_co_applicant');
  if (
    expert.conflictEnterprises.some(
      (c) => sameEnterprise(c, app.applicant) || app.coApplicants.some((x) => sameEnterprise(c, x)),
    )
  )
    out.push('declared_enterprise');
  if (expert.conflictUnitIds.includes(app.unit.id)) out.push('declared_unit');
  if (
    rules.avoidSameRegion &&
    app.provinceCode !== null &&
    provinceOf(expert.regionCode) === app.provinceCode
  )
    out.push('same_region');
  if (sameEnterprise(expert.employer, app.unit.keys)) out.push('employer_is_recommender');
  return out;
}

/** 门类 of a code as the facts hold it: the letter itself, or none for a bare number. */
const divisionOf = (code: string) => (/^\d{2}/.test(code) ? code.slice(0, 2) : null);

/**
 * Expertise fit, 0–10: category 3, focus areas 2 (any shared), industry 5 — a shared 大类 (first two
 * digits) 5, else a shared code or 门类 letter 2. `matched` says what matched, in Chinese.
 */
export function fitOf(
  expert: Pick<AssignmentExpert, 'categories' | 'industries' | 'focusAreas'>,
  app: Pick<AssignmentApplication, 'category' | 'industries' | 'focusAreas'>,
): { fit: number; matched: string[] } {
  let fit = 0;
  const matched: string[] = [];
  if (expert.categories.includes(app.category)) {
    fit += 3;
    matched.push('类别');
  }
  if (app.focusAreas.some((f) => expert.focusAreas.includes(f))) {
    fit += 2;
    matched.push('聚焦领域');
  }
  const expertDivisions = new Set(expert.industries.map(divisionOf).filter((d) => d !== null));
  if (app.industries.some((c) => expertDivisions.has(divisionOf(c) ?? '-'))) {
    fit += 5;
    matched.push('行业大类');
  } else if (app.industries.some((c) => expert.industries.includes(c))) {
    fit += 2;
    matched.push('行业');
  }
  return { fit, matched };
}

// ------------------------------------------------------------------ the solver

const FIT_MAX = 10;

/**
 * Proposes pairs: every application gets up to `need` experts of its panel, no pair breaks a
 * conflict rule, no two experts of one employer review one application (counting the fixed
 * pairs), no expert exceeds its capacity. Among the assignments that cover the most reviews it
 * takes one of the greatest total fit, and among those one with the load spread most evenly
 * (an expert's k-th application costs a little more than its (k−1)-th).
 *
 * The min-cost flow: source → application (need) → [application × employer (1), when an employer
 * has several candidates] → expert (1, cost (10 − fit)·W) → sink (one edge per unit of capacity, the
 * k-th costing k). W exceeds every load cost, so fit always outweighs balance.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentResult {
  const apps = [...problem.applications].sort((a, b) => cmp(a.id, b.id));
  const experts = [...problem.experts].sort((a, b) => cmp(a.id, b.id));
  const excluded = new Set(problem.excluded.map((p) => `${p.applicationId}|${p.expertId}`));
  const fixedPairs = new Set(problem.fixed.map((p) => `${p.applicationId}|${p.expertId}`));
  const employerOfExpert = new Map(problem.experts.map((e) => [e.id, employerKeyOf(e)]));
  // employers already on an application through a fixed pair (experts outside the problem too)
  const fixedEmployers = new Map<string, Set<string>>();
  for (const p of problem.fixed) {
    const key = employerOfExpert.get(p.expertId);
    if (!key) continue;
    const set = fixedEmployers.get(p.applicationId) ?? new Set<string>();
    set.add(key);
    fixedEmployers.set(p.applicationId, set);
  }

  const maxCapacity = experts.reduce((m, e) => Math.max(m, e.capacity), 0);
  const W = maxCapacity + 1; // one fit point outweighs the whole spread of load costs

  // candidates per application, with the reason each other panel expert is left out
  type Candidate = { expert: number; fit: number; employer: string };
  const candidates: Candidate[][] = apps.map((app) => {
    const out: Candidate[] = [];
    const taken = fixedEmployers.get(app.id);
    experts.forEach((ex, i) => {
      if (ex.capacity <= 0 || !ex.panelIds.includes(app.panelId)) return;
      const key = `${app.id}|${ex.id}`;
      if (excluded.has(key) || fixedPairs.has(key)) return;
      if (conflictsOf(ex, app, problem.rules).length) return;
      const employer = employerKeyOf(ex);
      if (taken?.has(employer)) return;
      out.push({ expert: i, fit: fitOf(ex, app).fit, employer });
    });
    return out;
  });

  // nodes: 0 source, 1 sink, then applications, experts, application × employer groups
  const S = 0;
  const T = 1;
  const appNode = (i: number) => 2 + i;
  const expertNode = (j: number) => 2 + apps.length + j;
  let nodes = 2 + apps.length + experts.length;
  // an employer with several candidates for one application passes through a node of capacity 1
  const groupsOf = candidates.map((list) => {
    const byEmployer = new Map<string, Candidate[]>();
    for (const c of list) byEmployer.set(c.employer, [...(byEmployer.get(c.employer) ?? []), c]);
    return [...byEmployer.values()].map((members) => ({
      node: members.length > 1 ? nodes++ : -1,
      members,
    }));
  });
  const flow = new MinCostFlow(nodes);
  apps.forEach((app, i) => {
    if (app.need > 0) flow.addEdge(S, appNode(i), app.need, 0);
  });
  const pairEdges: { app: number; expert: number; fit: number; edge: number }[] = [];
  groupsOf.forEach((groups, i) => {
    for (const { node, members } of groups) {
      if (node >= 0) flow.addEdge(appNode(i), node, 1, 0);
      for (const c of members) {
        const from = node >= 0 ? node : appNode(i);
        const edge = flow.addEdge(from, expertNode(c.expert), 1, (FIT_MAX - c.fit) * W);
        pairEdges.push({ app: i, expert: c.expert, fit: c.fit, edge });
      }
    }
  });
  experts.forEach((ex, j) => {
    for (let k = 0; k < ex.capacity; k++) flow.addEdge(expertNode(j), T, 1, k);
  });
  flow.solve(S, T);

  const pairs: ProposedPair[] = [];
  const got = new Array<number>(apps.length).fill(0);
  for (const p of pairEdges) {
    if (flow.flowOf(p.edge) > 0) {
      pairs.push({ applicationId: apps[p.app]!.id, expertId: experts[p.expert]!.id, fit: p.fit });
      got[p.app]!++;
    }
  }
  pairs.sort((a, b) => cmp(a.applicationId, b.applicationId) || cmp(a.expertId, b.expertId));
  const load = new Map<string, number>();
  for (const p of pairs) load.set(p.expertId, (load.get(p.expertId) ?? 0) + 1);

  const pairedKeys = new Set(pairs.map((p) => `${p.applicationId}|${p.expertId}`));
  const shortfalls: Shortfall[] = [];
  apps.forEach((app, i) => {
    const missing = app.need - got[i]!;
    if (missing <= 0) return;
    shortfalls.push({
      applicationId: app.id,
      missing,
      reason: shortfallReason(app, experts, problem, load, pairedKeys),
    });
  });
  return { pairs, shortfalls, totalFit: pairs.reduce((s, p) => s + p.fit, 0) };
}

/** Why an application got fewer reviews than it needs, each panel expert counted once. */
function shortfallReason(
  app: AssignmentApplication,
  experts: AssignmentExpert[],
  problem: AssignmentProblem,
  load: Map<string, number>,
  paired: Set<string>,
): string {
  const panel = experts.filter((e) => e.panelIds.includes(app.panelId));
  const excluded = new Set(problem.excluded.map((p) => `${p.applicationId}|${p.expertId}`));
  const fixed = new Set(problem.fixed.map((p) => `${p.applicationId}|${p.expertId}`));
  const employers = new Set(
    problem.fixed
      .filter((p) => p.applicationId === app.id)
      .map((p) => problem.experts.find((e) => e.id === p.expertId))
      .filter((e) => e !== undefined)
      .map(employerKeyOf),
  );
  const count = { on: 0, conflict: 0, declined: 0, employer: 0, full: 0 };
  for (const e of panel) {
    const key = `${app.id}|${e.id}`;
    if (fixed.has(key) || paired.has(key)) count.on++;
    else if (excluded.has(key)) count.declined++;
    else if (conflictsOf(e, app, problem.rules).length) count.conflict++;
    else if (employers.has(employerKeyOf(e))) count.employer++;
    else if ((load.get(e.id) ?? 0) >= e.capacity) count.full++;
    else count.employer++; // left out only because an expert of the same employer took it
  }
  const parts = [`本组专家${panel.length}位`];
  if (count.on) parts.push(`${count.on}位已分配`);
  if (count.conflict) parts.push(`${count.conflict}位须回避`);
  if (count.declined) parts.push(`${count.declined}位已拒绝或被移除`);
  if (count.employer) parts.push(`${count.employer}位与已分配专家同单位`);
  if (count.full) parts.push(`${count.full}位已满额`);
  return `可评审专家不足：${parts.join('，')}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
