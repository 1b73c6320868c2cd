// `npm run admin -- seed-scale`: many years of filings for benches and manual checks of the
// analysis (issue 12). Never run by default. Campaigns of the years before 2021 are copied from the
// 2021 call (its forms and settings); the 2021 call itself is the newest. Enterprises with valid
// 统一社会信用代码 spread over the provinces like real industrial filings, applications whose data
// fills the campaign's own form and whose facts are computed from it as a save computes them
// (domain/facts.ts), the recommenders' decisions within their quotas, later stages in the older
// campaigns, awards, and the 附件4 reports of past winners. Same `seed`, same data.
//
// The planning (`planScale`) is pure: it takes the reference data and the campaigns and yields
// rows; `seedScale` writes them in chunks. No attachments (files) are made: the attachment fields
// stay empty, and the seeded accounts have no password anyone knows.
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import { endOfDayShanghai, type CampaignSettings } from '../../../domain/campaign';
import { effectiveQuota } from '../../../domain/recommender-units';
import type { ApplicationState } from '../../../domain/application-states';
import { factsOf, type ApplicationFacts } from '../../../domain/facts';
import type { FormDeclaration } from '../../../domain/form';
import { revenueYearsOf } from '../../../domain/follow-up-report';
import { usccCheckCharacter } from '../../../domain/uscc';
import type { RecommenderUnitType } from '../../../domain/recommender-units';
import type { Actor } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import {
  copyCampaign,
  findCampaign,
  formOfCampaign,
  type CampaignRow,
} from '../../modules/campaigns';
import { verificationCodeOf } from '../../modules/printing';
import { backfillStatKeys } from '../../modules/statistics';
import type { Db } from '../client';
import * as repo from './repository';
import * as words from './scale-data';
import { Rng, Weighted } from './scale-random';

export interface ScaleOptions {
  campaigns: number;
  applications: number;
  seed: number;
  /** rows per INSERT */
  chunk?: number;
  log?: (line: string) => void;
}

/** The newest campaign is the 2021 call; older ones get this code with their year. */
export const SCALE_CAMPAIGN_PREFIX = 'scale-miit-iiapp-';
const NEWEST = MIIT_2021;
/** Accounts made here cannot sign in: no argon2 hash matches this. */
export const NO_PASSWORD = '!scale-seed:no-password';
const SEEDER: Actor = { userId: null, role: 'system', label: 'seed-scale', ip: null };
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Reference data and campaigns, as the planner needs them

export interface ScaleReference {
  provinces: { code: string; name: string; cities: { code: string; name: string }[] }[];
  units: {
    id: string;
    name: string;
    type: RecommenderUnitType;
    regionCode: string | null;
    quotaOverride: number | null;
  }[];
  /** GB/T 4754 大类 with their 门类 and 小类 codes */
  divisions: { code: string; section: string; classes: string[] }[];
  /** codes already registered in the database */
  takenUscc: Set<string>;
}

export interface ScaleCampaign {
  id: string;
  code: string;
  year: number;
  opensAt: Date;
  onlineDeadline: Date;
  paperDeadline: Date;
  settings: CampaignSettings;
  form: FormDeclaration;
  followUpForm: FormDeclaration;
}

// ---------------------------------------------------------------------------------------------
// Planned rows (the shapes the tables take)

export interface EnterprisePlan {
  id: string;
  name: string;
  uscc: string;
  provinceCode: string;
  cityCode: string;
  contactName: string;
  phone: string;
  email: string;
  verificationStatus: 'verified' | 'unsubmitted';
  verifiedAt: Date | null;
  createdAt: Date;
  // used by the planner only
  userId: string;
  provinceName: string;
  cityName: string;
  ownership: string;
  size: string;
  revenue: number;
  rdStaff: number;
  centralUnit: number | null;
  association: number | null;
  xpcc: boolean;
}

export interface UserPlan {
  id: string;
  login: string;
  email: string;
  name: string;
  phone: string;
  role: 'enterprise';
  passwordHash: string;
  enterpriseId: string;
  createdAt: Date;
}

export interface ApplicationPlan {
  id: string;
  campaignId: string;
  enterpriseId: string;
  channelUnitId: string;
  state: ApplicationState;
  formId: string;
  data: Record<string, unknown>;
  draftVersion: number;
  wordCount: number;
  solutionName: string;
  facts: ApplicationFacts;
  currentVersionNo: number | null;
  returnComment: string | null;
  rejectReason: string | null;
  recommendRank: number | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
  submittedAt: Date | null;
}

export interface VersionPlan {
  id: string;
  applicationId: string;
  versionNo: number;
  /** none: the version freezes its application's data as planned (copied by the INSERT) */
  attachments: never[];
  channelUnitId: string;
  wordCount: number;
  verificationCode: string;
  submittedAt: Date;
  submittedBy: string;
}

export interface BatchPlan {
  id: string;
  campaignId: string;
  unitId: string;
  state: 'open' | 'signed_off';
  signedOffAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AwardPlan {
  id: string;
  year: number;
  solutionName: string;
  enterpriseName: string;
  uscc: string;
  category: string;
  recommenderName: string;
  recommenderUnitId: string;
  source: 'platform';
  applicationId: string;
  createdAt: Date;
}

export interface FollowUpPlan {
  id: string;
  campaignId: string;
  awardId: string;
  enterpriseId: string;
  state: 'draft' | 'submitted' | 'returned';
  data: Record<string, unknown>;
  draftVersion: number;
  returnComment: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export type ScaleStep =
  | { table: 'enterprises'; rows: EnterprisePlan[] }
  | { table: 'users'; rows: UserPlan[] }
  | { table: 'applications'; campaign: string; rows: ApplicationPlan[] }
  | { table: 'application_versions'; campaign: string; rows: VersionPlan[] }
  | { table: 'recommendation_batches'; campaign: string; rows: BatchPlan[] }
  | { table: 'awards'; campaign: string; rows: AwardPlan[] }
  | { table: 'follow_up_reports'; campaign: string; rows: FollowUpPlan[] };

// ---------------------------------------------------------------------------------------------
// Planning

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function fill(rng: Rng, template: string, o: string, f: string): string {
  return template
    .replaceAll('{o}', o)
    .replaceAll('{f}', f)
    .replaceAll('{n}', String(rng.int(3, 60)));
}

function paragraph(rng: Rng, sentences: readonly string[], o: string, f: string, n: number) {
  return Array.from({ length: n }, () => fill(rng, rng.pick(sentences), o, f)).join('');
}

const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const clampDate = (d: Date, lo: Date, hi: Date) =>
  new Date(Math.min(hi.getTime(), Math.max(lo.getTime(), d.getTime())));

/**
 * When a filing is submitted: over the weeks before the online deadline, most in its last days
 * (about half within 3 days, a tenth on the last day), in office hours but late on the last day.
 */
function submittedAtOf(rng: Rng, c: ScaleCampaign): Date {
  const windowDays = Math.max(
    1,
    Math.floor((c.onlineDeadline.getTime() - c.opensAt.getTime()) / DAY),
  );
  const daysBefore = rng.chance(0.6)
    ? Math.min(windowDays, Math.floor(-Math.log(1 - rng.next()) * 3))
    : rng.int(0, windowDays);
  const lastDay = new Date(`${beijingDay(c.onlineDeadline)}T00:00:00+08:00`).getTime();
  const hour = daysBefore === 0 && rng.chance(0.35) ? rng.int(18, 23) : rng.int(8, 19);
  const at = new Date(lastDay - daysBefore * DAY + hour * 3_600_000 + rng.int(0, 3_599) * 1000);
  return clampDate(at, c.opensAt, c.onlineDeadline);
}

function phoneOf(rng: Rng): string {
  return `1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

function personOf(rng: Rng): string {
  return rng.pick(words.SURNAMES) + rng.pick(words.GIVEN_NAMES);
}

function usccOf(rng: Rng, cityCode: string, taken: Set<string>): string {
  for (;;) {
    // 9 工商, 1 企业; the registering authority's district in the city; a 9-character org code
    const district = `${cityCode.slice(0, 4)}${String(rng.int(1, 30)).padStart(2, '0')}`;
    let org = rng.chance(0.7) ? 'MA' : '';
    while (org.length < 9) org += USCC_ALPHABET[rng.int(0, USCC_ALPHABET.length - 1)];
    const body = `91${district}${org}`;
    const code = body + usccCheckCharacter(body);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function round2(x: number) {
  return Math.round(x * 100) / 100;
}

interface Pickers {
  province: Weighted<ScaleReference['provinces'][number]>;
  division: Weighted<ScaleReference['divisions'][number]>;
  ownership: Weighted<string>;
  size: Weighted<(typeof words.SIZES)[number]>;
  deployment: Weighted<string>;
  followUpStatus: Weighted<string>;
  central: Weighted<number>;
}

function pickersOf(ref: ScaleReference): Pickers {
  const central = ref.units
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => u.type === 'central_enterprise');
  return {
    province: new Weighted(
      ref.provinces,
      ref.provinces.map((p) => words.PROVINCE_WEIGHTS[p.code] ?? 0.1),
    ),
    division: new Weighted(
      ref.divisions,
      ref.divisions.map((d) => words.DIVISION_WEIGHTS[d.code] ?? words.OTHER_DIVISION_WEIGHT),
    ),
    ownership: new Weighted(
      words.OWNERSHIPS.map((o) => o[0]),
      words.OWNERSHIPS.map((o) => o[1]),
    ),
    size: new Weighted(
      words.SIZES,
      words.SIZES.map((s) => s[1]),
    ),
    deployment: new Weighted(
      words.DEPLOYMENTS.map((d) => d[0]),
      words.DEPLOYMENTS.map((d) => d[1]),
    ),
    followUpStatus: new Weighted(
      words.FOLLOW_UP_STATUSES.map((d) => d[0]),
      words.FOLLOW_UP_STATUSES.map((d) => d[1]),
    ),
    // the first groups of the SASAC list (the larger ones) file more
    central: central.length
      ? new Weighted(
          central.map((c) => c.i),
          central.map((_, k) => 1 / (1 + k / 10)),
        )
      : new Weighted([-1], [1]),
  };
}

function planEnterprise(
  rng: Rng,
  ref: ScaleReference,
  pick: Pickers,
  n: number,
  names: Set<string>,
): EnterprisePlan {
  const province = pick.province.pick(rng);
  // the capital city (first listed) a little heavier
  const city =
    province.cities.length && rng.chance(0.3)
      ? province.cities[0]!
      : province.cities.length
        ? rng.pick(province.cities)
        : { code: province.code, name: province.name };
  const short = city.name.replace(/(市|地区|自治州|盟|（县）)$/, '').slice(0, 4);
  let name = '';
  for (let i = 0; !name || names.has(name); i++) {
    name = `${short}${rng.pick(words.NAME_WORDS)}${rng.pick(words.NAME_TRADES)}${rng.pick(words.NAME_FORMS)}`;
    if (i > 5) name = name.replace(/有限/, `${rng.pick(words.NAME_WORDS)}有限`);
  }
  names.add(name);
  const [size, , median] = pick.size.pick(rng);
  const ownership = pick.ownership.pick(rng);
  const central = ownership === '国有企业' && rng.chance(0.45) ? pick.central.pick(rng) : null;
  const associations = ref.units
    .map((u, i) => (u.type === 'association' ? i : -1))
    .filter((i) => i >= 0);
  const association = associations.length && rng.chance(0.04) ? rng.pick(associations) : null;
  const id = rng.uuid();
  return {
    id,
    name,
    uscc: usccOf(rng, city.code, ref.takenUscc),
    provinceCode: province.code,
    cityCode: city.code,
    contactName: personOf(rng),
    phone: phoneOf(rng),
    email: `e${n}.${id.slice(0, 8)}@scale.zhengxuan.invalid`,
    verificationStatus: 'unsubmitted',
    verifiedAt: null,
    createdAt: new Date(0),
    userId: rng.uuid(),
    provinceName: province.name,
    cityName: city.name,
    ownership,
    size,
    revenue: Math.min(5e8, round2(rng.logNormal(median, 0.7))),
    rdStaff: Math.max(
      1,
      Math.round(rng.logNormal(size === '大型' ? 600 : size === '中型' ? 80 : 15, 0.6)),
    ),
    centralUnit: central !== null && central >= 0 ? central : null,
    association,
    xpcc: province.code === '650000' && rng.chance(0.25),
  };
}

/** Its region's 主管部门, as `defaultChannel` routes it (a 计划单列市 before its province). */
function regionalUnit(ref: ScaleReference, e: EnterprisePlan) {
  return (
    ref.units.find((u) => u.type === 'plan_separate_city' && u.regionCode === e.cityCode) ??
    ref.units.find((u) => u.type === 'province' && u.regionCode === e.provinceCode) ??
    ref.units.find((u) => u.type === 'province')!
  );
}

function channelOf(rng: Rng, ref: ScaleReference, e: EnterprisePlan) {
  if (e.centralUnit !== null && rng.chance(0.8)) return ref.units[e.centralUnit]!;
  if (e.association !== null && rng.chance(0.6)) return ref.units[e.association]!;
  if (e.xpcc) {
    const x = ref.units.find((u) => u.type === 'xpcc');
    if (x) return x;
  }
  return regionalUnit(ref, e);
}

function industriesOf(rng: Rng, pick: Pickers): string[] {
  const out = new Set<string>();
  const n = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const d = pick.division.pick(rng);
    out.add(d.classes.length && rng.chance(0.7) ? rng.pick(d.classes) : d.code);
  }
  return [...out];
}

function appCountOf(rng: Rng): number {
  const r = rng.next();
  return r < 0.45 ? 1 : r < 0.65 ? 2 : r < 0.93 ? rng.int(3, 5) : rng.int(6, 10);
}

/** The data of a filled-in 2021 申报书 (as the form declares it), and how much of it a draft has. */
function applicationData(
  rng: Rng,
  pick: Pickers,
  c: ScaleCampaign,
  e: EnterprisePlan,
  solutionName: string,
  object: string,
  fn: string,
  complete: boolean,
): Record<string, unknown> {
  const categories = c.settings.categories;
  const category = new Weighted(
    categories,
    categories.map((k) => words.CATEGORY_WEIGHTS[k.code] ?? 1),
  ).pick(rng);
  const growth = 1.08 ** (c.year - 2017);
  const apps = Array.from({ length: appCountOf(rng) }, (_, i) => ({
    name: `${i === 0 ? object : rng.pick(words.SOLUTION_OBJECTS)}${rng.pick(words.SOLUTION_FUNCTIONS)}${rng.pick(words.APP_SUFFIXES)}`.slice(
      0,
      60,
    ),
    version: `V${rng.int(1, 5)}.${rng.int(0, 9)}.${rng.int(0, 20)}`,
    copyrightNo: `${c.year - rng.int(0, 3)}SR${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    function: `提供${fn}、数据可视化与报警推送等功能，支持移动端与PC端访问。`,
    deployment: pick.deployment.pick(rng),
    users: Math.round(rng.logNormal(120, 1.6)),
  }));
  const section = (key: keyof typeof words.SENTENCES, n: number) =>
    paragraph(rng, words.SENTENCES[key], object, fn, n);
  const data: Record<string, unknown> = {
    solution: {
      name: solutionName,
      category: category.code,
      focusAreas: rng.sample(category.focusAreas, rng.chance(0.7) ? 1 : 2),
      industries: industriesOf(rng, pick),
      businessStages: rng.sample(c.settings.businessStages, rng.int(1, 3)),
      platform: rng.pick(words.PLATFORMS),
      platformProvider: rng.chance(0.3)
        ? e.name
        : `${rng.pick(words.NAME_WORDS)}工业互联网有限公司`,
      paasServices: '设备接入、工业数据管理、工业模型、微服务组件',
      summary: `面向${object}场景，提供${fn}能力的工业APP解决方案，已在多家企业部署应用。`,
    },
    applicant: {
      name: e.name,
      uscc: e.uscc,
      region: e.cityCode,
      address: `${e.provinceName === e.cityName ? '' : e.provinceName}${e.cityName}${rng.pick(words.ROADS)}${rng.int(1, 999)}号`,
      ownership: e.ownership,
      size: e.size,
      revenue: Math.min(1e9, round2(e.revenue * growth * (0.85 + rng.next() * 0.3))),
      rdStaff: e.rdStaff,
      contactName: e.contactName,
      contactTitle: rng.pick(words.TITLES),
      phone: e.phone,
      email: e.email,
      coApplicants: rng.chance(0.1)
        ? [
            {
              name: `${rng.pick(words.NAME_WORDS)}${rng.pick(words.NAME_TRADES)}有限公司`,
              uscc: usccOf(rng, e.cityCode, new Set()),
              role: '参与方案设计与现场实施',
            },
          ]
        : [],
    },
    apps: { items: apps },
    text: {
      needs: section('needs', rng.int(1, 2)),
      approach: section('approach', rng.int(2, 3)),
      practice: section('practice', rng.int(1, 2)),
      theory: section('theory', 1),
      results: section('results', rng.int(1, 2)),
      value: section('value', 1),
    },
    ip: {
      ownership: rng.chance(0.8) ? words.IP_OWNERSHIPS[0] : rng.pick(words.IP_OWNERSHIPS),
      ipDescription: `拥有软件著作权${rng.int(1, 12)}项、发明专利${rng.int(0, 6)}项。`,
      deploymentStatus: rng.chance(0.5) ? '已实现产业化' : '已部署应用',
      deploymentEvidence: `已在${rng.int(1, 80)}家企业部署应用，累计用户${apps.reduce((n, a) => n + a.users, 0)}个。`,
      certificates: [],
    },
    figures: { figures: [], tables: [], other: [] },
    declaration: { truthful: true, signer: personOf(rng) },
  };
  if (complete) return data;
  // a draft: the account's details and some of the rest
  const drop = rng.sample(['apps', 'text', 'ip', 'declaration', 'figures'], rng.int(1, 4));
  for (const k of drop) delete data[k];
  return data;
}

function solutionNameOf(rng: Rng, taken: Set<string>) {
  for (;;) {
    const object = rng.pick(words.SOLUTION_OBJECTS);
    const fn = rng.pick(words.SOLUTION_FUNCTIONS);
    let name = `${object}${fn}${rng.pick(words.SOLUTION_KINDS)}`;
    if (taken.has(name)) name = `${rng.pick(words.NAME_WORDS)}${name}`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, object, fn };
    }
  }
}

/** How many of `total` filings each campaign gets: about a fifth more every year. */
export function applicationsPerCampaign(total: number, campaigns: number): number[] {
  const w = Array.from({ length: campaigns }, (_, i) => 1.22 ** i);
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  out[campaigns - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

interface AwardContext {
  award: AwardPlan;
  enterprise: EnterprisePlan;
  object: string;
  fn: string;
}

/** The 附件4 of one award, as filled in for a campaign: valid for the follow-up form. */
function followUpData(rng: Rng, pick: Pickers, a: AwardContext, c: ScaleCampaign) {
  const years = revenueYearsOf({ awardYear: a.award.year, campaignYear: c.year });
  let amount = rng.logNormal(300, 1.2);
  const revenue = years.map((year) => {
    amount *= 0.9 + rng.next() * 0.7;
    return { year, amount: round2(Math.min(1e8, amount)) };
  });
  const releases = rng.int(1, 4);
  const versions = Array.from({ length: releases }, (_, i) => {
    const from = new Date(`${a.award.year}-12-01T00:00:00+08:00`).getTime();
    const span = Math.max(DAY, c.opensAt.getTime() - from);
    const at = new Date(from + ((i + rng.next()) / releases) * span);
    return {
      version: `V${2 + i}.${rng.int(0, 9)}`,
      date: beijingDay(at),
      change: `优化${a.fn}算法，新增${rng.pick(words.SOLUTION_FUNCTIONS)}功能，提升系统稳定性。`,
    };
  });
  const reached = industriesOf(rng, pick);
  if (rng.chance(0.5))
    for (const x of industriesOf(rng, pick)) if (!reached.includes(x)) reached.push(x);
  return {
    promotion: {
      newCustomers: Math.round(rng.logNormal(25, 1)),
      industriesReached: reached,
      description: paragraph(rng, words.FOLLOW_UP_SENTENCES, a.object, a.fn, 2),
    },
    revenue,
    versions,
    status: {
      state: pick.followUpStatus.pick(rng),
      description: `目前系统运行${rng.chance(0.8) ? '稳定' : '基本稳定'}，下一步将继续拓展${rng.pick(words.SOLUTION_OBJECTS)}等场景。`,
    },
  };
}

/**
 * Every row of a scale dataset, table by table, oldest campaign first (each campaign's awards
 * before the next campaign's 附件4 reports name them). `campaigns` oldest first; the last is
 * the newest (its filings stop at 报送: forwarded); the older ones have their later stages.
 */
export function* planScale(
  ref: ScaleReference,
  campaigns: ScaleCampaign[],
  opts: Pick<ScaleOptions, 'applications' | 'seed'>,
): Generator<ScaleStep> {
  const rng = new Rng(opts.seed);
  const pick = pickersOf(ref);
  const perCampaign = applicationsPerCampaign(opts.applications, campaigns.length);
  const enterpriseCount = Math.max(1, Math.round(opts.applications * 0.42));
  const names = new Set<string>();
  const enterprises = Array.from({ length: enterpriseCount }, (_, n) =>
    planEnterprise(rng, ref, pick, n, names),
  );

  // who files how often (a few enterprises file every year, most once or twice), and how far
  // each filing got before the recommenders: drawn first, so that who was verified is known
  const filers = perCampaign.map((count, ci) => {
    const who = new Int32Array(count);
    const started = new Array<ApplicationState>(count);
    const newest = ci === campaigns.length - 1;
    const perEnterprise = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      let k = 0;
      for (let tries = 0; tries < 6; tries++) {
        k = Math.floor(enterpriseCount * rng.next() ** 1.4);
        if ((perEnterprise.get(k) ?? 0) < 3) break;
      }
      perEnterprise.set(k, (perEnterprise.get(k) ?? 0) + 1);
      who[i] = k;
      const r = rng.next();
      started[i] =
        r < (newest ? 0.13 : 0.1)
          ? 'draft'
          : r < (newest ? 0.16 : 0.125)
            ? 'returned'
            : 'submitted';
    }
    return { who, started };
  });
  const first = new Int32Array(enterpriseCount).fill(-1);
  const submittedEver = new Set<number>();
  filers.forEach(({ who, started }, ci) => {
    who.forEach((k, i) => {
      if (first[k] === -1) first[k] = ci;
      if (started[i] !== 'draft') submittedEver.add(k);
    });
  });
  enterprises.forEach((e, k) => {
    // registered before its first filing (or, never filing, during some campaign)
    const c = campaigns[first[k] === -1 ? rng.int(0, campaigns.length - 1) : first[k]!]!;
    e.createdAt = new Date(
      c.opensAt.getTime() - rng.int(1, 60) * DAY - rng.int(0, DAY / 1000) * 1000,
    );
    // those who submitted were verified before they could be recommended
    if (submittedEver.has(k)) {
      e.verificationStatus = 'verified';
      e.verifiedAt = new Date(e.createdAt.getTime() + rng.int(1, 5) * DAY);
    }
  });
  yield { table: 'enterprises', rows: enterprises };
  yield {
    table: 'users',
    rows: enterprises.map((e) => ({
      id: e.userId,
      login: e.uscc,
      email: e.email,
      name: e.contactName,
      phone: e.phone,
      role: 'enterprise' as const,
      passwordHash: NO_PASSWORD,
      enterpriseId: e.id,
      createdAt: e.createdAt,
    })),
  };

  const awards: AwardContext[] = [];
  const newestYear = campaigns.at(-1)!.year;
  type Planned = {
    app: ApplicationPlan;
    e: EnterprisePlan;
    object: string;
    fn: string;
    unit: ScaleReference['units'][number];
  };
  for (let ci = 0; ci < campaigns.length; ci++) {
    const c = campaigns[ci]!;
    const newest = ci === campaigns.length - 1;
    const solutionNames = new Set<string>();
    const rows: Planned[] = [];
    const { who, started } = filers[ci]!;
    for (let i = 0; i < who.length; i++) {
      const e = enterprises[who[i]!]!;
      const unit = channelOf(rng, ref, e);
      const state = started[i]!;
      const { name, object, fn } = solutionNameOf(rng, solutionNames);
      const data = applicationData(rng, pick, c, e, name, object, fn, state !== 'draft');
      const facts = factsOf(c.form, data);
      const submittedAt = state === 'draft' ? null : submittedAtOf(rng, c);
      const createdAt =
        submittedAt === null
          ? new Date(
              c.opensAt.getTime() + rng.next() * (c.onlineDeadline.getTime() - c.opensAt.getTime()),
            )
          : new Date(
              submittedAt.getTime() -
                rng.next() * Math.min(15 * DAY, submittedAt.getTime() - c.opensAt.getTime()),
            );
      const createdAfter = new Date(
        Math.max(createdAt.getTime(), e.createdAt.getTime() + 3_600_000),
      );
      rows.push({
        e,
        object,
        fn,
        unit,
        app: {
          id: rng.uuid(),
          campaignId: c.id,
          enterpriseId: e.id,
          channelUnitId: unit.id,
          state,
          formId: c.form.id,
          data,
          draftVersion: rng.int(1, 25),
          wordCount: facts.wordCount,
          solutionName: facts.solutionName,
          facts,
          currentVersionNo: submittedAt ? 1 : null,
          returnComment:
            state === 'returned' ? '请补充应用成效的量化指标和软件著作权证明材料' : null,
          rejectReason: null,
          recommendRank: null,
          decidedAt:
            state === 'returned'
              ? clampDate(
                  new Date(submittedAt!.getTime() + rng.int(1, 4) * DAY),
                  submittedAt!,
                  c.onlineDeadline,
                )
              : null,
          createdAt: createdAfter,
          updatedAt:
            submittedAt ?? new Date(createdAfter.getTime() + rng.int(0, 3 * 24) * 3_600_000),
          updatedBy: e.userId,
          submittedAt,
        },
      });
    }

    // recommenders' decisions: the best within the unit's quota are recommended, some of the
    // rest are refused; the newest call stops at 报送, older ones went on to awards
    const byUnit = new Map<string, typeof rows>();
    for (const row of rows)
      if (row.app.state === 'submitted')
        byUnit.set(row.unit.id, [...(byUnit.get(row.unit.id) ?? []), row]);
    const batches: BatchPlan[] = [];
    const afterDeadline = (lo: number, hi: number) =>
      new Date(c.onlineDeadline.getTime() + rng.int(lo * 24, hi * 24) * 3_600_000);
    for (const [unitId, list] of byUnit) {
      const unit = list[0]!.unit;
      const quota = effectiveQuota(c.settings, unit);
      const chosen = Math.min(quota, Math.ceil(list.length * 0.6));
      const signedOff = !newest || rng.chance(0.85);
      const signedOffAt = signedOff ? afterDeadline(5, 20) : null;
      list.forEach((row, i) => {
        const a = row.app;
        if (i < chosen) {
          a.state = signedOff ? 'forwarded' : 'recommended';
          a.recommendRank = i + 1;
          a.decidedAt = afterDeadline(1, 4);
        } else if (rng.chance(0.35)) {
          a.state = 'rejected_by_recommender';
          a.rejectReason = '方案创新性和推广价值不足，本次不予推荐';
          a.decidedAt = afterDeadline(1, 4);
        }
        if (a.state === 'forwarded' && !newest) {
          const r = rng.next();
          a.state =
            r < 0.08
              ? 'ineligible'
              : r < 0.68
                ? 'not_selected'
                : r < 0.99
                  ? c.year + c.settings.awardValidityYears >= newestYear
                    ? 'awarded'
                    : 'expired'
                  : 'revoked';
        }
        if (a.decidedAt)
          a.updatedAt = new Date(Math.max(a.updatedAt.getTime(), a.decidedAt.getTime()));
      });
      if (chosen > 0)
        batches.push({
          id: rng.uuid(),
          campaignId: c.id,
          unitId,
          state: signedOff ? 'signed_off' : 'open',
          signedOffAt,
          createdAt: afterDeadline(0, 1),
          updatedAt: signedOffAt ?? afterDeadline(1, 2),
        });
    }
    yield { table: 'applications', campaign: c.code, rows: rows.map((r) => r.app) };
    yield {
      table: 'application_versions',
      campaign: c.code,
      rows: rows
        .filter((r) => r.app.submittedAt)
        .map(({ app }) => ({
          id: rng.uuid(),
          applicationId: app.id,
          versionNo: 1,
          attachments: [],
          channelUnitId: app.channelUnitId,
          wordCount: app.wordCount,
          // what identifies the version (not its whole content, which is slow to hash at scale)
          verificationCode: verificationCodeOf({
            applicationId: app.id,
            versionNo: 1,
            campaignId: app.campaignId,
            enterpriseId: app.enterpriseId,
            channelUnitId: app.channelUnitId,
          }),
          submittedAt: app.submittedAt!,
          submittedBy: app.updatedBy,
        })),
    };
    yield { table: 'recommendation_batches', campaign: c.code, rows: batches };

    // 附件4 of this campaign: the winners of its follow-up years (made by the older campaigns)
    const due = awards.filter((a) => c.settings.followUpAwardYears.includes(a.award.year));
    const reports: FollowUpPlan[] = [];
    for (const a of due) {
      const r = rng.next();
      if (r < 0.1) continue; // not started
      const state = r < 0.18 ? 'draft' : r < 0.22 ? 'returned' : 'submitted';
      const submittedAt = state === 'draft' ? null : submittedAtOf(rng, c);
      const createdAt = new Date(
        (submittedAt ?? c.onlineDeadline).getTime() - rng.int(1, 20) * DAY,
      );
      reports.push({
        id: rng.uuid(),
        campaignId: c.id,
        awardId: a.award.id,
        enterpriseId: a.enterprise.id,
        state,
        data: followUpData(rng, pick, a, c),
        draftVersion: rng.int(1, 8),
        returnComment: state === 'returned' ? '请按年度补充市场收入' : null,
        submittedAt,
        createdAt: clampDate(createdAt, c.opensAt, c.onlineDeadline),
        updatedAt: submittedAt ?? c.onlineDeadline,
        updatedBy: a.enterprise.userId,
      });
    }
    yield { table: 'follow_up_reports', campaign: c.code, rows: reports };

    // this campaign's winners
    const won: AwardContext[] = [];
    for (const r of rows) {
      if (!['awarded', 'expired', 'revoked'].includes(r.app.state)) continue;
      won.push({
        enterprise: r.e,
        object: r.object,
        fn: r.fn,
        award: {
          id: rng.uuid(),
          year: c.year,
          solutionName: r.app.solutionName,
          enterpriseName: r.e.name,
          uscc: r.e.uscc,
          category:
            c.settings.categories.find((k) => k.code === r.app.facts.category)?.name ??
            r.app.facts.category ??
            '',
          recommenderName: r.unit.name,
          recommenderUnitId: r.unit.id,
          source: 'platform',
          applicationId: r.app.id,
          createdAt: new Date(c.onlineDeadline.getTime() + rng.int(60, 90) * DAY),
        },
      });
    }
    awards.push(...won);
    yield { table: 'awards', campaign: c.code, rows: won.map((w) => w.award) };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface ScaleTotals {
  campaigns: { code: string; year: number; applications: number }[];
  rows: Record<ScaleStep['table'], number>;
  states: Record<string, number>;
  seconds: number;
}

/** The campaigns to fill, oldest first: copies of the 2021 call for earlier years, then 2021. */
async function scaleCampaigns(deps: Deps, count: number): Promise<ScaleCampaign[]> {
  const out: CampaignRow[] = [];
  for (let i = count - 1; i >= 1; i--) {
    const year = NEWEST.year - i;
    const code = `${SCALE_CAMPAIGN_PREFIX}${year}`;
    let c = await findCampaign(deps.db, code);
    if (!c) {
      const created = await copyCampaign(
        deps,
        NEWEST.code,
        {
          code,
          year,
          title: `【规模测试】${year}年工业互联网APP优秀解决方案征集遴选`,
          docNumber: `规模测试数据（复制自${NEWEST.docNumber}）`,
          opensAt: `${year}-09-17T00:00:00.000+08:00`,
          onlineDeadline: endOfDayShanghai(`${year}-10-20`),
          paperDeadline: endOfDayShanghai(`${year}-10-20`),
          isDemo: false,
        },
        SEEDER,
      );
      // its 附件4 is for the winners of the two years before it
      await repo.setCampaignSettings(deps.db, created.id, {
        ...created.settings,
        followUpAwardYears: [year - 2, year - 1],
      });
      c = (await findCampaign(deps.db, created.id))!;
    }
    out.push(c);
  }
  out.push((await findCampaign(deps.db, NEWEST.code))!);
  return Promise.all(
    out.map(async (c) => ({
      id: c.id,
      code: c.code,
      year: c.year,
      opensAt: c.opensAt,
      onlineDeadline: c.onlineDeadline,
      paperDeadline: c.paperDeadline,
      settings: c.settings,
      form: await formOfCampaign(deps.db, c),
      followUpForm: await formOfCampaign(deps.db, c, 'followUp'),
    })),
  );
}

export async function loadScaleReference(db: Db): Promise<ScaleReference> {
  const r = await repo.scaleReferenceRows(db);
  const provinces = r.regions
    .filter((p) => p.level === 1)
    .map((p) => ({
      code: p.code,
      name: p.name,
      cities: r.regions.filter((c) => c.level === 2 && c.parentCode === p.code),
    }));
  const classes = new Map<string, string[]>();
  for (const i of r.industries)
    if (i.level === 4)
      classes.set(i.code.slice(0, 2), [...(classes.get(i.code.slice(0, 2)) ?? []), i.code]);
  return {
    provinces,
    units: r.units,
    divisions: r.industries
      .filter((i) => i.level === 2)
      .map((d) => ({ code: d.code, section: d.section, classes: classes.get(d.code) ?? [] })),
    takenUscc: new Set(r.usccs),
  };
}

/** Fills the database; refuses a second run (its campaigns have their filings already). */
export async function seedScale(deps: Deps, opts: ScaleOptions): Promise<ScaleTotals> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const chunk = opts.chunk ?? 1000;
  if (await repo.readMeta(deps.db, 'scale_seed'))
    throw new ScaleSeededError('已生成过规模测试数据 / this database has scale data already');
  const totals: ScaleTotals = {
    campaigns: [],
    rows: {
      enterprises: 0,
      users: 0,
      applications: 0,
      application_versions: 0,
      recommendation_batches: 0,
      awards: 0,
      follow_up_reports: 0,
    },
    states: {},
    seconds: 0,
  };
  await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    await repo.lockSeeding(tx);
    const campaigns = await scaleCampaigns(txDeps, opts.campaigns);
    const ref = await loadScaleReference(tx);
    log(
      `活动 campaigns: ${campaigns.map((c) => c.code).join(', ')}; ${opts.applications} applications, seed ${opts.seed}`,
    );
    for (const step of planScale(ref, campaigns, opts)) {
      const t0 = performance.now();
      for (let i = 0; i < step.rows.length; i += chunk) {
        await repo.insertScaleRows(tx, step.table, step.rows.slice(i, i + chunk));
      }
      totals.rows[step.table] += step.rows.length;
      if (step.table === 'applications') {
        const c = campaigns.find((x) => x.code === step.campaign)!;
        totals.campaigns.push({ code: c.code, year: c.year, applications: step.rows.length });
        for (const a of step.rows) totals.states[a.state] = (totals.states[a.state] ?? 0) + 1;
      }
      if (step.rows.length)
        log(
          `  ${step.table}${'campaign' in step ? ` (${step.campaign})` : ''}: ${step.rows.length} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
    }
    const t0 = performance.now();
    await backfillStatKeys(tx); // 监测分析's keys of every submitted application, in one statement
    log(`  application_stat_keys: in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await repo.writeMeta(tx, 'scale_seed', {
      seed: opts.seed,
      campaigns: opts.campaigns,
      applications: opts.applications,
      at: deps.clock.now().toISOString(),
    });
  });
  await repo.analyzeScaleTables(deps.db);
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

export class ScaleSeededError extends Error {}
