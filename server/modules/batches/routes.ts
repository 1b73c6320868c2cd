import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { readUploadedFile } from '../../lib/upload';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { findCampaign } from '../campaigns';
import { findRecommenderUnit } from '../recommender-units';
import { authorizeActOnBatch, authorizeReadBatch, authorizeReopenBatch } from './policy';
import { loadBatchView, summaryDocument } from './read';
import { readStampedScan, uploadStampedScan } from './scan';
import { reopen, reorder, signOff } from './service';
import { renderSummaryPdf } from './summary-pdf';
import { summaryFilename } from './summary-table';
import { renderSummaryXlsx } from './summary-xlsx';
import { batchParamsSchema, batchViewSchema } from './views';

const BASE = '/campaigns/:idOrCode/units/:unitId/batch';

async function loadDesk(deps: Deps, params: { idOrCode: string; unitId: string }) {
  const [campaign, unit] = await Promise.all([
    findCampaign(deps.db, params.idOrCode),
    findRecommenderUnit(deps.db, params.unitId),
  ]);
  if (!campaign) throw new AppError('NOT_FOUND', { message: '未找到该征集活动' });
  if (!unit) throw new AppError('NOT_FOUND', { message: '未找到该推荐单位' });
  return { campaign, unit, desk: { campaign, unitId: unit.id } };
}

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
        const { campaign, unit } = await loadDesk(deps, req.params);
        return loadBatchView(deps.db, campaign, unit);
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
        const { campaign, unit, desk } = await loadDesk(deps, req.params);
        await reorder(deps, desk, req.body.order, actorOf(req));
        return loadBatchView(deps.db, campaign, unit);
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
          const { campaign, unit } = await loadDesk(deps, req.params);
          const doc = await summaryDocument(deps.db, campaign, unit, deps.clock.now());
          const bytes =
            format === 'xlsx' ? await renderSummaryXlsx(doc) : await renderSummaryPdf(doc);
          const mime = format === 'xlsx' ? XLSX_MIME : 'application/pdf';
          return sendFile(reply, bytes, summaryFilename(unit.name, format), mime);
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
        const { campaign, unit, desk } = await loadDesk(deps, req.params);
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        await uploadStampedScan(deps, desk, file, user.id, actorOf(req));
        return loadBatchView(deps.db, campaign, unit);
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
        const { desk } = await loadDesk(deps, req.params);
        const { doc, bytes } = await readStampedScan(deps, desk);
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
        const { campaign, unit, desk } = await loadDesk(deps, req.params);
        await signOff(deps, desk, actorOf(req));
        return loadBatchView(deps.db, campaign, unit);
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
        const { campaign, unit, desk } = await loadDesk(deps, req.params);
        await reopen(deps, desk, req.body.reason, actorOf(req));
        return loadBatchView(deps.db, campaign, unit);
      },
    );
  };
}
