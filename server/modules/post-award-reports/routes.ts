import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  monitoringFiguresSchema,
  myPostAwardReportsSchema,
  openedRoundSchema,
  postAwardReportDetailSchema,
  postAwardReportStateSchema,
  postAwardRoundListSchema,
  postAwardRoundReportsSchema,
  postAwardUnitSummarySchema,
} from '../../../domain/api/post-award';
import type { PostAwardKind } from '../../../domain/post-award';
import { instantSchema, nonNegativeInt4, z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import * as service from './service';
import { reportRowView, reportStateView, roundView, unitSummaryView } from './views';

const tags = ['post-award'];
const uuid = z.string().uuid('编号格式不正确');
const reportParams = z.object({ reportId: uuid });
const roundParams = z.object({ roundId: uuid });
const unitParams = z.object({ roundId: uuid, unitId: uuid });
const deadline = instantSchema('请填写截止时间（ISO 8601，带时区）');
const saveBody = z.object({
  version: nonNegativeInt4(),
  data: z.record(z.string(), z.unknown()),
});
const returnBody = z.object({
  comment: z.string().trim().min(2, '请填写退回意见（至少2个字）').max(2000),
});

export function postAwardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/post-award-rounds/monitoring',
      {
        schema: {
          operationId: 'openMonitoringRound',
          tags,
          summary:
            '开启年度运行监测（主管部门）：监测年度、名单（默认该年度及上一年度发布的名单）、截止时间；为名单中每个有效的入选方案建立报告，同一年度只能开启一次',
          body: z.object({
            year: z.number().int().min(2000).max(2100),
            listCampaignIds: z.array(uuid).max(20).optional(),
            deadline,
          }),
          response: { 201: openedRoundSchema },
        },
      },
      async (req, reply) => {
        const r = await service.openMonitoringRound(deps, requireUser(req), req.body, actorOf(req));
        return reply.status(201).send({ round: roundView(r.round), reports: r.reports });
      },
    );

    app.post(
      '/post-award-rounds/self-evaluation',
      {
        schema: {
          operationId: 'openSelfEvaluation',
          tags,
          summary:
            '开启自查评估（主管部门）：有效期已结束的名单、截止时间；为该名单未撤销、未退出的方案建立报告；名单有效期内拒绝（LIST_STILL_VALID）',
          body: z.object({ listCampaignId: uuid, deadline }),
          response: { 201: openedRoundSchema },
        },
      },
      async (req, reply) => {
        const r = await service.openSelfEvaluation(deps, requireUser(req), req.body, actorOf(req));
        return reply.status(201).send({ round: roundView(r.round), reports: r.reports });
      },
    );

    app.get(
      '/post-award-rounds',
      {
        schema: {
          operationId: 'listPostAwardRounds',
          tags,
          summary:
            '运行监测与自查评估的轮次，附各状态报告数：主管部门为全部，推荐单位为本单位的，企业为本企业的',
          response: { 200: postAwardRoundListSchema },
        },
      },
      async (req) => {
        const rows = await service.listRounds(deps, requireUser(req));
        return {
          items: rows.map((r) => ({
            ...roundView(r.round),
            counts: {
              total: r.total,
              draft: r.draft,
              submitted: r.submitted,
              returned: r.returned,
              forwarded: r.forwarded,
            },
          })),
        };
      },
    );

    app.get(
      '/post-award-rounds/:roundId/reports',
      {
        schema: {
          operationId: 'listPostAwardRoundReports',
          tags,
          summary:
            '一个轮次的报告及状态（按推荐单位）：主管部门为全部，推荐单位为本单位的；附已上传的盖章汇总表',
          params: roundParams,
          response: { 200: postAwardRoundReportsSchema },
        },
      },
      async (req) => {
        const r = await service.roundReports(deps, requireUser(req), req.params.roundId);
        return {
          round: roundView(r.round),
          items: r.rows.map(reportRowView),
          summaries: r.summaries.map(unitSummaryView),
        };
      },
    );

    app.get(
      '/post-award-rounds/:roundId/summary.xlsx',
      {
        schema: {
          operationId: 'exportPostAwardSummary',
          tags,
          summary:
            '汇总表（XLSX）：推荐单位为本单位的（打印盖章后上传），主管部门为全部推荐单位的报告',
          params: roundParams,
        },
      },
      async (req, reply) => {
        const f = await service.summaryFile(deps, requireUser(req), req.params.roundId);
        return sendFile(reply, f.bytes, f.filename, XLSX_MIME);
      },
    );

    app.get(
      '/post-award-rounds/:roundId/statistics',
      {
        schema: {
          operationId: 'getPostAwardRoundStatistics',
          tags,
          summary:
            '年度运行监测的监测分析：报告按状态计数；已提交报告的新增客户、监测年度收入（万元）、仍在运行的比例，及按推荐单位的收入与客户；推荐单位为本单位的',
          params: roundParams,
          response: { 200: monitoringFiguresSchema },
        },
      },
      async (req) => {
        const r = await service.roundFigures(deps, requireUser(req), req.params.roundId);
        return { roundId: r.round.id, year: r.round.year, ...r.figures };
      },
    );

    app.post(
      '/post-award-rounds/:roundId/units/:unitId/stamped-summary',
      {
        schema: {
          operationId: 'stampPostAwardSummary',
          tags,
          summary:
            '上传本单位盖章汇总表扫描件（推荐单位，multipart/form-data 字段 file，PDF 或 PNG、JPEG）：本单位本轮报告须全部已报送',
          consumes: ['multipart/form-data'],
          params: unitParams,
          response: { 201: postAwardUnitSummarySchema },
        },
      },
      async (req, reply) => {
        const { roundId, unitId } = req.params;
        const readFile = () => readUploadedFile(req, deps.config.maxFileBytes);
        const saved = await service.stampSummary(
          deps,
          requireUser(req),
          roundId,
          unitId,
          readFile,
          actorOf(req),
        );
        return reply.status(201).send(unitSummaryView(saved));
      },
    );

    app.get(
      '/post-award-rounds/:roundId/units/:unitId/stamped-summary',
      {
        schema: {
          operationId: 'getPostAwardSummaryScan',
          tags,
          summary: '下载推荐单位上传的盖章汇总表扫描件（该单位及主管部门）',
          params: unitParams,
        },
      },
      async (req, reply) => {
        const { roundId, unitId } = req.params;
        const { doc, bytes } = await service.stampedSummary(
          deps,
          requireUser(req),
          roundId,
          unitId,
        );
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.get(
      '/post-award-reports',
      {
        schema: {
          operationId: 'listMyPostAwardReports',
          tags,
          summary: '本企业的运行监测与自查评估报告（入选企业）',
          response: { 200: myPostAwardReportsSchema },
        },
      },
      async (req) => ({
        items: (await service.myReports(deps, requireUser(req))).map(reportRowView),
      }),
    );

    app.get(
      '/post-award-reports/:reportId',
      {
        schema: {
          operationId: 'getPostAwardReport',
          tags,
          summary:
            '一份报告：内容、本轮冻结的表单定义及按年度的行；企业本身、其推荐单位和主管部门可读',
          params: reportParams,
          response: { 200: postAwardReportDetailSchema },
        },
      },
      async (req) => {
        const d = await service.reportDetail(deps, requireUser(req), req.params.reportId);
        return {
          report: { ...reportRowView(d), data: d.report.data },
          form: d.form as unknown as Record<string, unknown>,
          rowKeys: Object.fromEntries(
            Object.entries(d.rowKeys).map(([k, v]) => [k, [...v]]),
          ) as Record<string, (string | number)[]>,
          files: d.files,
          canEdit: d.canEdit,
          canReview: d.canReview,
        };
      },
    );

    const editRoutes = (
      kind: PostAwardKind,
      base: string,
      save: string,
      submit: string,
      what: string,
    ) => {
      app.put(
        `${base}/:reportId`,
        {
          schema: {
            operationId: save,
            tags,
            summary: `保存${what}（入选企业）：带上所编辑的版本号，他人已保存更新版本时返回 409 DRAFT_CONFLICT；截止后、已提交时不能保存`,
            params: reportParams,
            body: saveBody,
            response: { 200: postAwardReportStateSchema },
          },
        },
        async (req) =>
          reportStateView(
            await service.saveReport(deps, requireUser(req), req.params.reportId, kind, req.body),
          ),
      );
      app.post(
        `${base}/:reportId/submit`,
        {
          schema: {
            operationId: submit,
            tags,
            summary: `提交${what}至推荐单位审核：截止前、填写完整时；不完整时 POST_AWARD_INCOMPLETE 逐项列出问题`,
            params: reportParams,
            body: z.object({}),
            response: { 200: postAwardReportStateSchema },
          },
        },
        async (req) =>
          reportStateView(
            await service.submitReport(
              deps,
              requireUser(req),
              req.params.reportId,
              kind,
              actorOf(req),
            ),
          ),
      );
    };
    editRoutes(
      'monitoring',
      '/monitoring-reports',
      'saveMonitoringReport',
      'submitMonitoringReport',
      '年度运行监测表',
    );
    editRoutes(
      'self_evaluation',
      '/self-evaluations',
      'saveSelfEvaluation',
      'submitSelfEvaluation',
      '自查评估表',
    );

    app.post(
      '/post-award-reports/:reportId/return',
      {
        schema: {
          operationId: 'returnPostAwardReport',
          tags,
          summary: '退回报告（该方案的推荐单位，须填写意见）：企业修改后重新提交',
          params: reportParams,
          body: returnBody,
          response: { 200: postAwardReportStateSchema },
        },
      },
      async (req) =>
        reportStateView(
          await service.returnReport(
            deps,
            requireUser(req),
            req.params.reportId,
            req.body.comment,
            actorOf(req),
          ),
        ),
    );

    app.post(
      '/post-award-reports/:reportId/forward',
      {
        schema: {
          operationId: 'forwardPostAwardReport',
          tags,
          summary: '审核通过并报送主管部门（该方案的推荐单位，审核意见可选）',
          params: reportParams,
          body: z.object({ comment: z.string().trim().max(2000).optional() }),
          response: { 200: postAwardReportStateSchema },
        },
      },
      async (req) =>
        reportStateView(
          await service.forwardReport(
            deps,
            requireUser(req),
            req.params.reportId,
            req.body.comment,
            actorOf(req),
          ),
        ),
    );

    app.post(
      '/post-award-reports/:reportId/evidence',
      {
        schema: {
          operationId: 'uploadPostAwardEvidence',
          tags,
          summary:
            '上传佐证材料（入选企业，multipart/form-data 字段 file，PDF、图片或Office文件）；返回文件编号，保存报告时写入佐证材料字段',
          consumes: ['multipart/form-data'],
          params: reportParams,
          response: {
            201: z.object({ id: z.string(), filename: z.string(), size: z.number() }),
          },
        },
      },
      async (req, reply) => {
        const readFile = () => readUploadedFile(req, deps.config.maxFileBytes);
        const doc = await service.uploadEvidence(
          deps,
          requireUser(req),
          req.params.reportId,
          readFile,
        );
        return reply.status(201).send({ id: doc.id, filename: doc.filename, size: doc.size });
      },
    );

    app.get(
      '/post-award-reports/:reportId/evidence/:documentId',
      {
        schema: {
          operationId: 'getPostAwardEvidence',
          tags,
          summary: '下载报告的佐证材料（企业本身、其推荐单位和主管部门）',
          params: z.object({ reportId: uuid, documentId: uuid }),
        },
      },
      async (req, reply) => {
        const { reportId, documentId } = req.params;
        const { doc, bytes } = await service.evidenceFile(
          deps,
          requireUser(req),
          reportId,
          documentId,
        );
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );
  };
}
