import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  OBJECTION_REASONS_MAX,
  OBJECTION_REASONS_MIN,
  objectionQuerySchema,
  resolveObjectionSchema,
} from '../../../domain/objections';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { readFormWithOptionalFile } from '../../lib/upload';
import { sendFile } from '../../lib/xlsx';
import { newChallenge } from './challenge';
import { authorizeObjections } from './policy';
import * as service from './service';
import {
  campaignParamsSchema,
  challengeSchema,
  objectionListSchema,
  objectionParamsSchema,
  objectionReceiptSchema,
  resolvedObjectionSchema,
} from './views';

/** Filings per address and hour: enough for a person, too few for a program. */
const FILINGS_PER_HOUR = 5;

export function objectionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['objections'];
    const base = '/campaigns/:idOrCode/objections';

    app.get(
      '/challenge',
      {
        schema: {
          operationId: 'getChallenge',
          tags,
          summary:
            '验证题（公开）：一道算术题（如“7 加 5 等于多少？”）及其令牌，10分钟内作答有效；提出异议时一并提交令牌和答案',
          response: { 200: challengeSchema },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        void reply.header('cache-control', 'no-store');
        return newChallenge(deps);
      },
    );

    app.post(
      '/campaigns/:idOrCode/public-notice/objections',
      {
        schema: {
          operationId: 'submitObjection',
          tags,
          summary: `提出异议（公开，无需登录）：仅在公示期内、针对公示名单中的解决方案；multipart/form-data 字段 itemId（公示项目的 itemId）、name、organisation、phone、email（可选，用于接收异议编号和处理结果）、reasons（${OBJECTION_REASONS_MIN}至${OBJECTION_REASONS_MAX}字）、challengeToken 与 challengeAnswer（验证题），可附一个文件 file（PDF 或 PNG、JPEG，按内容识别）；字段 website 须留空。同一网络每小时最多提交${FILINGS_PER_HOUR}次。被拒绝时不保存任何内容`,
          params: campaignParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: objectionReceiptSchema },
        },
        config: {
          rateLimit: {
            max: FILINGS_PER_HOUR,
            timeWindow: '1 hour',
            errorResponseBuilder: (_req: unknown, ctx: { ttl: number }) =>
              new AppError('RATE_LIMITED', {
                message: `提交异议过于频繁：同一网络每小时最多提交${FILINGS_PER_HOUR}次，请${Math.max(1, Math.ceil(ctx.ttl / 60_000))}分钟后再试`,
                messageEn: `Too many objections from this network (at most ${FILINGS_PER_HOUR} an hour); try again later`,
              }),
          },
        },
      },
      async (req, reply) => {
        const { fields, file } = await readFormWithOptionalFile(req, deps.config.maxFileBytes, 16);
        const receipt = await service.submit(deps, req.params.idOrCode, fields, file, actorOf(req));
        return reply.status(201).send(receipt);
      },
    );

    app.get(
      base,
      {
        schema: {
          operationId: 'listObjections',
          tags,
          summary:
            '公示异议列表（主管部门）：异议编号、所涉解决方案及其申报单位和推荐单位、异议人姓名、单位和联系方式、理由、附件、处理状态和结果；可按状态筛选',
          params: campaignParamsSchema,
          querystring: objectionQuerySchema,
          response: { 200: objectionListSchema },
        },
      },
      async (req) => {
        authorizeObjections(requireUser(req));
        return service.list(deps, req.params.idOrCode, req.query.state);
      },
    );

    app.get(
      `${base}/:objectionId/attachment`,
      {
        schema: {
          operationId: 'getObjectionAttachment',
          tags,
          summary: '下载异议人提交的证明材料（主管部门）',
          params: objectionParamsSchema,
        },
      },
      async (req, reply) => {
        authorizeObjections(requireUser(req));
        const { doc, bytes } = await service.attachment(
          deps,
          req.params.idOrCode,
          req.params.objectionId,
        );
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.post(
      `${base}/:objectionId/resolve`,
      {
        schema: {
          operationId: 'resolveObjection',
          tags,
          summary:
            '处理公示异议（主管部门）：维持异议（该解决方案撤销入选，由“公示中”转为“未入选”，从公示名单中移除，并告知申报企业和推荐单位）或不予采纳，须写明理由（至少4个字）；留有邮箱的异议人收到处理结果邮件，否则返回 toldBy=phone，请电话告知；每个异议只处理一次，名单发布后不能处理',
          params: objectionParamsSchema,
          body: resolveObjectionSchema,
          response: { 200: resolvedObjectionSchema },
        },
      },
      async (req) => {
        authorizeObjections(requireUser(req));
        return service.resolve(
          deps,
          req.params.idOrCode,
          req.params.objectionId,
          req.body,
          actorOf(req),
        );
      },
    );
  };
}
