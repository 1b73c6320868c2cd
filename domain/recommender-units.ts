// 推荐单位: who may recommend applications, and how many (推荐数量).

export const RECOMMENDER_UNIT_TYPES = [
  'province', // 省、自治区、直辖市
  'plan_separate_city', // 计划单列市
  'xpcc', // 新疆生产建设兵团
  'central_enterprise', // 中央企业（集团）
  'association', // 全国性工业行业协会（联合会）
] as const;
export type RecommenderUnitType = (typeof RECOMMENDER_UNIT_TYPES)[number];

/** The notice sets quotas for three groups of recommenders. */
export const QUOTA_GROUPS = ['region', 'central_enterprise', 'association'] as const;
export type QuotaGroup = (typeof QUOTA_GROUPS)[number];

export function quotaGroupOf(type: RecommenderUnitType): QuotaGroup {
  if (type === 'central_enterprise' || type === 'association') return type;
  return 'region';
}

export const RECOMMENDER_UNIT_TYPE_LABELS: Record<RecommenderUnitType, { zh: string; en: string }> =
  {
    province: { zh: '省级工业和信息化主管部门', en: 'Province' },
    plan_separate_city: { zh: '计划单列市工业和信息化主管部门', en: 'Separately planned city' },
    xpcc: { zh: '新疆生产建设兵团工业和信息化主管部门', en: 'XPCC' },
    central_enterprise: { zh: '中央企业（集团）', en: 'Central enterprise group' },
    association: { zh: '全国性工业行业协会（联合会）', en: 'National industry association' },
  };

/** A unit's quota in a campaign: the campaign's override for it, else the unit's, else its group's. */
export function effectiveQuota(
  settings: { quotas: Record<QuotaGroup, number>; quotaOverrides?: Record<string, number> },
  unit: { id: string; type: RecommenderUnitType; quotaOverride: number | null },
): number {
  return (
    settings.quotaOverrides?.[unit.id] ??
    unit.quotaOverride ??
    settings.quotas[quotaGroupOf(unit.type)]
  );
}
