import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recommenderUnitInputSchema, updateRecommenderUnitSchema } from '../../../domain/accounts';
import {
  recommenderUnitListSchema,
  recommenderUnitViewSchema,
  type RecommenderUnitView,
} from '../../../domain/api/accounts';
import { RECOMMENDER_UNIT_TYPES } from '../../../domain/recommender-units';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { idParamsSchema } from '../../lib/views';
import { authorizeManageUnits } from './policy';
import * as service from './service';

function unitView(u: RecommenderUnitView) {
  return {
    id: u.id,
    name: u.name,
    type: u.type,
    regionCode: u.regionCode,
    quotaOverride: u.quotaOverride,
    quota: u.quota,
    accounts: u.accounts,
    active: u.active,
  };
}

export function recommenderUnitRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/recommender-units',
      {
        schema: {
          operationId: 'listRecommenderUnits',
          tags: ['recommender-units'],
          summary: '推荐单位及其推荐数量（停用的仅主管部门可见）',
          querystring: z.object({
            type: z.enum(RECOMMENDER_UNIT_TYPES).optional(),
            q: z.string().max(100).optional(),
            includeInactive: z.enum(['true', 'false']).optional(),
          }),
          response: { 200: recommenderUnitListSchema },
        },
      },
      async (req) => {
        const includeInactive = req.query.includeInactive === 'true';
        if (includeInactive) authorizeManageUnits(requireUser(req));
        const units = await service.listRecommenderUnits(deps, { ...req.query, includeInactive });
        const isOrganizer = req.auth?.user.role === 'organizer'; // account counts are not public
        return {
          items: units.map((u) =>
            unitView({ ...u, accounts: isOrganizer ? u.accounts : undefined }),
          ),
        };
      },
    );

    app.post(
      '/recommender-units',
      {
        schema: {
          operationId: 'createRecommenderUnit',
          tags: ['recommender-units'],
          summary: '新增推荐单位（如全国性行业协会）',
          body: recommenderUnitInputSchema,
          response: { 201: recommenderUnitViewSchema },
        },
      },
      async (req, reply) => {
        authorizeManageUnits(requireUser(req));
        return reply
          .status(201)
          .send(unitView(await service.createRecommenderUnit(deps, req.body, actorOf(req))));
      },
    );

    app.patch(
      '/recommender-units/:id',
      {
        schema: {
          operationId: 'updateRecommenderUnit',
          tags: ['recommender-units'],
          summary: '修改名称、停用/启用、单独设定推荐数量',
          params: idParamsSchema,
          body: updateRecommenderUnitSchema,
          response: { 200: recommenderUnitViewSchema },
        },
      },
      async (req) => {
        authorizeManageUnits(requireUser(req));
        return unitView(
          await service.updateRecommenderUnit(deps, req.params.id, req.body, actorOf(req)),
        );
      },
    );
  };
}
