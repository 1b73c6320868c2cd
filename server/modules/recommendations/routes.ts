import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { APPLICATION_STATES } from '../../../domain/application-states';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { idParamsSchema } from '../../lib/views';
import { applicationView } from '../applications';
import { applicationViewSchema } from '../../../domain/api/applications';
import { inboxSchema } from '../../../domain/api/recommendations';
import { authorizeInbox } from './policy';
import { decideApplication, inboxOf, type Decision } from './service';

export function recommendationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inbox',
      {
        schema: {
          operationId: 'listInbox',
          tags: ['recommendations'],
          summary:
            '推荐单位收件箱：经本单位申报的申报书（不含草稿）、推荐数量使用情况及报送批次状态',
          querystring: z.object({
            campaignId: z.string().min(1).max(80),
            state: z.enum(APPLICATION_STATES).optional(),
            category: z.string().max(60).optional(),
            q: z.string().max(100).optional(),
          }),
          response: { 200: inboxSchema },
        },
      },
      async (req) => {
        const unitId = authorizeInbox(requireUser(req));
        const { rows, ...usage } = await inboxOf(deps, unitId, req.query);
        return {
          items: rows.map((r) => ({
            ...r,
            submittedAt: r.submittedAt?.toISOString() ?? null,
            decidedAt: r.decidedAt?.toISOString() ?? null,
          })),
          ...usage,
        };
      },
    );

    const decisions = [
      {
        path: 'return',
        operationId: 'returnApplication',
        summary: '退回企业修改（附意见）；截止前企业可修改后重新提交',
        body: z.object({ comment: z.string().trim().min(2, '请填写退回意见').max(2000) }),
        toDecision: (b: { comment: string }): Decision => ({ kind: 'return', comment: b.comment }),
      },
      {
        path: 'reject',
        operationId: 'rejectApplication',
        summary: '不予推荐（附理由）',
        body: z.object({ reason: z.string().trim().min(2, '请填写不予推荐的理由').max(2000) }),
        toDecision: (b: { reason: string }): Decision => ({ kind: 'reject', reason: b.reason }),
      },
      {
        path: 'recommend',
        operationId: 'recommendApplication',
        summary: '推荐（带推荐排序）；超过推荐数量上限时拒绝',
        body: z.object({ rank: z.number().int().min(1).max(100) }),
        toDecision: (b: { rank: number }): Decision => ({ kind: 'recommend', rank: b.rank }),
      },
      {
        path: 'unrecommend',
        operationId: 'unrecommendApplication',
        summary: '取消推荐，回到待审核',
        body: z.object({}),
        toDecision: (): Decision => ({ kind: 'unrecommend' }),
      },
    ] as const;

    for (const d of decisions) {
      app.post(
        `/applications/:id/${d.path}`,
        {
          schema: {
            operationId: d.operationId,
            tags: ['recommendations'],
            summary: d.summary,
            params: idParamsSchema,
            body: d.body,
            response: { 200: applicationViewSchema },
          },
        },
        async (req) => {
          const user = requireUser(req);
          const decision = (d.toDecision as (b: unknown) => Decision)(req.body);
          return applicationView(
            await decideApplication(deps, user, req.params.id, decision, actorOf(req)),
          );
        },
      );
    }
  };
}
