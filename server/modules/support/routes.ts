import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  recordSupportSchema,
  supportQuerySchema,
  withdrawSupportSchema,
} from '../../../domain/support';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { sendFile } from '../../lib/xlsx';
import * as service from './service';
import {
  idParamsSchema,
  supportListSchema,
  supportRecordSchema,
  supportTotalsListSchema,
  uploadedDocumentSchema,
} from './views';

export function supportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['support'];

    app.get(
      '/support-records',
      {
        schema: {
          operationId: 'listSupport',
          tags,
          summary:
            '配套支持：入选解决方案（有效期、状态）及其配套支持记录（含已撤回的）；推荐单位看本单位推荐入选的，主管部门看全部，企业只读本企业的',
          querystring: supportQuerySchema,
          response: { 200: supportListSchema },
        },
      },
      async (req) => service.listSupport(deps, requireUser(req), req.query),
    );

    app.post(
      '/support-records',
      {
        schema: {
          operationId: 'recordSupport',
          tags,
          summary:
            '登记配套支持（推荐单位，仅本单位推荐入选的解决方案）：类型（政策 policy、资金 funding、资源 resource）、支持事项、金额（整数元，资金支持必填）、日期（不晚于今天）、文号和可选的已上传文件',
          body: recordSupportSchema,
          response: { 201: supportRecordSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.recordSupport(deps, requireUser(req), req.body, actorOf(req))),
    );

    app.post(
      '/support-records/:id/withdraw',
      {
        schema: {
          operationId: 'withdrawSupport',
          tags,
          summary: '撤回一条配套支持记录（登记的推荐单位；写明理由，记录保留并标注已撤回）',
          params: idParamsSchema,
          body: withdrawSupportSchema,
          response: { 200: supportRecordSchema },
        },
      },
      async (req) =>
        service.withdrawSupport(
          deps,
          requireUser(req),
          req.params.id,
          req.body.reason,
          actorOf(req),
        ),
    );

    app.get(
      '/support-records/totals',
      {
        schema: {
          operationId: 'listSupportTotals',
          tags,
          summary:
            '配套支持汇总（主管部门）：每个推荐单位的入选数、获支持的解决方案数、各类支持记录数和资金合计（元）',
          response: { 200: supportTotalsListSchema },
        },
      },
      async (req) => service.listSupportTotals(deps, requireUser(req)),
    );

    app.post(
      '/support-records/documents',
      {
        schema: {
          operationId: 'uploadSupportDocument',
          tags,
          summary:
            '上传配套支持文件（推荐单位；multipart/form-data，字段 file）：PDF 或 PNG、JPEG，按内容检查；返回的编号在登记时填写',
          consumes: ['multipart/form-data'],
          response: { 201: uploadedDocumentSchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await service.uploadSupportDocument(
              deps,
              requireUser(req),
              () => readUploadedFile(req, deps.config.maxFileBytes),
              actorOf(req),
            ),
          ),
    );

    app.get(
      '/support-records/documents/:id',
      {
        schema: {
          operationId: 'getSupportDocument',
          tags,
          summary: '下载配套支持文件（主管部门、上传的推荐单位）',
          params: idParamsSchema,
        },
      },
      async (req, reply) => {
        const { doc, bytes } = await service.supportDocument(deps, requireUser(req), req.params.id);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );
  };
}
