// `npm run admin -- export-data --to postgres://… [--files-to-s3 | --files-dir DIR] [--dry-run]`:
// the embedded database in DATA_DIR (and its files) into an empty PostgreSQL (and another storage).
// The copying is server/db/export-data.ts; here the options, the opening and the printing.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { ExportRefusedError, exportData, planExport } from '../db/export-data';
import { localFileStorage, s3FileStorage, type FileStorage } from '../lib/files';
import { auditVerdictText } from '../modules/audit';
import { storageFromConfig } from '../storage';

export interface ExportDataOptions {
  to?: string;
  'files-dir'?: string;
  'files-to-s3'?: boolean;
  'dry-run'?: boolean;
}

const refuse = (zh: string, en: string) => new ExportRefusedError(`${zh}\n${en}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Where the files are now, where they go (the same object when they stay), in words. */
function fileStorages(config: Config, opts: ExportDataOptions) {
  if (opts['files-to-s3'] && opts['files-dir'])
    throw refuse(
      '--files-to-s3 与 --files-dir 只能选一个',
      'give --files-to-s3 or --files-dir, not both',
    );
  if (opts['files-to-s3']) {
    if (!config.s3)
      throw refuse(
        '--files-to-s3 需要目标存储的 S3_BUCKET、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY（及 S3_ENDPOINT 等）',
        '--files-to-s3 takes the target bucket from S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (and S3_ENDPOINT …)',
      );
    return {
      from: localFileStorage(config.filesDir),
      to: s3FileStorage(config.s3) as FileStorage,
      fromText: config.filesDir,
      toText: `s3 ${config.s3.endpoint} bucket ${config.s3.bucket}`,
    };
  }
  const from = storageFromConfig(config);
  const fromText = config.s3
    ? `s3 ${config.s3.endpoint} bucket ${config.s3.bucket}`
    : config.filesDir;
  if (opts['files-dir']) {
    const dir = path.resolve(opts['files-dir']);
    if (!config.s3 && dir === config.filesDir)
      throw refuse(
        '--files-dir 与当前文件目录相同',
        '--files-dir is the folder the files are in already',
      );
    return { from, to: localFileStorage(dir), fromText, toText: dir };
  }
  return { from, to: from, fromText, toText: fromText };
}

export async function runExportData(config: Config, opts: ExportDataOptions): Promise<number> {
  const url = opts.to;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw refuse(
      '须用 --to postgres://用户@主机:端口/库名 指定目标数据库',
      'give the target database as --to postgres://user@host:port/database',
    );
  if (config.databaseUrl)
    throw refuse(
      'export-data 导出的是内置数据库（DATA_DIR）：运行时请不要设置 DATABASE_URL，目标库用 --to 指定',
      'export-data reads the embedded database in DATA_DIR: unset DATABASE_URL (the target is --to)',
    );
  if (!fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION')))
    throw refuse(
      `${config.dataDir} 中没有内置数据库（pgdata）`,
      `there is no embedded database (pgdata) in ${config.dataDir}`,
    );
  const files = fileStorages(config, opts);
  // opened as every admin command opens it (locked, migrated to this version), but nothing seeded
  const source = await openDatabase({
    kind: 'pglite',
    dataDir: config.dataDir,
    sharedBuffersMb: config.pgliteSharedBuffersMb,
  });
  const shownUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  try {
    if (opts['dry-run']) {
      const plan = await planExport({ source, sourceFiles: files.from, targetUrl: url });
      const total = plan.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `演练，不写入任何内容 DRY RUN, nothing is written: ${config.dataDir} → ${shownUrl}`,
      );
      for (const t of plan.tables) console.log(`  ${t.table}: ${t.rows}`);
      console.log(`  pgboss.job (pending): ${plan.jobs}`);
      console.log(
        `  ${plan.tables.length} tables, ${total} rows; sequences ${plan.sequences
          .map((s) => `${s.name} = ${s.lastValue}`)
          .join(', ')}`,
      );
      console.log(
        files.to === files.from
          ? `  files: ${plan.files.count} (${mb(plan.files.bytes)}) stay in ${files.fromText}`
          : `  files: ${plan.files.count} (${mb(plan.files.bytes)}) would be copied ${files.fromText} → ${files.toText}`,
      );
      console.log(`  source: ${auditVerdictText(plan.sourceAudit)}`);
      const empty = plan.target.tablesWithRows.length === 0;
      console.log(
        `  target: ${plan.target.migrated ? 'migrated' : 'not migrated yet (the export migrates it)'}, ${
          empty
            ? 'empty: it would take the export'
            : `NOT EMPTY, the export would be refused (tables with rows: ${plan.target.tablesWithRows.join(', ')})`
        }`,
      );
      return plan.sourceAudit.ok && empty ? 0 : 1;
    }
    let target: Database;
    try {
      target = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    } catch (e) {
      throw refuse(
        `无法连接或迁移目标数据库 ${shownUrl}：${(e as Error).message}`,
        `could not connect to or migrate the target database ${shownUrl}: ${(e as Error).message}`,
      );
    }
    try {
      console.log(`导出 exporting ${config.dataDir} → ${shownUrl}`);
      const report = await exportData({
        source,
        target,
        sourceFiles: files.from,
        targetFiles: files.to,
        log: (line) => console.log(line),
      });
      const rows = (side: 'source' | 'target') => report.tables.reduce((n, t) => n + t[side], 0);
      console.log(
        [
          `导出完成 export done in ${report.seconds.toFixed(1)} s`,
          `  ${report.tables.length} tables: ${rows('source')} rows → ${rows('target')}`,
          `  sequences: ${report.sequences.map((s) => `${s.name} = ${s.lastValue}`).join(', ')}`,
          `  pgboss.job (pending): ${report.jobs.pending} → ${report.jobs.copied}${
            report.jobs.skippedQueues.length
              ? ` (left out, queues this version no longer has: ${report.jobs.skippedQueues.join(', ')})`
              : ''
          }`,
          report.files.copied
            ? `  files: ${report.files.count} (${mb(report.files.bytes)}) ${files.fromText} → ${files.toText}, each read back equal`
            : `  files: ${report.files.count} (${mb(report.files.bytes)}) stay in ${files.fromText}: the new deployment must use the same FILES_DIR / S3_* settings`,
          `  target: ${auditVerdictText(report.targetAudit!)}`,
        ].join('\n'),
      );
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
