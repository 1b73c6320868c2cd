import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile } from '../../lib/xlsx';
import { authorizeAnalysisReport } from './policy';
import { analysisReport, REPORT_MIME } from './service';

const params = z.object({ idOrCode: z.string().min(1).max(80) });

export function statisticsReportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    for (const format of ['docx', 'pdf'] as const) {
      app.get(
        `/campaigns/:idOrCode/statistics/report.${format}`,
        {
          schema: {
            operationId: format === 'docx' ? 'getAnalysisReportDocx' : 'getAnalysisReportPdf',
            tags: ['statistics'],
            summary:
              format === 'docx'
                ? '年度监测分析报告（DOCX，可在WPS/Word中编辑）：关键指标、图表、表格和分析文字（主管部门）'
                : '年度监测分析报告（PDF）：关键指标、图表、表格和分析文字（主管部门）',
            params,
          },
        },
        async (req, reply) => {
          authorizeAnalysisReport(requireUser(req));
          const { bytes, filename } = await analysisReport(deps, req.params.idOrCode, format);
          return sendFile(reply, bytes, filename, REPORT_MIME[format]);
        },
      );
    }
  };
}
