import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { findCampaign } from '../campaigns';
import { authorizeReadProgress } from './policy';
import { progressListSchema } from '../../../domain/api/progress';
import { progressRows } from './service';
import { renderProgressXlsx } from './xlsx';

const params = z.object({ idOrCode: z.string().min(1).max(80) });

async function loadCampaign(deps: Deps, idOrCode: string) {
  const campaign = await findCampaign(deps.db, idOrCode);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  return campaign;
}

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
        const campaign = await loadCampaign(deps, req.params.idOrCode);
        return { items: await progressRows(deps.db, campaign) };
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
        const campaign = await loadCampaign(deps, req.params.idOrCode);
        const bytes = await renderProgressXlsx(await progressRows(deps.db, campaign));
        return sendFile(reply, bytes, `推荐单位进度-${campaign.year}.xlsx`, XLSX_MIME);
      },
    );
  };
}
