import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, chainVerdictSchema } from '../../../domain/api/audit';
import { instantSchema, z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeReadAudit } from './policy';
import { auditPage, verifyAuditChain } from './service';

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-events',
      {
        schema: {
          operationId: 'listAuditEvents',
          tags: ['audit'],
          summary: '审计日志（主管部门），按时间倒序，可筛选',
          querystring: z.object({
            actorLabel: z.string().max(100).optional(),
            action: z.string().max(100).optional(),
            targetType: z.string().max(100).optional(),
            targetId: z.string().max(100).optional(),
            from: instantSchema().optional(),
            to: instantSchema().optional(),
            beforeId: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: auditPageSchema },
        },
      },
      async (req) => {
        authorizeReadAudit(requireUser(req));
        const { from, to, beforeId, limit, ...rest } = req.query;
        const filter = {
          ...rest,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        };
        const { rows, total, actions } = await auditPage(deps.db, filter, { limit, beforeId });
        return {
          items: rows.map(({ prevHash: _p, ...r }) => ({ ...r, at: r.at.toISOString() })),
          total,
          actions,
        };
      },
    );

    app.get(
      '/audit-events/verification',
      {
        schema: {
          operationId: 'verifyAuditChain',
          tags: ['audit'],
          summary: '校验审计日志哈希链：任何改动或删除都会被发现',
          response: { 200: chainVerdictSchema },
        },
      },
      async (req) => {
        authorizeReadAudit(requireUser(req));
        return verifyAuditChain(deps.db);
      },
    );
  };
}
