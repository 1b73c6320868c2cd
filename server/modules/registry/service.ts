// 申报项目库: every application of a call that reached the ministry, across units, filtered and
// searched; its export as a workbook, and 批量下载 — a ZIP of each application's frozen version as
// printed (PDF) with its attachments, plus the workbook.
import type {
  RegistryFilters,
  RegistryList,
  RegistryQuery,
  RegistryRow,
} from '../../../domain/api/registry';
import { AUDIT_STATE_NAMES } from '../../../domain/audit-actions';
import {
  DUPLICATE_FLAG_LABELS,
  FORMAL_CHECK_LABELS,
  PAPER_FILTER_LABELS,
  REGISTRY_SORT_LABELS,
  REGISTRY_ZIP_MAX,
} from '../../../domain/registry';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { AppError } from '../../lib/errors';
import { findApplication, findVersion, printVersion, readAttachment } from '../applications';
import { findCampaign, type CampaignRow } from '../campaigns';
import { findRecommenderUnit } from '../recommender-units';
import { industryNames, regionNames } from '../reference';
import { paperStatusOf } from './paper';
import * as repo from './repository';
import { registryRowView, type RegistryLookups } from './views';
import { safeName, uniqueName, zipStream, type ZipEntry } from './zip';

async function campaignOf(db: Db, idOrCode: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

async function lookupsOf(db: Db, campaign: CampaignRow): Promise<RegistryLookups> {
  return { categories: campaign.settings.categories, regionNames: await regionNames(db) };
}

/** Rows as the API shows them: facts, names, and each one's paper standing. */
async function rowsOf(
  db: Db,
  rows: repo.RegistrySourceRow[],
  lookups: RegistryLookups,
): Promise<RegistryRow[]> {
  const paper = await paperStatusOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => registryRowView(r, paper.get(r.id), lookups));
}

/** A page of the registry. */
export async function registryPage(
  deps: Pick<Deps, 'db'>,
  idOrCode: string,
  q: RegistryQuery,
): Promise<RegistryList> {
  const campaign = await campaignOf(deps.db, idOrCode);
  const { page, pageSize, ...filters } = q;
  const [rows, total, lookups] = await Promise.all([
    repo.listRegistry(deps.db, campaign.id, filters, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
    repo.countRegistry(deps.db, campaign.id, filters),
    lookupsOf(deps.db, campaign),
  ]);
  return { items: await rowsOf(deps.db, rows, lookups), total, page, pageSize };
}

/** An export holds every row the filters leave; far more than a call ever has. */
const EXPORT_MAX = 10_000;

async function allRows(db: Db, campaign: CampaignRow, filters: RegistryFilters) {
  const rows = await repo.listRegistry(db, campaign.id, filters, { limit: EXPORT_MAX, offset: 0 });
  return rowsOf(db, rows, await lookupsOf(db, campaign));
}

/** The filters in words, for the workbook's header: 推荐单位：北京市；纸质材料：未收到. */
async function describeFilters(db: Db, campaign: CampaignRow, f: RegistryFilters): Promise<string> {
  const parts: string[] = [];
  if (f.unitId)
    parts.push(`推荐单位：${(await findRecommenderUnit(db, f.unitId))?.name ?? f.unitId}`);
  if (f.category)
    parts.push(
      `申报类别：${campaign.settings.categories.find((c) => c.code === f.category)?.name ?? f.category}`,
    );
  if (f.province) parts.push(`地区：${(await regionNames(db))[f.province] ?? f.province}`);
  if (f.industry) {
    const code = /^[A-Ta-t]$/.test(f.industry)
      ? f.industry.toUpperCase()
      : f.industry.replace(/^[A-Ta-t]/, '');
    const name = (await industryNames(db, [code]))[code];
    parts.push(`所属行业：${name ? `${code} ${name}` : code}`);
  }
  if (f.state) parts.push(`状态：${AUDIT_STATE_NAMES[f.state] ?? f.state}`);
  if (f.duplicates) parts.push(`疑似重复：${DUPLICATE_FLAG_LABELS[f.duplicates]}`);
  if (f.paper) parts.push(`纸质材料：${PAPER_FILTER_LABELS[f.paper]}`);
  if (f.formalCheck) parts.push(`形式审查：${FORMAL_CHECK_LABELS[f.formalCheck]}`);
  if (f.q) parts.push(`检索：“${f.q}”`);
  const filters = parts.length ? parts.join('；') : '全部';
  return `${filters}（${REGISTRY_SORT_LABELS[f.sort]}${f.order === 'desc' ? '，倒序' : ''}）`;
}

async function workbookOf(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  campaign: CampaignRow,
  rows: RegistryRow[],
  filters: RegistryFilters,
) {
  const info = {
    campaignTitle: campaign.title,
    filters: await describeFilters(deps.db, campaign, filters),
    exportedAt: deps.clock.now(),
  };
  return runInWorker(deps.config, 'xlsx', 'registry', { rows, info });
}

/** The filtered registry as a workbook, with its file name. */
export async function registryXlsx(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  idOrCode: string,
  filters: RegistryFilters,
) {
  const campaign = await campaignOf(deps.db, idOrCode);
  const rows = await allRows(deps.db, campaign, filters);
  const bytes = await workbookOf(deps, campaign, rows, filters);
  return { bytes, filename: `申报项目库-${campaign.year}.xlsx` };
}

/** 〈单位〉-〈序号〉-〈方案名〉: an application's folder in the ZIP. */
export function folderOf(r: Pick<RegistryRow, 'unitName' | 'rank' | 'solutionName'>): string {
  const rank = r.rank === null ? '00' : String(r.rank).padStart(2, '0');
  return `${safeName(r.unitName, 40)}-${rank}-${safeName(r.solutionName, 60)}`;
}

/** Each application's frozen version as printed, then its attachments, one file at a time. */
async function* entriesOf(
  deps: Deps,
  rows: RegistryRow[],
  workbook: Buffer,
  now: Date,
): AsyncGenerator<ZipEntry> {
  yield { name: '申报项目库.xlsx', bytes: workbook, mtime: now };
  const folders = new Set<string>();
  for (const r of rows) {
    const folder = uniqueName(folderOf(r), folders);
    const app = await findApplication(deps.db, r.id);
    if (!app?.currentVersionNo) continue;
    const version = await findVersion(deps.db, app.id, app.currentVersionNo);
    if (!version) continue;
    const files = new Set<string>();
    const pdf = await printVersion(deps, app, version.versionNo, 'pdf');
    yield {
      name: `${folder}/${uniqueName(`申报书-第${version.versionNo}版.pdf`, files)}`,
      bytes: pdf.bytes,
      mtime: version.submittedAt,
    };
    const missing: string[] = [];
    for (const a of version.attachments) {
      const found = await readAttachment(deps, app.id, a.id).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      if (!found) {
        missing.push(a.filename);
        continue;
      }
      yield {
        name: `${folder}/${uniqueName(safeName(a.filename, 80), files)}`,
        bytes: found.bytes,
        mtime: version.submittedAt,
      };
    }
    if (missing.length)
      yield {
        name: `${folder}/${uniqueName('附件缺失说明.txt', files)}`,
        bytes: Buffer.from(
          `以下附件在文件存储中未找到，请联系平台管理员：\r\n${missing.join('\r\n')}\r\n`,
          'utf8',
        ),
        mtime: now,
      };
  }
}

/**
 * 批量下载: refused beyond REGISTRY_ZIP_MAX applications (before anything is sent), else a stream
 * of the ZIP, written while it is sent.
 */
export async function registryZip(deps: Deps, idOrCode: string, filters: RegistryFilters) {
  const campaign = await campaignOf(deps.db, idOrCode);
  const total = await repo.countRegistry(deps.db, campaign.id, filters);
  if (total > REGISTRY_ZIP_MAX)
    throw new AppError('EXPORT_TOO_LARGE', {
      message: `符合条件的申报书共 ${total} 份，超过一次批量下载的上限 ${REGISTRY_ZIP_MAX} 份：请按推荐单位、申报类别或地区等筛选后分批下载`,
      messageEn: `${total} applications match; one download holds at most ${REGISTRY_ZIP_MAX}. Narrow the filters and download in parts`,
      details: { total, max: REGISTRY_ZIP_MAX },
    });
  const rows = await allRows(deps.db, campaign, filters);
  const workbook = await workbookOf(deps, campaign, rows, filters);
  return {
    stream: zipStream(entriesOf(deps, rows, workbook, deps.clock.now())),
    filename: `申报项目库-${campaign.year}.zip`,
  };
}
