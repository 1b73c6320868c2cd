// 年度监测分析报告 (issue 12): the report's Chinese text, stated from the analysis' figures. Pure:
// the same Overview, Breakdown, Timeline and WinnerMonitoring the API answers with go in, the
// paragraphs come out. A figure that is missing (no previous campaign, no filing yet, no 附件4)
// gives no sentence rather than a sentence with a dash in it.
import type {
  Breakdown,
  BreakdownRow,
  Overview,
  Timeline,
  WinnerMonitoring,
} from './api/statistics';
import { growth, OTHER_KEY, percent, UNKNOWN_KEY } from './statistics';

/** Everything the report states, as the statistics module's service functions answer it. */
export interface ReportFacts {
  overview: Overview;
  category: Breakdown;
  province: Breakdown;
  industrySection: Breakdown;
  recommenderGroup: Breakdown;
  unit: Breakdown;
  deployment: Breakdown;
  appCount: Breakdown;
  timeline: Timeline;
  winners: WinnerMonitoring;
}

/** The paragraphs of each part of the report; an empty list means the part has nothing to say. */
export interface ReportText {
  /** no application submitted in the campaign: the report is short */
  empty: boolean;
  overview: string[];
  categories: string[];
  provinces: string[];
  industries: string[];
  recommenders: string[];
  timeline: string[];
  apps: string[];
  winners: string[];
}

/** The sentence of a campaign without a single submitted application. */
export const NO_FILINGS = '本届尚未收到申报。';
/** How many provinces the text names. */
export const TOP_PROVINCES = 5;
/** How many industries (门类) the text names. */
export const TOP_INDUSTRIES = 3;
/** The last days before the deadline whose share the timeline states (the deadline day counts). */
export const LAST_DAYS = 3;

// ---------------------------------------------------------------- wording

/** A share of a whole as "25.3%"; null when the whole is 0. */
export function shareOf(part: number, whole: number): string {
  return percent(whole > 0 ? part / whole : null);
}

/** "增长12.5%", "下降3.0%", "持平"; null when there is nothing to compare with. */
export function changeText(now: number, before: number | null | undefined): string | null {
  const g = growth(now, before);
  if (g === null) return null;
  if (percent(Math.abs(g)) === '0.0%') return '持平';
  return g > 0 ? `增长${percent(g)}` : `下降${percent(-g)}`;
}

/** Chinese enumeration: 甲、乙和丙. */
export function enumerate(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/** 万元 as a reader says it: 8,520.5万元 → "8520.5万元"; 123456 → "12.35亿元". */
export function yuanText(wan: number): string {
  if (!Number.isFinite(wan)) return '—';
  if (Math.abs(wan) >= 10_000) return `${trim((wan / 10_000).toFixed(2))}亿元`;
  return `${trim(wan.toFixed(1))}万元`;
}
const trim = (s: string) => s.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');

/** "2021-10-20" → "10月20日" (with the year when it is not `year`). */
export function dayText(isoDate: string, year?: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const [, y, mo, d] = m;
  return `${Number(y) === year ? '' : `${Number(y)}年`}${Number(mo)}月${Number(d)}日`;
}

/** The Beijing calendar date (YYYY-MM-DD) of an ISO moment. */
export function beijingDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "制造业30份"; a label ending in a Latin letter or digit keeps a space: "基础共性工业APP 5份". */
export function withCount(label: string, n: number, unit = '份'): string {
  return `${label}${/[A-Za-z0-9]$/.test(label) ? ' ' : ''}${n}${unit}`;
}

/** Rows with something counted, largest first (the breakdown's order among equals). */
function ranked(rows: BreakdownRow[], opts: { known?: boolean } = {}): BreakdownRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(
      ({ r }) => r.submitted > 0 && (!opts.known || (r.key !== UNKNOWN_KEY && r.key !== OTHER_KEY)),
    )
    .sort((a, b) => b.r.submitted - a.r.submitted || a.i - b.i)
    .map(({ r }) => r);
}

const unknownOf = (b: Breakdown) => b.rows.find((r) => r.key === UNKNOWN_KEY)?.submitted ?? 0;

// ---------------------------------------------------------------- the parts

/** The opening: totals, the largest category's share, 较上届, then the funnel and the years. */
export function overviewText(o: Overview, category?: Breakdown): string[] {
  const c = o.campaign;
  if (c.submitted === 0)
    return [
      `截至目前，${NO_FILINGS}` +
        (o.previous && o.previous.submitted > 0
          ? `上届（${o.previous.year}年）共收到${o.previous.submitted}份申报。`
          : ''),
    ];
  const from = c.provinces > 0 ? `来自${c.provinces}个省（区、市）的` : '';
  const top = category ? ranked(category.rows, { known: true })[0] : undefined;
  const largest =
    top && category!.total.submitted > 0
      ? `，其中${top.label}占${shareOf(top.submitted, category!.total.submitted)}`
      : '';
  const change = o.previous ? changeText(c.submitted, o.previous.submitted) : null;
  const vsPrevious =
    o.previous && change
      ? `，较上届（${o.previous.year}年，${o.previous.submitted}份）${change}`
      : '';
  const out = [`${c.title}共收到${from}${c.submitted}份申报${largest}${vsPrevious}。`];

  const steps: string[] = [];
  if (c.recommended > 0)
    steps.push(
      `经推荐单位审核，获推荐${c.recommended}份，占申报的${shareOf(c.recommended, c.submitted)}`,
    );
  else steps.push('推荐单位尚未推荐申报');
  if (c.forwarded > 0) steps.push(`报送工业和信息化部${c.forwarded}份`);
  if (c.awarded > 0) steps.push(`最终入选发布${c.awarded}份`);
  out.push(`${steps.join('；')}。`);

  // the history up to this campaign, when there is more of it than 较上届 says
  const years = o.years.filter((y) => y.submitted > 0 && y.year <= c.year);
  if (years.length >= 3) {
    const first = years[0]!;
    const last = years.at(-1)!;
    out.push(
      `历届申报数量依次为${years.map((y) => `${y.year}年${y.submitted}份`).join('、')}` +
        (last.year !== first.year
          ? `，${last.year}年较${first.year}年${changeText(last.submitted, first.submitted) ?? '持平'}`
          : '') +
        '。',
    );
  }
  return out;
}

export function categoryText(category: Breakdown): string[] {
  const total = category.total.submitted;
  if (total === 0) return [];
  const rows = ranked(category.rows);
  if (rows.length === 0) return [];
  const parts = rows.map(
    (r) => `${withCount(r.label, r.submitted)}，占${shareOf(r.submitted, total)}`,
  );
  return [`从申报类别看，${parts.join('；')}。`];
}

export function provinceText(province: Breakdown, overview: Overview): string[] {
  const total = province.total.submitted;
  if (total === 0) return [];
  const known = ranked(province.rows, { known: true });
  const out: string[] = [];
  if (known.length === 1) {
    const only = known[0]!;
    out.push(
      only.submitted === total
        ? `全部申报来自${only.label}。`
        : `已填写所在地区的申报均来自${only.label}，共${only.submitted}份。`,
    );
  } else if (known.length > 1 && known.length <= TOP_PROVINCES) {
    out.push(
      `从地区分布看，申报来自${enumerate(known.map((r) => `${r.label}（${r.submitted}份）`))}。`,
    );
  } else if (known.length > TOP_PROVINCES) {
    const top = known.slice(0, TOP_PROVINCES);
    const sum = top.reduce((s, r) => s + r.submitted, 0);
    out.push(
      `从地区分布看，申报数量居前${top.length}位的是${enumerate(top.map((r) => `${r.label}（${r.submitted}份）`))}，` +
        `合计占全部申报的${shareOf(sum, total)}。`,
    );
    const rest = known.slice(TOP_PROVINCES);
    if (rest.length > 0)
      out.push(
        `其余${rest.length}个省（区、市）共${rest.reduce((s, r) => s + r.submitted, 0)}份。`,
      );
  }
  const unknown = unknownOf(province);
  if (unknown > 0) out.push(`${unknown}份申报未填写所在地区。`);
  if (overview.campaign.awarded > 0) {
    const awarded = known.filter((r) => r.awarded > 0);
    if (awarded.length > 0) out.push(`入选发布的解决方案来自${awarded.length}个省（区、市）。`);
  }
  return out;
}

export function industryText(industry: Breakdown): string[] {
  const total = industry.total.submitted;
  if (total === 0) return [];
  const known = ranked(industry.rows, { known: true });
  if (known.length === 0) return [];
  const top = known.slice(0, TOP_INDUSTRIES);
  const out = [
    `从服务行业看，申报方案覆盖${known.length}个国民经济行业门类，` +
      `其中${top.map((r) => `${withCount(r.label, r.submitted)}（占${shareOf(r.submitted, total)}）`).join('，')}` +
      `${known.length > top.length ? `，居前${top.length}位` : ''}。`,
  ];
  if (known.reduce((s, r) => s + r.submitted, 0) > total)
    out.push('一个方案可服务多个行业，各行业占比之和超过100%。');
  const unknown = unknownOf(industry);
  if (unknown > 0) out.push(`${unknown}份申报未填写所服务行业。`);
  return out;
}

export function recommenderText(group: Breakdown, unit: Breakdown): string[] {
  const total = group.total.submitted;
  if (total === 0) return [];
  const rows = ranked(group.rows);
  const out: string[] = [];
  if (rows.length > 0)
    out.push(
      `从推荐渠道看，${rows.map((r) => `经${r.label}申报${r.submitted}份（占${shareOf(r.submitted, total)}）`).join('，')}。`,
    );
  const units = unit.rows.filter((r) => r.key !== UNKNOWN_KEY && r.key !== OTHER_KEY);
  const receiving = units.filter((r) => r.submitted > 0).length;
  const withQuota = units.filter((r) => r.quota !== null && r.quota > 0);
  const quota = withQuota.reduce((s, r) => s + (r.quota ?? 0), 0);
  const used = withQuota.reduce((s, r) => s + Math.min(r.recommended, r.quota ?? 0), 0);
  const full = withQuota.filter((r) => r.recommended >= (r.quota ?? 0)).length;
  if (receiving > 0) {
    let s = `共有${receiving}个推荐单位收到申报`;
    if (quota > 0) {
      s += `，推荐名额合计${quota}个，已使用${used}个（${shareOf(used, quota)}）`;
      if (full > 0) s += `，其中${full}个推荐单位用满名额`;
    }
    out.push(`${s}。`);
  }
  return out;
}

export function timelineText(timeline: Timeline, year: number): string[] {
  const points = timeline.points;
  const total = points.at(-1)?.cumulative ?? 0;
  if (total === 0) return [];
  const deadline = beijingDate(timeline.onlineDeadline);
  const out = [`网上申报于${dayText(deadline, year)}截止。`];
  const last = lastDaysShare(timeline);
  if (last.count > 0)
    out[0] += `截止前${LAST_DAYS}天内提交${last.count}份，占全部申报的${shareOf(last.count, total)}`;
  else out[0] += `截止前${LAST_DAYS}天内没有新的提交`;
  const prev = timeline.previous ? lastDaysShare(timeline.previous) : null;
  const prevTotal = timeline.previous?.points.at(-1)?.cumulative ?? 0;
  if (prev && prevTotal > 0) out[0] += `（上届为${shareOf(prev.count, prevTotal)}）`;
  out[0] += '。';
  const peak = points.reduce<(typeof points)[number] | null>(
    (best, p) => (p.submitted > (best?.submitted ?? 0) ? p : best),
    null,
  );
  if (peak) {
    const days = peak.daysBeforeDeadline;
    const when = days === 0 ? '截止当日' : days > 0 ? `截止前${days}天` : `截止后${-days}天`;
    out.push(
      `单日提交最多的是${dayText(peak.date, year)}（${when}），当日提交${peak.submitted}份。`,
    );
  }
  return out;
}

/** Submissions in the last LAST_DAYS days up to and including the deadline day. */
export function lastDaysShare(t: { points: Timeline['points'] }): { count: number } {
  return {
    count: t.points
      .filter((p) => p.daysBeforeDeadline >= 0 && p.daysBeforeDeadline < LAST_DAYS)
      .reduce((s, p) => s + p.submitted, 0),
  };
}

export function appsText(appCount: Breakdown, deployment: Breakdown): string[] {
  const out: string[] = [];
  const total = appCount.total.submitted;
  const bands = appCount.rows.filter((r) => r.key !== UNKNOWN_KEY && r.submitted > 0);
  if (total > 0 && bands.length > 0)
    out.push(
      `从APP数量看，${bands.map((r) => `包含${r.label}APP的方案${r.submitted}份（占${shareOf(r.submitted, total)}）`).join('，')}。`,
    );
  const dTotal = deployment.total.submitted;
  const modes = ranked(deployment.rows, { known: true });
  if (dTotal > 0 && modes.length > 0) {
    const [first, ...rest] = modes;
    let s = `从部署方式看，部署方式为${first!.label}的方案最多，占${shareOf(first!.submitted, dTotal)}`;
    if (rest.length > 0)
      s += `；其次为${enumerate(rest.map((r) => `${r.label}（${shareOf(r.submitted, dTotal)}）`))}`;
    out.push(`${s}。`);
    if (modes.reduce((a, r) => a + r.submitted, 0) > dTotal)
      out.push('一个方案的APP可有多种部署方式，各方式占比之和超过100%。');
  }
  return out;
}

export function winnersText(w: WinnerMonitoring): string[] {
  if (w.expected === 0 && w.submitted === 0) return [];
  const out: string[] = [];
  let first = `本届应报送附件4（工业互联网APP统计信息表）的往届获奖方案${w.expected}个`;
  first +=
    w.submitted > 0
      ? `，已报送${w.submitted}个${w.expected > 0 ? `（报送率${shareOf(w.submitted, w.expected)}）` : ''}。`
      : '，尚未收到报送。';
  out.push(first);
  if (w.submitted === 0) return out;
  const years = w.revenueByYear.filter((y) => y.reports > 0);
  const latest = years.at(-1);
  if (latest) {
    let s = `已报送方案${latest.year}年营业收入合计${yuanText(latest.total)}`;
    if (latest.growth !== null && Number.isFinite(latest.growth)) {
      const pct = percent(Math.abs(latest.growth));
      s += `，较上年${pct === '0.0%' ? '持平' : latest.growth > 0 ? `增长${pct}` : `下降${pct}`}`;
    }
    out.push(`${s}。`);
  }
  const facts: string[] = [];
  if (w.newCustomers > 0) facts.push(`新增客户${w.newCustomers}家`);
  if (w.industriesReached.length > 0) facts.push(`应用覆盖${w.industriesReached.length}个行业`);
  if (w.versionUpdates.total > 0) facts.push(`累计版本更新${w.versionUpdates.total}次`);
  if (facts.length > 0) out.push(`${facts.join('，')}。`);
  if (w.inOperationShare !== null)
    out.push(`已报送的方案中${percent(w.inOperationShare)}仍在运营。`);
  return out;
}

/** The whole report's text. */
export function reportText(f: ReportFacts): ReportText {
  const empty = f.overview.campaign.submitted === 0;
  const year = f.overview.campaign.year;
  return {
    empty,
    overview: overviewText(f.overview, f.category),
    categories: empty ? [] : categoryText(f.category),
    provinces: empty ? [] : provinceText(f.province, f.overview),
    industries: empty ? [] : industryText(f.industrySection),
    recommenders: empty ? [] : recommenderText(f.recommenderGroup, f.unit),
    timeline: empty ? [] : timelineText(f.timeline, year),
    apps: empty ? [] : appsText(f.appCount, f.deployment),
    winners: winnersText(f.winners),
  };
}
