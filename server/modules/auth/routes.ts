import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordSchema,
  signInSchema,
  updateOwnProfileSchema,
} from '../../../domain/accounts';
import {
  actorOf,
  clearSessionCookie,
  clientOf,
  requireUser,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { meSchema, signInResultSchema } from '../../../domain/api/accounts';
import { enterpriseView, okSchema, userView } from '../../lib/views';
import * as auth from './service';

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/sign-in',
      {
        schema: {
          operationId: 'signIn',
          tags: ['auth'],
          summary: '登录（账号：登录名、电子邮箱或统一社会信用代码）',
          body: signInSchema,
          response: { 200: signInResultSchema },
        },
        config: { rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { signed, listing, csrfToken } = await auth.signInAndDescribe(
          deps,
          req.body,
          clientOf(req),
          req.cookies[SESSION_COOKIE],
        );
        setSessionCookie(reply, signed.token, signed.expiresAt, deps.config.cookieSecure);
        return { user: userView(listing), csrfToken };
      },
    );

    app.post(
      '/auth/sign-out',
      {
        schema: {
          operationId: 'signOut',
          tags: ['auth'],
          summary: '退出登录',
          response: { 200: okSchema },
        },
        config: { beforePasswordChange: true },
      },
      async (req, reply) => {
        if (req.auth) await auth.signOut(deps, req.auth.session.id, actorOf(req));
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      {
        schema: {
          operationId: 'getMe',
          tags: ['auth'],
          summary: '当前用户、所属企业或推荐单位、CSRF令牌',
          response: { 200: meSchema },
        },
        config: { beforePasswordChange: true },
      },
      async (req) => meView(await auth.describeUser(deps, requireUser(req)), req),
    );

    app.patch(
      '/me/profile',
      {
        schema: {
          operationId: 'updateOwnProfile',
          tags: ['auth'],
          summary: '修改本人联系信息（姓名或联系人、电话、电子邮箱；改邮箱须当前密码）',
          body: updateOwnProfileSchema,
          response: { 200: meSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return meView(await auth.updateOwnProfile(deps, user, req.body, actorOf(req)), req);
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          operationId: 'changeOwnPassword',
          tags: ['auth'],
          summary: '修改本人密码',
          body: changePasswordSchema,
          response: { 200: okSchema },
        },
        config: {
          rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: '1 minute' },
          beforePasswordChange: true,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await auth.changeOwnPassword(deps, user.id, req.auth!.session.id, req.body, actorOf(req));
        return { ok: true as const };
      },
    );
  };
}

function meView(
  { listing, enterprise, unit }: Awaited<ReturnType<typeof auth.describeUser>>,
  req: FastifyRequest,
) {
  return {
    user: userView(listing),
    csrfToken: req.auth!.session.csrfToken,
    enterprise: enterprise ? enterpriseView(enterprise) : null,
    recommenderUnit: unit ? { id: unit.id, name: unit.name, type: unit.type } : null,
  };
}
