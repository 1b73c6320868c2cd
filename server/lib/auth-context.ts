import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/roles';
import type { SessionRow, UserRow } from '../modules/auth';
import type { Actor } from './actor';
import { AppError } from './errors';

export const SESSION_COOKIE = 'zx_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: { user: UserRow; session: SessionRow } | null;
    /** A session whose password must be changed first: it counts only where allowed (below). */
    passwordChangePending: boolean;
  }
  interface FastifyContextConfig {
    /** The route serves a session that must change its password first (getMe, signOut, …). */
    beforePasswordChange?: boolean;
  }
}

export type SignedInUser = UserRow;

/** The signed-in user, or 401 (403 PASSWORD_CHANGE_REQUIRED for a password still to change). */
export function requireUser(req: FastifyRequest): SignedInUser {
  if (!req.auth)
    throw new AppError(req.passwordChangePending ? 'PASSWORD_CHANGE_REQUIRED' : 'UNAUTHENTICATED');
  return req.auth.user;
}

/** The signed-in user if their role is one of `roles`, else 401/403. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): SignedInUser {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw new AppError('FORBIDDEN');
  return user;
}

export function actorOf(req: FastifyRequest): Actor {
  const user = req.auth?.user;
  return user
    ? { userId: user.id, role: user.role, label: user.login, ip: req.ip }
    : { userId: null, role: 'anonymous', label: 'anonymous', ip: req.ip };
}

export function clientOf(req: FastifyRequest) {
  return { ...actorOf(req), userAgent: req.headers['user-agent'] ?? null };
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expires: Date,
  secure: boolean,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
