import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditCheckpointSchema,
  auditCheckpointsSchema,
  auditPageSchema,
  chainVerdictSchema,
} from '../../../domain/api/audit';
import { instantSchema, z } from '../../../domain/zod';
import { requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeReadAudit } from './policy';
import { latestAuditCheckpoints, writeAuditCheckpoint } from './checkpoints';
import { auditPage, verifyAudit } from './service';

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
        return auditPage(deps.db, filter, { limit, beforeId });
      },
    );

    app.get(
      '/audit-events/verification',
      {
        schema: {
          operationId: 'verifyAuditChain',
          tags: ['audit'],
          summary:
            '校验审计日志：哈希链、与每个检查点比对（截断、重写），以及每份申报书的状态与其审计记录一致',
          response: { 200: chainVerdictSchema },
        },
      },
      async (req) => {
        authorizeReadAudit(requireUser(req));
        return verifyAudit(deps);
      },
    );

    app.get(
      '/audit-events/checkpoints',
      {
        schema: {
          operationId: 'listAuditCheckpoints',
          tags: ['audit'],
          summary: '最近的审计检查点（链头：条数、末条编号与哈希），供主管部门抄存到系统之外',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
          response: { 200: auditCheckpointsSchema },
        },
      },
      async (req) => {
        authorizeReadAudit(requireUser(req));
        return latestAuditCheckpoints(deps.files, req.query.limit);
      },
    );

    app.post(
      '/audit-events/checkpoints',
      {
        schema: {
          operationId: 'createAuditCheckpoint',
          tags: ['audit'],
          summary: '立即写入一个审计检查点（文件存储中新增一个对象，从不覆盖）',
          response: { 201: auditCheckpointSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeReadAudit(user);
        const written = await writeAuditCheckpoint(deps, `organizer:${user.login}`);
        // the organizer's own sign-in is in the log, so it is never empty here
        return reply.status(201).send(written!);
      },
    );
  };
}
