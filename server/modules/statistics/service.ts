// 监测分析 (issue 12): key figures, funnel, breakdowns, the filing curve, past winners' growth, the
// applications behind a number, the public page. Counting happens in SQL (repository); here the
// buckets get their labels, declared buckets their zeros, and campaigns their previous one.
import {
  STAT_CHARTS,
  type Breakdown,
  type BreakdownRow,
  type DrillDown,
  type Overview,
  type PublicStatistics,
  type Timeline,
  type WinnerMonitoring,
} from '../../../domain/api/statistics';
import { fieldAt } from '../../../domain/facts';
import type { FormDeclaration, FormField } from '../../../domain/form';
import { followUpFactsOf, followUpStatusOptions } from '../../../domain/follow-up-facts';
import { FORM_TEMPLATES, followUpFormTemplate } from '../../../domain/forms';
import {
  effectiveQuota,
  RECOMMENDER_UNIT_TYPE_LABELS,
  RECOMMENDER_UNIT_TYPES,
} from '../../../domain/recommender-units';
import {
  APP_COUNT_BANDS,
  daysBeforeDeadline,
  FUNNEL_STAGE_LABELS,
  FUNNEL_STAGES,
  growth,
  MULTI_VALUED_DIMENSIONS,
  OTHER_KEY,
  OTHER_LABEL,
  PUBLIC_MIN_CELL,
  percent,
  REVENUE_BANDS,
  STAT_DIMENSION_LABELS,
  TOP_INDUSTRY_DIVISIONS,
  UNKNOWN_KEY,
  UNKNOWN_LABEL,
  type FunnelStage,
  type StatDimension,
  type StatFilters,
  type StatMeasure,
} from '../../../domain/statistics';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { AppError } from '../../lib/errors';
import { findCampaign, formOfCampaign, type CampaignRow } from '../campaigns';
import * as repo from './repository';
import { drillDownItemView, figuresView, publicTableView } from './views';
import type { StatTable } from './xlsx';

/** Whose applications are counted: all, or one recommender unit's (a recommender's own). */
export type StatScope = { kind: 'all' } | { kind: 'unit'; unitId: string };

const scopeUnit = (scope: StatScope) => (scope.kind === 'unit' ? scope.unitId : null);
const ZERO = { submitted: 0, recommended: 0, forwarded: 0, awarded: 0 };

/** The campaign by id or code, or 404 未找到该征集活动. */
export async function statisticsCampaign(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
): Promise<CampaignRow> {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

// ------------------------------------------------------------------ labels

/** The options of the select field a fact binds (value → label), from the campaign's form. */
function optionLabels(field: FormField | undefined): Map<string, string> {
  if (!field || field.type !== 'select' || field.options.from !== 'list') return new Map();
  return new Map(field.options.values.map((v) => [v.value, v.label]));
}

async function applicationForm(db: Db, campaign: CampaignRow): Promise<FormDeclaration | null> {
  try {
    return await formOfCampaign(db, campaign);
  } catch {
    return null;
  }
}

/** A label for each bucket key of a dimension. */
async function labelsFor(
  db: Db,
  campaign: CampaignRow,
  dimension: StatDimension,
  keys: string[],
): Promise<(key: string) => string> {
  let names = new Map<string, string>();
  switch (dimension) {
    case 'province':
      names = await repo.regionNames(db);
      break;
    case 'category':
      names = new Map(campaign.settings.categories.map((c) => [c.code, c.name]));
      break;
    case 'industrySection':
    case 'industryDivision':
      names = await repo.industryNames(db, keys);
      break;
    case 'ownership':
    case 'size': {
      const form = await applicationForm(db, campaign);
      const path = form?.facts?.[dimension];
      names = optionLabels(form && path ? fieldAt(form, path) : undefined);
      break;
    }
    case 'deployment': {
      const form = await applicationForm(db, campaign);
      const apps = form?.facts?.apps;
      const group = form && apps ? fieldAt(form, apps.path) : undefined;
      const sub =
        group?.type === 'group' && apps?.deployment
          ? group.fields.find((f) => f.key === apps.deployment)
          : undefined;
      names = optionLabels(sub);
      break;
    }
    case 'revenueBand':
      names = new Map(REVENUE_BANDS.map((b) => [b.key, b.zh]));
      break;
    case 'appCount':
      names = new Map(APP_COUNT_BANDS.map((b) => [b.key, b.zh]));
      break;
    case 'recommenderGroup':
      names = new Map(RECOMMENDER_UNIT_TYPES.map((t) => [t, RECOMMENDER_UNIT_TYPE_LABELS[t].zh]));
      break;
    case 'unit':
      names = new Map((await repo.unitsByIds(db, keys)).map((u) => [u.id, u.name]));
      break;
    case 'focusArea':
    case 'businessStage':
      break;
  }
  return (key) =>
    key === UNKNOWN_KEY
      ? UNKNOWN_LABEL.zh
      : key === OTHER_KEY
        ? OTHER_LABEL.zh
        : (names.get(key) ?? key);
}

/** Buckets a chart shows even when empty: the campaign's categories, stages, the bands, groups. */
function declaredKeys(
  campaign: CampaignRow,
  dimension: StatDimension,
  filters: StatFilters,
): string[] {
  const s = campaign.settings;
  const categories = filters.category
    ? s.categories.filter((c) => c.code === filters.category)
    : s.categories;
  switch (dimension) {
    case 'category':
      return categories.map((c) => c.code);
    case 'focusArea':
      return [...new Set(categories.flatMap((c) => c.focusAreas))];
    case 'businessStage':
      return [...s.businessStages];
    case 'revenueBand':
      return REVENUE_BANDS.map((b) => b.key);
    case 'appCount':
      return APP_COUNT_BANDS.map((b) => b.key);
    case 'recommenderGroup':
      return filters.recommenderGroup ? [filters.recommenderGroup] : [...RECOMMENDER_UNIT_TYPES];
    default:
      return [];
  }
}

// ------------------------------------------------------------------ breakdown

const byCount = (a: repo.Counts & { key: string }, b: repo.Counts & { key: string }) =>
  b.submitted - a.submitted || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function breakdownRows(
  db: Db,
  campaign: CampaignRow,
  unitId: string | null,
  dimension: StatDimension,
  filters: StatFilters,
): Promise<{ rows: BreakdownRow[]; total: repo.Counts; keep: string[] | null }> {
  const counted = await repo.countByDimension(db, campaign.id, dimension, filters, unitId);
  let list = counted.rows;
  for (const key of declaredKeys(campaign, dimension, filters))
    if (!list.some((r) => r.key === key)) list.push({ key, ...ZERO });
  list.sort(byCount);
  let keep: string[] | null = null;
  if (dimension === 'industryDivision') {
    const known = list.filter((r) => r.key !== UNKNOWN_KEY);
    if (known.length > TOP_INDUSTRY_DIVISIONS) {
      keep = known.slice(0, TOP_INDUSTRY_DIVISIONS).map((r) => r.key);
      const other = await repo.countOther(db, campaign.id, dimension, keep, filters, unitId);
      list = [
        ...list.filter((r) => r.key === UNKNOWN_KEY || keep!.includes(r.key)),
        { key: OTHER_KEY, ...other },
      ].sort(byCount);
    }
  }
  const label = await labelsFor(
    db,
    campaign,
    dimension,
    list.map((r) => r.key),
  );
  const units =
    dimension === 'unit'
      ? new Map(
          (
            await repo.unitsByIds(
              db,
              list.map((r) => r.key),
            )
          ).map((u) => [u.id, u]),
        )
      : null;
  const rows = list.map((r) => {
    const unit = units?.get(r.key);
    return {
      key: r.key,
      label: label(r.key),
      submitted: r.submitted,
      recommended: r.recommended,
      forwarded: r.forwarded,
      awarded: r.awarded,
      quota: unit ? effectiveQuota(campaign.settings, unit) : null,
    };
  });
  return { rows, total: counted.total, keep };
}

/**
 * Submitted applications of the campaign per bucket of a dimension, sorted by submitted (then
 * key); a unit scope adds the same over every unit (`national`) to compare with.
 */
export async function statisticsBreakdown(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  dimension: StatDimension,
  filters: StatFilters,
): Promise<Breakdown> {
  const { unitId: _unit, ...rest } = filters;
  const [own, all] = await Promise.all([
    breakdownRows(deps.db, campaign, scopeUnit(scope), dimension, filters),
    scope.kind === 'unit' ? breakdownRows(deps.db, campaign, null, dimension, rest) : null,
  ]);
  const national = all ? { total: all.total, rows: all.rows } : null;
  return { dimension, total: own.total, rows: own.rows, national };
}

// ------------------------------------------------------------------ overview

/** The campaign before this one: the nearest earlier year (the latest opened of that year). */
async function previousCampaign(db: Db, campaign: CampaignRow) {
  const all = await repo.campaignsByYear(db);
  return all.filter((c) => c.year < campaign.year).at(-1) ?? null;
}

/**
 * 注册企业 for the funnel — enterprises registered (not released) by the campaign's online
 * deadline (or now, if earlier). For a unit (the scope's or a `unitId` filter): a province or
 * 计划单列市 unit counts the enterprises of its region (province_code, or city_code for a city
 * code); a unit without a region (兵团, central enterprises, associations) counts the enterprises
 * that started an application in the campaign through it. A province filter narrows to the
 * enterprises registered in that province. The other filters do not apply to enterprises.
 */
async function registered(
  db: Db,
  campaign: CampaignRow,
  scope: StatScope,
  filters: StatFilters,
): Promise<number> {
  const unitIds = [scopeUnit(scope), filters.unitId].filter((x): x is string => !!x);
  const rule: repo.RegisteredRule = { until: campaign.onlineDeadline, provinces: [] };
  if (filters.province) rule.provinces.push(filters.province);
  for (const unit of await repo.unitsByIds(db, [...new Set(unitIds)])) {
    const region = unit.regionCode;
    if (
      region &&
      /^\d{6}$/.test(region) &&
      ['province', 'plan_separate_city', 'xpcc'].includes(unit.type)
    ) {
      if (region.endsWith('0000')) rule.provinces.push(region);
      else (rule.cities ??= []).push(region);
    } else (rule.throughUnits ??= []).push(unit.id);
  }
  if (unitIds.length > 1 && unitIds[0] !== unitIds[1]) return 0;
  return repo.countRegistered(db, rule, campaign.id);
}

/** Key figures, the previous campaign's, the funnel, every year's figures and awards by year. */
export async function statisticsOverview(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  filters: StatFilters,
): Promise<Overview> {
  const db = deps.db;
  const unitId = scopeUnit(scope);
  const [campaigns, figures, neverSubmitted, registeredCount] = await Promise.all([
    repo.campaignsByYear(db),
    repo.campaignFigures(db, filters, unitId),
    repo.countNeverSubmitted(db, campaign.id, filters, unitId),
    registered(db, campaign, scope, filters),
  ]);
  const byCampaign = new Map(figures.map((f) => [f.campaignId, f]));
  const own = byCampaign.get(campaign.id);
  const previous = campaigns.filter((c) => c.year < campaign.year).at(-1);
  const stageCount = (stage: FunnelStage): number =>
    stage === 'registered'
      ? registeredCount
      : stage === 'drafts'
        ? (own?.submitted ?? 0) + neverSubmitted
        : (own?.[stage] ?? 0);
  const unitIds = [unitId, filters.unitId].filter((x): x is string => !!x);
  const [awards, units] = await Promise.all([
    repo.awardsByYear(db, unitIds, filters.recommenderGroup),
    unitId ? repo.unitsByIds(db, [unitId]) : Promise.resolve([]),
  ]);
  return {
    campaign: figuresView(campaign, own),
    previous: previous ? figuresView(previous, byCampaign.get(previous.id)) : null,
    funnel: FUNNEL_STAGES.map((stage) => ({
      stage,
      label: FUNNEL_STAGE_LABELS[stage].zh,
      count: stageCount(stage),
    })),
    years: campaigns.map((c) => figuresView(c, byCampaign.get(c.id))),
    awardsByYear: awards,
    unit: units[0] ? { id: units[0].id, name: units[0].name } : null,
  };
}

// ------------------------------------------------------------------ timeline

const DAY = 86_400_000;
/** The Beijing calendar day of a moment, YYYY-MM-DD. */
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
/** At most this many days on a curve (a call lasts weeks; this bounds a misconfigured one). */
const MAX_DAYS = 1000;

async function curve(
  db: Db,
  campaignId: string,
  deadline: Date,
  unitId: string | null,
  filters: StatFilters,
): Promise<Timeline['points']> {
  const days = await repo.submissionsByDay(db, campaignId, filters, unitId);
  if (!days.length) return [];
  const counts = new Map(days.map((d) => [d.day, d.count]));
  const first = days[0]!.day;
  const lastDay = days.at(-1)!.day;
  const deadlineDay = beijingDay(deadline);
  const end = lastDay > deadlineDay ? lastDay : deadlineDay;
  const points: Timeline['points'] = [];
  let cumulative = 0;
  for (let t = dayStart(first).getTime(); points.length < MAX_DAYS; t += DAY) {
    const date = beijingDay(new Date(t));
    if (date > end) break;
    const submitted = counts.get(date) ?? 0;
    cumulative += submitted;
    points.push({
      date,
      daysBeforeDeadline: daysBeforeDeadline(new Date(t), deadline),
      submitted,
      cumulative,
    });
  }
  return points;
}

/**
 * First submissions per Beijing day, from the first to the deadline (or the last, if later), with
 * the cumulative count; and the previous campaign's curve by days before its own deadline.
 */
export async function filingTimeline(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  filters: StatFilters,
): Promise<Timeline> {
  const unitId = scopeUnit(scope);
  const prev = await previousCampaign(deps.db, campaign);
  const [points, prevPoints] = await Promise.all([
    curve(deps.db, campaign.id, campaign.onlineDeadline, unitId, filters),
    prev
      ? curve(deps.db, prev.id, new Date(prev.onlineDeadline), unitId, filters)
      : Promise.resolve([]),
  ]);
  return {
    onlineDeadline: campaign.onlineDeadline.toISOString(),
    points,
    previous: prev
      ? {
          campaignId: prev.id,
          year: prev.year,
          onlineDeadline: new Date(prev.onlineDeadline).toISOString(),
          points: prevPoints,
        }
      : null,
  };
}

// ------------------------------------------------------------------ winners (附件4)

/**
 * The campaign's 附件4 form with its follow-up bindings: a form stored before the bindings
 * existed takes them from the template it was copied from (same id).
 */
async function followUpForm(db: Db, campaign: CampaignRow): Promise<FormDeclaration> {
  let form: FormDeclaration;
  try {
    form = await formOfCampaign(db, campaign, 'followUp');
  } catch {
    form = followUpFormTemplate();
  }
  if (form.followUpFacts) return form;
  const template = FORM_TEMPLATES[form.id];
  return template?.kind === 'followUp'
    ? { ...form, followUpFacts: template.form.followUpFacts }
    : form;
}

/**
 * Past winners' growth from the submitted 附件4 reports of the campaign, read through the
 * follow-up facts of the campaign's form (never its field keys). Narrowed by the award's unit
 * (scope, unitId), its unit's group, its category and the reporting enterprise's province.
 */
export async function winnerMonitoring(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  filters: StatFilters,
): Promise<WinnerMonitoring> {
  const db = deps.db;
  const years = campaign.settings.followUpAwardYears;
  const unitIds = [scopeUnit(scope), filters.unitId].filter((x): x is string => !!x);
  const categoryName = filters.category
    ? (campaign.settings.categories.find((c) => c.code === filters.category)?.name ??
      filters.category)
    : undefined;
  const narrowing = { ...filters, categoryName };
  const [expected, reports, form] = await Promise.all([
    repo.countExpectedFollowUps(db, years, unitIds, narrowing),
    repo.submittedFollowUps(db, campaign.id, years, unitIds, narrowing),
    followUpForm(db, campaign),
  ]);
  const facts = reports.map((r) => followUpFactsOf(form, r.data));
  const revenue = new Map<number, { total: number; reports: number }>();
  const industries = new Map<string, number>();
  const statuses = new Map<string, number>();
  let newCustomers = 0;
  let versions = 0;
  let stopped = 0;
  for (const f of facts) {
    newCustomers += f.newCustomers;
    versions += f.versionCount;
    if (f.stopped) stopped++;
    const status = f.status ?? UNKNOWN_KEY;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    for (const code of f.industriesReached) industries.set(code, (industries.get(code) ?? 0) + 1);
    const seen = new Set<number>();
    for (const r of f.revenue) {
      const y = revenue.get(r.year) ?? { total: 0, reports: 0 };
      y.total += r.amount;
      if (!seen.has(r.year)) y.reports++;
      seen.add(r.year);
      revenue.set(r.year, y);
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const revenueByYear = [...revenue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => ({
      year,
      total: round(y.total),
      reports: y.reports,
      growth: growth(y.total, revenue.get(year - 1)?.total),
    }));
  const names = await repo.industryNames(db, [...industries.keys()]);
  const options = followUpStatusOptions(form);
  const byStatus = options.map((o) => ({
    key: o.value,
    label: o.label,
    count: statuses.get(o.value) ?? 0,
  }));
  for (const [key, count] of statuses)
    if (!options.some((o) => o.value === key))
      byStatus.push({ key, label: key === UNKNOWN_KEY ? UNKNOWN_LABEL.zh : key, count });
  const submitted = facts.length;
  return {
    expected,
    submitted,
    revenueByYear,
    newCustomers,
    industriesReached: [...industries.entries()]
      .map(([code, count]) => ({ code, label: names.get(code) ?? code, count }))
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
    versionUpdates: { total: versions, perReport: submitted ? versions / submitted : null },
    byStatus,
    inOperationShare: submitted ? (submitted - stopped) / submitted : null,
  };
}

// ------------------------------------------------------------------ drill-down

export interface DrillDownQuery extends StatFilters {
  dimension?: StatDimension;
  key?: string;
  stage: StatMeasure;
  page: number;
  pageSize: number;
}

/** The applications behind one number (a bucket, a stage, the filters), newest submission first. */
export async function statisticsDrillDown(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  query: DrillDownQuery,
): Promise<DrillDown> {
  const { dimension, key, stage, page, pageSize, ...filters } = query;
  if ((dimension === undefined) !== (key === undefined))
    throw new AppError('VALIDATION_FAILED', {
      message: '请同时指定 dimension 与 key',
      details: [{ path: dimension ? 'key' : 'dimension', message: '请同时指定 dimension 与 key' }],
    });
  const unitId = scopeUnit(scope);
  let keep: string[] | undefined;
  if (dimension === 'industryDivision' && key === OTHER_KEY)
    keep = (await breakdownRows(deps.db, campaign, unitId, dimension, filters)).keep ?? [];
  const { items, total } = await repo.listBehind(deps.db, {
    campaignId: campaign.id,
    filters,
    scopeUnitId: unitId,
    stage,
    ...(dimension && key ? { bucket: { dimension, key, ...(keep && { keep }) } } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: items.map(drillDownItemView),
    total,
  };
}

// ------------------------------------------------------------------ public page

/**
 * The public page: aggregates of submitted applications only, with counts of 1–2 suppressed per
 * table (and a second cell when one alone would be worked out from the total); the awarded count
 * only once the campaign has published awards. No enterprise or solution is named.
 */
export async function publicStatistics(
  deps: Pick<Deps, 'db' | 'clock'>,
  campaign: CampaignRow,
): Promise<PublicStatistics> {
  const all: StatScope = { kind: 'all' };
  const [overview, byProvince, byCategory, byGroup, published] = await Promise.all([
    repo.campaignFigures(deps.db, {}, null, [campaign.id]),
    statisticsBreakdown(deps, campaign, all, 'province', {}),
    statisticsBreakdown(deps, campaign, all, 'category', {}),
    statisticsBreakdown(deps, campaign, all, 'recommenderGroup', {}),
    repo.hasPublishedAwards(deps.db, campaign.id),
  ]);
  const figures = overview[0];
  return {
    campaign: { code: campaign.code, year: campaign.year, title: campaign.title },
    submitted: figures?.submitted ?? 0,
    provinces: figures?.provinces ?? 0,
    byProvince: publicTableView(byProvince),
    byCategory: publicTableView(byCategory),
    byRecommenderGroup: publicTableView(byGroup),
    awarded: published ? (figures?.awarded ?? 0) : null,
    minCell: PUBLIC_MIN_CELL,
    updatedAt: deps.clock.now().toISOString(),
  };
}

// ------------------------------------------------------------------ XLSX export

export type StatChart = (typeof STAT_CHARTS)[number];

const shanghaiMinute = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The scope and filters in Chinese words: 范围：北京市；地区=北京市；申报类别=… */
async function describeFilters(
  db: Db,
  campaign: CampaignRow,
  scope: StatScope,
  filters: StatFilters,
): Promise<string> {
  const unitIds = [scopeUnit(scope), filters.unitId].filter((x): x is string => !!x);
  const units = new Map((await repo.unitsByIds(db, unitIds)).map((u) => [u.id, u.name]));
  const parts: string[] = [];
  if (scope.kind === 'unit') parts.push(`推荐单位=${units.get(scope.unitId) ?? scope.unitId}`);
  if (filters.province)
    parts.push(`地区=${(await repo.regionNames(db)).get(filters.province) ?? filters.province}`);
  if (filters.category)
    parts.push(
      `申报类别=${campaign.settings.categories.find((c) => c.code === filters.category)?.name ?? filters.category}`,
    );
  if (filters.focusArea) parts.push(`聚焦领域=${filters.focusArea}`);
  if (filters.industrySection)
    parts.push(
      `行业门类=${(await repo.industryNames(db, [filters.industrySection])).get(filters.industrySection) ?? filters.industrySection}`,
    );
  if (filters.recommenderGroup)
    parts.push(`推荐单位类型=${RECOMMENDER_UNIT_TYPE_LABELS[filters.recommenderGroup].zh}`);
  if (filters.unitId && scope.kind !== 'unit')
    parts.push(`推荐单位=${units.get(filters.unitId) ?? filters.unitId}`);
  return parts.length ? parts.join('；') : '全部';
}

const MEASURE_HEADERS = ['提交申报', '获推荐', '报送工信部', '发布'];
const countsOf = (c: repo.Counts) => [c.submitted, c.recommended, c.forwarded, c.awarded];

/** A chart's table (the numbers its JSON answers), with the header and a 合计 row where it adds up. */
export async function statisticsTable(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
  scope: StatScope,
  chart: StatChart,
  filters: StatFilters,
): Promise<Omit<StatTable, 'title' | 'subtitle'> & { label: string }> {
  switch (chart) {
    case 'funnel': {
      const o = await statisticsOverview(deps, campaign, scope, filters);
      return {
        label: '申报漏斗',
        header: ['阶段', '数量'],
        rows: o.funnel.map((f) => [f.label, f.count]),
      };
    }
    case 'years': {
      const o = await statisticsOverview(deps, campaign, scope, filters);
      return {
        label: '历届对比',
        header: ['年度', '征集活动', ...MEASURE_HEADERS, '覆盖省份'],
        rows: o.years.map((y) => [y.year, y.title, ...countsOf(y), y.provinces]),
      };
    }
    case 'timeline': {
      const t = await filingTimeline(deps, campaign, scope, filters);
      return {
        label: '申报进度',
        header: ['日期', '距截止日（天）', '当日提交', '累计提交'],
        rows: t.points.map((p) => [p.date, p.daysBeforeDeadline, p.submitted, p.cumulative]),
        total: ['合计', '', t.points.at(-1)?.cumulative ?? 0, ''],
      };
    }
    case 'winners': {
      const w = await winnerMonitoring(deps, campaign, scope, filters);
      return {
        label: '往届获奖方案监测',
        header: ['年度', '市场收入（万元）', '填报份数', '较上年增长'],
        rows: w.revenueByYear.map((r) => [r.year, r.total, r.reports, percent(r.growth)]),
        after: [
          ['应报份数', w.expected],
          ['已报份数', w.submitted],
          ['新增客户数', w.newCustomers],
          ['版本更新次数', w.versionUpdates.total],
          ['仍在运行占比', percent(w.inOperationShare)],
          ...w.byStatus.map((s) => [`当前状态：${s.label}`, s.count]),
        ],
      };
    }
    default: {
      const dimension = chart;
      const b = await statisticsBreakdown(deps, campaign, scope, dimension, filters);
      const unit = dimension === 'unit';
      const quotaSum = b.rows.reduce((s, r) => s + (r.quota ?? 0), 0);
      return {
        label: STAT_DIMENSION_LABELS[dimension].zh,
        header: [
          STAT_DIMENSION_LABELS[dimension].zh,
          ...MEASURE_HEADERS,
          ...(unit ? ['推荐数量上限'] : []),
        ],
        rows: b.rows.map((r) => [r.label, ...countsOf(r), ...(unit ? [r.quota ?? ''] : [])]),
        total: ['合计', ...countsOf(b.total), ...(unit ? [quotaSum] : [])],
        ...(MULTI_VALUED_DIMENSIONS.includes(dimension) && {
          after: [['注：一份申报书可有多个取值，按每个取值分别计数；合计为申报书份数。']],
        }),
      };
    }
  }
}

/** The chart's table as a workbook, with its Chinese file name. */
export async function statisticsXlsx(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  campaign: CampaignRow,
  scope: StatScope,
  chart: StatChart,
  filters: StatFilters,
): Promise<{ bytes: Buffer; filename: string }> {
  const table = await statisticsTable(deps, campaign, scope, chart, filters);
  const filterText = await describeFilters(deps.db, campaign, scope, filters);
  const bytes = await runInWorker(deps.config, 'xlsx', 'statisticsTable', {
    table: {
      ...table,
      title: `${campaign.title}监测分析：${table.label}`,
      subtitle: `筛选条件：${filterText}；导出时间：${shanghaiMinute(deps.clock.now())}（北京时间）`,
    },
    sheetName: table.label,
  });
  return { bytes, filename: `监测分析-${table.label}-${campaign.year}.xlsx` };
}
