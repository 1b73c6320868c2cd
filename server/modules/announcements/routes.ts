import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  announcementInputSchema,
  announcementListQuerySchema,
  announcementPageSchema,
  announcementSchema,
  publicAnnouncementListSchema,
} from '../../../domain/api/notifications';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { announcementScopeOf, authorizeCreateAnnouncement } from './policy';
import * as service from './service';

export function announcementRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['announcements'];

    app.post(
      '/announcements',
      {
        schema: {
          operationId: 'createAnnouncement',
          tags,
          summary:
            '发布通知公告（主管部门）：按角色和/或推荐单位选定对象，站内消息必发，可同时发送邮件、在活动页公开',
          body: announcementInputSchema,
          response: { 201: announcementSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeCreateAnnouncement(user);
        const created = await service.createAnnouncement(deps, req.body, actorOf(req));
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/announcements',
      {
        schema: {
          operationId: 'listAnnouncements',
          tags,
          summary:
            '通知公告列表（新的在前）：主管部门看全部（可按活动筛选，含发送对象与人数），其他用户看发给本人的',
          querystring: announcementListQuerySchema,
          response: { 200: announcementPageSchema },
        },
      },
      async (req) =>
        service.listAnnouncements(deps, announcementScopeOf(requireUser(req)), req.query),
    );

    app.get(
      '/campaigns/:idOrCode/announcements',
      {
        schema: {
          operationId: 'listPublicAnnouncements',
          tags,
          summary: '活动页的通知公告：该活动公开发布的公告（任何人可看，不含发送对象）',
          params: z.object({ idOrCode: z.string().min(1).max(100) }),
          response: { 200: publicAnnouncementListSchema },
        },
      },
      async (req) => service.listPublicAnnouncements(deps, req.params.idOrCode),
    );
  };
}
