import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { revenueYearsOf } from '../../../domain/follow-up-report';
import { nonNegativeInt4, z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { awardView } from '../awards';
import {
  followUpDetailOf,
  followUpFormOf,
  followUpRowsOf,
  followUpSummaryFile,
  returnFollowUp,
  saveFollowUp,
  submitFollowUp,
} from './service';
import {
  followUpDetailSchema,
  followUpListSchema,
  reportViewSchema,
} from '../../../domain/api/follow-ups';
import { followUpRowView, reportView } from './views';

const campaignId = z.string().min(1).max(80);
const awardParams = z.object({ awardId: z.string().uuid('编号格式不正确') });

export function followUpRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns/:idOrCode/follow-up-form',
      {
        schema: {
          operationId: 'getFollowUpForm',
          tags: ['follow-ups'],
          summary: '活动的附件4统计信息表表单定义（分节、字段；市场收入按年度逐行）',
          params: z.object({ idOrCode: z.string().min(1).max(80) }),
          response: { 200: z.object({ form: z.record(z.string(), z.unknown()) }) },
        },
      },
      async (req) => {
        const form = await followUpFormOf(deps, req.params.idOrCode);
        return { form: form as unknown as Record<string, unknown> };
      },
    );

    app.get(
      '/follow-up-reports',
      {
        schema: {
          operationId: 'listFollowUpReports',
          tags: ['follow-ups'],
          summary:
            '附件4 统计信息表填报情况：企业看本企业的往届获奖方案，推荐单位看本单位推荐的，主管部门看全部',
          querystring: z.object({ campaignId }),
          response: { 200: followUpListSchema },
        },
      },
      async (req) => {
        const { rows, years } = await followUpRowsOf(deps, requireUser(req), req.query.campaignId);
        return {
          items: rows.map((r) => followUpRowView(r.award, r.report)),
          followUpAwardYears: years,
        };
      },
    );

    app.get(
      '/follow-up-reports/summary.xlsx',
      {
        schema: {
          operationId: 'exportFollowUpSummary',
          tags: ['follow-ups'],
          summary:
            '附件4 工业互联网APP统计信息表（XLSX）：推荐单位汇总本单位的，供盖章报送；主管部门为全部',
          querystring: z.object({ campaignId }),
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const { bytes, filename } = await followUpSummaryFile(deps, user, req.query.campaignId);
        return sendFile(reply, bytes, filename, XLSX_MIME);
      },
    );

    app.get(
      '/follow-up-reports/:awardId',
      {
        schema: {
          operationId: 'getFollowUpReport',
          tags: ['follow-ups'],
          summary: '一个往届获奖方案的附件4统计信息表（尚未填写时 report 为 null）及截止时间',
          params: awardParams,
          querystring: z.object({ campaignId }),
          response: { 200: followUpDetailSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { campaign, award, report, context } = await followUpDetailOf(
          deps,
          user,
          req.query.campaignId,
          req.params.awardId,
        );
        return {
          award: awardView(award),
          report: report ? reportView(report) : null,
          deadline: campaign.paperDeadline.toISOString(),
          revenueYears: revenueYearsOf(context),
        };
      },
    );

    app.put(
      '/follow-up-reports/:awardId',
      {
        schema: {
          operationId: 'saveFollowUpReport',
          tags: ['follow-ups'],
          summary:
            '保存附件4（获奖企业）：带上所编辑的版本号（尚无时为0），他人已保存更新版本时返回 409 DRAFT_CONFLICT',
          params: awardParams,
          body: z.object({
            campaignId,
            draftVersion: nonNegativeInt4(),
            data: z.record(z.string(), z.unknown()),
          }),
          response: { 200: reportViewSchema },
        },
      },
      async (req) => {
        return reportView(await saveFollowUp(deps, requireUser(req), req.params.awardId, req.body));
      },
    );

    app.post(
      '/follow-up-reports/:awardId/submit',
      {
        schema: {
          operationId: 'submitFollowUpReport',
          tags: ['follow-ups'],
          summary:
            '提交附件4：截止前、填写完整时提交推荐单位；不完整时 FOLLOW_UP_INCOMPLETE 逐项列出问题',
          params: awardParams,
          body: z.object({ campaignId }),
          response: { 200: reportViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { awardId } = req.params;
        return reportView(
          await submitFollowUp(deps, user, awardId, req.body.campaignId, actorOf(req)),
        );
      },
    );

    app.post(
      '/follow-up-reports/:awardId/return',
      {
        schema: {
          operationId: 'returnFollowUpReport',
          tags: ['follow-ups'],
          summary: '退回附件4（推荐单位，附意见）：企业修改后重新提交',
          params: awardParams,
          body: z.object({
            campaignId,
            comment: z.string().trim().min(2, '请填写退回意见（至少2个字）').max(2000),
          }),
          response: { 200: reportViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const returned = await returnFollowUp(
          deps,
          user,
          req.params.awardId,
          req.body,
          actorOf(req),
        );
        return reportView(returned);
      },
    );
  };
}
