import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createStaffUserSchema, updateUserSchema, userRoleSchema } from '../../../domain/accounts';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import {
  oneTimePasswordSchema,
  userListSchema,
  userViewSchema,
  userWithPasswordSchema,
} from '../../../domain/api/accounts';
import { idParamsSchema, userView } from '../../lib/views';
import { authorizeAdministerUsers } from './policy';
import * as service from './service';

export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          operationId: 'listUsers',
          tags: ['users'],
          summary: '账号列表（主管部门）',
          querystring: z.object({
            role: userRoleSchema.optional(),
            q: z.string().max(100).optional(),
            recommenderUnitId: z.string().uuid().optional(),
          }),
          response: { 200: userListSchema },
        },
      },
      async (req) => {
        authorizeAdministerUsers(requireUser(req));
        return { items: (await service.listUsers(deps, req.query)).map(userView) };
      },
    );

    app.post(
      '/users',
      {
        schema: {
          operationId: 'createUser',
          tags: ['users'],
          summary:
            '创建推荐单位、评审专家或主管部门账号；未给密码时向其电子邮箱发送设置密码链接（平台未配置邮件时生成一次性密码）',
          body: createStaffUserSchema,
          response: { 201: userWithPasswordSchema },
        },
      },
      async (req, reply) => {
        authorizeAdministerUsers(requireUser(req));
        const { user, oneTimePassword, linkSentTo } = await service.createStaffUser(
          deps,
          req.body,
          actorOf(req),
        );
        return reply.status(201).send({ user: userView(user), oneTimePassword, linkSentTo });
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          operationId: 'updateUser',
          tags: ['users'],
          summary: '停用/启用账号，修改姓名、电话',
          params: idParamsSchema,
          body: updateUserSchema,
          response: { 200: userViewSchema },
        },
      },
      async (req) => {
        authorizeAdministerUsers(requireUser(req));
        return userView(await service.updateUser(deps, req.params.id, req.body, actorOf(req)));
      },
    );

    app.post(
      '/users/:id/password-reset',
      {
        schema: {
          operationId: 'resetUserPassword',
          tags: ['users'],
          summary:
            '重置密码：原密码失效，向其电子邮箱发送设置新密码链接（平台未配置邮件或账号已停用时生成一次性密码，下次登录须修改）',
          params: idParamsSchema,
          response: { 200: oneTimePasswordSchema },
        },
      },
      async (req) => {
        authorizeAdministerUsers(requireUser(req));
        return service.resetPassword(deps, req.params.id, actorOf(req));
      },
    );
  };
}
