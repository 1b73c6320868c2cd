// 监测分析: every figure is counted here, in SQL, over applications' facts (applications.facts),
// their state and their channel unit — the same statements on PGlite and PostgreSQL. Nothing is
// counted in JavaScript from lists of applications. A submitted application's buckets in the
// dimensions read from facts are derived here once (derivedKeysSql) and kept in
// application_stat_keys when it is submitted (refreshStatKeys); the figures group and filter on
// those rows instead of unpacking every application's jsonb facts on each request.
import { sql, type SQL } from 'drizzle-orm';
import {
  APP_COUNT_BANDS,
  OTHER_KEY,
  reached,
  REVENUE_BANDS,
  STATES_REACHING,
  UNKNOWN_KEY,
  type FunnelStage,
  type StatDimension,
  type StatFilters,
  type StatMeasure,
} from '../../../domain/statistics';
import type { RecommenderUnitType } from '../../../domain/recommender-units';
import { APPLICATION_STATES, type ApplicationState } from '../../../domain/application-states';
import type { Db } from '../../db/client';

/**
 * Runs an analysis statement with PostgreSQL's JIT off: the planner's guesses for set-returning
 * functions over jsonb (100–1000 rows each) push these statements over the JIT threshold, and
 * compiling them took longer (≈0.4 s) than running them. And without parallel workers: a
 * dashboard sends several requests at once, and on two cores starting and gathering workers cost
 * more than they saved (100,000 applications: the organizer overview's median 120 → 80 ms,
 * a province's industry breakdown 90 → 50 ms).
 */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    const res = (await tx.execute(query)) as unknown as { rows: T[] };
    return res.rows;
  });
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Whether the application (alias `a`) has reached the stage (domain STATES_REACHING / reached). */
export function reachedSql(stage: Exclude<FunnelStage, 'registered' | 'drafts'>): SQL {
  const states = sql.raw(STATES_REACHING[stage].map(lit).join(', '));
  if (stage === 'submitted')
    return sql`(a.state in (${states}) or (a.state = 'returned' and a.submitted_at is not null))`;
  return sql`(a.state in (${states}))`;
}
const SUBMITTED = reachedSql('submitted');

/** A jsonb array of the facts, or an empty one (facts of a draft may lack it). */
const arrayOf = (path: string) =>
  sql.raw(
    `(case when jsonb_typeof(a.facts->'${path}') = 'array' then a.facts->'${path}' else '[]'::jsonb end)`,
  );

/** The application's 省级 code: left(region, 2) || '0000' (domain provinceCodeOf), else `_unknown`. */
export const PROVINCE_SQL = sql.raw(
  `(case when a.facts->>'region' ~ '^[0-9]{6}$' then left(a.facts->>'region', 2) || '0000' else '${UNKNOWN_KEY}' end)`,
);

const textFact = (key: string) =>
  sql.raw(`coalesce(nullif(a.facts->>'${key}', ''), '${UNKNOWN_KEY}')`);

/** 营业收入 bands from the domain's REVENUE_BANDS (lower bound inclusive, upper exclusive). */
const REVENUE_BAND_SQL = sql.raw(
  `(case when jsonb_typeof(a.facts->'revenue') = 'number' and (a.facts->>'revenue')::numeric >= 0 then case ${REVENUE_BANDS.map(
    (b) =>
      Number.isFinite(b.max)
        ? `when (a.facts->>'revenue')::numeric < ${b.max} then '${b.key}'`
        : `else '${b.key}'`,
  ).join(' ')} end else '${UNKNOWN_KEY}' end)`,
);

/** APPs per solution in the domain's APP_COUNT_BANDS; none → `_unknown`. */
const APP_COUNT_SQL = sql.raw(
  `(case when jsonb_typeof(a.facts->'appCount') = 'number' and (a.facts->>'appCount')::numeric >= 1 then case ${APP_COUNT_BANDS.map(
    (b) =>
      Number.isFinite(b.max)
        ? `when (a.facts->>'appCount')::numeric <= ${b.max} then '${b.key}'`
        : `else '${b.key}'`,
  ).join(' ')} end else '${UNKNOWN_KEY}' end)`,
);

/**
 * The 门类 of an industry code `e` in the table, by a lookup on its key (a join here would be
 * planned as a hash of the whole table for every application).
 */
const SECTION_OF_E = sql`(select i.section from industries i where i.code = e)`;

/** The dimensions read from facts: their keys are kept in application_stat_keys. */
const STORED_DIMENSIONS = [
  'province',
  'category',
  'focusArea',
  'businessStage',
  'industrySection',
  'industryDivision',
  'ownership',
  'size',
  'revenueBand',
  'deployment',
  'appCount',
] as const satisfies readonly StatDimension[];
type StoredDimension = (typeof STORED_DIMENSIONS)[number];
const isStored = (d: StatDimension): d is StoredDimension =>
  (STORED_DIMENSIONS as readonly string[]).includes(d);
/** Dimensions whose keys an industrySection filter narrows to that 门类's codes. */
const bySection = (d: StatDimension) => d === 'industrySection' || d === 'industryDivision';

/** The values of a multi-valued fact, distinct, as a subquery of `v`; none → one `_unknown`. */
const multi = (values: SQL) =>
  sql`select coalesce(d.v, ${UNKNOWN_KEY}) as key, '' as section from (select 1) one
      left join (select distinct v from (${values}) x(v) where v <> '') d on true`;

/** Industry codes' (key, 门类) pairs, distinct, from `pairs` of (k, s); none → one `_unknown`. */
const industryKeys = (pairs: SQL) =>
  sql`select coalesce(d.k, ${UNKNOWN_KEY}) as key, coalesce(d.s, '') as section from (select 1) one
      left join (select distinct k, s from (${pairs}) x(k, s) where k <> '') d on true`;

/**
 * The one definition of an application's bucket(s) in a dimension read from its facts (alias a),
 * as a lateral subquery of (key, section): what application_stat_keys keeps.
 */
function derivedKeysSql(dimension: StoredDimension): SQL {
  switch (dimension) {
    case 'province':
      return sql`select ${PROVINCE_SQL} as key, '' as section`;
    case 'category':
      return sql`select ${textFact('category')} as key, '' as section`;
    case 'ownership':
      return sql`select ${textFact('ownership')} as key, '' as section`;
    case 'size':
      return sql`select ${textFact('size')} as key, '' as section`;
    case 'revenueBand':
      return sql`select ${REVENUE_BAND_SQL} as key, '' as section`;
    case 'appCount':
      return sql`select ${APP_COUNT_SQL} as key, '' as section`;
    case 'focusArea':
      return multi(sql`select e from jsonb_array_elements_text(${arrayOf('focusAreas')}) e`);
    case 'businessStage':
      return multi(sql`select e from jsonb_array_elements_text(${arrayOf('businessStages')}) e`);
    case 'industrySection':
      return industryKeys(
        sql`select s, s from (select ${SECTION_OF_E} as s
            from jsonb_array_elements_text(${arrayOf('industries')}) e) x
            where s is not null`,
      );
    case 'industryDivision':
      return industryKeys(
        sql`select left(e, 2), s from (select e, ${SECTION_OF_E} as s
            from jsonb_array_elements_text(${arrayOf('industries')}) e) x
            where e ~ '^[0-9]{2}' and s is not null`,
      );
    case 'deployment':
      return multi(
        sql`select btrim(p) from jsonb_array_elements(${arrayOf('apps')}) app,
            regexp_split_to_table(coalesce(app->>'deployment', ''), '、') p`,
      );
  }
}

/** Every stored dimension's (dimension, key, section) of the application a. */
const ALL_DERIVED_KEYS = sql.join(
  STORED_DIMENSIONS.map(
    (d) => sql`select ${sql.raw(lit(d))} as dimension, k.key, k.section
      from (${derivedKeysSql(d)}) k`,
  ),
  sql` union all `,
);

const INSERT_KEYS = sql`insert into application_stat_keys (campaign_id, application_id, dimension, key, section)`;

/**
 * Rewrites the analysis keys of these applications from their facts (inside the caller's
 * transaction): a submitted one gets its keys, any other none.
 */
export async function refreshStatKeys(tx: Db, applicationIds: string[]): Promise<void> {
  if (!applicationIds.length) return;
  const ids = sql.join(
    applicationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`delete from application_stat_keys where application_id in (${ids})`);
  await tx.execute(
    sql`${INSERT_KEYS} select a.campaign_id, a.id, k.dimension, k.key, k.section
        from applications a cross join lateral (${ALL_DERIVED_KEYS}) k
        where a.id in (${ids}) and ${SUBMITTED}`,
  );
}

/**
 * Keys for every submitted application that has none (bulk loads, older databases), and none for
 * the others. Idempotent.
 * Written in (campaign, dimension) order: a breakdown then reads a few pages, not one per
 * application.
 */
export async function backfillStatKeys(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    // keys left behind by a withdrawal (before withdrawing rewrote them): only submitted ones count
    await tx.execute(
      sql`delete from application_stat_keys s where s.application_id in (
            select a.id from applications a where not ${SUBMITTED})`,
    );
    await tx.execute(
      sql`${INSERT_KEYS} select a.campaign_id, a.id, k.dimension, k.key, k.section
          from applications a cross join lateral (${ALL_DERIVED_KEYS}) k
          where ${SUBMITTED} and not exists (
            select 1 from application_stat_keys s where s.application_id = a.id)
          order by a.campaign_id, k.dimension`,
    );
  });
}

/** The bucket of the application (alias a, its unit u) in a dimension not read from facts. */
function unitKeySql(dimension: 'unit' | 'recommenderGroup'): SQL {
  return dimension === 'unit'
    ? sql`select a.channel_unit_id::text as key`
    : sql`select u.type::text as key`;
}

/** The stored keys of application a in a dimension (alias f), narrowed by the section filter. */
function storedOf(dimension: StoredDimension, filters: StatFilters, cond: SQL): SQL {
  const section =
    bySection(dimension) && filters.industrySection
      ? sql` and f.section = ${filters.industrySection}`
      : sql``;
  return sql`exists (select 1 from application_stat_keys f where f.application_id = a.id
    and f.campaign_id = a.campaign_id and f.dimension = ${dimension}${section} and ${cond})`;
}

/**
 * Whether application a has the key in the dimension. With an industrySection filter the
 * industry dimensions count only that section's codes; none of them → `_unknown`.
 */
function hasKeySql(dimension: StatDimension, key: string, filters: StatFilters): SQL {
  if (!isStored(dimension))
    return sql`exists (select 1 from (${unitKeySql(dimension)}) k where k.key = ${key})`;
  if (key === UNKNOWN_KEY && bySection(dimension) && filters.industrySection)
    return sql`not ${storedOf(dimension, filters, sql`f.key <> ${UNKNOWN_KEY}`)}`;
  return storedOf(dimension, filters, sql`f.key = ${key}`);
}

/** The filters read from facts (their stored keys) and the unit's group, over a and its unit u. */
export function filterSql(filters: StatFilters): SQL {
  const parts: SQL[] = [];
  // a filter's value is a value of the fact itself, never the `_unknown` bucket of missing ones
  const fact = (dimension: StoredDimension, value: string) =>
    value === UNKNOWN_KEY ? sql`false` : storedOf(dimension, {}, sql`f.key = ${value}`);
  if (filters.province) parts.push(storedOf('province', {}, sql`f.key = ${filters.province}`));
  if (filters.category) parts.push(fact('category', filters.category));
  if (filters.focusArea) parts.push(fact('focusArea', filters.focusArea));
  if (filters.industrySection) parts.push(fact('industrySection', filters.industrySection));
  if (filters.recommenderGroup) parts.push(sql`u.type = ${filters.recommenderGroup}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * The same filters read from the facts themselves, for applications never submitted (which have
 * no stored keys): the overview's drafts.
 */
function draftFilterSql(filters: StatFilters): SQL {
  const parts: SQL[] = [];
  if (filters.province) parts.push(sql`${PROVINCE_SQL} = ${filters.province}`);
  if (filters.category) parts.push(sql`a.facts->>'category' = ${filters.category}`);
  if (filters.focusArea)
    parts.push(sql`a.facts->'focusAreas' @> jsonb_build_array(${filters.focusArea}::text)`);
  if (filters.industrySection)
    parts.push(
      sql`exists (select 1 from jsonb_array_elements_text(${arrayOf('industries')}) e
          where ${SECTION_OF_E} = ${filters.industrySection})`,
    );
  if (filters.recommenderGroup) parts.push(sql`u.type = ${filters.recommenderGroup}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * Applications (a) of the campaign(s), narrowed by plain columns (the scope's unit, a unitId
 * filter), joined to their unit (u).
 */
const FROM = sql`from applications a join recommender_units u on u.id = a.channel_unit_id`;

/** The campaign(s), the scope's unit and a unitId filter: plain columns, where indexes help. */
function appsWhere(campaign: SQL, filters: StatFilters, scopeUnitId: string | null): SQL {
  const parts: SQL[] = [campaign];
  if (scopeUnitId) parts.push(sql`a.channel_unit_id = ${scopeUnitId}`);
  if (filters.unitId) parts.push(sql`a.channel_unit_id = ${filters.unitId}`);
  return sql.join(parts, sql` and `);
}
const ofCampaign = (id: string) => sql`a.campaign_id = ${id}`;

/** The stages an application of `base` reached, as flags (the multi-valued breakdowns). */
const STAGE_FLAGS = sql`${reachedSql('recommended')} as rec, ${reachedSql('forwarded')} as fwd,
  ${reachedSql('awarded')} as aw`;
const FLAG_MEASURES = sql`count(*)::int as submitted, count(*) filter (where b.rec)::int as recommended,
  count(*) filter (where b.fwd)::int as forwarded, count(*) filter (where b.aw)::int as awarded`;

/**
 * The (application id, key) pairs of a stored dimension in the campaign (the caller joins them to
 * its applications). With an industrySection filter, the industry dimensions keep only that
 * section's keys, and an application with none of them is `_unknown` (needs \`base\`).
 */
function storedKeysOf(campaignId: string, dimension: StoredDimension, filters: StatFilters): SQL {
  // a 大类 can come with two 门类 only if the industries table says so; then it counts once
  const distinct = dimension === 'industryDivision' ? sql`distinct ` : sql``;
  const kept = sql`select ${distinct}f.application_id as id, f.key from application_stat_keys f
    where f.campaign_id = ${campaignId} and f.dimension = ${dimension}`;
  if (!(bySection(dimension) && filters.industrySection)) return kept;
  return sql`select id, key from (${kept} and f.section = ${filters.industrySection}) s
    union all
    select b.id, ${UNKNOWN_KEY} from base b where not exists (
      select 1 from application_stat_keys f where f.application_id = b.id
        and f.dimension = ${dimension} and f.section = ${filters.industrySection})`;
}

export interface Counts {
  submitted: number;
  recommended: number;
  forwarded: number;
  awarded: number;
}
const MEASURES = sql`count(*)::int as submitted,
  count(*) filter (where ${reachedSql('recommended')})::int as recommended,
  count(*) filter (where ${reachedSql('forwarded')})::int as forwarded,
  count(*) filter (where ${reachedSql('awarded')})::int as awarded`;

/**
 * Submitted applications per bucket of a dimension, and the total (each application once), with
 * the stages reached. Only buckets holding a submitted application are returned.
 */
export async function countByDimension(
  db: Db,
  campaignId: string,
  dimension: StatDimension,
  filters: StatFilters,
  scopeUnitId: string | null,
): Promise<{ rows: (Counts & { key: string })[]; total: Counts }> {
  const where = sql`${appsWhere(ofCampaign(campaignId), filters, scopeUnitId)}
    and ${SUBMITTED} and ${filterSql(filters)}`;
  const keyed = isStored(dimension)
    ? // the stored keys of the base's applications, joined as one set
      sql`with base as (select a.id, ${STAGE_FLAGS} ${FROM} where ${where}),
        keyed as (${storedKeysOf(campaignId, dimension, filters)})
        select k.key, ${FLAG_MEASURES} from keyed k join base b on b.id = k.id group by k.key
        union all
        select null as key, ${FLAG_MEASURES} from base b`
    : sql`select k.key, ${MEASURES} ${FROM} cross join lateral (${unitKeySql(dimension)}) k
        where ${where} group by k.key
        union all
        select null as key, ${MEASURES} ${FROM} where ${where}`;
  const result = await rows<Counts & { key: string | null }>(db, keyed);
  const total = result.find((r) => r.key === null) ?? {
    submitted: 0,
    recommended: 0,
    forwarded: 0,
    awarded: 0,
  };
  return {
    rows: result.filter((r): r is Counts & { key: string } => r.key !== null),
    total: {
      submitted: total.submitted,
      recommended: total.recommended,
      forwarded: total.forwarded,
      awarded: total.awarded,
    },
  };
}

/** Applications with a bucket of the dimension outside `keep` (and not `_unknown`): `_other`. */
export async function countOther(
  db: Db,
  campaignId: string,
  dimension: StatDimension,
  keep: string[],
  filters: StatFilters,
  scopeUnitId: string | null,
): Promise<Counts> {
  const where = sql`${appsWhere(ofCampaign(campaignId), filters, scopeUnitId)}
    and ${SUBMITTED} and ${filterSql(filters)}`;
  if (!isStored(dimension)) {
    const [row] = await rows<Counts>(
      db,
      sql`select ${MEASURES} ${FROM} where ${where} and ${otherSql(dimension, keep, filters)}`,
    );
    return row!;
  }
  // the applications with another key, as one set (the keys' index alone), joined to the base
  const section =
    bySection(dimension) && filters.industrySection
      ? sql` and f.section = ${filters.industrySection}`
      : sql``;
  const [row] = await rows<Counts>(
    db,
    sql`with base as (select a.id, ${STAGE_FLAGS} ${FROM} where ${where}),
      other as (select distinct f.application_id as id from application_stat_keys f
        where f.campaign_id = ${campaignId} and f.dimension = ${dimension}${section}
          and f.key <> ${UNKNOWN_KEY} and f.key not in (${keptList(keep)}))
      select ${FLAG_MEASURES} from base b join other o on o.id = b.id`,
  );
  return row!;
}

const keptList = (keep: string[]) =>
  keep.length
    ? sql.join(
        keep.map((k) => sql`${k}`),
        sql`, `,
      )
    : sql`''`;

function otherSql(dimension: StatDimension, keep: string[], filters: StatFilters): SQL {
  const kept = keptList(keep);
  const other = sql`k.key <> ${UNKNOWN_KEY} and k.key not in (${kept})`;
  return isStored(dimension)
    ? storedOf(dimension, filters, sql`f.key <> ${UNKNOWN_KEY} and f.key not in (${kept})`)
    : sql`exists (select 1 from (${unitKeySql(dimension)}) k where ${other})`;
}

export interface CampaignFigureRow extends Counts {
  campaignId: string;
  provinces: number;
  eligible: number;
  selected: number;
  expired: number;
  revoked: number;
}

/** The states an application never submitted can be in (a returned one only without submitted_at). */
const NEVER_SUBMITTED_STATES = sql.raw(
  APPLICATION_STATES.filter((s) => !STATES_REACHING.submitted.includes(s))
    .map(lit)
    .join(', '),
);
const NEVER_SUBMITTED = sql`(a.state in (${NEVER_SUBMITTED_STATES}) and not ${SUBMITTED})`;

/**
 * Key figures of every campaign (or those given) with a submitted application: the stages reached
 * after submission (never-submitted applications: `countNeverSubmitted`).
 *
 * Counted by (campaign, state, ever submitted, province) in SQL and folded into stages here by the
 * domain's `reached`. Every column read is in applications_campaign_state and the stored keys'
 * indexes, so the wide rows (data, facts) are not read; without a narrowing the provinces come
 * from the stored keys alone.
 */
export async function campaignFigures(
  db: Db,
  filters: StatFilters,
  scopeUnitId: string | null,
  campaignIds?: string[],
): Promise<CampaignFigureRow[]> {
  const ids = (column: SQL) =>
    campaignIds
      ? sql`${column} in (${sql.join(
          campaignIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`true`;
  const where = appsWhere(ids(sql`a.campaign_id`), filters, scopeUnitId);
  const all =
    !hasFactFilter(filters) && !scopeUnitId && !filters.unitId && !filters.recommenderGroup;
  // narrowed to one province, the province of every application counted is that one
  const groups = all
    ? sql`select a.campaign_id, a.state, a.submitted_at is not null as was, null as province
          from applications a where ${where} and ${SUBMITTED}`
    : filters.province
      ? sql`select a.campaign_id, a.state, a.submitted_at is not null as was,
              ${filters.province}::text as province
            ${FROM} where ${where} and ${SUBMITTED} and ${filterSql(filters)}`
      : sql`select a.campaign_id, a.state, a.submitted_at is not null as was, p.key as province
          ${FROM} left join application_stat_keys p
            on p.application_id = a.id and p.dimension = 'province'
          where ${where} and ${SUBMITTED} and ${filterSql(filters)}`;
  const [counted, spread] = await Promise.all([
    rows<{
      campaignId: string;
      state: ApplicationState;
      was: boolean;
      province: string | null;
      n: number;
    }>(
      db,
      sql`select campaign_id as "campaignId", state, was, province, count(*)::int as n
          from (${groups}) g group by 1, 2, 3, 4`,
    ),
    all
      ? rows<{ campaignId: string; key: string }>(
          db,
          sql`select p.campaign_id as "campaignId", p.key from application_stat_keys p
              where p.dimension = 'province' and p.key <> ${UNKNOWN_KEY}
                and ${ids(sql`p.campaign_id`)}
              group by 1, 2`,
        )
      : Promise.resolve(null),
  ]);
  const figures = new Map<string, CampaignFigureRow>();
  for (const g of counted) {
    let f = figures.get(g.campaignId);
    if (!f) {
      f = {
        campaignId: g.campaignId,
        provinces: 0,
        submitted: 0,
        recommended: 0,
        forwarded: 0,
        eligible: 0,
        selected: 0,
        awarded: 0,
        expired: 0,
        revoked: 0,
      };
      figures.set(g.campaignId, f);
    }
    // `reached` reads only whether the application was ever submitted, not when
    const submittedAt = g.was ? 'submitted' : null;
    for (const stage of FIGURE_STAGES) if (reached(stage, g.state, submittedAt)) f[stage] += g.n;
  }
  // distinct provinces: from the stored keys when not narrowed, else from the groups
  const seen = new Map<string, Set<string>>();
  const add = (campaignId: string, province: string) => {
    const set = seen.get(campaignId) ?? new Set<string>();
    set.add(province);
    seen.set(campaignId, set);
  };
  for (const p of spread ?? []) add(p.campaignId, p.key);
  for (const g of counted)
    if (g.province && g.province !== UNKNOWN_KEY) add(g.campaignId, g.province);
  for (const [campaignId, set] of seen) {
    const f = figures.get(campaignId);
    if (f) f.provinces = set.size;
  }
  return [...figures.values()];
}
const FIGURE_STAGES = [
  'submitted',
  'recommended',
  'forwarded',
  'eligible',
  'selected',
  'awarded',
  'expired',
  'revoked',
] as const satisfies readonly Exclude<FunnelStage, 'registered'>[];

/**
 * Applications of the campaign never submitted (drafts, and returned ones never submitted), narrowed
 * by their facts: only these rows are read (by applications_campaign_state).
 */
export async function countNeverSubmitted(
  db: Db,
  campaignId: string,
  filters: StatFilters,
  scopeUnitId: string | null,
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n ${FROM}
        where ${appsWhere(ofCampaign(campaignId), filters, scopeUnitId)} and ${NEVER_SUBMITTED}
          and ${draftFilterSql(filters)}`,
  );
  return row!.n;
}

/** Whether the filters narrow by a fact (the stored keys of submitted applications). */
const hasFactFilter = (filters: StatFilters) =>
  !!(filters.province || filters.category || filters.focusArea || filters.industrySection);

export interface RegisteredRule {
  /** by this moment (or now, if earlier) */
  until: Date;
  /** enterprises in each of these 省级 regions (a province filter, a province unit's region) */
  provinces: string[];
  /** enterprises in these cities (a 计划单列市 unit) */
  cities?: string[];
  /** enterprises that started an application in the campaign through each of these units */
  throughUnits?: string[];
}

/** 注册企业: enterprises registered (and not released) by `until`, narrowed by the rule. */
export async function countRegistered(
  db: Db,
  rule: RegisteredRule,
  campaignId: string,
): Promise<number> {
  const parts: SQL[] = [
    sql`e.released_at is null`,
    sql`e.created_at <= least(${rule.until.toISOString()}::timestamptz, now())`,
  ];
  for (const p of rule.provinces) parts.push(sql`e.province_code = ${p}`);
  for (const c of rule.cities ?? []) parts.push(sql`e.city_code = ${c}`);
  for (const unitId of rule.throughUnits ?? [])
    parts.push(
      sql`exists (select 1 from applications a where a.enterprise_id = e.id
          and a.campaign_id = ${campaignId} and a.channel_unit_id = ${unitId})`,
    );
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from enterprises e where ${sql.join(parts, sql` and `)}`,
  );
  return row!.n;
}

/** Awards by year (imported and made in the platform), narrowed to a unit or a group. */
export async function awardsByYear(
  db: Db,
  unitIds: string[],
  group: RecommenderUnitType | undefined,
): Promise<{ year: number; count: number }[]> {
  const parts: SQL[] = [sql`true`];
  for (const id of unitIds) parts.push(sql`aw.recommender_unit_id = ${id}`);
  if (group) parts.push(sql`u.type = ${group}`);
  return rows(
    db,
    sql`select aw.year, count(*)::int as count from awards aw
        left join recommender_units u on u.id = aw.recommender_unit_id
        where ${sql.join(parts, sql` and `)} group by aw.year order by aw.year`,
  );
}

/** First submissions per Beijing calendar day (version 1's moment, else the application's). */
export async function submissionsByDay(
  db: Db,
  campaignId: string,
  filters: StatFilters,
  scopeUnitId: string | null,
): Promise<{ day: string; count: number }[]> {
  return rows(
    db,
    sql`select to_char(coalesce(v.submitted_at, a.submitted_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
          count(*)::int as count
        ${FROM}
        left join application_versions v on v.application_id = a.id and v.version_no = 1
        where ${appsWhere(ofCampaign(campaignId), filters, scopeUnitId)}
          and ${SUBMITTED} and ${filterSql(filters)}
          and coalesce(v.submitted_at, a.submitted_at) is not null
        group by 1 order by 1`,
  );
}

/** The campaign's submitted 附件4 reports of awards owed in it, narrowed like the awards. */
export async function submittedFollowUps(
  db: Db,
  campaignId: string,
  awardYears: number[],
  unitIds: string[],
  filters: AwardFilters,
): Promise<{ data: unknown }[]> {
  return rows(
    db,
    sql`select r.data from follow_up_reports r
        join awards aw on aw.id = r.award_id
        left join recommender_units u on u.id = aw.recommender_unit_id
        left join enterprises e on e.id = r.enterprise_id
        where r.campaign_id = ${campaignId} and r.state = 'submitted'
          and ${awardWhere(awardYears, unitIds, filters)}
          ${filters.province ? sql`and e.province_code = ${filters.province}` : sql``}
        order by r.id`,
  );
}

/** How awards are narrowed: by unit, group, and category (awards name it, not code it). */
export type AwardFilters = StatFilters & { categoryName?: string };

function awardWhere(awardYears: number[], unitIds: string[], filters: AwardFilters): SQL {
  const parts: SQL[] = [
    awardYears.length
      ? sql`aw.year in (${sql.join(
          awardYears.map((y) => sql`${y}`),
          sql`, `,
        )})`
      : sql`false`,
  ];
  for (const id of unitIds) parts.push(sql`aw.recommender_unit_id = ${id}`);
  if (filters.recommenderGroup) parts.push(sql`u.type = ${filters.recommenderGroup}`);
  if (filters.categoryName) parts.push(sql`aw.category = ${filters.categoryName}`);
  return sql.join(parts, sql` and `);
}

/** Awards whose winners report in the campaign (its follow-up award years), narrowed alike. */
export async function countExpectedFollowUps(
  db: Db,
  awardYears: number[],
  unitIds: string[],
  filters: AwardFilters,
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from awards aw
        left join recommender_units u on u.id = aw.recommender_unit_id
        where ${awardWhere(awardYears, unitIds, filters)}
          ${
            filters.province
              ? sql`and exists (select 1 from enterprises e where e.uscc = aw.uscc
                  and e.released_at is null and e.province_code = ${filters.province})`
              : sql``
          }`,
  );
  return row!.n;
}

export interface DrillDownRow {
  id: string;
  solutionName: string;
  applicantName: string;
  unitName: string;
  state: string;
  submittedAt: Date | string | null;
}

/** The applications behind a number: newest submission first, paged; with the total. */
export async function listBehind(
  db: Db,
  args: {
    campaignId: string;
    filters: StatFilters;
    scopeUnitId: string | null;
    stage: StatMeasure;
    bucket?: { dimension: StatDimension; key: string; keep?: string[] };
    limit: number;
    offset: number;
  },
): Promise<{ items: DrillDownRow[]; total: number }> {
  const parts: SQL[] = [
    appsWhere(ofCampaign(args.campaignId), args.filters, args.scopeUnitId),
    reachedSql(args.stage),
    filterSql(args.filters),
  ];
  const from = FROM;
  const b = args.bucket;
  if (b)
    parts.push(
      b.key === OTHER_KEY && b.keep
        ? otherSql(b.dimension, b.keep, args.filters)
        : hasKeySql(b.dimension, b.key, args.filters),
    );
  const where = sql.join(parts, sql` and `);
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n ${from} where ${where}`,
  );
  const items = await rows<DrillDownRow>(
    db,
    sql`select a.id, coalesce(nullif(a.facts->>'solutionName', ''), a.solution_name) as "solutionName",
          coalesce(a.facts->>'applicantName', '') as "applicantName", u.name as "unitName",
          a.state::text as state, a.submitted_at as "submittedAt"
        ${from} where ${where}
        order by a.submitted_at desc nulls last, a.id
        limit ${args.limit} offset ${args.offset}`,
  );
  return { items, total: count!.n };
}

/** Names to label buckets with: 省级 regions, industries of level 1–2, and units. */
export async function regionNames(db: Db): Promise<Map<string, string>> {
  const r = await rows<{ code: string; name: string }>(
    db,
    sql`select code, name from regions where level = 1`,
  );
  return new Map(r.map((x) => [x.code, x.name]));
}

export async function industryNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const r = await rows<{ code: string; name: string }>(
    db,
    sql`select code, name from industries where code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Map(r.map((x) => [x.code, x.name]));
}

export interface UnitRow {
  id: string;
  name: string;
  type: RecommenderUnitType;
  regionCode: string | null;
  quotaOverride: number | null;
}

export async function unitsByIds(db: Db, ids: string[]): Promise<UnitRow[]> {
  const uuids = ids.filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (!uuids.length) return [];
  return rows(
    db,
    sql`select id, name, type::text as type, region_code as "regionCode",
          quota_override as "quotaOverride"
        from recommender_units where id in (${sql.join(
          uuids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** Every campaign, oldest first (by year, then opening). */
export async function campaignsByYear(
  db: Db,
): Promise<
  { id: string; code: string; year: number; title: string; onlineDeadline: Date | string }[]
> {
  return rows(
    db,
    sql`select id, code, year, title, online_deadline as "onlineDeadline" from campaigns
        order by year, opens_at, created_at`,
  );
}

/** Whether any application of the campaign has reached a published stage (awarded or later). */
export async function hasPublishedAwards(db: Db, campaignId: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications a
        where a.campaign_id = ${campaignId} and a.state in ('awarded', 'expired', 'revoked', 'catalogued')`,
  );
  return row!.n > 0;
}
