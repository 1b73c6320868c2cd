// A round as the solver sees it (domain/review-assignment): applications with their organisations
// as OrgKeys (the duplicates' normaliser: code, normalised name, 字号), the panel each belongs to by
// its category, what each still needs and how much each expert can still take, the pairs kept and
// the pairs never to propose. And, for the organizer, why an expert of a panel is not on an
// application. Pure: no I/O.
import {
  conflictsOf,
  employerKeyOf,
  fitOf,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentProblem,
  type OrgKeys,
} from '../../../domain/review-assignment';
import type { ExclusionReason } from '../../../domain/review-rounds';
import {
  enterpriseBrand,
  normalizeEnterpriseName,
  normalizeUscc,
} from '../../lib/duplicates/normalize';
import type { ExpertRow } from '../experts';
import type { AssignmentRow, PanelRow, RoundApplication, RoundRow } from './repository';

/** An organisation's keys: by code, by normalised name, by 字号 (`withBrand`). */
export function orgKeysOf(
  name: string,
  uscc: string | null | undefined,
  withBrand = true,
): OrgKeys {
  const n = name.trim() ? normalizeEnterpriseName(name) : null;
  return {
    uscc: normalizeUscc(uscc),
    nameKey: n?.key ?? '',
    brand: n && withBrand ? enterpriseBrand(n) : '',
  };
}

/** The application as the rules and the fit read it (its need and panel set by the caller). */
export function assignmentApplicationOf(
  app: RoundApplication,
  panelId: string,
  need: number,
): AssignmentApplication {
  const f = app.facts;
  return {
    id: app.id,
    panelId,
    need,
    category: f.category ?? '',
    focusAreas: f.focusAreas ?? [],
    industries: f.industries ?? [],
    applicant: orgKeysOf(f.applicantName ?? '', f.uscc),
    coApplicants: (f.coApplicants ?? []).map((c) => orgKeysOf(c.name, c.uscc)),
    provinceCode: f.region && /^\d{6}$/.test(f.region) ? `${f.region.slice(0, 2)}0000` : null,
    // a recommending unit has no code; it is compared by its name (a 字号 would be too broad)
    unit: { id: app.unitId, keys: orgKeysOf(app.unitName, null, false) },
  };
}

/** The expert as the rules and the fit read them (panels and capacity set by the caller). */
export function assignmentExpertOf(
  e: ExpertRow,
  panelIds: string[],
  capacity: number,
): AssignmentExpert {
  return {
    id: e.id,
    panelIds,
    capacity,
    employer: orgKeysOf(e.employerName, e.employerUscc),
    regionCode: e.regionCode,
    categories: e.categories,
    industries: e.industries,
    focusAreas: e.focusAreas,
    // a declared enterprise is that enterprise, not its group: by code or name
    conflictEnterprises: e.conflictEnterprises.map((c) => orgKeysOf(c.name ?? '', c.uscc, false)),
    conflictUnitIds: e.conflictUnitIds,
  };
}

/** The first panel (in order) that takes the category; none: nobody reviews it in this round. */
export function panelOf(panels: PanelRow[], category: string | null | undefined) {
  return category ? panels.find((p) => p.categories.includes(category)) : undefined;
}

/** Pairs that count: a review slot and a unit of load. */
export const isActive = (a: Pick<AssignmentRow, 'state'>) =>
  a.state === 'proposed' || a.state === 'published';

/** Pairs a new proposal keeps: published ones and those added by hand. */
export const isKept = (a: Pick<AssignmentRow, 'state' | 'source'>) =>
  a.state === 'published' || (a.state === 'proposed' && a.source === 'manual');

const countBy = <T>(list: T[], key: (t: T) => string) => {
  const out = new Map<string, number>();
  for (const t of list) out.set(key(t), (out.get(key(t)) ?? 0) + 1);
  return out;
};

export interface RoundProblem {
  problem: AssignmentProblem;
  /** applications of no panel (their category is nobody's in this round) */
  unpanelled: RoundApplication[];
}

/**
 * The problem of a round. `counted` are the pairs the proposal keeps (they fill slots, load the
 * experts, and their employers are on their applications); `excluded` are never proposed.
 * `only`: one application (a replacement after a decline).
 */
export function roundProblem(input: {
  round: Pick<RoundRow, 'reviewsPerApplication' | 'maxLoad' | 'avoidSameRegion'>;
  panels: PanelRow[];
  applications: RoundApplication[];
  experts: ExpertRow[];
  assignments: AssignmentRow[];
  counted: (a: AssignmentRow) => boolean;
  only?: string;
}): RoundProblem {
  const { round, panels } = input;
  const counted = input.assignments.filter(input.counted);
  const perApp = countBy(counted, (a) => a.applicationId);
  const perExpert = countBy(counted, (a) => a.expertId);
  const unpanelled: RoundApplication[] = [];
  const applications: AssignmentApplication[] = [];
  for (const app of input.applications) {
    if (app.state !== 'under_review') continue;
    if (input.only && app.id !== input.only) continue;
    const panel = panelOf(panels, app.facts.category);
    if (!panel) {
      unpanelled.push(app);
      continue;
    }
    const need = Math.max(0, round.reviewsPerApplication - (perApp.get(app.id) ?? 0));
    applications.push(assignmentApplicationOf(app, panel.id, need));
  }
  const panelIdsOf = new Map<string, string[]>();
  for (const p of panels)
    for (const id of p.expertIds) panelIdsOf.set(id, [...(panelIdsOf.get(id) ?? []), p.id]);
  const experts = input.experts.map((e) =>
    // an inactive expert stays in the problem for the employers of its kept pairs, never proposed
    e.active
      ? assignmentExpertOf(
          e,
          panelIdsOf.get(e.id) ?? [],
          Math.max(0, round.maxLoad - (perExpert.get(e.id) ?? 0)),
        )
      : assignmentExpertOf(e, [], 0),
  );
  return {
    problem: {
      applications,
      experts,
      rules: { avoidSameRegion: round.avoidSameRegion },
      fixed: counted.map((a) => ({ applicationId: a.applicationId, expertId: a.expertId })),
      excluded: input.assignments
        .filter((a) => a.state === 'declined' || a.state === 'removed')
        .map((a) => ({ applicationId: a.applicationId, expertId: a.expertId })),
    },
    unpanelled,
  };
}

export interface Exclusion {
  expertId: string;
  fit: number;
  reasons: ExclusionReason[];
}

/**
 * Why each expert of the application's panel is not on it (for the organizer): a declined or
 * removed pair, inactive, the conflict rules (and one per employer), at the load limit, less fitting
 * than those chosen (the application has all it needs), or — it could still take one — no
 * proposal since.
 */
export function exclusionsOf(input: {
  app: AssignmentApplication;
  panelExperts: ExpertRow[];
  assignments: AssignmentRow[];
  expertsById: Map<string, ExpertRow>;
  round: Pick<RoundRow, 'reviewsPerApplication' | 'maxLoad' | 'avoidSameRegion'>;
  load: Map<string, number>;
}): Exclusion[] {
  const { app, round } = input;
  const mine = input.assignments.filter((a) => a.applicationId === app.id);
  const active = mine.filter(isActive);
  const activeIds = new Set(active.map((a) => a.expertId));
  const employers = new Set(
    active
      .map((a) => input.expertsById.get(a.expertId))
      .filter((e): e is ExpertRow => !!e)
      .map((e) => employerKeyOf(assignmentExpertOf(e, [], 0))),
  );
  const full = active.length >= round.reviewsPerApplication;
  const out: Exclusion[] = [];
  for (const e of input.panelExperts) {
    if (activeIds.has(e.id)) continue;
    const expert = assignmentExpertOf(e, [], 0);
    const fit = fitOf(expert, app).fit;
    const pair = mine.find((a) => a.expertId === e.id);
    let reasons: ExclusionReason[];
    if (pair?.state === 'declined') reasons = ['declined'];
    else if (pair?.state === 'removed') reasons = ['removed'];
    else if (!e.active) reasons = ['inactive'];
    else {
      reasons = conflictsOf(expert, app, { avoidSameRegion: round.avoidSameRegion });
      if (employers.has(employerKeyOf(expert))) reasons.push('same_employer_on_application');
      if (reasons.length === 0)
        reasons = [
          (input.load.get(e.id) ?? 0) >= round.maxLoad
            ? 'full'
            : full
              ? 'lower_fit'
              : 'not_proposed',
        ];
    }
    out.push({ expertId: e.id, fit, reasons });
  }
  return out.sort((a, b) => a.expertId.localeCompare(b.expertId));
}

/** The organizer's sentence for an application short of reviews, from its exclusions. */
export function shortfallReason(exclusions: Exclusion[], panelSize: number): string {
  const n = (r: ExclusionReason | ((r: ExclusionReason) => boolean)) =>
    exclusions.filter((x) => x.reasons.some(typeof r === 'function' ? r : (y) => y === r)).length;
  const conflicted = exclusions.filter((x) =>
    x.reasons.some(
      (r) =>
        r !== 'same_employer_on_application' &&
        !['declined', 'removed', 'inactive', 'full', 'lower_fit', 'not_proposed'].includes(r),
    ),
  ).length;
  const sameEmployer = exclusions.filter(
    (x) => x.reasons.length === 1 && x.reasons[0] === 'same_employer_on_application',
  ).length;
  const parts = [`本组专家${panelSize}位`];
  if (conflicted) parts.push(`${conflicted}位须回避`);
  if (sameEmployer) parts.push(`${sameEmployer}位与已分配专家同单位`);
  const full = n('full');
  if (full) parts.push(`${full}位已满额`);
  const gone = n('declined') + n('removed');
  if (gone) parts.push(`${gone}位已拒绝或被移除`);
  const inactive = n('inactive');
  if (inactive) parts.push(`${inactive}位已停用`);
  const open = n('not_proposed');
  return open
    ? `尚有${open}位专家可以分配：请重新生成分配方案（${parts.join('，')}）`
    : `可评审专家不足：${parts.join('，')}`;
}
