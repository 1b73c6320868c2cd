import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { idParamsSchema } from '../../lib/views';
import { authorizeFormalCheck } from './policy';
import { bulkPass, campaignFormalChecks, formalCheckOf, recordFormalCheck } from './service';
import {
  bulkPassResultSchema,
  bulkPassSchema,
  campaignParamsSchema,
  formalCheckListQuerySchema,
  formalCheckListSchema,
  formalCheckViewSchema,
  recordFormalCheckSchema,
} from './views';

export function formalCheckRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['formal-check'];

    app.get(
      '/applications/:id/formal-check',
      {
        schema: {
          operationId: 'getFormalCheck',
          tags,
          summary:
            '形式审查（主管部门）：活动的检查清单，每项附平台自动核查的结论和理由，以及已记录的审查结果',
          params: idParamsSchema,
          response: { 200: formalCheckViewSchema },
        },
      },
      async (req) => {
        authorizeFormalCheck(requireUser(req));
        return formalCheckOf(deps, req.params.id);
      },
    );

    app.put(
      '/applications/:id/formal-check',
      {
        schema: {
          operationId: 'recordFormalCheck',
          tags,
          summary:
            '记录形式审查结果（主管部门）：逐项通过或不通过（不通过须填理由），全部通过为合格（进入专家评审），否则不合格；有疑似重复等不能通过的项时拒绝；须带上所见的修订号',
          params: idParamsSchema,
          body: recordFormalCheckSchema,
          response: { 200: formalCheckViewSchema },
        },
      },
      async (req) => {
        authorizeFormalCheck(requireUser(req));
        return recordFormalCheck(deps, req.params.id, req.body, actorOf(req));
      },
    );

    app.get(
      '/campaigns/:idOrCode/formal-check',
      {
        schema: {
          operationId: 'listFormalChecks',
          tags,
          summary:
            '形式审查列表（主管部门）：已报送的申报书，各自动检查项的结论和理由、审查结果、能否批量通过',
          params: campaignParamsSchema,
          querystring: formalCheckListQuerySchema,
          response: { 200: formalCheckListSchema },
        },
      },
      async (req) => {
        authorizeFormalCheck(requireUser(req));
        return { items: await campaignFormalChecks(deps, req.params.idOrCode, req.query) };
      },
    );

    app.post(
      '/campaigns/:idOrCode/formal-check/bulk-pass',
      {
        schema: {
          operationId: 'bulkPassFormalCheck',
          tags,
          summary:
            '批量通过（主管部门）：所选申报书中待形式审查、自动检查项全部通过的判为合格（人工检查项记为“批量通过”），其余跳过并说明原因；逐份处理、逐份记录',
          params: campaignParamsSchema,
          body: bulkPassSchema,
          response: { 200: bulkPassResultSchema },
        },
      },
      async (req) => {
        authorizeFormalCheck(requireUser(req));
        return bulkPass(deps, req.params.idOrCode, req.body.applicationIds, actorOf(req));
      },
    );
  };
}
