import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptEnterpriseSchema, registerEnterpriseSchema } from '../../../domain/accounts';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import {
  enterpriseListSchema,
  enterpriseViewSchema,
  registeredEnterpriseSchema,
} from '../../../domain/api/accounts';
import { enterpriseView, idParamsSchema } from '../../lib/views';
import {
  authorizeListEnterprises,
  authorizeRegisterForOthers,
  authorizeViewEnterprise,
} from './policy';
import * as service from './service';

export function enterpriseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/enterprises',
      {
        schema: {
          operationId: 'registerEnterprise',
          tags: ['enterprises'],
          summary: '企业注册（每个统一社会信用代码一个账号）',
          body: registerEnterpriseSchema,
          response: { 201: registeredEnterpriseSchema },
        },
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { enterprise, user } = await service.registerEnterprise(deps, req.body, actorOf(req));
        return reply
          .status(201)
          .send({ enterprise: enterpriseView(enterprise), login: user.login });
      },
    );

    app.post(
      '/enterprises/accepted',
      {
        schema: {
          operationId: 'registerEnterpriseByOrganizer',
          tags: ['enterprises'],
          summary: '主管部门代为注册企业；校验位不符的代码须写明接受理由',
          body: acceptEnterpriseSchema,
          response: { 201: registeredEnterpriseSchema },
        },
      },
      async (req, reply) => {
        authorizeRegisterForOthers(requireUser(req));
        const { enterprise, user } = await service.registerEnterprise(deps, req.body, actorOf(req));
        return reply
          .status(201)
          .send({ enterprise: enterpriseView(enterprise), login: user.login });
      },
    );

    app.get(
      '/enterprises',
      {
        schema: {
          operationId: 'listEnterprises',
          tags: ['enterprises'],
          summary: '企业列表（主管部门）',
          querystring: z.object({ q: z.string().max(100).optional() }),
          response: { 200: enterpriseListSchema },
        },
      },
      async (req) => {
        authorizeListEnterprises(requireUser(req));
        return { items: (await service.listEnterprises(deps, req.query.q)).map(enterpriseView) };
      },
    );

    app.get(
      '/enterprises/:id',
      {
        schema: {
          operationId: 'getEnterprise',
          tags: ['enterprises'],
          summary: '企业信息（本企业或主管部门）',
          params: idParamsSchema,
          response: { 200: enterpriseViewSchema },
        },
      },
      async (req) => {
        authorizeViewEnterprise(requireUser(req), req.params.id);
        return enterpriseView(await service.getEnterprise(deps, req.params.id));
      },
    );
  };
}
