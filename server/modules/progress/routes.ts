import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { authorizeReadProgress } from './policy';
import { progressListSchema } from '../../../domain/api/progress';
import { campaignProgress, campaignProgressXlsx } from './service';

const params = z.object({ idOrCode: z.string().min(1).max(80) });

export function progressRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns/:idOrCode/progress',
      {
        schema: {
          operationId: 'getRecommenderProgress',
          tags: ['progress'],
          summary: '各推荐单位进度（主管部门）：收到、待审核、已推荐、确认报送、附件4报送情况',
          params,
          response: { 200: progressListSchema },
        },
      },
      async (req) => {
        authorizeReadProgress(requireUser(req));
        return { items: await campaignProgress(deps, req.params.idOrCode) };
      },
    );

    app.get(
      '/campaigns/:idOrCode/progress.xlsx',
      {
        schema: {
          operationId: 'exportRecommenderProgress',
          tags: ['progress'],
          summary: '导出各推荐单位进度（XLSX，含合计行）',
          params,
        },
      },
      async (req, reply) => {
        authorizeReadProgress(requireUser(req));
        const { bytes, filename } = await campaignProgressXlsx(deps, req.params.idOrCode);
        return sendFile(reply, bytes, filename, XLSX_MIME);
      },
    );
  };
}
