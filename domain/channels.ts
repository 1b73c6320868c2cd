// Which recommending unit (推荐渠道) an enterprise may file through (DESIGN §1 Routing).
import type { RecommenderUnitType } from './recommender-units';

export interface ChannelUnit {
  id: string;
  type: RecommenderUnitType;
  regionCode: string | null;
  active: boolean;
}

export interface EnterpriseRegion {
  provinceCode: string;
  cityCode: string;
}

const XPCC_PROVINCE = '650000';

/** Its region's 主管部门: the 计划单列市 for those five cities, otherwise the province. */
export function defaultChannel<U extends ChannelUnit>(
  units: U[],
  e: EnterpriseRegion,
): U | undefined {
  const active = units.filter((u) => u.active);
  return (
    active.find((u) => u.type === 'plan_separate_city' && u.regionCode === e.cityCode) ??
    active.find((u) => u.type === 'province' && u.regionCode === e.provinceCode)
  );
}

/**
 * Regional channels are bound to the enterprise's region (an enterprise of a 计划单列市 goes through
 * the city, not the province); any central enterprise group or national association may be chosen —
 * membership is for the recommender to judge.
 */
export function isChannelAllowed(
  unit: ChannelUnit,
  e: EnterpriseRegion,
  cityIsPlanSeparate: boolean,
): boolean {
  if (!unit.active) return false;
  switch (unit.type) {
    case 'province':
      return unit.regionCode === e.provinceCode && !cityIsPlanSeparate;
    case 'plan_separate_city':
      return unit.regionCode === e.cityCode;
    case 'xpcc':
      return e.provinceCode === XPCC_PROVINCE;
    case 'central_enterprise':
    case 'association':
      return true;
  }
}
