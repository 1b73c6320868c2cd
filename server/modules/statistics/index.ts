// The statistics module's public face: the routes, and the figures the analysis report reads.
export { statisticsRoutes } from './routes';
export {
  filingTimeline,
  statisticsBreakdown,
  statisticsCampaign,
  statisticsOverview,
  statisticsTable,
  winnerMonitoring,
  type StatChart,
  type StatScope,
} from './service';
export { authorizeStatistics } from './policy';
export { backfillStatKeys, refreshStatKeys } from './repository';
