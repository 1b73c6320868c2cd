import type { FastifyReply, FastifyRequest } from 'fastify';
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
import {
  passwordResetRequestSchema,
  passwordResetRequestedSchema,
  passwordResetSchema,
  passwordResetTokenInfoSchema,
  passwordResetTokenSchema,
} from '../../../domain/api/notifications';
import { enterpriseView, okSchema, userView } from '../../lib/views';
import * as links from './password-links';
import * as auth from './service';

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  /** A new session: its cookie set, the user and the CSRF token answered. */
  const signedInReply = (
    reply: FastifyReply,
    {
      signed,
      listing,
      csrfToken,
    }: Pick<Awaited<ReturnType<typeof auth.signInAndDescribe>>, 'listing' | 'csrfToken'> & {
      signed: { token: string; expiresAt: Date };
    },
  ) => {
    setSessionCookie(reply, signed.token, signed.expiresAt, deps.config.cookieSecure);
    return { user: userView(listing), csrfToken };
  };

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
        return signedInReply(
          reply,
          await auth.signInAndDescribe(deps, req.body, clientOf(req), req.cookies[SESSION_COOKIE]),
        );
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

    // 找回密码: public; the answer never tells whether the account exists or a link was sent.
    app.post(
      '/auth/password-reset',
      {
        schema: {
          operationId: 'requestPasswordReset',
          tags: ['auth'],
          summary: `找回密码：向账号登记的电子邮箱发送设置新密码的链接（${links.RESET_LINK_MINUTES}分钟内有效，仅可使用一次）；无论账号是否存在，回答相同`,
          body: passwordResetRequestSchema,
          response: { 200: passwordResetRequestedSchema },
        },
        config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
      },
      async (req) => {
        await links.requestPasswordReset(deps, req.body, actorOf(req));
        return { ok: true as const, emailEnabled: links.sendsPasswordLinks(deps) };
      },
    );

    app.post(
      '/auth/password-reset/check',
      {
        schema: {
          operationId: 'checkPasswordResetToken',
          tags: ['auth'],
          summary: '查看设置密码链接是否有效（账号、用途、有效期）',
          body: passwordResetTokenSchema,
          response: { 200: passwordResetTokenInfoSchema },
        },
        config: { rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: '1 minute' } },
      },
      async (req) => {
        const info = await links.checkPasswordLink(deps, req.body.token);
        return { ...info, expiresAt: info.expiresAt.toISOString() };
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          operationId: 'resetPasswordWithToken',
          tags: ['auth'],
          summary: '通过邮件链接设置新密码：链接作废，账号的其他会话全部退出，本浏览器随即登录',
          body: passwordResetSchema,
          response: { 200: signInResultSchema },
        },
        config: { rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        return signedInReply(
          reply,
          await links.setPasswordByLink(deps, req.body, clientOf(req), req.cookies[SESSION_COOKIE]),
        );
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
