import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  breakdownQuerySchema,
  breakdownSchema,
  drillDownQuerySchema,
  drillDownSchema,
  exportQuerySchema,
  overviewSchema,
  publicStatisticsSchema,
  statFiltersSchema,
  timelineSchema,
  winnerMonitoringSchema,
} from '../../../domain/api/statistics';
import { z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { authorizeStatistics } from './policy';
import {
  filingTimeline,
  publicStatistics,
  statisticsBreakdown,
  statisticsCampaign,
  statisticsDrillDown,
  statisticsOverview,
  statisticsXlsx,
  winnerMonitoring,
} from './service';

const params = z.object({ idOrCode: z.string().min(1).max(80) });
// An unknown query parameter (a misspelt filter or dimension) is refused, naming it.
const filters = statFiltersSchema.strict();
const tags = ['statistics'];

export function statisticsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns/:idOrCode/statistics/overview',
      {
        schema: {
          operationId: 'getStatisticsOverview',
          tags,
          summary: '监测分析：关键指标、申报漏斗、历届对比、往届获奖',
          params,
          querystring: filters,
          response: { 200: overviewSchema },
        },
      },
      async (req) => {
        const scope = authorizeStatistics(requireUser(req), req.query);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return statisticsOverview(deps, campaign, scope, req.query);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/breakdown',
      {
        schema: {
          operationId: 'getStatisticsBreakdown',
          tags,
          summary: '监测分析：按维度（地区、类别、行业、推荐单位……）分布',
          params,
          querystring: breakdownQuerySchema.strict(),
          response: { 200: breakdownSchema },
        },
      },
      async (req) => {
        const { dimension, ...rest } = req.query;
        const scope = authorizeStatistics(requireUser(req), rest);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return statisticsBreakdown(deps, campaign, scope, dimension, rest);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/timeline',
      {
        schema: {
          operationId: 'getFilingTimeline',
          tags,
          summary: '监测分析：每日提交与累计曲线（与上届按距截止日对齐）',
          params,
          querystring: filters,
          response: { 200: timelineSchema },
        },
      },
      async (req) => {
        const scope = authorizeStatistics(requireUser(req), req.query);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return filingTimeline(deps, campaign, scope, req.query);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/winners',
      {
        schema: {
          operationId: 'getWinnerMonitoring',
          tags,
          summary: '监测分析：往届获奖方案（附件4）收入、客户、版本与运行情况',
          params,
          querystring: filters,
          response: { 200: winnerMonitoringSchema },
        },
      },
      async (req) => {
        const scope = authorizeStatistics(requireUser(req), req.query);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return winnerMonitoring(deps, campaign, scope, req.query);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/applications',
      {
        schema: {
          operationId: 'listStatisticsApplications',
          tags,
          summary: '监测分析：某个数字背后的申报书（分页，最新提交在前）',
          params,
          querystring: drillDownQuerySchema.strict(),
          response: { 200: drillDownSchema },
        },
      },
      async (req) => {
        const scope = authorizeStatistics(requireUser(req), req.query);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return statisticsDrillDown(deps, campaign, scope, req.query);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/export.xlsx',
      {
        schema: {
          operationId: 'exportStatisticsXlsx',
          tags,
          summary: '监测分析：导出图表数据（XLSX）',
          params,
          querystring: exportQuerySchema.strict(),
        },
      },
      async (req, reply) => {
        const { chart, ...rest } = req.query;
        const scope = authorizeStatistics(requireUser(req), rest);
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        const { bytes, filename } = await statisticsXlsx(deps, campaign, scope, chart, rest);
        return sendFile(reply, bytes, filename, XLSX_MIME);
      },
    );

    app.get(
      '/campaigns/:idOrCode/statistics/public',
      {
        schema: {
          operationId: 'getPublicStatistics',
          tags,
          summary: '公开统计：申报总量与地区、类别、推荐单位类型分布（不足3的单元格不显示）',
          params,
          querystring: z.object({}).strict(),
          response: { 200: publicStatisticsSchema },
        },
      },
      async (req) => {
        const campaign = await statisticsCampaign(deps, req.params.idOrCode);
        return publicStatistics(deps, campaign);
      },
    );
  };
}
