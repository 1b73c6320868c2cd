import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { authorizeActOnBatch, authorizeReadBatch, authorizeReopenBatch } from './policy';
import {
  batchOf,
  batchScan,
  reopenBatch,
  reorderBatch,
  signOffBatch,
  summaryTableFile,
  uploadBatchScan,
} from './service';
import { batchParamsSchema, batchViewSchema } from './views';

const BASE = '/campaigns/:idOrCode/units/:unitId/batch';

export function batchRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['batches'];
    const view = { 200: batchViewSchema };

    app.get(
      BASE,
      {
        schema: {
          operationId: 'getBatch',
          tags,
          summary: '推荐单位的报送批次：推荐名单（按推荐排序）、盖章扫描件、确认报送状态',
          params: batchParamsSchema,
          response: view,
        },
      },
      async (req) => {
        authorizeReadBatch(requireUser(req), req.params.unitId);
        return batchOf(deps, req.params);
      },
    );

    app.put(
      `${BASE}/ranking`,
      {
        schema: {
          operationId: 'reorderRecommendations',
          tags,
          summary:
            '调整推荐排序：按新顺序列出当前全部已推荐的申报书；名单已变化时返回 409 CONFLICT',
          params: batchParamsSchema,
          body: z.object({ order: z.array(z.string().uuid()).max(100) }),
          response: view,
        },
      },
      async (req) => {
        authorizeActOnBatch(requireUser(req), req.params.unitId);
        return reorderBatch(deps, req.params, req.body.order, actorOf(req));
      },
    );

    for (const format of ['xlsx', 'pdf'] as const) {
      app.get(
        `${BASE}/summary-table.${format}`,
        {
          schema: {
            operationId: format === 'xlsx' ? 'getSummaryTableXlsx' : 'getSummaryTablePdf',
            tags,
            summary: `附件3 报送信息汇总表（${format.toUpperCase()}），按推荐排序，供打印盖章`,
            params: batchParamsSchema,
          },
        },
        async (req, reply) => {
          authorizeReadBatch(requireUser(req), req.params.unitId);
          const { bytes, filename } = await summaryTableFile(deps, req.params, format);
          const mime = format === 'xlsx' ? XLSX_MIME : 'application/pdf';
          return sendFile(reply, bytes, filename, mime);
        },
      );
    }

    app.post(
      `${BASE}/stamped-scan`,
      {
        schema: {
          operationId: 'uploadStampedScan',
          tags,
          summary:
            '上传加盖公章的附件3扫描件（multipart/form-data，字段 file）：PDF 或 PNG、JPEG 图片，按内容检查',
          consumes: ['multipart/form-data'],
          params: batchParamsSchema,
          response: view,
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeActOnBatch(user, req.params.unitId);
        const readFile = () => readUploadedFile(req, deps.config.maxFileBytes);
        return uploadBatchScan(deps, req.params, readFile, user.id, actorOf(req));
      },
    );

    app.get(
      `${BASE}/stamped-scan`,
      {
        schema: {
          operationId: 'getStampedScan',
          tags,
          summary: '下载已上传的盖章扫描件',
          params: batchParamsSchema,
        },
      },
      async (req, reply) => {
        authorizeReadBatch(requireUser(req), req.params.unitId);
        const { doc, bytes } = await batchScan(deps, req.params);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.post(
      `${BASE}/sign-off`,
      {
        schema: {
          operationId: 'signOffBatch',
          tags,
          summary:
            '确认报送：须已推荐至少1个并上传盖章扫描件，截止前；已推荐的申报书报送主管部门，推荐结果锁定',
          params: batchParamsSchema,
          body: z.object({}),
          response: view,
        },
      },
      async (req) => {
        authorizeActOnBatch(requireUser(req), req.params.unitId);
        return signOffBatch(deps, req.params, actorOf(req));
      },
    );

    app.post(
      `${BASE}/reopen`,
      {
        schema: {
          operationId: 'reopenBatch',
          tags,
          summary: '重新开放已确认报送的批次（主管部门，须填写原因）；需重新上传盖章扫描件后再确认',
          params: batchParamsSchema,
          body: z.object({ reason: z.string().trim().min(2, '请填写重新开放的原因').max(500) }),
          response: view,
        },
      },
      async (req) => {
        authorizeReopenBatch(requireUser(req));
        return reopenBatch(deps, req.params, req.body.reason, actorOf(req));
      },
    );
  };
}
