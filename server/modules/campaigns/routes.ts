import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignListSchema, campaignViewSchema } from '../../../domain/api/campaigns';
import { copyCampaignSchema } from '../../../domain/campaign-copy';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeConfigureCampaigns } from './policy';
import * as service from './service';

const idOrCodeParams = z.object({ idOrCode: z.string().min(1).max(80) });

export function campaignRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns',
      {
        schema: {
          operationId: 'listCampaigns',
          tags: ['campaigns'],
          summary: '征集活动列表（公开）',
          response: { 200: campaignListSchema },
        },
      },
      async () => ({ items: await service.listCampaigns(deps) }),
    );

    app.get(
      '/campaigns/:idOrCode',
      {
        schema: {
          operationId: 'getCampaign',
          tags: ['campaigns'],
          summary: '征集活动详情：类别、截止时间、推荐数量、字数限制（公开）',
          params: idOrCodeParams,
          response: { 200: campaignViewSchema },
        },
      },
      async (req) => service.getCampaign(deps, req.params.idOrCode),
    );

    app.post(
      '/campaigns/:idOrCode/copy',
      {
        schema: {
          operationId: 'copyCampaign',
          tags: ['campaigns'],
          summary: '以已有活动为模板创建新一年度的活动',
          params: idOrCodeParams,
          body: copyCampaignSchema,
          response: { 201: campaignViewSchema },
        },
      },
      async (req, reply) => {
        authorizeConfigureCampaigns(requireUser(req));
        return reply
          .status(201)
          .send(await service.copyCampaign(deps, req.params.idOrCode, req.body, actorOf(req)));
      },
    );
  };
}
