import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createEvaluationRoundSchema,
  evaluationResultsSchema,
  evaluationRoundDetailSchema,
  evaluationRoundListSchema,
  myEvaluationDetailSchema,
  myEvaluationListSchema,
  myEvaluationScoresSchema,
  publishedListOptionSchema,
  saveEvaluationBodySchema,
  setEvaluationBandsBodySchema,
  submitEvaluationBodySchema,
} from '../../../domain/api/evaluation';
import { itemsOf } from '../../../domain/api/common';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile } from '../../lib/xlsx';
import { authorizeEvaluate, authorizeManageEvaluation } from './policy';
import * as service from './service';
import type { EvaluationContextSources } from './sources';
import { myDetailView, myItemView, myScoresView, resultsView, roundDetailView } from './views';

const uuid = (what: string) => z.string().uuid(`${what}编号格式不正确`);
const roundParams = z.object({ id: uuid('系统评价') });
const assignmentParams = z.object({ assignmentId: uuid('评价任务') });

export function evaluationRoutes(
  deps: Deps,
  sources: EvaluationContextSources,
): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/evaluation-rounds';
    const tags = ['evaluation'];

    app.get(
      `${base}/lists`,
      {
        schema: {
          operationId: 'listEvaluableLists',
          tags,
          summary: '可供系统评价的已发布名单（主管部门），含有效期内或已过期的方案数',
          response: { 200: itemsOf(publishedListOptionSchema) },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        return { items: await service.listPublishedLists(deps) };
      },
    );

    app.get(
      base,
      {
        schema: {
          operationId: 'listEvaluationRounds',
          tags,
          summary: '系统评价（主管部门）：评价维度、规模、截止时间、状态与进度',
          response: { 200: evaluationRoundListSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        const rows = await service.listRounds(deps);
        return {
          items: rows.map(({ round, progress }) =>
            roundDetailView({
              round,
              rubric: service.rubricOf(round),
              progress,
              solutions: 0,
              assignments: [],
              shortfalls: [],
            }),
          ),
        };
      },
    );

    app.post(
      base,
      {
        schema: {
          operationId: 'createEvaluationRound',
          tags,
          summary:
            '新建系统评价（主管部门）：所选已发布名单中有效期内及已过期（未撤销、未退出）的方案，按活动设置的评价维度（冻结）；在回避规则下按专长匹配度生成分配方案（最小费用流），返回分配及专家不足的方案和原因',
          body: createEvaluationRoundSchema,
          response: { 201: evaluationRoundDetailSchema },
        },
      },
      async (req, reply) => {
        authorizeManageEvaluation(requireUser(req));
        const d = await service.createRound(deps, req.body, actorOf(req));
        return reply.status(201).send(roundDetailView(d));
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          operationId: 'getEvaluationRound',
          tags,
          summary: '系统评价详情（主管部门）：评价维度、分配、专家不足的方案及原因、进度',
          params: roundParams,
          response: { 200: evaluationRoundDetailSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        return roundDetailView(await service.getRound(deps, req.params.id));
      },
    );

    app.post(
      `${base}/:id/propose`,
      {
        schema: {
          operationId: 'proposeEvaluationAssignments',
          tags,
          summary: '重新生成未发布的系统评价的分配方案（如专家库有变化）',
          params: roundParams,
          response: { 200: evaluationRoundDetailSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        return roundDetailView(await service.proposeAgain(deps, req.params.id, actorOf(req)));
      },
    );

    app.post(
      `${base}/:id/publish`,
      {
        schema: {
          operationId: 'publishEvaluationRound',
          tags,
          summary: '发布系统评价：分配方案生效，通知每位专家',
          params: roundParams,
          response: { 200: evaluationRoundDetailSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        return roundDetailView(await service.publishRound(deps, req.params.id, actorOf(req)));
      },
    );

    app.get(
      `${base}/:id/results`,
      {
        schema: {
          operationId: 'listEvaluationResults',
          tags,
          summary:
            '系统评价结果（主管部门）：每个方案各维度的原始平均分、按专家标准化后的总分、排名和等级，专家的宽严与偏离',
          params: roundParams,
          response: { 200: evaluationResultsSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        const [r, d] = await Promise.all([
          service.listResults(deps, req.params.id),
          service.getRound(deps, req.params.id),
        ]);
        return resultsView(r, d.progress);
      },
    );

    app.put(
      `${base}/:id/bands`,
      {
        schema: {
          operationId: 'setEvaluationBands',
          tags,
          summary:
            '设置等级（主管部门）：从高到低的分数线（标准化总分），如 A类 ≥ 85、B类 ≥ 70、C类 ≥ 0；结束后不能再改',
          params: roundParams,
          body: setEvaluationBandsBodySchema,
          response: { 200: evaluationResultsSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        const r = await service.setBands(deps, req.params.id, req.body.bands, actorOf(req));
        const d = await service.getRound(deps, req.params.id);
        return resultsView(r, d.progress);
      },
    );

    app.post(
      `${base}/:id/close`,
      {
        schema: {
          operationId: 'closeEvaluationRound',
          tags,
          summary: '结束系统评价：不再接受评分，结果和等级定稿',
          params: roundParams,
          response: { 200: evaluationRoundDetailSchema },
        },
      },
      async (req) => {
        authorizeManageEvaluation(requireUser(req));
        return roundDetailView(await service.closeRound(deps, req.params.id, actorOf(req)));
      },
    );

    // ---------------------------------------------------------------- the expert
    app.get(
      '/my/evaluations',
      {
        schema: {
          operationId: 'listMyEvaluations',
          tags,
          summary: '专家的系统评价任务：发布给本人的入选方案、截止时间、评分状态',
          response: { 200: myEvaluationListSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeEvaluate(user);
        return { items: (await service.listMine(deps, user)).map(myItemView) };
      },
    );

    app.get(
      '/my/evaluations/:assignmentId',
      {
        schema: {
          operationId: 'getMyEvaluation',
          tags,
          summary:
            '评价一个入选方案：公开信息、报送的申报书、自查评估、抽查结论、评价维度（含评分说明）和本人的评分',
          params: assignmentParams,
          response: { 200: myEvaluationDetailSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeEvaluate(user);
        return myDetailView(
          await service.myEvaluation(deps, user, req.params.assignmentId, sources),
        );
      },
    );

    app.get(
      '/my/evaluations/:assignmentId/attachments/:attachmentId',
      {
        schema: {
          operationId: 'downloadEvaluationAttachment',
          tags,
          summary: '下载所评方案申报书（报送版本）的附件',
          params: assignmentParams.extend({ attachmentId: uuid('附件') }),
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeEvaluate(user);
        const { row, bytes } = await service.myEvaluationAttachment(
          deps,
          user,
          req.params.assignmentId,
          req.params.attachmentId,
        );
        return sendFile(reply, bytes, row.filename, row.mime);
      },
    );

    app.put(
      '/my/evaluations/:assignmentId',
      {
        schema: {
          operationId: 'saveEvaluationScores',
          tags,
          summary:
            '保存系统评价评分：须带上所编辑的版本号，已有更新版本时 409 REVIEW_CONFLICT；可只打部分维度，每项在0到满分之间、以0.5分为单位；提交后、截止后不能保存',
          params: assignmentParams,
          body: saveEvaluationBodySchema,
          response: { 200: myEvaluationScoresSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeEvaluate(user);
        return myScoresView(
          await service.saveScores(deps, user, req.params.assignmentId, req.body),
        );
      },
    );

    app.post(
      '/my/evaluations/:assignmentId/submit',
      {
        schema: {
          operationId: 'submitEvaluationScores',
          tags,
          summary: '提交系统评价评分：每个维度都已打分且在范围内；提交后不能再修改',
          params: assignmentParams,
          body: submitEvaluationBodySchema,
          response: { 200: myEvaluationScoresSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeEvaluate(user);
        return myScoresView(
          await service.submitScores(deps, user, req.params.assignmentId, req.body, actorOf(req)),
        );
      },
    );
  };
}
