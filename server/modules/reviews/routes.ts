import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  myReviewDetailSchema,
  myReviewListSchema,
  myReviewSchema,
  reopenedReviewSchema,
  reopenReviewBodySchema,
  reviewResultsSchema,
  saveReviewBodySchema,
  submitReviewBodySchema,
} from '../../../domain/api/reviews';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { runInWorker } from '../../lib/worker-pool';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { authorizeExpert, authorizeOrganizer } from './policy';
import { roundResultsOf } from './results';
import { scoreSheetOf } from './score-sheet';
import * as service from './service';
import { myReviewDetailView, myReviewItemView, myReviewView, reviewResultsView } from './views';
import { renderResultsXlsx } from './xlsx';

const uuid = (what: string) => z.string().uuid(`${what}编号格式不正确`);
const assignmentParams = z.object({ assignmentId: uuid('评审任务') });
const roundParams = z.object({ roundId: uuid('评审轮次') });

export function reviewRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // ---------------------------------------------------------------- 专家评分 (the expert)
    app.get(
      '/my/reviews',
      {
        schema: {
          operationId: 'listMyReviews',
          tags: ['reviews'],
          summary:
            '专家的评审任务：已发布给本人的申报书、截止时间、评分状态（匿名评审时不含申报单位）',
          response: { 200: myReviewListSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const rows = await service.listMyReviews(deps, user);
        const now = deps.clock.now();
        return { items: rows.map((r) => myReviewItemView(r, now)) };
      },
    );

    app.get(
      '/my/reviews/:assignmentId',
      {
        schema: {
          operationId: 'getMyReview',
          tags: ['reviews'],
          summary:
            '评审任务：申报书的冻结版本（匿名评审时隐去申报单位信息）、附件清单、评分标准、推荐意见选项与本人的评分',
          params: assignmentParams,
          response: { 200: myReviewDetailSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const d = await service.myReviewOf(deps, user, req.params.assignmentId);
        return myReviewDetailView(d, deps.clock.now());
      },
    );

    app.get(
      '/my/reviews/:assignmentId/attachments/:attachmentId',
      {
        schema: {
          operationId: 'downloadReviewAttachment',
          tags: ['reviews'],
          summary: '下载所评申报书（冻结版本）的附件',
          params: assignmentParams.extend({ attachmentId: uuid('附件') }),
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const { assignmentId, attachmentId } = req.params;
        const { row, bytes } = await service.myReviewAttachment(
          deps,
          user,
          assignmentId,
          attachmentId,
        );
        return sendFile(reply, bytes, row.filename, row.mime);
      },
    );

    app.put(
      '/my/reviews/:assignmentId',
      {
        schema: {
          operationId: 'saveReview',
          tags: ['reviews'],
          summary:
            '保存评分（自动保存）：须带上所编辑的版本号，已有更新版本时 409 REVIEW_CONFLICT；可只打部分分数；提交后、截止后不能保存',
          params: assignmentParams,
          body: saveReviewBodySchema,
          response: { 200: myReviewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const { assignmentId } = req.params;
        const { review, settings } = await service.saveReview(deps, user, assignmentId, req.body);
        return myReviewView(review, settings);
      },
    );

    app.post(
      '/my/reviews/:assignmentId/submit',
      {
        schema: {
          operationId: 'submitReview',
          tags: ['reviews'],
          summary:
            '提交评分：每项均已打分、已选推荐意见、评审意见达到最少字数；提交后锁定，主管部门可重新开放',
          params: assignmentParams,
          body: submitReviewBodySchema,
          response: { 200: myReviewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeExpert(user);
        const { assignmentId } = req.params;
        const { review, settings } = await service.submitReview(
          deps,
          user,
          assignmentId,
          req.body,
          actorOf(req),
        );
        return myReviewView(review, settings);
      },
    );

    // ---------------------------------------------------------------- the organizer
    app.post(
      '/review-rounds/:roundId/reviews/:assignmentId/reopen',
      {
        schema: {
          operationId: 'reopenReview',
          tags: ['reviews'],
          summary:
            '重新开放已提交的专家评分（须说明原因，记入审计，通知专家）；截止后须先延长截止时间',
          params: roundParams.extend({ assignmentId: uuid('评审任务') }),
          body: reopenReviewBodySchema,
          response: { 200: reopenedReviewSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        const { roundId, assignmentId } = req.params;
        const r = await service.reopenReview(
          deps,
          roundId,
          assignmentId,
          req.body.reason,
          actorOf(req),
        );
        return {
          assignmentId: r.assignmentId,
          state: 'draft' as const,
          reopenedAt: r.reopenedAt!.toISOString(),
          reopenReason: r.reopenReason!,
        };
      },
    );

    app.get(
      '/review-rounds/:roundId/results',
      {
        schema: {
          operationId: 'getReviewResults',
          tags: ['reviews'],
          summary:
            '评审结果（主管部门）：各组排名（平均分、去掉最高最低分后的平均分、中位数、离散程度、标准化得分）、专家宽严度与提示',
          params: roundParams,
          response: { 200: reviewResultsSchema },
        },
      },
      async (req) => {
        authorizeOrganizer(requireUser(req));
        return reviewResultsView(await roundResultsOf(deps, req.params.roundId));
      },
    );

    app.get(
      '/review-rounds/:roundId/results.xlsx',
      {
        schema: {
          operationId: 'exportReviewResultsXlsx',
          tags: ['reviews'],
          summary: '导出评审结果（XLSX）：结果汇总，及每位专家一张评分明细表',
          params: roundParams,
        },
      },
      async (req, reply) => {
        authorizeOrganizer(requireUser(req));
        const results = await roundResultsOf(deps, req.params.roundId);
        const bytes = await renderResultsXlsx(results, deps.clock.now());
        return sendFile(reply, bytes, `评审结果-${results.round.name}.xlsx`, XLSX_MIME);
      },
    );

    app.get(
      '/review-rounds/:roundId/results/experts/:expertId/score-sheet.pdf',
      {
        schema: {
          operationId: 'getExpertScoreSheetPdf',
          tags: ['reviews'],
          summary:
            '专家评分表（PDF）：该专家本轮所评项目的各项得分、总分、推荐意见与评审意见，供签字',
          params: roundParams.extend({ expertId: uuid('专家') }),
        },
      },
      async (req, reply) => {
        authorizeOrganizer(requireUser(req));
        const sheet = await scoreSheetOf(deps, req.params.roundId, req.params.expertId);
        const bytes = await runInWorker(deps.config, 'print', 'scoreSheetPdf', sheet);
        return sendFile(reply, bytes, `专家评分表-${sheet.expertName}.pdf`, 'application/pdf');
      },
    );
  };
}
