// 动态监测分析 (issue 12): what the analysis counts and how it slices it. Pure rules: the stages an
// application reaches, the dimensions and filters the API accepts, revenue bands, and the public
// page's small-cell suppression. Figures come from applications' facts (domain/facts.ts), never
// from a field key of a particular form.
import { APPLICATION_STATES, type ApplicationState } from './application-states';
import { RECOMMENDER_UNIT_TYPES, type RecommenderUnitType } from './recommender-units';

/**
 * The funnel, in order. `registered` counts enterprises (accounts of the call's applicants);
 * `drafts` every application started; the rest count applications that reached the stage, whatever
 * happened after (a forwarded application was also recommended and submitted).
 */
export const FUNNEL_STAGES = [
  'registered',
  'drafts',
  'submitted',
  'recommended',
  'forwarded',
  'eligible',
  'selected',
  'awarded',
  'expired',
  'revoked',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, { zh: string; en: string }> = {
  registered: { zh: '注册企业', en: 'Registered enterprises' },
  drafts: { zh: '创建申报书', en: 'Applications started' },
  submitted: { zh: '提交申报', en: 'Submitted' },
  recommended: { zh: '获推荐', en: 'Recommended' },
  forwarded: { zh: '报送工信部', en: 'Forwarded' },
  eligible: { zh: '形式审查通过', en: 'Eligible' },
  selected: { zh: '入选', en: 'Selected' },
  awarded: { zh: '发布', en: 'Awarded' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** Application stages that a breakdown counts per bucket (the map switches between three). */
export const STAT_MEASURES = ['submitted', 'recommended', 'forwarded', 'awarded'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];

/** The states from `first` on, in the life's order (domain/application-states.ts). */
const from = (first: ApplicationState) =>
  APPLICATION_STATES.slice(APPLICATION_STATES.indexOf(first));
const FORWARDED_ON = from('forwarded'); // forwarded, the ministry's stages, and after the award

/** The states in which an application has reached (at least) the stage. */
export const STATES_REACHING: Record<
  Exclude<FunnelStage, 'registered' | 'drafts'>,
  ApplicationState[]
> = {
  // `returned` counts as submitted only when submitted_at is set (see `reached`); listed apart
  submitted: ['submitted', 'recommended', 'rejected_by_recommender', ...FORWARDED_ON],
  recommended: ['recommended', ...FORWARDED_ON],
  forwarded: FORWARDED_ON,
  eligible: from('under_review'),
  selected: ['selected', 'in_public_notice', ...from('awarded')],
  awarded: from('awarded'),
  expired: ['expired'],
  revoked: ['revoked'],
};

/** Whether an application in `state` (submitted at `submittedAt`) has reached `stage`. */
export function reached(
  stage: Exclude<FunnelStage, 'registered'>,
  state: ApplicationState,
  submittedAt: Date | string | null,
): boolean {
  if (stage === 'drafts') return true;
  if (stage === 'submitted' && state === 'returned') return submittedAt !== null;
  return STATES_REACHING[stage].includes(state);
}

/**
 * What a breakdown may slice by. Multi-valued facts (focus areas, stages, industries, deployment
 * modes) count an application once in each of its values, so their shares may add up to over 100%.
 */
export const STAT_DIMENSIONS = [
  'province', // 所在地区 → its 省级 code (GB/T 2260, e.g. 110000)
  'category', // 申报类别 (the campaign's four)
  'focusArea', // 聚焦领域
  'businessStage', // 业务环节
  'industrySection', // GB/T 4754 门类 (A…T)
  'industryDivision', // GB/T 4754 大类 (two digits); top 20, the rest as `_other`
  'ownership', // 企业性质
  'size', // 企业规模
  'revenueBand', // 营业收入 band (REVENUE_BANDS)
  'recommenderGroup', // 推荐单位类型
  'unit', // 推荐单位, with quota and quota use
  'deployment', // APP 部署方式
  'appCount', // APPs per solution (APP_COUNT_BANDS)
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export const STAT_DIMENSION_LABELS: Record<StatDimension, { zh: string; en: string }> = {
  province: { zh: '地区', en: 'Province' },
  category: { zh: '申报类别', en: 'Category' },
  focusArea: { zh: '聚焦领域', en: 'Focus area' },
  businessStage: { zh: '业务环节', en: 'Business stage' },
  industrySection: { zh: '行业门类', en: 'Industry section' },
  industryDivision: { zh: '行业大类', en: 'Industry division' },
  ownership: { zh: '企业性质', en: 'Ownership' },
  size: { zh: '企业规模', en: 'Size' },
  revenueBand: { zh: '营业收入', en: 'Revenue' },
  recommenderGroup: { zh: '推荐单位类型', en: 'Recommender type' },
  unit: { zh: '推荐单位', en: 'Recommender' },
  deployment: { zh: '部署方式', en: 'Deployment' },
  appCount: { zh: 'APP数量', en: 'APPs per solution' },
};

/** Dimensions an application may count in more than once. */
export const MULTI_VALUED_DIMENSIONS: readonly StatDimension[] = [
  'focusArea',
  'businessStage',
  'industrySection',
  'industryDivision',
  'deployment',
];

/** At most this many rows for `industryDivision`; the rest are summed in one `_other` row. */
export const TOP_INDUSTRY_DIVISIONS = 20;
export const OTHER_KEY = '_other';
/** The bucket of applications without the fact (e.g. region not filled in). */
export const UNKNOWN_KEY = '_unknown';
export const OTHER_LABEL = { zh: '其他', en: 'Other' };
export const UNKNOWN_LABEL = { zh: '未填写', en: 'Not given' };

/** 营业收入 bands, in 万元 (the form's unit): lower bound inclusive, upper exclusive. */
export const REVENUE_BANDS = [
  { key: 'lt1000', min: 0, max: 1_000, zh: '1000万元以下', en: '< 10M CNY' },
  { key: '1000to10000', min: 1_000, max: 10_000, zh: '1000万元至1亿元', en: '10M–100M CNY' },
  { key: '10000to100000', min: 10_000, max: 100_000, zh: '1亿元至10亿元', en: '100M–1B CNY' },
  { key: 'gte100000', min: 100_000, max: Infinity, zh: '10亿元及以上', en: '≥ 1B CNY' },
] as const;
export type RevenueBand = (typeof REVENUE_BANDS)[number]['key'];

export function revenueBandOf(revenue: number | null | undefined): RevenueBand | null {
  if (revenue === null || revenue === undefined || !Number.isFinite(revenue) || revenue < 0)
    return null;
  return REVENUE_BANDS.find((b) => revenue >= b.min && revenue < b.max)!.key;
}

/** APPs per solution, in bands. */
export const APP_COUNT_BANDS = [
  { key: '1', min: 1, max: 1, zh: '1个', en: '1' },
  { key: '2', min: 2, max: 2, zh: '2个', en: '2' },
  { key: '3to5', min: 3, max: 5, zh: '3–5个', en: '3–5' },
  { key: 'gt5', min: 6, max: Infinity, zh: '6个及以上', en: '6+' },
] as const;

export function appCountBandOf(n: number): string {
  if (n <= 0) return UNKNOWN_KEY;
  return APP_COUNT_BANDS.find((b) => n >= b.min && n <= b.max)!.key;
}

/** The 省级 code (GB/T 2260) of any region code: 110105 → 110000. Null when not a region code. */
export function provinceCodeOf(region: string | null | undefined): string | null {
  if (!region || !/^\d{6}$/.test(region)) return null;
  return `${region.slice(0, 2)}0000`;
}

/**
 * Filters every analysis request accepts; each narrows the applications counted. `province` is a
 * 省级 code; `industrySection` a 门类 letter (the drill-down to 大类 sends it).
 */
export interface StatFilters {
  province?: string;
  category?: string;
  focusArea?: string;
  industrySection?: string;
  recommenderGroup?: RecommenderUnitType;
  unitId?: string;
}
export const STAT_FILTER_KEYS = [
  'province',
  'category',
  'focusArea',
  'industrySection',
  'recommenderGroup',
  'unitId',
] as const satisfies readonly (keyof StatFilters)[];
export { RECOMMENDER_UNIT_TYPES };

/** Public figures below this are not shown (a count of 1 or 2 could name an enterprise). */
export const PUBLIC_MIN_CELL = 3;

/**
 * Small-cell suppression for the public page: counts 1…PUBLIC_MIN_CELL-1 become null; and when a
 * table's total is shown and exactly one cell was suppressed, the next smallest non-zero cell is
 * suppressed too, so the hidden one cannot be worked out by subtraction. Zero stays zero.
 */
export function suppressSmallCells(counts: readonly number[]): (number | null)[] {
  const out: (number | null)[] = counts.map((n) => (n > 0 && n < PUBLIC_MIN_CELL ? null : n));
  const hidden = out.filter((n) => n === null).length;
  if (hidden === 1) {
    let best = -1;
    out.forEach((n, i) => {
      if (n !== null && n > 0 && (best < 0 || n < (out[best] as number))) best = i;
    });
    if (best >= 0) out[best] = null;
  }
  return out;
}

/** Growth from `before` to `now` as a ratio (0.25 = +25%); null when there is nothing to compare. */
export function growth(now: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before === 0) return null;
  return (now - before) / before;
}

/** A ratio as a Chinese percentage with one decimal: 0.253 → "25.3%". */
export function percent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** Whole days from a moment to the deadline, in Beijing calendar days (the deadline day is 0). */
export function daysBeforeDeadline(at: Date, deadline: Date): number {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * 3_600_000) / 86_400_000);
  return day(deadline) - day(at);
}
