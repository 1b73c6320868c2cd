import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  markReadResultSchema,
  markReadSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  updatePreferencesSchema,
} from '../../../domain/api/notifications';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import * as service from './service';
import { notificationView } from './views';

export function notificationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];

    app.get(
      '/notifications',
      {
        schema: {
          operationId: 'listNotifications',
          tags,
          summary: '消息中心：本人的消息（新的在前）与未读数',
          querystring: notificationListQuerySchema,
          response: { 200: notificationPageSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const page = await service.listMyNotifications(deps, user.id, req.query);
        return { ...page, items: page.items.map(notificationView) };
      },
    );

    app.post(
      '/notifications/read',
      {
        schema: {
          operationId: 'markNotificationsRead',
          tags,
          summary: '将本人的消息标为已读：指定的（ids）或全部（all: true）',
          body: markReadSchema,
          response: { 200: markReadResultSchema },
        },
      },
      async (req) =>
        service.markMyNotificationsRead(
          deps,
          requireUser(req).id,
          'ids' in req.body ? req.body.ids : undefined,
        ),
    );

    app.get(
      '/notification-preferences',
      {
        schema: {
          operationId: 'getNotificationPreferences',
          tags,
          summary: '本人的邮件通知设置：哪些消息同时发送邮件（站内消息总是保留）',
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (req) => service.preferencesOf(deps, requireUser(req)),
    );

    app.put(
      '/notification-preferences',
      {
        schema: {
          operationId: 'updateNotificationPreferences',
          tags,
          summary:
            '修改本人的邮件通知设置（emailOff：不需要邮件的消息类型；找回密码等邮件不可关闭）',
          body: updatePreferencesSchema,
          response: { 200: notificationPreferencesSchema },
        },
      },
      async (req) => service.updatePreferences(deps, requireUser(req), req.body.emailOff),
    );
  };
}
