import { revenueYearsOf } from '../../../domain/follow-up-report';
import type { Deps } from '../../lib/deps';
import type { CampaignRow } from '../campaigns/repository';
import { findRecommenderUnit } from '../recommender-units/repository';
import { industryNames } from '../reference/repository';
import type { FollowUpScope } from './policy';
import { listFollowUpRows } from './repository';
import { followUpSummaryXlsx, shanghaiDateLabel, summaryFilename } from './summary';

/** The 附件4 summary of a unit (or of every unit) in a campaign, as an XLSX file. */
export async function followUpSummary(
  deps: Deps,
  campaign: CampaignRow,
  scope: Exclude<FollowUpScope, { kind: 'enterprise' }>,
) {
  const awardYears = campaign.settings.followUpAwardYears;
  const unitId = scope.kind === 'unit' ? scope.unitId : undefined;
  const [rows, unit] = await Promise.all([
    listFollowUpRows(deps.db, { campaignId: campaign.id, years: awardYears, unitId }),
    unitId ? findRecommenderUnit(deps.db, unitId) : undefined,
  ]);
  const codes = new Set<string>();
  for (const { report } of rows) {
    const reached = (report?.data.promotion as { industriesReached?: unknown } | undefined)
      ?.industriesReached;
    if (report?.state === 'submitted' && Array.isArray(reached))
      for (const c of reached) if (typeof c === 'string') codes.add(c);
  }
  const unitName = unit?.name ?? null;
  const bytes = await followUpSummaryXlsx({
    unitName,
    date: shanghaiDateLabel(deps.clock.now()),
    awardYears,
    revenueYears: awardYears.length
      ? revenueYearsOf({ awardYear: Math.min(...awardYears), campaignYear: campaign.year })
      : [],
    industryNames: await industryNames(deps.db, [...codes]),
    rows,
  });
  return { bytes, filename: summaryFilename(unitName) };
}
