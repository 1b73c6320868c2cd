// `npm run admin -- export-data --to postgres://…`: a platform that ran on the embedded database
// (PGlite in DATA_DIR) moves to its own PostgreSQL and file storage (docs/DECISIONS.md, "Export
// to PostgreSQL"). Every table of the public schema, in foreign-key order, page by page in primary
// key order (memory bounded by a page, not by the table), in ONE transaction on the target: a
// failure anywhere (a row that does not arrive equal, a file that does not read back equal, an
// audit chain that does not verify on the target) rolls it back and the target database stays
// empty. The pending background jobs (pg-boss) go with their rows; the files are copied (and read
// back) before the commit. Rows travel as PostgreSQL's own record text (`row::text` out,
// `text::table` in), which every type reads back exactly, and each row's md5 is compared on both
// sides.
import pg from 'pg';
import type { FileStorage } from '../lib/files';
import { verifyAudit, type AuditVerdict } from '../modules/audit';
import type { Database, Db } from './client';
import { drizzleExecutor, JOB_SCHEMA, type SqlExecutor } from './jobs';
import { lockSeeding } from './seed/repository';

/** The target is not empty, the schemas differ, the source does not verify: nothing was written. */
export class ExportRefusedError extends Error {
  constructor(
    message: string,
    /** the source's audit verdict, when that is why */
    readonly verdict?: AuditVerdict,
  ) {
    super(message);
  }
}
/** Something did not arrive equal; the target's transaction was rolled back. */
export class ExportMismatchError extends Error {
  constructor(
    message: string,
    /** the target's audit verdict, when that is why */
    readonly verdict?: AuditVerdict,
  ) {
    super(message);
  }
}

export interface Column {
  name: string;
  type: string;
  generated: boolean;
  identityAlways: boolean;
  notNull: boolean;
}

export interface TableInfo {
  schema: string;
  name: string;
  columns: Column[];
  /** the primary key, or else a unique index of NOT NULL columns: the order pages are read in */
  key: Column[];
  /** tables of the same schema this one's foreign keys point at (itself left out) */
  refs: string[];
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface ExportReport {
  tables: TableCount[];
  /** pg-boss jobs waiting or running in the source (created, retry, active) */
  jobs: { pending: number; copied: number; skippedQueues: string[] };
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  files: { count: number; bytes: number; copied: boolean };
  sourceAudit: AuditVerdict;
  targetAudit?: AuditVerdict;
  seconds: number;
}

const JOB_TABLE = 'job';
const PENDING_JOB_STATES = ['created', 'retry', 'active'];

// ---------------------------------------------------------------- SQL

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (t: { schema: string; name: string }) => `${ident(t.schema)}.${ident(t.name)}`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Tables of a schema with their columns, keys and references; partitions are read through their parent. */
const CATALOG_SQL = `
select c.relname as name,
  (select coalesce(json_agg(json_build_object(
      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
      'generated', a.attgenerated <> '', 'identityAlways', a.attidentity = 'a',
      'notNull', a.attnotnull) order by a.attnum), '[]')::text
    from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
  (select coalesce(json_agg(json_build_object('primary', i.indisprimary, 'columns',
      (select json_agg(a.attname order by k.ord)
        from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where k.ord <= i.indnkeyatts))
      order by i.indisprimary desc, i.indnkeyatts, i.indexrelid), '[]')::text
    from pg_index i
    where i.indrelid = c.oid and i.indisunique and i.indisvalid
      and i.indpred is null and i.indexprs is null) as keys,
  (select coalesce(json_agg(distinct r.relname), '[]')::text
    from pg_constraint f join pg_class r on r.oid = f.confrelid
    where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid
      and r.relnamespace = c.relnamespace) as refs
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
order by c.relname`;

export async function tablesOf(db: SqlExecutor, schema: string): Promise<TableInfo[]> {
  const { rows } = await db.executeSql(CATALOG_SQL, [schema]);
  return (rows as { name: string; columns: string; keys: string; refs: string }[]).map((r) => {
    const columns = JSON.parse(r.columns) as Column[];
    const byName = new Map(columns.map((c) => [c.name, c]));
    const keys = JSON.parse(r.keys) as { primary: boolean; columns: string[] }[];
    const key = keys
      .map((k) => k.columns.map((n) => byName.get(n)!))
      .find((cols) => cols.every((c) => c?.notNull));
    if (!key)
      throw new ExportRefusedError(
        `表 ${schema}.${r.name} 没有主键或非空唯一索引，无法分页复制 / table ${schema}.${r.name} has no primary key or unique NOT NULL index to page by`,
      );
    return { schema, name: r.name, columns, key, refs: JSON.parse(r.refs) as string[] };
  });
}

/** Referenced tables before the tables that reference them; alphabetical among equals. */
export function inForeignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  while (out.length < tables.length) {
    const ready = tables.filter(
      (t) => !done.has(t.name) && t.refs.every((r) => done.has(r) || !byName.has(r)),
    );
    if (!ready.length)
      throw new ExportRefusedError(
        `外键成环，无法排序 / foreign keys form a cycle among: ${tables
          .filter((t) => !done.has(t.name))
          .map((t) => t.name)
          .join(', ')}`,
      );
    for (const t of ready) {
      done.add(t.name);
      out.push(t);
    }
  }
  return out;
}

async function countRows(db: SqlExecutor, t: TableInfo, where = 'true'): Promise<number> {
  const { rows } = await db.executeSql(
    `select count(*)::float8 as n from ${qualified(t)} as zx_row where ${where}`,
    [],
  );
  return Number(rows[0].n);
}

/** Names of the tables (of those given) that hold at least one row. */
async function tablesWithRows(db: SqlExecutor, tables: TableInfo[]): Promise<string[]> {
  if (!tables.length) return [];
  const { rows } = await db.executeSql(
    tables
      .map((t) => `select ${literal(t.name)} as name where exists (select 1 from ${qualified(t)})`)
      .join(' union all '),
    [],
  );
  return (rows as { name: string }[]).map((r) => r.name).sort();
}

async function sequencesOf(db: SqlExecutor, schema: string) {
  const { rows } = await db.executeSql(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind = 'S' order by c.relname`,
    [schema],
  );
  const out: { name: string; lastValue: string; isCalled: boolean }[] = [];
  for (const { name } of rows as { name: string }[]) {
    const { rows: v } = await db.executeSql(
      `select last_value::text as v, is_called as c from ${ident(schema)}.${ident(name)}`,
      [],
    );
    out.push({ name, lastValue: String(v[0].v), isCalled: Boolean(v[0].c) });
  }
  return out;
}

/**
 * Record text and timestamps read the same on both sides: the md5 of a row's text is compared, so
 * the settings that shape it are fixed (the target's with SET LOCAL, inside its transaction).
 */
const SESSION_SETTINGS = [
  ['TimeZone', 'UTC'],
  ['DateStyle', 'ISO, MDY'],
  ['IntervalStyle', 'postgres'],
  ['extra_float_digits', '1'],
  ['bytea_output', 'hex'],
] as const;

async function fixSettings(db: SqlExecutor, local: boolean) {
  for (const [name, value] of SESSION_SETTINGS)
    await db.executeSql(`select set_config($1, $2, $3)`, [name, value, local]);
}

// ---------------------------------------------------------------- pages

interface Page {
  records: string[];
  hashes: string[];
  bytes: number;
  /** the last row's key, as text, for the next page */
  lastKey: string[] | null;
}

function readPage(
  db: SqlExecutor,
  t: TableInfo,
  where: string,
  after: string[] | null,
  limit: number,
): Promise<Page> {
  const keyCols = t.key.map((c) => `zx_row.${ident(c.name)}`);
  const conditions = [where];
  if (after)
    conditions.push(
      `(${keyCols.join(', ')}) > (${t.key.map((c, i) => `$${i + 1}::${c.type}`).join(', ')})`,
    );
  const text = `select zx_row::text as r, md5(zx_row::text) as h, ${keyCols
    .map((k, i) => `${k}::text as k${i}`)
    .join(', ')}
    from ${qualified(t)} as zx_row where ${conditions.join(' and ')}
    order by ${keyCols.join(', ')} limit ${limit}`;
  return db.executeSql(text, after ?? []).then(({ rows }) => {
    const records = rows.map((r) => String(r.r));
    const last = rows.at(-1);
    return {
      records,
      hashes: rows.map((r) => String(r.h)),
      bytes: records.reduce((n, r) => n + r.length, 0),
      lastKey: last ? t.key.map((_, i) => String(last[`k${i}`])) : null,
    };
  });
}

/** Inserts a page's records; returns the md5 of each row as the target stored it. */
async function insertPage(db: SqlExecutor, t: TableInfo, records: string[]): Promise<string[]> {
  const cols = t.columns.filter((c) => !c.generated).map((c) => ident(c.name));
  const overriding = t.columns.some((c) => c.identityAlways) ? ' overriding system value' : '';
  const { rows } = await db.executeSql(
    `insert into ${qualified(t)} as zx_row (${cols.join(', ')})${overriding}
     select ${cols.map((c) => `(x).${c}`).join(', ')}
     from (select e.r::${qualified(t)} as x from json_array_elements_text($1::json) as e(r) offset 0) as s
     returning md5(zx_row::text) as h`,
    [JSON.stringify(records)],
  );
  return rows.map((r) => String(r.h));
}

/**
 * Copies a table page by page, reading the next page from the source while the target stores this
 * one. A page is about `pageBytes` of record text (its row count adapts to the table's rows).
 */
async function copyTable(
  source: SqlExecutor,
  target: SqlExecutor,
  t: TableInfo,
  opts: { where?: string; pageBytes: number },
): Promise<number> {
  const where = opts.where ?? 'true';
  let limit = 500;
  let copied = 0;
  let next: Promise<Page> = readPage(source, t, where, null, limit);
  for (;;) {
    const page = await next;
    if (!page.records.length) break;
    if (page.records.length < limit) {
      next = Promise.resolve({ records: [], hashes: [], bytes: 0, lastKey: null });
    } else {
      const average = page.bytes / page.records.length;
      limit = Math.max(20, Math.min(5000, Math.floor(opts.pageBytes / Math.max(1, average))));
      next = readPage(source, t, where, page.lastKey, limit);
      next.catch(() => {}); // awaited on the next turn; a failure of the insert below comes first
    }
    const stored = await insertPage(target, t, page.records);
    const a = [...page.hashes].sort();
    const b = [...stored].sort();
    if (a.length !== b.length || a.some((h, i) => h !== b[i]))
      throw new ExportMismatchError(
        `表 ${t.schema}.${t.name} 的行复制后不一致 / rows of ${t.schema}.${t.name} differ after the copy`,
      );
    copied += page.records.length;
  }
  return copied;
}

// ---------------------------------------------------------------- files

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
const contentTypeOf = (key: string) =>
  CONTENT_TYPES[/\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase() ?? ''] ??
  'application/octet-stream';

async function eachKey(
  keys: string[],
  concurrency: number,
  work: (key: string) => Promise<void>,
): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, keys.length) }, async () => {
      while (i < keys.length) await work(keys[i++]!);
    }),
  );
}

/** Every object of the source storage, written to the target and read back equal. */
async function copyFiles(
  from: FileStorage,
  to: FileStorage,
  concurrency: number,
  log: (line: string) => void,
) {
  const keys = await from.list('');
  let bytes = 0;
  let done = 0;
  await eachKey(keys, concurrency, async (key) => {
    const body = await from.get(key);
    await to.put(key, body, contentTypeOf(key));
    const back = await to.get(key);
    if (!back.equals(body))
      throw new ExportMismatchError(
        `文件 ${key} 写入目标存储后读回不一致 / file ${key} reads back different from the target storage`,
      );
    bytes += body.length;
    if (++done % 1000 === 0) log(`  files: ${done}/${keys.length}`);
  });
  return { count: keys.length, bytes };
}

/** How many files and bytes a storage holds (each file is read once). */
export async function measureFiles(files: FileStorage) {
  const keys = await files.list('');
  let bytes = 0;
  await eachKey(keys, 4, async (key) => {
    const body = await files.get(key); // not `bytes += await …`: that adds to a stale total
    bytes += body.length;
  });
  return { count: keys.length, bytes };
}

// ---------------------------------------------------------------- the export

export interface ExportOptions {
  /** the embedded database, opened (and locked) as the admin commands open it */
  source: Database;
  /** the target PostgreSQL, opened with openDatabase (migrated, nothing seeded) */
  target: Database;
  sourceFiles: FileStorage;
  /** where the target platform's files live; the same object as sourceFiles: they stay there */
  targetFiles: FileStorage;
  log?: (line: string) => void;
  /** record text per page (default 2 MB) */
  pageBytes?: number;
  /** files copied at a time (default 4) */
  fileConcurrency?: number;
}

/** Source and target carry the same tables with the same columns (both at this version's schema). */
function assertSameSchema(source: TableInfo[], target: TableInfo[], schema: string) {
  const shape = (ts: TableInfo[]) =>
    new Map(ts.map((t) => [t.name, t.columns.map((c) => `${c.name} ${c.type}`).join(', ')]));
  const a = shape(source);
  const b = shape(target);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n));
  if (differing.length)
    throw new ExportRefusedError(
      `源库与目标库的表结构不同（${schema}: ${differing.join(', ')}）：两边须为同一版本的迁移。\n` +
        `The source and target schemas differ (${schema}: ${differing.join(', ')}): both must be migrated by this version.`,
    );
}

async function targetMustBeEmpty(target: SqlExecutor, tables: TableInfo[]) {
  const full = await tablesWithRows(target, tables);
  if (full.length)
    throw new ExportRefusedError(
      `目标数据库不是空库（已有数据的表：${full.join(', ')}），未写入任何内容。请新建一个空数据库（CREATE DATABASE）后再导出，导出前不要在目标库上启动服务（启动会写入基础数据）。\n` +
        `The target database is not empty (tables with rows: ${full.join(', ')}); nothing was written. ` +
        `Create an empty database (CREATE DATABASE) and export into it; do not start the server on it before the export (a start seeds reference data).`,
    );
}

export async function exportData(opts: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const pageBytes = opts.pageBytes ?? 2 * 1024 * 1024;
  const source = opts.source.executor;
  await fixSettings(source, false);
  const copyingFiles = opts.targetFiles !== opts.sourceFiles;

  const sourceTables = inForeignKeyOrder(await tablesOf(source, 'public'));
  const targetTables = await tablesOf(opts.target.executor, 'public');
  assertSameSchema(sourceTables, targetTables, 'public');
  const sourceJobs = (await tablesOf(source, JOB_SCHEMA)).find((t) => t.name === JOB_TABLE);
  const targetJobs = (await tablesOf(opts.target.executor, JOB_SCHEMA)).find(
    (t) => t.name === JOB_TABLE,
  );
  if (sourceJobs && targetJobs) assertSameSchema([sourceJobs], [targetJobs], JOB_SCHEMA);
  await targetMustBeEmpty(opts.target.executor, targetTables);

  const sourceAudit = await verifyAudit({ db: opts.source.db, files: opts.sourceFiles });
  if (!sourceAudit.ok)
    throw new ExportRefusedError(
      `源库的审计日志未通过校验（${sourceAudit.reason}），未导出；请先运行 audit-verify 查明原因。\n` +
        `The source's audit log does not verify (${sourceAudit.reason}); nothing was exported. Run audit-verify on it first.`,
      sourceAudit,
    );
  log(`源库审计日志校验通过 source audit log verifies: ${sourceAudit.rows} rows`);

  const counts = new Map<string, number>();
  for (const t of sourceTables) counts.set(t.name, await countRows(source, t));

  const report: ExportReport = await opts.target.db.transaction(async (tx: Db) => {
    const target = drizzleExecutor(tx);
    await fixSettings(target, true);
    // a server node starting on the target meanwhile waits here, then finds it seeded
    await lockSeeding(tx);
    await targetMustBeEmpty(target, targetTables);

    const tables: TableCount[] = [];
    for (const t of sourceTables) {
      const t0 = performance.now();
      const copied = await copyTable(source, target, t, { pageBytes });
      const stored = await countRows(target, t);
      const expected = counts.get(t.name)!;
      tables.push({ table: t.name, source: expected, target: stored });
      if (copied !== expected || stored !== expected)
        throw new ExportMismatchError(
          `表 ${t.name}：源库 ${expected} 行，复制 ${copied} 行，目标库 ${stored} 行 / table ${t.name}: ${expected} rows in the source, ${copied} copied, ${stored} in the target`,
        );
      log(`  ${t.name}: ${expected} → ${stored} (${Math.round(performance.now() - t0)} ms)`);
    }

    const jobs = { pending: 0, copied: 0, skippedQueues: [] as string[] };
    if (sourceJobs && targetJobs) {
      const { rows } = await target.executeSql(`select name from ${ident(JOB_SCHEMA)}.queue`, []);
      const queues = (rows as { name: string }[]).map((r) => r.name);
      const pending = `zx_row.state::text in (${PENDING_JOB_STATES.map(literal).join(', ')})`;
      jobs.pending = await countRows(source, sourceJobs, pending);
      const known = `${pending} and zx_row.name in (${queues.map(literal).join(', ') || 'null'})`;
      jobs.copied = await copyTable(source, target, sourceJobs, { where: known, pageBytes });
      if (jobs.copied !== jobs.pending) {
        const { rows: gone } = await source.executeSql(
          `select distinct name from ${qualified(sourceJobs)} as zx_row where ${pending} and not (${known}) order by 1`,
          [],
        );
        jobs.skippedQueues = (gone as { name: string }[]).map((r) => r.name);
      }
      log(
        `  ${JOB_SCHEMA}.${JOB_TABLE} (pending): ${jobs.pending} → ${jobs.copied}${
          jobs.skippedQueues.length ? ` (queues gone: ${jobs.skippedQueues.join(', ')})` : ''
        }`,
      );
    }

    let files = { count: 0, bytes: 0, copied: false };
    if (copyingFiles) {
      log('复制文件 copying files …');
      files = {
        ...(await copyFiles(opts.sourceFiles, opts.targetFiles, opts.fileConcurrency ?? 4, log)),
        copied: true,
      };
      log(`  files: ${files.count} (${files.bytes} bytes), each read back equal`);
    } else {
      files = { ...(await measureFiles(opts.sourceFiles)), copied: false };
    }

    const targetAudit = await verifyAudit({ db: tx, files: opts.targetFiles });
    if (!targetAudit.ok || targetAudit.rows !== sourceAudit.rows)
      throw new ExportMismatchError(
        `目标库的审计日志未通过校验（${targetAudit.reason ?? `${targetAudit.rows} rows`}），已回滚 / the target's audit log does not verify (${targetAudit.reason ?? `${targetAudit.rows} rows, ${sourceAudit.rows} in the source`}); rolled back`,
        targetAudit,
      );
    // last: setval is not undone by a rollback, so only when nothing can fail any more
    const sequences = await sequencesOf(source, 'public');
    for (const s of sequences)
      await target.executeSql(`select setval($1::regclass, $2::bigint, $3::boolean)`, [
        `${ident('public')}.${ident(s.name)}`,
        s.lastValue,
        s.isCalled,
      ]);
    return { tables, jobs, sequences, files, sourceAudit, targetAudit, seconds: 0 };
  });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

// ---------------------------------------------------------------- the dry run

export interface ExportPlan {
  tables: { table: string; rows: number }[];
  jobs: number;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  files: { count: number; bytes: number };
  sourceAudit: AuditVerdict;
  target: { migrated: boolean; tablesWithRows: string[] };
}

/**
 * What an export would copy, and whether the target would take it: reads the source and the
 * target (a plain connection: the target is not migrated), writes nothing anywhere.
 */
export async function planExport(opts: {
  source: Database;
  sourceFiles: FileStorage;
  targetUrl: string;
}): Promise<ExportPlan> {
  const source = opts.source.executor;
  const tables = inForeignKeyOrder(await tablesOf(source, 'public'));
  const rows: { table: string; rows: number }[] = [];
  for (const t of tables) rows.push({ table: t.name, rows: await countRows(source, t) });
  const jobTable = (await tablesOf(source, JOB_SCHEMA)).find((t) => t.name === JOB_TABLE);
  const jobs = jobTable
    ? await countRows(
        source,
        jobTable,
        `zx_row.state::text in (${PENDING_JOB_STATES.map(literal).join(', ')})`,
      )
    : 0;
  const client = new pg.Client({ connectionString: opts.targetUrl });
  let target: ExportPlan['target'];
  try {
    await client.connect();
    const executor: SqlExecutor = {
      executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }),
    };
    await client.query('begin read only');
    const present = await tablesOf(executor, 'public');
    target = {
      migrated: present.length > 0,
      tablesWithRows: await tablesWithRows(executor, present),
    };
    await client.query('rollback');
  } catch (e) {
    const shown = opts.targetUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new ExportRefusedError(
      `无法读取目标数据库 ${shown}：${(e as Error).message}\ncould not read the target database ${shown}: ${(e as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  return {
    tables: rows,
    jobs,
    sequences: await sequencesOf(source, 'public'),
    files: await measureFiles(opts.sourceFiles),
    sourceAudit: await verifyAudit({ db: opts.source.db, files: opts.sourceFiles }),
    target,
  };
}
