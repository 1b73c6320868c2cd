import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { idParamsSchema } from '../../lib/views';
import { authorizeManageFindings } from './policy';
import {
  applicationFindings,
  campaignFindings,
  checkApplication,
  decideAndReadFinding,
  sweepCampaign,
} from './service';
import {
  applicationFindingsSchema,
  campaignParamsSchema,
  findingsQuerySchema,
  findingListSchema,
  findingView,
  findingViewSchema,
  sweepResultSchema,
} from './views';

export function duplicateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['duplicates'];

    app.post(
      '/applications/:id/duplicate-check',
      {
        schema: {
          operationId: 'checkApplicationDuplicates',
          tags,
          summary:
            '不得重复上报自查：用当前填写内容比对往届获奖名单（不保存）；列出相似的获奖方案、年份和原因',
          params: idParamsSchema,
          body: z.object({}),
          response: { 200: applicationFindingsSchema },
        },
      },
      async (req) => {
        return checkApplication(deps, requireUser(req), req.params.id);
      },
    );

    app.get(
      '/applications/:id/findings',
      {
        schema: {
          operationId: 'listApplicationFindings',
          tags,
          summary:
            '申报书的疑似重复记录（与往届获奖或本届其他渠道申报相似）及其比对文本；企业只看到与往届获奖的比对',
          params: idParamsSchema,
          response: { 200: applicationFindingsSchema },
        },
      },
      async (req) => {
        return applicationFindings(deps, requireUser(req), req.params.id);
      },
    );

    app.get(
      '/campaigns/:idOrCode/findings',
      {
        schema: {
          operationId: 'listCampaignFindings',
          tags,
          summary: '征集活动的全部疑似重复记录（主管部门），按相似程度从高到低',
          params: campaignParamsSchema,
          querystring: findingsQuerySchema,
          response: { 200: findingListSchema },
        },
      },
      async (req) => {
        authorizeManageFindings(requireUser(req));
        const rows = await campaignFindings(deps, req.params.idOrCode, req.query);
        return { items: rows.map(findingView) };
      },
    );

    app.post(
      '/campaigns/:idOrCode/findings/sweep',
      {
        schema: {
          operationId: 'sweepDuplicates',
          tags,
          summary:
            '全面比对（主管部门）：重建索引，重新计算本活动全部申报书与往届获奖、申报书之间的疑似重复；已处理的记录保留',
          params: campaignParamsSchema,
          body: z.object({}),
          response: { 200: sweepResultSchema },
        },
      },
      async (req) => {
        authorizeManageFindings(requireUser(req));
        return sweepCampaign(deps, req.params.idOrCode, actorOf(req));
      },
    );

    app.post(
      '/findings/:id/dismiss',
      {
        schema: {
          operationId: 'dismissFinding',
          tags,
          summary: '忽略疑似重复（主管部门核实后放行，须填写理由）；忽略后不再阻止确认报送',
          params: idParamsSchema,
          body: z.object({ reason: z.string().trim().min(2, '请填写忽略的理由').max(2000) }),
          response: { 200: findingViewSchema },
        },
      },
      async (req) => {
        authorizeManageFindings(requireUser(req));
        const decision = { kind: 'dismiss' as const, reason: req.body.reason };
        return findingView(await decideAndReadFinding(deps, req.params.id, decision, actorOf(req)));
      },
    );

    app.post(
      '/findings/:id/confirm',
      {
        schema: {
          operationId: 'confirmFinding',
          tags,
          summary:
            '确认重复申报（主管部门核实后，须填写理由）；确认后该申报书不能报送，推荐单位须取消推荐',
          params: idParamsSchema,
          body: z.object({ reason: z.string().trim().min(2, '请填写确认重复的理由').max(2000) }),
          response: { 200: findingViewSchema },
        },
      },
      async (req) => {
        authorizeManageFindings(requireUser(req));
        const decision = { kind: 'confirm' as const, reason: req.body.reason };
        return findingView(await decideAndReadFinding(deps, req.params.id, decision, actorOf(req)));
      },
    );
  };
}
