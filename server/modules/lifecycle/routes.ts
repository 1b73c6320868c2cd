import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awardLifecycleQuerySchema, revokeAwardSchema } from '../../../domain/award-lifecycle';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { sendFile } from '../../lib/xlsx';
import * as service from './service';
import {
  awardLifecycleItemSchema,
  awardLifecyclePageSchema,
  documentParamsSchema,
  uploadedDocumentSchema,
} from './views';

export function lifecycleRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['lifecycle'];

    app.get(
      '/award-lifecycle',
      {
        schema: {
          operationId: 'listAwardLifecycle',
          tags,
          summary:
            '动态管理：入选解决方案的有效期、当前状态（有效 / 已过期 / 已撤销 / 已退出）、剩余天数、下一提醒或到期日、变动记录和配套支持合计（主管部门全部，推荐单位本单位，企业本企业）；可按名单、状态、推荐单位、即将到期筛选',
          querystring: awardLifecycleQuerySchema,
          response: { 200: awardLifecyclePageSchema },
        },
      },
      async (req) => service.listAwardLifecycle(deps, requireUser(req), req.query),
    );

    app.post(
      '/award-lifecycle/revocations',
      {
        schema: {
          operationId: 'revokeAward',
          tags,
          summary:
            '撤销入选资格（revoke，已撤销）或登记企业退出（withdraw，已退出）（主管部门）：原因（抽查不合格、提供虚假信息、企业注销、其他）、说明（至少4字）和可选的证明材料；公开名单、开放数据和证明核验随即显示新状态和变动记录，通知企业和推荐单位；已撤销或已退出的不能再处理',
          body: revokeAwardSchema,
          response: { 200: awardLifecycleItemSchema },
        },
      },
      async (req) => service.revokeAward(deps, requireUser(req), req.body, actorOf(req)),
    );

    app.post(
      '/award-lifecycle/evidence',
      {
        schema: {
          operationId: 'uploadRevocationEvidence',
          tags,
          summary:
            '上传撤销或退出的证明材料（主管部门；multipart/form-data，字段 file）：PDF 或 PNG、JPEG，按内容检查；返回的编号在撤销时填写',
          consumes: ['multipart/form-data'],
          response: { 201: uploadedDocumentSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await service.uploadEvidence(
              deps,
              requireUser(req),
              () => readUploadedFile(req, deps.config.maxFileBytes),
              actorOf(req),
            ),
          ),
    );

    app.get(
      '/award-lifecycle/evidence/:id',
      {
        schema: {
          operationId: 'getRevocationEvidence',
          tags,
          summary: '下载撤销或退出的证明材料（主管部门）',
          params: documentParamsSchema,
        },
      },
      async (req, reply) => {
        const { doc, bytes } = await service.evidenceFile(deps, requireUser(req), req.params.id);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );
  };
}
