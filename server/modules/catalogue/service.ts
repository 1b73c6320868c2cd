// 宣传推广 / 开放数据 (issue 14): the public catalogue of published 优秀解决方案 — search with
// filters and counts, one solution with its list, history and approved 成果展示, the open-data
// files (JSON and CSV, the same records) and the Atom feed of the lists' changes. Everything here is
// public and read-only; statuses are as of today in Beijing (an expired validity shows 已过期
// whether or not the expiry has been recorded).
import {
  OPEN_DATA_FIELDS,
  PUBLISHED_EVENT_LABELS,
  openDataRecordSchema,
  type CatalogueDetail,
  type CatalogueItem,
  type CataloguePage,
  type CatalogueQuery,
  type OpenDataFile,
  type OpenDataRecord,
} from '../../../domain/api/catalogue';
import {
  PUBLISHED_STATUSES,
  PUBLISHED_STATUS_LABELS,
  parsePublicId,
  publishedStatusOn,
} from '../../../domain/publication';
import {
  REVOCATION_REASON_LABELS,
  expiresOnOf,
  type RevocationReason,
} from '../../../domain/award-lifecycle';
import { beijingDay } from '../../../domain/registry';
import { z } from '../../../domain/zod';
import { toCsv } from '../../lib/csv';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import * as repo from './repository';

type Row = repo.PublicSolutionRow;
type HistoryEvent = Awaited<ReturnType<typeof repo.allEvents>>[number];

const reasonLabelOf = (code: string | null) =>
  code ? (REVOCATION_REASON_LABELS[code as RevocationReason] ?? code) : null;

export const solutionPagePath = (publicId: string) => `/solutions/${encodeURIComponent(publicId)}`;
export const showcaseImagePath = (publicId: string, imageId: string) =>
  `/api/v1/published-solutions/${encodeURIComponent(publicId)}/showcase-images/${encodeURIComponent(imageId)}`;

const todayOf = (deps: Deps) => beijingDay(deps.clock.now());

/** Newest list first; within a year by series, then place in the list (001 before 1000). */
function sortByPublicId(rows: Row[]): Row[] {
  const keyed = rows.map((r) => ({ r, p: parsePublicId(r.publicId) }));
  keyed.sort((a, b) =>
    a.p && b.p
      ? b.p.year - a.p.year || a.p.series.localeCompare(b.p.series) || a.p.seq - b.p.seq
      : a.r.publicId.localeCompare(b.r.publicId),
  );
  return keyed.map((k) => k.r);
}

function itemOf(r: Row, today: string): CatalogueItem {
  const status = publishedStatusOn(r, today);
  return {
    publicId: r.publicId,
    year: r.year,
    solutionName: r.solutionName,
    enterpriseName: r.enterpriseName,
    category: r.category,
    categoryName: r.categoryName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    industries: r.industries,
    unitName: r.unitName,
    summary: r.summary,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status,
    statusLabel: PUBLISHED_STATUS_LABELS[status].zh,
  };
}

/** A region code's subtree: a province matches its cities and districts, a city its districts. */
export function regionMatches(filter: string, code: string | null): boolean {
  if (!code) return false;
  if (filter.endsWith('0000')) return code.startsWith(filter.slice(0, 2));
  if (filter.endsWith('00')) return code.startsWith(filter.slice(0, 4));
  return code === filter;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** listPublishedSolutions */
export async function listSolutions(deps: Deps, query: CatalogueQuery): Promise<CataloguePage> {
  const today = todayOf(deps);
  const rows = sortByPublicId(await repo.listPublicSolutions(deps.db));
  const [provinces, { sectionOf, sectionNames }] = await Promise.all([
    repo.provinceNames(deps.db),
    repo.industrySections(deps.db),
  ]);
  const words = query.q ? norm(query.q).split(/\s+/).filter(Boolean) : [];
  const industryMatches = (r: Row, f: string) =>
    r.industries.some((i) =>
      /^[A-T]$/.test(f) ? sectionOf.get(i.code) === f : i.code.startsWith(f),
    );

  type Filter = 'year' | 'category' | 'region' | 'industry' | 'status';
  const tests: Record<Filter, (r: Row) => boolean> = {
    year: (r) => query.year === undefined || r.year === query.year,
    category: (r) => query.category === undefined || r.category === query.category,
    region: (r) => query.region === undefined || regionMatches(query.region, r.regionCode),
    industry: (r) => query.industry === undefined || industryMatches(r, query.industry),
    status: (r) => query.status === undefined || publishedStatusOn(r, today) === query.status,
  };
  const searched = words.length
    ? rows.filter((r) => {
        const text = norm(`${r.solutionName}\n${r.enterpriseName}\n${r.summary}`);
        return words.every((w) => text.includes(w));
      })
    : rows;
  const except = (skip: Filter | null) =>
    searched.filter((r) =>
      (Object.keys(tests) as Filter[]).every((k) => k === skip || tests[k](r)),
    );
  const matched = except(null);

  const count = (list: Row[], keysOf: (r: Row) => string[], labelOf: (k: string) => string) => {
    const n = new Map<string, number>();
    for (const r of list) for (const k of new Set(keysOf(r))) n.set(k, (n.get(k) ?? 0) + 1);
    return [...n].map(([value, c]) => ({ value, label: labelOf(value), count: c }));
  };
  const categoryNames = new Map(rows.map((r) => [r.category, r.categoryName]));
  const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value);
  const facets = {
    years: count(
      except('year'),
      (r) => [String(r.year)],
      (k) => `${k}年`,
    ).sort((a, b) => Number(b.value) - Number(a.value)),
    categories: count(
      except('category'),
      (r) => [r.category],
      (k) => categoryNames.get(k) ?? k,
    ).sort(byValue),
    regions: count(
      except('region'),
      (r) => (r.regionCode ? [`${r.regionCode.slice(0, 2)}0000`] : []),
      (k) => provinces.get(k) ?? k,
    ).sort(byValue),
    industries: count(
      except('industry'),
      (r) => r.industries.map((i) => sectionOf.get(i.code)).filter((s): s is string => !!s),
      (k) => sectionNames.get(k) ?? k,
    ).sort(byValue),
    statuses: PUBLISHED_STATUSES.map((s) => ({
      value: s,
      label: PUBLISHED_STATUS_LABELS[s].zh,
      count: except('status').filter((r) => publishedStatusOn(r, today) === s).length,
    })),
  };
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matched.slice(start, start + query.pageSize).map((r) => itemOf(r, today)),
    total: matched.length,
    page: query.page,
    pageSize: query.pageSize,
    facets,
  };
}

export const notFound = () =>
  new AppError('NOT_FOUND', {
    message: '没有这个公开编号的优秀解决方案，请核对编号（如 2021-IIAPP-001）',
    messageEn: 'No published solution has this public id',
  });

/** getPublishedSolution: unknown or malformed ids are 404. */
export async function getSolution(deps: Deps, publicIdInput: string): Promise<CatalogueDetail> {
  const parsed = parsePublicId(publicIdInput);
  if (!parsed) throw notFound();
  const publicId = `${parsed.year}-${parsed.series}-${String(parsed.seq).padStart(3, '0')}`;
  const row = await repo.findPublicSolution(deps.db, publicId);
  if (!row) throw notFound();
  const [events, showcase] = await Promise.all([
    repo.eventsOf(deps.db, publicId),
    repo.approvedShowcase(deps.db, publicId),
  ]);
  return {
    ...itemOf(row, todayOf(deps)),
    apps: row.apps.map((a) => ({ name: a.name, version: a.version })),
    list: { title: row.listTitle, documentNo: row.documentNo, publishedOn: row.publishedOn },
    history: events.map((e) => ({
      kind: e.kind,
      kindLabel: PUBLISHED_EVENT_LABELS[e.kind],
      day: e.day,
      note: e.note,
      reasonLabel: reasonLabelOf(e.reasonCode),
    })),
    showcase:
      showcase && showcase.text !== null
        ? {
            text: showcase.text,
            images: (showcase.imageIds ?? []).map((id) => ({
              id,
              url: showcaseImagePath(publicId, id),
            })),
          }
        : null,
    url: `${deps.config.publicUrl}${solutionPagePath(publicId)}`,
  };
}

// ------------------------------------------------------------ open data

/** The JSON Schema of one open-data record (derived from the zod schema the files are built from). */
export const openDataJsonSchema = () => z.toJSONSchema(openDataRecordSchema);

function recordOf(
  r: Row,
  today: string,
  publicUrl: string,
  history: HistoryEvent[],
): OpenDataRecord {
  const status = publishedStatusOn(r, today);
  // the event that made the status what it is (an expiry not yet recorded: the day after validUntil)
  const change = status === 'valid' ? undefined : history.findLast((e) => e.kind === status);
  return {
    publicId: r.publicId,
    year: r.year,
    listTitle: r.listTitle,
    documentNo: r.documentNo,
    publishedOn: r.publishedOn,
    solutionName: r.solutionName,
    enterpriseName: r.enterpriseName,
    category: r.category,
    categoryName: r.categoryName,
    regionCode: r.regionCode ?? '',
    regionName: r.regionName,
    industryCodes: r.industries.map((i) => i.code),
    industryNames: r.industries.map((i) => i.name),
    recommenderUnit: r.unitName,
    summary: r.summary,
    apps: r.apps.map((a) => [a.name, a.version].filter(Boolean).join(' ')),
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    status,
    statusLabel: PUBLISHED_STATUS_LABELS[status].zh,
    url: `${publicUrl}${solutionPagePath(r.publicId)}`,
    statusChangedOn:
      status === 'valid'
        ? ''
        : (change?.day ?? (status === 'expired' ? expiresOnOf(r.validUntil) : '')),
    statusReason: reasonLabelOf(change?.reasonCode ?? null) ?? '',
    history: history.map((e) => {
      const reason = reasonLabelOf(e.reasonCode);
      return `${e.day} ${PUBLISHED_EVENT_LABELS[e.kind]}${reason ? `（${reason}）` : ''}`;
    }),
  };
}

/** The open data of one year's lists, or of all (year undefined); a year with no list is 404. */
export async function openData(deps: Deps, year?: number): Promise<OpenDataFile> {
  const today = todayOf(deps);
  const rows = sortByPublicId(await repo.listPublicSolutions(deps.db, year));
  const history = new Map<string, HistoryEvent[]>();
  for (const e of await repo.allEvents(deps.db, year)) {
    const list = history.get(e.publicId);
    if (list) list.push(e);
    else history.set(e.publicId, [e]);
  }
  if (year !== undefined && rows.length === 0)
    throw new AppError('NOT_FOUND', {
      message: `${year}年没有已发布的优秀解决方案名单`,
      messageEn: `No list was published for ${year}`,
    });
  return {
    title:
      year === undefined
        ? '工业互联网APP优秀解决方案名单（全部年度）'
        : `${year}年工业互联网APP优秀解决方案名单`,
    generatedOn: today,
    schema: `${deps.config.publicUrl}/api/v1/published-solutions/schema.json`,
    count: rows.length,
    items: rows.map((r) =>
      recordOf(r, today, deps.config.publicUrl, history.get(r.publicId) ?? []),
    ),
  };
}

/** The same records as CSV: UTF-8 with BOM, one column per field, lists joined with 「；」. */
export function openDataCsv(file: OpenDataFile): Buffer {
  const rows = file.items.map((r) =>
    OPEN_DATA_FIELDS.map((f) => {
      const v = r[f];
      return Array.isArray(v) ? v.join('；') : String(v);
    }),
  );
  return Buffer.from(`\uFEFF${toCsv([OPEN_DATA_FIELDS as string[], ...rows])}`, 'utf8');
}

// ------------------------------------------------------------ Atom

const xml = (s: string) =>
  s
    .replace(
      /[<>&'"]/g,
      (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
    )
    // characters XML 1.0 does not allow
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export const FEED_PATH = '/api/v1/published-solutions/changes.atom';

/** The latest 200 public changes of the lists (published, revoked, expired, withdrawn). */
export async function changesFeed(deps: Deps): Promise<string> {
  const base = deps.config.publicUrl;
  const events = await repo.latestEvents(deps.db, 200);
  const updated = (events[0]?.at ?? new Date(0)).toISOString();
  const host = new URL(base).hostname;
  const entries = events.map((e) => {
    const label = PUBLISHED_EVENT_LABELS[e.kind];
    const link = `${base}${solutionPagePath(e.publicId)}`;
    return `  <entry>
    <id>tag:${xml(host)},2021:published-solution-event:${e.id}</id>
    <title>${xml(`${label}：${e.solutionName}（${e.publicId}）`)}</title>
    <updated>${e.at.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xml(link)}"/>
    <summary>${xml(`${e.day} ${label}：${e.enterpriseName}「${e.solutionName}」，公开编号 ${e.publicId}。${e.note}`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(base + FEED_PATH)}</id>
  <title>工业互联网APP优秀解决方案名单变动</title>
  <subtitle>名单发布、撤销、有效期届满和企业退出</subtitle>
  <updated>${updated}</updated>
  <author><name>征选平台</name></author>
  <link rel="self" type="application/atom+xml" href="${xml(base + FEED_PATH)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/solutions`)}"/>
${entries.join('\n')}
</feed>
`;
}

/** The published lists, for the catalogue page's open-data links. */
export const publishedLists = (deps: Deps) => repo.listLists(deps.db);
