import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  decideSelectionSchema,
  selectionRevisionSchema,
  selectionSettingsSchema,
} from '../../../domain/selection';
import { noticePeriodQuerySchema, openPublicNoticeSchema } from '../../../domain/public-notice';
import {
  noticePeriodViewSchema,
  openedNoticeSchema,
  publicNoticeViewSchema,
} from '../../../domain/api/public-notice';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { sendFile } from '../../lib/xlsx';
import { authorizeSelection } from './policy';
import * as notice from './notice';
import * as service from './service';
import {
  campaignParamsSchema,
  decisionParamsSchema,
  preselectResultSchema,
  selectionRowSchema,
  selectionViewSchema,
} from './views';

export function selectionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['selection'];
    const base = '/campaigns/:idOrCode/selection';

    app.get(
      base,
      {
        schema: {
          operationId: 'getSelection',
          tags,
          summary:
            '遴选决定（主管部门）：所用评审轮次与各类别名额、专家评审中的项目按类别排名及入选决定、评审会纪要、冻结前尚缺什么',
          params: campaignParamsSchema,
          response: { 200: selectionViewSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return service.selectionOf(deps, req.params.idOrCode);
      },
    );

    app.put(
      base,
      {
        schema: {
          operationId: 'saveSelectionSettings',
          tags,
          summary:
            '设置遴选所用的评审轮次（须已发布分配）和各类别名额；首次保存即开始遴选（baseRevision 为 0），之后须基于所见版本；冻结后不能修改',
          params: campaignParamsSchema,
          body: selectionSettingsSchema,
          response: { 200: selectionViewSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return service.saveSettings(deps, req.params.idOrCode, req.body, actorOf(req));
      },
    );

    app.post(
      `${base}/preselect`,
      {
        schema: {
          operationId: 'preselectByRanking',
          tags,
          summary:
            '按排名预选：仅为尚未决定的项目，按标准化得分在各类别内排名，名额内为入选、其余为不入选，并写明理由；没有已提交评分的项目留待人工决定；不覆盖已作出的决定',
          params: campaignParamsSchema,
          body: selectionRevisionSchema,
          response: { 200: preselectResultSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return service.preselectByRanking(
          deps,
          req.params.idOrCode,
          req.body.baseRevision,
          actorOf(req),
        );
      },
    );

    app.put(
      `${base}/decisions/:applicationId`,
      {
        schema: {
          operationId: 'decideSelection',
          tags,
          summary:
            '对一个专家评审中的项目作出入选或不入选的决定，须写明理由（至少4个字）；可改，冻结后不能改',
          params: decisionParamsSchema,
          body: decideSelectionSchema,
          response: { 200: selectionRowSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return service.decide(
          deps,
          req.params.idOrCode,
          req.params.applicationId,
          req.body,
          actorOf(req),
        );
      },
    );

    app.post(
      `${base}/minutes`,
      {
        schema: {
          operationId: 'uploadSelectionMinutes',
          tags,
          summary:
            '上传评审会纪要（multipart 字段 file：PDF，按内容识别）；再次上传替换前一份，冻结后不能上传',
          params: campaignParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 200: selectionViewSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        return service.uploadMinutes(deps, req.params.idOrCode, file, actorOf(req));
      },
    );

    app.get(
      `${base}/minutes`,
      {
        schema: {
          operationId: 'getSelectionMinutes',
          tags,
          summary: '下载评审会纪要',
          params: campaignParamsSchema,
        },
      },
      async (req, reply) => {
        authorizeSelection(requireUser(req));
        const { doc, bytes } = await service.readMinutes(deps, req.params.idOrCode);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.post(
      `${base}/freeze`,
      {
        schema: {
          operationId: 'freezeSelection',
          tags,
          summary:
            '冻结遴选结果：所有专家评审中的项目均已决定、已上传评审会纪要时方可冻结；冻结后入选名单即为公示名单，任何决定不能再改',
          params: campaignParamsSchema,
          body: selectionRevisionSchema,
          response: { 200: selectionViewSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return service.freeze(deps, req.params.idOrCode, req.body.baseRevision, actorOf(req));
      },
    );

    // ---------------------------------------------------------------- 公示
    app.get(
      '/campaigns/:idOrCode/public-notice/period',
      {
        schema: {
          operationId: 'previewPublicNoticePeriod',
          tags,
          summary:
            '公示期预览（主管部门）：自某日起若干个工作日（按国务院节假日安排，含调休上班日）的起止日期和其中的休息日；缺少该年度节假日安排时拒绝并说明',
          params: campaignParamsSchema,
          querystring: noticePeriodQuerySchema,
          response: { 200: noticePeriodViewSchema },
        },
      },
      async (req) => {
        authorizeSelection(requireUser(req));
        return notice.previewPeriod(
          deps,
          req.params.idOrCode,
          req.query.opensOn,
          req.query.workingDays,
        );
      },
    );

    app.post(
      '/campaigns/:idOrCode/public-notice',
      {
        schema: {
          operationId: 'openPublicNotice',
          tags,
          summary:
            '开启公示（主管部门）：遴选结果冻结后，自开始日期起若干个工作日（默认5个）公示入选名单并写明异议受理方式；入选项目转为“公示中”，其余转为“未入选”；每个活动只开启一次',
          params: campaignParamsSchema,
          body: openPublicNoticeSchema,
          response: { 201: openedNoticeSchema },
        },
      },
      async (req, reply) => {
        authorizeSelection(requireUser(req));
        return reply
          .status(201)
          .send(await notice.openNotice(deps, req.params.idOrCode, req.body, actorOf(req)));
      },
    );

    app.get(
      '/campaigns/:idOrCode/public-notice',
      {
        schema: {
          operationId: 'getPublicNotice',
          tags,
          summary:
            '公示（公开）：公示期、异议受理方式和公示名单（解决方案名称、申报单位、申报类别、推荐单位）；未开启公示时 404',
          params: campaignParamsSchema,
          response: { 200: publicNoticeViewSchema },
        },
      },
      async (req) => notice.publicNoticeOf(deps, req.params.idOrCode),
    );
  };
}
