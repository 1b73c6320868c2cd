import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addAssignmentSchema,
  createRoundSchema,
  declineAssignmentSchema,
  updateAssignmentSchema,
  updateRoundSchema,
} from '../../../domain/review-rounds';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeDecline, authorizeManageReviewRounds } from './policy';
import * as service from './service';
import {
  assignmentBoardSchema,
  assignmentView,
  assignmentViewSchema,
  boardView,
  declinedAssignmentSchema,
  proposalSchema,
  publishResultSchema,
  roundListSchema,
  roundView,
  roundViewSchema,
} from './views';

const campaignParams = z.object({ idOrCode: z.string().min(1).max(80) });
const roundParams = campaignParams.extend({ id: z.string().uuid('编号格式不正确') });
const assignmentParams = roundParams.extend({
  assignmentId: z.string().uuid('编号格式不正确'),
});

export function reviewRoundRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/campaigns/:idOrCode/review-rounds';

    app.get(
      base,
      {
        schema: {
          operationId: 'listReviewRounds',
          tags: ['review-rounds'],
          summary: '本活动的评审轮次（主管部门）',
          params: campaignParams,
          response: { 200: roundListSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        return { items: (await service.listRounds(deps, req.params.idOrCode)).map(roundView) };
      },
    );

    app.post(
      base,
      {
        schema: {
          operationId: 'createReviewRound',
          tags: ['review-rounds'],
          summary:
            '新建评审轮次（未发布）：每个项目的专家数（默认取活动设置，否则5）、每位专家评审上限、截止时间、匿名评审、回避本地区、评审组（默认每个申报类别一组，含该类别的在库专家）',
          params: campaignParams,
          body: createRoundSchema,
          response: { 201: roundViewSchema },
        },
      },
      async (req, reply) => {
        authorizeManageReviewRounds(requireUser(req));
        const round = await service.createRound(deps, req.params.idOrCode, req.body, actorOf(req));
        return reply.status(201).send(roundView(round));
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          operationId: 'getReviewRound',
          tags: ['review-rounds'],
          summary: '评审轮次详情（主管部门）',
          params: roundParams,
          response: { 200: roundViewSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        return roundView(await service.getRound(deps, req.params.idOrCode, req.params.id));
      },
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          operationId: 'updateReviewRound',
          tags: ['review-rounds'],
          summary:
            '修改未发布的评审轮次（baseRevision 为所见版本）；修改评审组会作废本轮尚未发布的分配方案',
          params: roundParams,
          body: updateRoundSchema,
          response: { 200: roundViewSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        return roundView(
          await service.updateRound(
            deps,
            req.params.idOrCode,
            req.params.id,
            req.body,
            actorOf(req),
          ),
        );
      },
    );

    app.post(
      `${base}/:id/propose`,
      {
        schema: {
          operationId: 'proposeAssignments',
          tags: ['review-rounds'],
          summary:
            '生成分配方案：在回避规则下按专长匹配度最优分配（最小费用流，结果确定），替换本轮之前自动生成而未发布的分配；已发布和人工指定的分配保留；返回新分配及专家不足的项目和原因',
          params: roundParams,
          response: { 200: proposalSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        const p = await service.proposeAssignments(
          deps,
          req.params.idOrCode,
          req.params.id,
          actorOf(req),
        );
        return { ...p, pairs: p.pairs.map(assignmentView) };
      },
    );

    app.get(
      `${base}/:id/assignments`,
      {
        schema: {
          operationId: 'listRoundAssignments',
          tags: ['review-rounds'],
          summary:
            '分配情况（仅主管部门）：每个项目的专家、匹配度与匹配项、来源与状态，专家不足的原因，以及本组其他专家未分配的原因（回避规则、已满额、专长不符等）',
          params: roundParams,
          response: { 200: assignmentBoardSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        return boardView(await service.assignmentBoard(deps, req.params.idOrCode, req.params.id));
      },
    );

    app.post(
      `${base}/:id/assignments`,
      {
        schema: {
          operationId: 'addAssignment',
          tags: ['review-rounds'],
          summary:
            '人工分配一位专家（待发布）：违反回避规则或超出评审上限时须填写例外理由（至少4个字），规则与理由记入分配并留痕',
          params: roundParams,
          body: addAssignmentSchema,
          response: { 201: assignmentViewSchema },
        },
      },
      async (req, reply) => {
        authorizeManageReviewRounds(requireUser(req));
        const pair = await service.addAssignment(
          deps,
          req.params.idOrCode,
          req.params.id,
          req.body,
          actorOf(req),
        );
        return reply.status(201).send(assignmentView(pair));
      },
    );

    app.patch(
      `${base}/:id/assignments/:assignmentId`,
      {
        schema: {
          operationId: 'updateAssignment',
          tags: ['review-rounds'],
          summary:
            '移除一项分配（待发布或已发布均可，须填写理由）：已开始的评分保留但不再计入；移除的专家不会再被自动分配到该项目',
          params: assignmentParams,
          body: updateAssignmentSchema,
          response: { 200: assignmentViewSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        return assignmentView(
          await service.removeAssignment(
            deps,
            req.params.idOrCode,
            req.params.id,
            req.params.assignmentId,
            req.body,
            actorOf(req),
          ),
        );
      },
    );

    app.post(
      `${base}/:id/publish`,
      {
        schema: {
          operationId: 'publishAssignments',
          tags: ['review-rounds'],
          summary:
            '发布分配：本轮所有待发布的分配（含替补）一次发布，并通知相关专家；首次发布后轮次不能再修改，再次生成方案只补足缺额',
          params: roundParams,
          response: { 200: publishResultSchema },
        },
      },
      async (req) => {
        authorizeManageReviewRounds(requireUser(req));
        const r = await service.publishAssignments(
          deps,
          req.params.idOrCode,
          req.params.id,
          actorOf(req),
        );
        return {
          published: r.published,
          notifiedExperts: r.notifiedExperts,
          leftProposed: r.leftProposed,
          round: roundView(r.detail),
        };
      },
    );

    app.post(
      '/my/assignments/:assignmentId/decline',
      {
        schema: {
          operationId: 'declineAssignment',
          tags: ['review-rounds'],
          summary:
            '专家拒绝本人已发布的评审任务（须说明理由，提交评分前、截止前）；平台随即提出替补专家供主管部门确认发布',
          params: z.object({ assignmentId: z.string().uuid('编号格式不正确') }),
          body: declineAssignmentSchema,
          response: { 200: declinedAssignmentSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeDecline(user);
        return service.declineAssignment(
          deps,
          user,
          req.params.assignmentId,
          req.body.reason,
          actorOf(req),
        );
      },
    );
  };
}
