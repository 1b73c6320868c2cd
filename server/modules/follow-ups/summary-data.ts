import { fieldAtPath } from '../../../domain/form-values';
import { followUpContextOf } from '../../../domain/forms';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { formOfCampaign, type CampaignRow } from '../campaigns';
import { findRecommenderUnit } from '../recommender-units';
import { industryNames } from '../reference';
import type { FollowUpScope } from './policy';
import { listFollowUpRows } from './repository';
import { shanghaiDateLabel, summaryFilename } from './summary';

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
  const form = await formOfCampaign(deps.db, campaign, 'followUp');
  // the industry codes of the submitted reports, from every industries field the form declares
  const codes = new Set<string>();
  for (const { report } of rows) {
    if (report?.state !== 'submitted') continue;
    for (const [section, fields] of Object.entries(report.data))
      for (const [key, value] of Object.entries(fields ?? {}))
        if (fieldAtPath(form, [section, key])?.type === 'industries' && Array.isArray(value))
          for (const c of value as unknown[]) if (typeof c === 'string') codes.add(c);
  }
  // revenue is asked for from the earliest award year on
  const ctx = awardYears.length
    ? followUpContextOf(campaign.settings, {
        awardYear: Math.min(...awardYears),
        campaignYear: campaign.year,
      })
    : undefined;
  const keyed = form.sections.find((s) => s.rows?.keyedBy)?.rows?.keyedBy;
  const unitName = unit?.name ?? null;
  const bytes = await runInWorker(deps.config, 'xlsx', 'followUpSummary', {
    unitName,
    date: shanghaiDateLabel(deps.clock.now()),
    awardYears,
    form,
    revenueYears: (keyed && ctx?.rowKeys?.[keyed.list]?.filter((y) => typeof y === 'number')) || [],
    industryNames: await industryNames(deps.db, [...codes]),
    rows,
  });
  return { bytes, filename: summaryFilename(unitName) };
}
