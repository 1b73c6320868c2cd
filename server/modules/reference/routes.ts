import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { industryListSchema, regionListSchema } from '../../../domain/api/reference';
import { z } from '../../../domain/zod';
import type { Deps } from '../../lib/deps';
import * as repo from './repository';

/** Public reference data: GB/T 2260 regions and GB/T 4754-2017 industries. */
export function referenceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        schema: {
          operationId: 'listRegions',
          tags: ['reference'],
          summary: '行政区划（GB/T 2260 省、市）',
          response: { 200: regionListSchema },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return { items: await repo.listRegions(deps.db) };
      },
    );

    app.get(
      '/industries',
      {
        schema: {
          operationId: 'searchIndustries',
          tags: ['reference'],
          summary: '国民经济行业分类（GB/T 4754-2017）检索：名称或代码',
          querystring: z.object({
            q: z.string().trim().max(50).default(''),
            level: z.coerce.number().int().min(1).max(4).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: industryListSchema },
        },
      },
      async (req) => ({
        items: await repo.searchIndustries(deps.db, req.query.q, req.query.level, req.query.limit),
      }),
    );
  };
}
