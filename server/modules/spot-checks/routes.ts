import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import { AppError } from '../../lib/errors';
import { readUploadedFile } from '../../lib/upload';
import type { Deps } from '../../lib/deps';
import { sendFile } from '../../lib/xlsx';
import { authorizeExpert, authorizeOrganizer } from './policy';
import * as service from './service';
import {
  assignSpotCheckTaskSchema,
  attachmentParamsSchema,
  commitSpotCheckSchema,
  drawSpotCheckSchema,
  mySpotCheckTaskDetailSchema,
  mySpotCheckTaskListSchema,
  mySpotCheckTaskSchema,
  publicSpotCheckListSchema,
  publicSpotCheckSchema,
  recomputeSpotCheckSchema,
  recordFindingSchema,
  sourcesSchema,
  spotCheckDetailSchema,
  spotCheckParamsSchema,
  spotCheckRecomputationSchema,
  spotCheckVerificationSchema,
  taskParamsSchema,
} from './views';

/** 随机抽查: public commitment and verification; the organizer's draw and tasks; the expert's findings. */
export function spotCheckRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['spot-checks'];

    app.get(
      '/spot-checks',
      {
        schema: {
          operationId: 'listSpotChecks',
          tags,
          summary:
            '随机抽查（公开，无需登录）：每次抽查的名称、抽取范围（名单）、抽查数量、抽取前公布的种子哈希值及公布时间；抽取后另有种子、总体数量及摘要、样本数量。抽取前任何人（包括主管部门）都看不到种子',
          response: { 200: publicSpotCheckListSchema },
        },
      },
      async (_req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.listPublic(deps);
      },
    );

    app.post(
      '/spot-checks',
      {
        schema: {
          operationId: 'commitSpotCheckSeed',
          tags,
          summary:
            '公布抽查种子承诺（主管部门）：名称、从哪些已发布名单中抽取、抽查总数或各类别数量；不填 seedHash 时由平台生成32字节随机种子并保密至抽取，填 seedHash 时种子由主管部门自行保管、只提交其SHA-256。哈希值立即公开',
          body: commitSpotCheckSchema,
          response: { 201: publicSpotCheckSchema },
        },
      },
      async (req, reply) => {
        authorizeOrganizer(requireUser(req));
        return reply.status(201).send(await service.commit(deps, req.body, actorOf(req)));
      },
    );

    app.get(
      '/spot-checks/sources',
      {
        schema: {
          operationId: 'listSpotCheckSources',
          tags,
          summary: '可供抽查的已发布名单及其类别（主管部门）',
          response: { 200: sourcesSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        return service.sources(deps);
      },
    );

    app.post(
      '/spot-checks/recompute',
      {
        schema: {
          operationId: 'recomputeSpotCheckDraw',
          tags,
          summary:
            '按公开算法重新计算抽查样本（公开，无需登录）：提交种子、总体（publicId、category、region）和抽查数量，返回承诺值、总体摘要、各层和样本；同时提交公布的承诺值和样本时返回是否一致',
          body: recomputeSpotCheckSchema,
          response: { 200: spotCheckRecomputationSchema },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => service.recomputeDraw(req.body),
    );

    app.get(
      '/spot-checks/:id/verification',
      {
        schema: {
          operationId: 'verifySpotCheckDraw',
          tags,
          summary:
            '验证随机抽查（公开，无需登录）：抽取前公布的种子哈希值；抽取后的种子、总体清单、各层抽查数量、样本，以及平台按公开算法重新计算的结果（match：种子与哈希值相符且样本一致）',
          params: spotCheckParamsSchema,
          response: { 200: spotCheckVerificationSchema },
        },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return service.verification(deps, req.params.id);
      },
    );

    app.get(
      '/spot-checks/:id/population.csv',
      {
        schema: {
          operationId: 'downloadSpotCheckPopulation',
          tags,
          summary:
            '抽查总体（公开，CSV）：抽取时冻结的总体，每行 publicId、category（类别代码）、region（省级行政区划代码）；抽取后可下载',
          params: spotCheckParamsSchema,
        },
      },
      async (req, reply) => {
        const { text, filename } = await service.populationCsv(deps, req.params.id);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(text);
      },
    );

    app.get(
      '/spot-checks/:id',
      {
        schema: {
          operationId: 'getSpotCheck',
          tags,
          summary:
            '抽查详情（主管部门）：承诺、抽取结果、各层、样本及每个样本的核查任务（专家、核查方式、例外理由）和核查结论',
          params: spotCheckParamsSchema,
          response: { 200: spotCheckDetailSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        return service.detailOf(deps, req.params.id);
      },
    );

    app.post(
      '/spot-checks/:id/draw',
      {
        schema: {
          operationId: 'drawSpotCheck',
          tags,
          summary:
            '抽取样本（主管部门）：只能对已公布种子承诺的抽查抽取一次；主管部门保管种子的，须填写种子且其SHA-256与承诺一致。冻结总体（所选名单中未撤销、未退出的解决方案及其类别、省份）、按公开算法分层抽取，公布种子和样本，并通知被抽中的企业及其推荐单位',
          params: spotCheckParamsSchema,
          body: drawSpotCheckSchema,
          response: { 200: publicSpotCheckSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        return service.draw(deps, req.params.id, req.body, actorOf(req));
      },
    );

    app.post(
      '/spot-checks/:id/tasks',
      {
        schema: {
          operationId: 'assignSpotCheckTasks',
          tags,
          summary:
            '分配核查任务（主管部门）：为样本中的一个解决方案指定一位专家，书面核查（document）或现场核查（site）；适用评审的回避规则（专家所在单位、申报回避、同一地区等），违反时列出所违反的规则并拒绝，除非填写例外理由（记录并留痕）',
          params: spotCheckParamsSchema,
          body: assignSpotCheckTaskSchema,
          response: { 201: spotCheckDetailSchema },
        },
      },
      async (req, reply) => {
        authorizeOrganizer(requireUser(req));
        return reply
          .status(201)
          .send(await service.assign(deps, req.params.id, req.body, actorOf(req)));
      },
    );

    app.post(
      '/spot-checks/:id/close',
      {
        schema: {
          operationId: 'closeSpotCheck',
          tags,
          summary: '结束抽查（主管部门）：此后专家不能再修改核查结论',
          params: spotCheckParamsSchema,
          response: { 200: spotCheckDetailSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        return service.close(deps, req.params.id, actorOf(req));
      },
    );

    app.get(
      '/my/spot-check-tasks',
      {
        schema: {
          operationId: 'listMySpotCheckTasks',
          tags,
          summary: '我的抽查核查任务（专家）：只列本人的任务及其核查结论',
          response: { 200: mySpotCheckTaskListSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        return service.myTasks(deps, user);
      },
    );

    app.get(
      '/my/spot-check-tasks/:taskId',
      {
        schema: {
          operationId: 'getMySpotCheckTask',
          tags,
          summary:
            '抽查核查任务（专家本人）：解决方案的公开信息、申报书（冻结版本）及本人的核查结论',
          params: taskParamsSchema,
          response: { 200: mySpotCheckTaskDetailSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        return service.myTask(deps, user, req.params.taskId);
      },
    );

    app.get(
      '/my/spot-check-tasks/:taskId/attachments/:attachmentId',
      {
        schema: {
          operationId: 'downloadSpotCheckAttachment',
          tags,
          summary: '下载所核查申报书（冻结版本）的附件（专家本人的任务）',
          params: attachmentParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const { row, bytes } = await service.myTaskAttachment(
          deps,
          user,
          req.params.taskId,
          req.params.attachmentId,
        );
        return sendFile(reply, bytes, row.filename, row.mime);
      },
    );

    app.put(
      '/my/spot-check-tasks/:taskId/finding',
      {
        schema: {
          operationId: 'recordSpotCheckFinding',
          tags,
          summary:
            '记录核查结论（专家本人）：合格（pass）、基本合格/需整改（minor）或不合格（fail），核查意见至少10个字；抽查结束前可以修改',
          params: taskParamsSchema,
          body: recordFindingSchema,
          response: { 200: mySpotCheckTaskSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        return service.recordFinding(deps, user, req.params.taskId, req.body, actorOf(req));
      },
    );

    app.post(
      '/my/spot-check-tasks/:taskId/evidence',
      {
        schema: {
          operationId: 'uploadSpotCheckEvidence',
          tags,
          summary:
            '上传核查证据（专家本人）：multipart/form-data 字段 file，PDF、图片或 Office 文档（按内容识别）；再次上传替换原文件；抽查结束后不能上传',
          params: taskParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: mySpotCheckTaskSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        return reply
          .status(201)
          .send(await service.uploadEvidence(deps, user, req.params.taskId, file, actorOf(req)));
      },
    );

    app.get(
      '/spot-check-tasks/:taskId/evidence',
      {
        schema: {
          operationId: 'getSpotCheckEvidence',
          tags,
          summary: '下载核查证据：该任务的专家本人和主管部门',
          params: taskParamsSchema,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        if (user.role !== 'organizer' && user.role !== 'expert') throw new AppError('FORBIDDEN');
        const { doc, bytes } = await service.evidenceFile(deps, user, req.params.taskId);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );
  };
}
