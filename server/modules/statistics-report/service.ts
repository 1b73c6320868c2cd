// The 年度监测分析报告 of a campaign: the figures from the statistics module (its public service
// functions, the same the dashboard's routes answer with), the text and tables from them, the
// charts drawn on the server, then PDF or DOCX.
import type { ReportFacts } from '../../../domain/statistics-report';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import {
  filingTimeline,
  statisticsBreakdown,
  statisticsCampaign,
  statisticsOverview,
  winnerMonitoring,
  type StatScope,
} from '../statistics';
import type { CampaignRow } from '../campaigns';
import { reportChartSpecs } from './chart-specs';
import { reportContent, type ReportContent } from './content';

export const REPORT_MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const ALL: StatScope = { kind: 'all' };

/** Every figure the report states, for the whole campaign (no filter). */
export async function reportFacts(
  deps: Pick<Deps, 'db'>,
  campaign: CampaignRow,
): Promise<ReportFacts> {
  const breakdown = (d: Parameters<typeof statisticsBreakdown>[3]) =>
    statisticsBreakdown(deps, campaign, ALL, d, {});
  // one after the other: the database connection is shared anyway
  const overview = await statisticsOverview(deps, campaign, ALL, {});
  const category = await breakdown('category');
  const province = await breakdown('province');
  const industrySection = await breakdown('industrySection');
  const recommenderGroup = await breakdown('recommenderGroup');
  const unit = await breakdown('unit');
  const deployment = await breakdown('deployment');
  const appCount = await breakdown('appCount');
  const timeline = await filingTimeline(deps, campaign, ALL, {});
  const winners = await winnerMonitoring(deps, campaign, ALL, {});
  return {
    overview,
    category,
    province,
    industrySection,
    recommenderGroup,
    unit,
    deployment,
    appCount,
    timeline,
    winners,
  };
}

/** The report's content (text, tables, charts) of a campaign by id or code. */
export async function analysisReportContent(
  deps: Pick<Deps, 'db' | 'clock'>,
  idOrCode: string,
): Promise<ReportContent> {
  const campaign = await statisticsCampaign(deps, idOrCode);
  const facts = await reportFacts(deps, campaign);
  return reportContent(facts, { generatedAt: deps.clock.now(), charts: reportChartSpecs(facts) });
}

/** The report as a file, with its name. */
export async function analysisReport(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  idOrCode: string,
  format: 'pdf' | 'docx',
): Promise<{ bytes: Buffer; filename: string }> {
  const content = await analysisReportContent(deps, idOrCode);
  const bytes = await runInWorker(
    deps.config,
    'print',
    format === 'pdf' ? 'statisticsReportPdf' : 'statisticsReportDocx',
    content,
  );
  return { bytes, filename: `${content.title}.${format}` };
}
