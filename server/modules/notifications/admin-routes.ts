// The organizers' notification routes: 消息模板 (list, save, reset to default, preview) and the
// 邮件发送记录 (delivery log, resend of a failed e-mail).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  notificationTemplateListSchema,
  notificationTemplateSchema,
  outboundEmailListQuerySchema,
  outboundEmailPageSchema,
  outboundEmailSchema,
  templateInputSchema,
  templateKindParamsSchema,
  templatePreviewInputSchema,
  templatePreviewSchema,
  templateScopeQuerySchema,
} from '../../../domain/api/notifications';
import { z } from '../../../domain/zod';
import { actorOf, requireRole } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { listOutboundEmails, resendOutboundEmail } from './delivery-log';
import * as templates from './templates';

export function notificationAdminRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];

    app.get(
      '/notification-templates',
      {
        schema: {
          operationId: 'listNotificationTemplates',
          tags,
          summary:
            '消息模板：某一活动的（campaignId）或平台通用的（不带 campaignId），每类消息一项，未自定义的为默认（主管部门）',
          querystring: templateScopeQuerySchema,
          response: { 200: notificationTemplateListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return templates.listTemplates(deps, req.query.campaignId ?? null);
      },
    );

    app.put(
      '/notification-templates/:kind',
      {
        schema: {
          operationId: 'saveNotificationTemplate',
          tags,
          summary:
            '保存一类消息的模板（邮件主题与正文，可用 {{变量}}）；含不认识的变量时拒绝，不保存（主管部门）',
          params: templateKindParamsSchema,
          querystring: templateScopeQuerySchema,
          body: templateInputSchema,
          response: { 200: notificationTemplateSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return templates.saveTemplate(
          deps,
          req.query.campaignId ?? null,
          req.params.kind,
          req.body,
          actorOf(req),
        );
      },
    );

    app.delete(
      '/notification-templates/:kind',
      {
        schema: {
          operationId: 'resetNotificationTemplate',
          tags,
          summary: '恢复默认模板：删除本活动（或平台通用）的自定义模板（主管部门）',
          params: templateKindParamsSchema,
          querystring: templateScopeQuerySchema,
          response: { 200: notificationTemplateSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return templates.resetTemplate(
          deps,
          req.query.campaignId ?? null,
          req.params.kind,
          actorOf(req),
        );
      },
    );

    app.post(
      '/notification-templates/:kind/preview',
      {
        schema: {
          operationId: 'previewNotificationTemplate',
          tags,
          summary:
            '模板预览：用示例数据填入变量（请求中给出的主题、正文，或正在使用的模板），纯文本（主管部门）',
          params: templateKindParamsSchema,
          querystring: templateScopeQuerySchema,
          body: templatePreviewInputSchema,
          response: { 200: templatePreviewSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return templates.previewTemplate(
          deps,
          req.query.campaignId ?? null,
          req.params.kind,
          req.body,
        );
      },
    );

    app.get(
      '/outbound-emails',
      {
        schema: {
          operationId: 'listOutboundEmails',
          tags,
          summary:
            '邮件发送记录：每封邮件的状态（排队中、发送中、已发送、发送失败）与失败原因，新的在前（主管部门）',
          querystring: outboundEmailListQuerySchema,
          response: { 200: outboundEmailPageSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return listOutboundEmails(deps, req.query);
      },
    );

    app.post(
      '/outbound-emails/:id/resend',
      {
        schema: {
          operationId: 'resendOutboundEmail',
          tags,
          summary: '重新发送一封发送失败的邮件（重新排队）（主管部门）',
          params: z.object({ id: z.uuid() }),
          response: { 200: outboundEmailSchema },
        },
      },
      async (req) => {
        requireRole(req, 'organizer');
        return resendOutboundEmail(deps, req.params.id, actorOf(req));
      },
    );
  };
}
