// 评审结果 (issue 13): what the experts' submitted reviews say about each application, as numbers
// a panel can defend — mean, trimmed mean (去掉一个最高分和一个最低分), median and spread per
// application; each expert's scores normalised (z-scores within the expert's own reviews in the
// panel, rescaled to the panel's mean and spread) so that a harsh or lenient expert does not decide
// the ranking; each expert's leniency; flags for disagreement, outlier experts and missing reviews;
// and a ranking per panel. Pure: no I/O. Totals come in already weighted (domain/review
// weightedTotal, 0–100).

/** An application reviewed in a round, in the panel it is reviewed in. */
export interface ResultApplication {
  id: string;
  panelId: string;
  /** the solution's name: the last tie-break of the ranking */
  name: string;
}

/** One submitted review: its weighted total (0–100). */
export interface ResultReview {
  applicationId: string;
  expertId: string;
  total: number;
}

export interface ResultOptions {
  /** reviews each application should have (the round's) */
  reviewsPerApplication: number;
  /** an application's totals disagree when their standard deviation is above this (default 15) */
  disagreementSd?: number;
  /** … or their range is above this (default 30) */
  disagreementRange?: number;
  /** an expert is an outlier when |leniency| > this × the sd of the experts' means (default 1.5) */
  outlierFactor?: number;
  /** the leniency rule needs at least this many experts with reviews in the panel (default 3) */
  outlierMinExperts?: number;
  /** the correlation rule needs at least this many applications shared with others (default 5) */
  correlationMinApplications?: number;
}

export const RESULT_DEFAULTS = {
  disagreementSd: 15,
  disagreementRange: 30,
  outlierFactor: 1.5,
  outlierMinExperts: 3,
  correlationMinApplications: 5,
} as const;

export type ApplicationFlag =
  | { code: 'high_disagreement'; sd: number; range: number }
  | { code: 'missing_reviews'; submitted: number; needed: number; missing: number }
  | { code: 'outlier_expert'; expertIds: string[] };

export const APPLICATION_FLAG_LABELS: Record<ApplicationFlag['code'], string> = {
  high_disagreement: '专家意见分歧大',
  missing_reviews: '评审份数不足',
  outlier_expert: '含偏离专家的评分',
};

export type OutlierReason = 'lenient' | 'harsh' | 'negative_correlation';
export const OUTLIER_REASON_LABELS: Record<OutlierReason, string> = {
  lenient: '打分明显偏松',
  harsh: '打分明显偏严',
  negative_correlation: '与其他专家评分负相关',
};

export interface ApplicationResult {
  applicationId: string;
  panelId: string;
  name: string;
  /** submitted reviews */
  n: number;
  needed: number;
  /** raw totals, in the order given */
  totals: number[];
  mean: number | null;
  /** 去掉一个最高分和一个最低分 — with fewer than 3 reviews, the mean (`trimmed` false) */
  trimmedMean: number | null;
  trimmed: boolean;
  median: number | null;
  /** population standard deviation of the totals */
  sd: number | null;
  range: number | null;
  /** mean of the reviews' normalised values */
  normalisedMean: number | null;
  /** 1… within the panel; null without reviews (listed last) */
  rank: number | null;
  flags: ApplicationFlag[];
}

export interface ExpertResult {
  expertId: string;
  panelId: string;
  n: number;
  mean: number;
  sd: number;
  /** the expert's mean less the panel's mean: above 0 lenient, below 0 harsh */
  leniency: number;
  /** Pearson r of the expert's totals against the others' mean on the same applications */
  correlation: number | null;
  outlier: boolean;
  reasons: OutlierReason[];
}

export interface ReviewResult extends ResultReview {
  panelId: string;
  /** (total − the expert's mean) / the expert's sd in the panel; 0 when that sd is 0 or n = 1 */
  z: number;
  /** panel mean + z × panel sd */
  normalised: number;
}

export interface PanelResult {
  panelId: string;
  /** submitted reviews in the panel */
  n: number;
  /** mean and population sd of every raw total in the panel (null without reviews) */
  mean: number | null;
  sd: number | null;
  /** population sd of the experts' means (what the leniency rule compares against) */
  expertMeansSd: number | null;
  /** ranked: rank 1 first, unreviewed applications last (by name) */
  applications: ApplicationResult[];
  experts: ExpertResult[];
  reviews: ReviewResult[];
}

// ------------------------------------------------------------------ statistics

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Population standard deviation (divides by n). */
export function populationSd(xs: readonly number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** 去掉一个最高分和一个最低分: the mean of the rest; with fewer than 3 values, the mean. */
export function trimmedMean(xs: readonly number[]): { value: number | null; trimmed: boolean } {
  if (xs.length < 3) return { value: mean(xs), trimmed: false };
  const s = [...xs].sort((a, b) => a - b);
  return { value: mean(s.slice(1, -1)), trimmed: true };
}

/** Pearson's r; null when either side has no spread or there are fewer than 2 pairs. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx < EPS || syy < EPS) return null;
  return sxy / Math.sqrt(sxx * syy);
}

const EPS = 1e-9;

function byOrder(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return Math.abs(a - b) < EPS ? 0 : b - a; // higher first
}

// ------------------------------------------------------------------ results

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

function panelResult(
  panelId: string,
  apps: ResultApplication[],
  reviews: ResultReview[],
  o: Required<ResultOptions>,
): PanelResult {
  const totals = reviews.map((r) => r.total);
  const panelMean = mean(totals);
  const panelSd = populationSd(totals);

  // each expert over their own reviews in this panel
  const byExpert = groupBy(reviews, (r) => r.expertId);
  const expertStats = new Map<string, { n: number; mean: number; sd: number }>();
  for (const [expertId, list] of byExpert) {
    const xs = list.map((r) => r.total);
    expertStats.set(expertId, { n: xs.length, mean: mean(xs)!, sd: populationSd(xs)! });
  }
  const reviewResults: ReviewResult[] = reviews.map((r) => {
    const s = expertStats.get(r.expertId)!;
    const z = s.n < 2 || s.sd < EPS ? 0 : (r.total - s.mean) / s.sd;
    return { ...r, panelId, z, normalised: panelMean! + z * panelSd! };
  });

  // leniency against the panel's mean; the outlier rule against the spread of the experts' means
  const expertMeans = [...expertStats.values()].map((s) => s.mean);
  const expertMeansSd = populationSd(expertMeans);
  const byApp = groupBy(reviews, (r) => r.applicationId);
  const experts: ExpertResult[] = [...expertStats].map(([expertId, s]) => {
    const leniency = s.mean - panelMean!;
    // the expert's totals against the others' mean on the applications they share
    const mine: number[] = [];
    const others: number[] = [];
    for (const r of byExpert.get(expertId)!) {
      const rest = byApp.get(r.applicationId)!.filter((x) => x.expertId !== expertId);
      if (!rest.length) continue;
      mine.push(r.total);
      others.push(mean(rest.map((x) => x.total))!);
    }
    const correlation = mine.length >= o.correlationMinApplications ? pearson(mine, others) : null;
    const reasons: OutlierReason[] = [];
    if (
      expertStats.size >= o.outlierMinExperts &&
      expertMeansSd! > EPS &&
      Math.abs(leniency) > o.outlierFactor * expertMeansSd! + EPS
    )
      reasons.push(leniency > 0 ? 'lenient' : 'harsh');
    if (correlation !== null && correlation < -EPS) reasons.push('negative_correlation');
    return {
      expertId,
      panelId,
      n: s.n,
      mean: s.mean,
      sd: s.sd,
      leniency,
      correlation,
      outlier: reasons.length > 0,
      reasons,
    };
  });
  const outliers = new Set(experts.filter((e) => e.outlier).map((e) => e.expertId));

  const normalisedOf = groupBy(reviewResults, (r) => r.applicationId);
  const results: ApplicationResult[] = apps.map((a) => {
    const list = byApp.get(a.id) ?? [];
    const xs = list.map((r) => r.total);
    const sd = populationSd(xs);
    const range = xs.length ? Math.max(...xs) - Math.min(...xs) : null;
    const t = trimmedMean(xs);
    const flags: ApplicationFlag[] = [];
    if (xs.length >= 2 && (sd! > o.disagreementSd + EPS || range! > o.disagreementRange + EPS))
      flags.push({ code: 'high_disagreement', sd: sd!, range: range! });
    const bad = list.filter((r) => outliers.has(r.expertId)).map((r) => r.expertId);
    if (bad.length) flags.push({ code: 'outlier_expert', expertIds: bad });
    if (xs.length < o.reviewsPerApplication)
      flags.push({
        code: 'missing_reviews',
        submitted: xs.length,
        needed: o.reviewsPerApplication,
        missing: o.reviewsPerApplication - xs.length,
      });
    return {
      applicationId: a.id,
      panelId,
      name: a.name,
      n: xs.length,
      needed: o.reviewsPerApplication,
      totals: xs,
      mean: mean(xs),
      trimmedMean: t.value,
      trimmed: t.trimmed,
      median: median(xs),
      sd,
      range,
      normalisedMean: mean((normalisedOf.get(a.id) ?? []).map((r) => r.normalised)),
      rank: null,
      flags,
    };
  });

  // by the normalised mean; ties by the trimmed mean, then the raw mean, then the name
  results.sort(
    (a, b) =>
      byOrder(a.normalisedMean, b.normalisedMean) ||
      byOrder(a.trimmedMean, b.trimmedMean) ||
      byOrder(a.mean, b.mean) ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      (a.applicationId < b.applicationId ? -1 : 1),
  );
  let rank = 0;
  for (const r of results) if (r.n > 0) r.rank = ++rank;

  return {
    panelId,
    n: reviews.length,
    mean: panelMean,
    sd: panelSd,
    expertMeansSd,
    applications: results,
    experts: experts.sort((a, b) => a.leniency - b.leniency || (a.expertId < b.expertId ? -1 : 1)),
    reviews: reviewResults,
  };
}

/**
 * Results per panel, in the order the panels are given. Reviews of applications not listed are
 * ignored (each review counts in its application's panel).
 */
export function reviewResults(
  panelIds: readonly string[],
  applications: readonly ResultApplication[],
  reviews: readonly ResultReview[],
  options: ResultOptions,
): PanelResult[] {
  const o: Required<ResultOptions> = { ...RESULT_DEFAULTS, ...options };
  const panelOf = new Map(applications.map((a) => [a.id, a.panelId]));
  const appsByPanel = groupBy(applications, (a) => a.panelId);
  const reviewsByPanel = groupBy(
    reviews.filter((r) => panelOf.has(r.applicationId)),
    (r) => panelOf.get(r.applicationId)!,
  );
  return panelIds.map((id) =>
    panelResult(id, appsByPanel.get(id) ?? [], reviewsByPanel.get(id) ?? [], o),
  );
}
