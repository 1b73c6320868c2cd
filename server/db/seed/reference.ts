import fs from 'node:fs';
import { MIIT_2021 } from '../../../domain/campaigns/miit-2021';
import type { CampaignDeclaration } from '../../../domain/campaign';
import type { RecommenderUnitType } from '../../../domain/recommender-units';
import { parseCsv } from '../../lib/csv';
import type { Db } from '../client';
import { findCampaign, insertCampaign, backfillCampaignConfig } from '../../modules/campaigns';
import { backfillFacts } from '../../modules/applications';
import { backfillStatKeys } from '../../modules/statistics';
import { insertRecommenderUnits } from '../../modules/recommender-units';
import { projectPath } from '../../lib/paths';
import { insertIndustries, insertRegions, lockSeeding, readMeta, writeMeta } from './repository';

const dataFile = (name: string) => projectPath('server/db/seed/data', name);
const REFERENCE_VERSION = 1;

/** National industry associations have no public list here: a few examples, organizers add more. */
export const SEED_ASSOCIATIONS = [
  '中国机械工业联合会',
  '中国钢铁工业协会',
  '中国石油和化学工业联合会',
  '中国轻工业联合会',
  '中国纺织工业联合会',
  '中国电子信息行业联合会',
  '中国建筑材料联合会',
  '中国有色金属工业协会',
];

function regionRows() {
  const { regions } = JSON.parse(fs.readFileSync(dataFile('gbt2260_regions.json'), 'utf8')) as {
    regions: { code: string; name: string; level: number; parent: string | null }[];
  };
  return regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent }));
}

function industryRows() {
  const rows = parseCsv(
    fs.readFileSync(dataFile('gbt4754_2017_industry_classification.csv'), 'utf8'),
  );
  const codes = new Set(rows.map((r) => r.code));
  return rows.map((r) => {
    const level = Number(r.level);
    // A 小类 whose 中类 holds only it has no 中类 row: its parent is then the 大类.
    const parent =
      level === 1
        ? null
        : level === 2
          ? r.section!
          : level === 3
            ? r.division!
            : codes.has(r.group!)
              ? r.group!
              : r.division!;
    return {
      code: r.code!,
      level,
      name: r.name!,
      parentCode: parent,
      section: r.section!,
      remark: r.remark ?? '',
    };
  });
}

function unitRows() {
  const regional = parseCsv(
    fs.readFileSync(dataFile('recommending_units_regions.csv'), 'utf8'),
  ).map((r, i) => ({
    name: r.unit_type === 'xpcc' ? '新疆生产建设兵团' : r.region_name!,
    type: (r.unit_type === 'plan_separate_city'
      ? 'plan_separate_city'
      : r.unit_type) as RecommenderUnitType,
    regionCode: r.gbt2260_code || null,
    sortOrder: i,
  }));
  const central = parseCsv(
    fs.readFileSync(dataFile('sasac_central_enterprises_2025.csv'), 'utf8'),
  ).map((r) => ({
    name: r.name!,
    type: 'central_enterprise' as const,
    regionCode: null,
    sortOrder: Number(r.seq),
  }));
  const associations = SEED_ASSOCIATIONS.map((name, i) => ({
    name,
    type: 'association' as const,
    regionCode: null,
    sortOrder: i,
  }));
  return [...regional, ...central, ...associations];
}

export function campaignRow(c: CampaignDeclaration) {
  return {
    code: c.code,
    year: c.year,
    title: c.title,
    docNumber: c.docNumber,
    issuer: c.issuer,
    publishedOn: c.publishedOn,
    opensAt: new Date(c.opensAt),
    onlineDeadline: new Date(c.onlineDeadline),
    paperDeadline: new Date(c.paperDeadline),
    settings: c.settings,
  };
}

/**
 * Regions, industries, recommending units and the 2021 campaign, once per database; then the
 * data backfills of later migrations (a campaign's forms, applications' facts and their
 * 监测分析 keys), which do
 * nothing when there is nothing left to fill.
 */
export async function seedReference(db: Db): Promise<boolean> {
  const seeded = await seedOnce(db);
  await db.transaction(async (tx) => {
    await lockSeeding(tx); // several nodes starting together fill in once
    await backfillCampaignConfig(tx);
    await backfillFacts(tx);
    await backfillStatKeys(tx);
  });
  return seeded;
}

async function seedOnce(db: Db): Promise<boolean> {
  if ((await readMeta(db, 'reference_seed')) === REFERENCE_VERSION) return false;
  return db.transaction(async (tx) => {
    await lockSeeding(tx);
    if ((await readMeta(tx, 'reference_seed')) === REFERENCE_VERSION) return false;
    await insertRegions(tx, regionRows());
    await insertIndustries(tx, industryRows());
    await insertRecommenderUnits(tx, unitRows());
    if (!(await findCampaign(tx, MIIT_2021.code))) await insertCampaign(tx, campaignRow(MIIT_2021));
    await writeMeta(tx, 'reference_seed', REFERENCE_VERSION);
    return true;
  });
}
