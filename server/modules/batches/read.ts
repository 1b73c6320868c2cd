import { effectiveQuota } from '../../../domain/recommender-units';
import type { Db } from '../../db/client';
import { factsOf } from '../../../domain/facts';
import { formOfCampaign, type CampaignRow } from '../campaigns';
import { duplicateStandings } from '../duplicates';
import type { RecommenderUnitRow } from '../recommender-units';
import { industryNames, regionNames } from '../reference';
import { findBatch, findDocument, listSummarySources } from './repository';
import {
  shanghaiDateLabel,
  summaryRow,
  type SummaryDocument,
  type SummaryRow,
} from './summary-table';
import type { BatchView } from './views';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export async function summaryRows(
  db: Db,
  campaign: CampaignRow,
  unitId: string,
): Promise<SummaryRow[]> {
  const sources = await listSummarySources(db, unitId, campaign.id);
  const form = await formOfCampaign(db, campaign);
  const codes = sources.flatMap((s) => factsOf(form, s.data).industries);
  const lookups = {
    categories: campaign.settings.categories,
    regionNames: await regionNames(db),
    industryNames: await industryNames(db, [...new Set(codes)]),
  };
  const columns = campaign.settings.summaryTable.columns;
  return sources.map((s, i) => summaryRow(s, form, i + 1, lookups, columns));
}

export async function loadBatchView(
  db: Db,
  campaign: CampaignRow,
  unit: RecommenderUnitRow,
): Promise<BatchView> {
  const [batch, rows] = await Promise.all([
    findBatch(db, campaign.id, unit.id),
    summaryRows(db, campaign, unit.id),
  ]);
  const scan = batch?.stampedScanId ? await findDocument(db, batch.stampedScanId) : undefined;
  const standings = await duplicateStandings(
    db,
    rows.map((r) => r.applicationId),
  );
  return {
    id: batch?.id ?? null,
    campaignId: campaign.id,
    unitId: unit.id,
    unitName: unit.name,
    unitType: unit.type,
    state: batch?.state ?? 'open',
    quota: effectiveQuota(campaign.settings, unit),
    recommended: rows.length,
    signedOffAt: iso(batch?.signedOffAt),
    reopenedAt: iso(batch?.reopenedAt),
    reopenReason: batch?.reopenReason ?? null,
    stampedScan: scan
      ? {
          id: scan.id,
          filename: scan.filename,
          mime: scan.mime,
          size: scan.size,
          createdAt: scan.createdAt.toISOString(),
        }
      : null,
    rows: rows.map((r) => ({
      ...r,
      flagged: standings.has(r.applicationId),
      duplicate: standings.get(r.applicationId) ?? null,
    })),
  };
}

/** What 附件3 prints; dated the day of the sign-off once signed off, else today. */
export async function summaryDocument(
  db: Db,
  campaign: CampaignRow,
  unit: RecommenderUnitRow,
  now: Date,
): Promise<SummaryDocument> {
  const [batch, rows] = await Promise.all([
    findBatch(db, campaign.id, unit.id),
    summaryRows(db, campaign, unit.id),
  ]);
  return {
    title: campaign.settings.summaryTable.title,
    columns: campaign.settings.summaryTable.columns,
    unitName: unit.name,
    date: shanghaiDateLabel(batch?.signedOffAt ?? now),
    rows,
  };
}
