// What the statistics routes answer, from the repository's rows: campaign figures, the
// drill-down's items, and a public table with its small cells suppressed.
import type { Breakdown, DrillDown, Overview } from '../../../domain/api/statistics';
import { suppressSmallCells } from '../../../domain/statistics';
import type { CampaignFigureRow, DrillDownRow } from './repository';

export function figuresView(
  c: { id: string; code: string; year: number; title: string },
  row: CampaignFigureRow | undefined,
): Overview['campaign'] {
  return {
    campaignId: c.id,
    code: c.code,
    year: c.year,
    title: c.title,
    submitted: row?.submitted ?? 0,
    recommended: row?.recommended ?? 0,
    forwarded: row?.forwarded ?? 0,
    awarded: row?.awarded ?? 0,
    provinces: row?.provinces ?? 0,
  };
}

export function drillDownItemView(r: DrillDownRow): DrillDown['items'][number] {
  return {
    id: r.id,
    solutionName: r.solutionName,
    applicantName: r.applicantName,
    unitName: r.unitName,
    state: r.state,
    submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
  };
}

/** A breakdown as a public table: submitted counts, 1–2 (and a give-away second cell) as null. */
export function publicTableView(b: Breakdown) {
  const counts = suppressSmallCells(b.rows.map((r) => r.submitted));
  return b.rows.map((r, i) => ({ key: r.key, label: r.label, count: counts[i] ?? null }));
}
