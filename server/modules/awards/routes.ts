import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeManageAwards } from './policy';
import { listAwardRows } from './repository';
import { importAwards } from './service';
import { readUploadedFile } from '../../lib/upload';
import { awardImportResultSchema, awardListSchema } from '../../../domain/api/awards';
import { awardView } from './views';

export function awardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/awards/import',
      {
        schema: {
          operationId: 'importAwards',
          tags: ['awards'],
          summary:
            '导入往届获奖名单（multipart 字段 file：XLSX 或 UTF-8 CSV，按内容识别）：全部通过才写入，否则 422 IMPORT_REJECTED 逐行列出问题',
          consumes: ['multipart/form-data'],
          response: { 200: awardImportResultSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeManageAwards(user);
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        return importAwards(deps, user, file, actorOf(req));
      },
    );

    app.get(
      '/awards',
      {
        schema: {
          operationId: 'listAwards',
          tags: ['awards'],
          summary: '往届获奖名单（主管部门）：按年份、名称/企业/统一社会信用代码筛选，分页',
          querystring: z.object({
            year: z.coerce.number().int().min(2000).max(2100).optional(),
            q: z.string().trim().max(100).optional(),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(100).default(20),
          }),
          response: { 200: awardListSchema },
        },
      },
      async (req) => {
        authorizeManageAwards(requireUser(req));
        const { items, total } = await listAwardRows(deps.db, req.query);
        return { items: items.map(awardView), total };
      },
    );
  };
}
