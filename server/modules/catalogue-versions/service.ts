// 目录清单 (issue 15): the organizer publishes the catalogue of solutions by band and category as
// numbered versions (title, 文号, date). In one transaction the listed solutions are re-read (and
// held against a concurrent revocation), every entry checked — a published solution, not revoked
// or withdrawn, listed once — its public facts copied (the version is frozen: never updated), the
// version numbered after the last, and the publication audited. Anyone reads a version with its
// changes against the one before (domain/catalogue-versions), and its open data.
import type {
  CatalogueEntry,
  CatalogueImport,
  CataloguePreview,
  CatalogueVersionList,
  CatalogueView,
} from '../../../domain/api/catalogue-versions';
import { CATALOGUE_OPEN_DATA_FIELDS } from '../../../domain/api/catalogue-versions';
import {
  CATALOGUE_MAX_ENTRIES,
  catalogueChanges,
  catalogueEntryInputSchema,
  duplicatePublicIds,
  groupCatalogue,
  type CatalogueEntryInput,
  type PublishCatalogueInput,
} from '../../../domain/catalogue-versions';
import type { FieldIssue } from '../../../domain/errors';
import { PUBLIC_ID_PATTERN, PUBLISHED_STATUS_LABELS } from '../../../domain/publication';
import { beijingDay } from '../../../domain/registry';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { toCsv } from '../../lib/csv';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { readImportSheet } from '../awards';
import { bandedResultsOf } from '../evaluation';
import * as repo from './repository';

export const cataloguePagePath = (version?: number) =>
  version === undefined ? '/catalogue' : `/catalogue/v/${version}`;
export const solutionPagePath = (publicId: string) => `/solutions/${encodeURIComponent(publicId)}`;

const notFound = (version?: number) =>
  new AppError('NOT_FOUND', {
    message: version === undefined ? '目录清单尚未发布' : `目录清单没有第${version}版`,
    messageEn: version === undefined ? 'No catalogue has been published' : `No version ${version}`,
  });

interface Resolved {
  entries: CatalogueEntry[];
  problems: string[];
  details: FieldIssue[];
}

/** The entries with their published facts, and what stops them from being listed. */
async function resolve(db: Db, input: CatalogueEntryInput[], lock: boolean): Promise<Resolved> {
  const ids = [...new Set(input.map((e) => e.publicId))];
  const found = new Map((await repo.solutionsByIds(db, ids, lock)).map((r) => [r.publicId, r]));
  const problems: string[] = [];
  const details: FieldIssue[] = [];
  const flag = (pred: (e: CatalogueEntryInput) => boolean, message: string) =>
    input.forEach((e, i) => {
      if (pred(e)) details.push({ path: `entries.${i}.publicId`, message });
    });

  const dupes = duplicatePublicIds(input);
  if (dupes.length) {
    problems.push(`公开编号重复：${dupes.join('、')}，每项解决方案只能列入一次`);
    flag((e) => dupes.includes(e.publicId), '公开编号重复');
  }
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    problems.push(`以下公开编号不在已发布的优秀解决方案名单中：${unknown.join('、')}`);
    flag((e) => unknown.includes(e.publicId), '不在已发布的名单中');
  }
  const out = ids.filter((id) => {
    const s = found.get(id)?.status;
    return s === 'revoked' || s === 'withdrawn';
  });
  if (out.length) {
    const label = (id: string) => PUBLISHED_STATUS_LABELS[found.get(id)!.status].zh;
    problems.push(
      `以下解决方案已撤销或已退出，不能列入目录清单：${out.map((id) => `${id}（${label(id)}）`).join('、')}`,
    );
    input.forEach((e, i) => {
      if (out.includes(e.publicId))
        details.push({ path: `entries.${i}.publicId`, message: label(e.publicId) });
    });
  }
  const entries = input.flatMap((e) => {
    const s = found.get(e.publicId);
    return s
      ? [
          {
            publicId: s.publicId,
            band: e.band,
            category: s.category,
            categoryName: s.categoryName,
            solutionName: s.solutionName,
            enterpriseName: s.enterpriseName,
            regionName: s.regionName,
            score: null,
          },
        ]
      : [];
  });
  return { entries, problems, details };
}

/** The changes of `entries` against `previous`, as the API answers them. */
function changesView(previous: repo.CatalogueVersionRow | undefined, entries: CatalogueEntry[]) {
  return {
    previousVersion: previous?.version ?? null,
    ...catalogueChanges(previous?.entries ?? null, entries),
  };
}

/** previewCatalogue: what publishing these entries now would list and change. */
export async function preview(
  deps: Pick<Deps, 'db'>,
  input: CatalogueEntryInput[],
): Promise<CataloguePreview> {
  const [r, latest] = await Promise.all([
    resolve(deps.db, input, false),
    repo.findVersion(deps.db),
  ]);
  const rowProblems = new Map<string, string>();
  for (const d of r.details) {
    const id = input[Number(d.path.split('.')[1])]!.publicId;
    rowProblems.set(id, [rowProblems.get(id), d.message].filter(Boolean).join('；'));
  }
  return {
    problems: r.problems,
    rowProblems: [...rowProblems].map(([publicId, message]) => ({ publicId, message })),
    entries: r.entries,
    version: (latest?.version ?? 0) + 1,
    changes: changesView(latest, r.entries),
  };
}

const dayError = (message: string) =>
  new AppError('VALIDATION_FAILED', { message, details: [{ path: 'publishedOn', message }] });

/** A 系统评价 round's normalised totals by public id; an unknown round is refused. */
async function scoresOf(db: Db, roundId: string): Promise<Map<string, number | null>> {
  try {
    const { results } = await bandedResultsOf(db, roundId);
    return new Map(results.map((x) => [x.publicId, x.score]));
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw new AppError('NOT_FOUND', {
        message: '评价轮次不存在',
        details: [{ path: 'evaluationRoundId', message: '评价轮次不存在' }],
      });
    throw e;
  }
}

/** publishCatalogue */
export async function publish(
  deps: Deps,
  input: PublishCatalogueInput,
  actor: Actor,
): Promise<CatalogueView> {
  const now = deps.clock.now();
  if (input.publishedOn > beijingDay(now)) throw dayError('发布日期不能晚于今天');
  const version = await deps.db.transaction(async (tx) => {
    // started from a 系统评价: each entry keeps its normalised total from that round
    const scores = input.evaluationRoundId
      ? await scoresOf(tx, input.evaluationRoundId)
      : new Map<string, number | null>();
    const latest = await repo.findVersion(tx);
    if (latest && input.publishedOn < latest.publishedOn)
      throw dayError(
        `发布日期不能早于上一版本（第${latest.version}版）的发布日期${latest.publishedOn}`,
      );
    const r = await resolve(tx, input.entries, true);
    for (const e of r.entries) e.score = scores.get(e.publicId) ?? null;
    if (r.problems.length)
      throw new AppError('VALIDATION_FAILED', {
        message: r.problems.join('；'),
        details: r.details,
      });
    const version = (latest?.version ?? 0) + 1;
    const inserted = await repo.insertVersion(tx, {
      version,
      title: input.title,
      documentNo: input.documentNo,
      publishedOn: input.publishedOn,
      evaluationRoundId: input.evaluationRoundId ?? null,
      entries: r.entries,
      publishedBy: actor.userId!,
      publishedAt: now,
    });
    if (!inserted)
      throw new AppError('CONFLICT', {
        message: `第${version}版目录清单刚由他人发布，请刷新后在最新版本上重新核对`,
      });
    const changes = catalogueChanges(latest?.entries ?? null, r.entries);
    await recordAudit(tx, deps.clock, actor, {
      action: 'catalogue.publish',
      targetType: 'catalogue_version',
      targetId: String(version),
      after: {
        version,
        title: input.title,
        documentNo: input.documentNo,
        publishedOn: input.publishedOn,
        entries: r.entries.length,
        added: changes.added.length,
        removed: changes.removed.length,
        bandChanged: changes.bandChanged.length,
        ...(input.evaluationRoundId ? { evaluationRoundId: input.evaluationRoundId } : {}),
      },
      note: `发布第${version}版目录清单《${input.title}》（${input.documentNo}）`,
    });
    return version;
  });
  return getCatalogue(deps, version);
}

function viewOf(
  deps: Pick<Deps, 'config'>,
  row: repo.CatalogueVersionRow,
  previous: repo.CatalogueVersionRow | undefined,
): CatalogueView {
  return {
    version: row.version,
    title: row.title,
    documentNo: row.documentNo,
    publishedOn: row.publishedOn,
    count: row.entries.length,
    publishedAt: row.publishedAt.toISOString(),
    evaluationRoundId: row.evaluationRoundId,
    bands: groupCatalogue(row.entries),
    changes: changesView(previous, row.entries),
    url: `${deps.config.publicUrl}${cataloguePagePath(row.version)}`,
  };
}

/** getCatalogue: the latest version, or the one asked for; 404 when there is none. */
export async function getCatalogue(
  deps: Pick<Deps, 'db' | 'config'>,
  version?: number,
): Promise<CatalogueView> {
  const row = await repo.findVersion(deps.db, version);
  if (!row) throw notFound(version);
  return viewOf(deps, row, await repo.previousVersion(deps.db, row.version));
}

/** listCatalogueVersions */
export async function listVersions(deps: Pick<Deps, 'db'>): Promise<CatalogueVersionList> {
  return { items: await repo.listVersions(deps.db) };
}

/** Every version with its changes, newest first (the public pages' version list and 变更). */
export async function allVersionViews(deps: Pick<Deps, 'db' | 'config'>): Promise<CatalogueView[]> {
  const rows = await repo.allVersions(deps.db);
  return rows.map((r, i) => viewOf(deps, r, rows[i - 1])).reverse();
}

// ------------------------------------------------------------ import

const HEADERS = {
  publicId: ['公开编号', 'publicid', 'public_id', '编号'],
  band: ['等级', '类别等级', '档次', 'band', '分档'],
};

/**
 * importCatalogueEntries: an XLSX or UTF-8 CSV with the columns 公开编号 and 等级 (publicId, band).
 * Nothing is stored: the rows read come back with each row's problems, for the organizer to fix in
 * the table before the preview.
 */
export async function importEntries(bytes: Buffer): Promise<CatalogueImport> {
  const sheet = await readImportSheet(bytes);
  const [header, ...rows] = sheet.rows;
  const names = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const col = (keys: string[]) => names.findIndex((n) => keys.includes(n));
  const idCol = col(HEADERS.publicId);
  const bandCol = col(HEADERS.band);
  if (!header || idCol < 0 || bandCol < 0)
    throw new AppError('FILE_REJECTED', {
      message: '表格第一行应为列名：公开编号、等级（或 publicId、band）',
    });
  if (rows.length > CATALOGUE_MAX_ENTRIES)
    throw new AppError('FILE_REJECTED', {
      message: `表格最多${CATALOGUE_MAX_ENTRIES}行（不含列名）`,
    });
  const out: CatalogueImport = { entries: [], problems: [] };
  const seen = new Map<string, number>();
  for (const r of rows) {
    const raw = { publicId: r.cells[idCol] ?? '', band: r.cells[bandCol] ?? '' };
    if (!raw.publicId.trim() && !raw.band.trim()) continue;
    const parsed = catalogueEntryInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        out.problems.push({
          row: r.rowNo,
          column: issue.path[0] === 'band' ? '等级' : '公开编号',
          message: issue.message,
        });
      continue;
    }
    if (!PUBLIC_ID_PATTERN.test(parsed.data.publicId)) {
      out.problems.push({
        row: r.rowNo,
        column: '公开编号',
        message: `“${parsed.data.publicId}”不是公开编号，应如 2021-IIAPP-001`,
      });
      continue;
    }
    const first = seen.get(parsed.data.publicId);
    if (first !== undefined) {
      out.problems.push({
        row: r.rowNo,
        column: '公开编号',
        message: `与第${first}行重复`,
      });
      continue;
    }
    seen.set(parsed.data.publicId, r.rowNo);
    out.entries.push({ row: r.rowNo, ...parsed.data });
  }
  return out;
}

// ------------------------------------------------------------ open data

export interface CatalogueOpenData {
  title: string;
  version: number;
  documentNo: string;
  publishedOn: string;
  count: number;
  items: Record<(typeof CATALOGUE_OPEN_DATA_FIELDS)[number], string | number>[];
}

/** The open data of the latest version or of one version: one record per entry, in band order. */
export async function openData(
  deps: Pick<Deps, 'db' | 'config'>,
  version?: number,
): Promise<CatalogueOpenData> {
  const v = await getCatalogue(deps, version);
  const items = v.bands.flatMap((b) =>
    b.categories.flatMap((c) =>
      c.entries.map((e) => ({
        version: v.version,
        documentNo: v.documentNo,
        publishedOn: v.publishedOn,
        band: e.band,
        publicId: e.publicId,
        solutionName: e.solutionName,
        enterpriseName: e.enterpriseName,
        category: e.category,
        categoryName: e.categoryName,
        regionName: e.regionName,
        url: `${deps.config.publicUrl}${solutionPagePath(e.publicId)}`,
      })),
    ),
  );
  return {
    title: v.title,
    version: v.version,
    documentNo: v.documentNo,
    publishedOn: v.publishedOn,
    count: items.length,
    items,
  };
}

/** The same records as CSV: UTF-8 with BOM, one column per field (formula-like text kept as text). */
export function openDataCsv(file: CatalogueOpenData): Buffer {
  const rows = file.items.map((r) => CATALOGUE_OPEN_DATA_FIELDS.map((f) => String(r[f])));
  return Buffer.from(`\uFEFF${toCsv([[...CATALOGUE_OPEN_DATA_FIELDS], ...rows])}`, 'utf8');
}
