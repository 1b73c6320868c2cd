// What an expert's fields name must exist: a region of GB/T 2260, industries of GB/T 4754, the
// categories and focus areas of the campaigns (experts belong to no one campaign), recommending
// units. Loaded once per request (or import) and checked in memory.
import type { FieldIssue } from '../../../domain/errors';
import type { Db } from '../../db/client';
import { listCampaignRows } from '../campaigns';
import { industryNames, listRegionRows } from '../reference';
import { listRecommenderUnitRows } from '../recommender-units';

export interface ExpertReferences {
  /** category code → name, over every campaign */
  categories: Map<string, string>;
  /** category name → code */
  categoryByName: Map<string, string>;
  focusAreas: Set<string>;
  regions: Map<string, string>;
  /** a region's name → its code; null when several regions have that name */
  regionByName: Map<string, string | null>;
  units: Map<string, string>;
  /** a unit's exact name → its id */
  unitByName: Map<string, string>;
}

export async function loadReferences(db: Db): Promise<ExpertReferences> {
  const [campaigns, regions, units] = await Promise.all([
    listCampaignRows(db),
    listRegionRows(db),
    listRecommenderUnitRows(db, { includeInactive: true }),
  ]);
  const categories = new Map<string, string>();
  const focusAreas = new Set<string>();
  for (const c of campaigns)
    for (const cat of c.settings.categories) {
      if (!categories.has(cat.code)) categories.set(cat.code, cat.name);
      for (const f of cat.focusAreas) focusAreas.add(f);
    }
  // 北京市 is the province and its city: the name means the city; other shared names are ambiguous
  const regionByName = new Map<string, string | null>();
  const parentOf = new Map(regions.map((r) => [r.code, r.parentCode]));
  for (const r of regions) {
    const other = regionByName.get(r.name);
    if (other === undefined) regionByName.set(r.name, r.code);
    else if (other !== null && parentOf.get(r.code) === other) regionByName.set(r.name, r.code);
    else if (other !== null && parentOf.get(other) === r.code) continue;
    else regionByName.set(r.name, null);
  }
  return {
    categories,
    categoryByName: new Map([...categories].map(([code, name]) => [name, code])),
    focusAreas,
    regions: new Map(regions.map((r) => [r.code, r.name])),
    regionByName,
    units: new Map(units.map((u) => [u.unit.id, u.unit.name])),
    unitByName: new Map(units.map((u) => [u.unit.name.trim(), u.unit.id])),
  };
}

/** A code as forms write it (C3451) or bare (3451); the section letter alone stays (C). */
export const industryCode = (code: string) => {
  const c = code.trim().toUpperCase();
  return /^[A-T]\d{2,4}$/.test(c) ? c.slice(1) : c;
};

/** The codes of this list that GB/T 4754-2017 has. */
export async function knownIndustries(db: Db, codes: string[]): Promise<Set<string>> {
  return new Set(Object.keys(await industryNames(db, [...new Set(codes)])));
}

/** What an expert's fields name that does not exist, at its path (the single create and update). */
export async function referenceIssues(
  db: Db,
  refs: ExpertReferences,
  e: {
    regionCode?: string;
    categories?: string[];
    industries?: string[];
    focusAreas?: string[];
    conflictUnitIds?: string[];
  },
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (e.regionCode !== undefined && !refs.regions.has(e.regionCode))
    issues.push({
      path: 'regionCode',
      message: `地区代码 ${e.regionCode} 不在行政区划（GB/T 2260）中`,
    });
  e.categories?.forEach((c, i) => {
    if (!refs.categories.has(c))
      issues.push({ path: `categories.${i}`, message: `申报类别“${c}”不是任何活动的申报类别` });
  });
  if (e.industries?.length) {
    const known = await knownIndustries(db, e.industries);
    e.industries.forEach((c, i) => {
      if (!known.has(c))
        issues.push({
          path: `industries.${i}`,
          message: `行业代码 ${c} 不在国民经济行业分类（GB/T 4754-2017）中`,
        });
    });
  }
  e.focusAreas?.forEach((f, i) => {
    if (!refs.focusAreas.has(f))
      issues.push({ path: `focusAreas.${i}`, message: `聚焦领域“${f}”不是任何申报类别的聚焦领域` });
  });
  e.conflictUnitIds?.forEach((id, i) => {
    if (!refs.units.has(id))
      issues.push({ path: `conflictUnitIds.${i}`, message: '所选推荐单位不存在' });
  });
  return issues;
}
