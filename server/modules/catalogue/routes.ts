import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../domain/zod';
import type { Deps } from '../../lib/deps';
import * as service from './service';
import {
  catalogueDetailSchema,
  cataloguePageSchema,
  catalogueQuerySchema,
  listFileParamsSchema,
  openDataFileSchema,
  publicIdParamsSchema,
} from './views';

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** 宣传推广 / 开放数据: all public (no session needed), read-only. */
export function catalogueRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['catalogue'];

    app.get(
      '/published-solutions',
      {
        schema: {
          operationId: 'listPublishedSolutions',
          tags,
          summary:
            '优秀解决方案名单查询（公开）：按方案名称、申报单位、简介搜索，按年度、类别、地区（省含其下各市）、行业（门类或大类含其下各类）、状态（今天的有效/已撤销/已过期）筛选，分页；附各筛选项的数量',
          querystring: catalogueQuerySchema,
          response: { 200: cataloguePageSchema },
        },
      },
      async (req) => service.listSolutions(deps, req.query),
    );

    app.get(
      '/published-solutions/changes.atom',
      {
        schema: {
          operationId: 'getPublishedSolutionChangesFeed',
          tags,
          summary: '名单变动订阅（公开，Atom）：最近200条发布、撤销、有效期届满、撤回',
        },
      },
      async (_req, reply) =>
        reply
          .header('content-type', 'application/atom+xml; charset=utf-8')
          .header('cache-control', 'public, max-age=300')
          .send(await service.changesFeed(deps)),
    );

    app.get(
      '/published-solutions/schema.json',
      {
        schema: {
          operationId: 'getOpenDataSchema',
          tags,
          summary:
            '开放数据字段说明（公开，JSON Schema）：名单数据文件中每条记录的字段、类型和含义',
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async () => service.openDataJsonSchema() as Record<string, unknown>,
    );

    app.get(
      '/published-solutions.json',
      {
        schema: {
          operationId: 'exportPublishedSolutionsJson',
          tags,
          summary: '开放数据：全部年度已发布的优秀解决方案（JSON，字段见 docs/OPEN-DATA.md）',
          response: { 200: openDataFileSchema },
        },
      },
      async (_req, reply) => {
        const file = await service.openData(deps);
        return reply
          .header('content-type', JSON_TYPE)
          .header('cache-control', 'public, max-age=300')
          .send(file);
      },
    );

    app.get(
      '/published-solutions.csv',
      {
        schema: {
          operationId: 'exportPublishedSolutionsCsv',
          tags,
          summary:
            '开放数据：全部年度已发布的优秀解决方案（CSV，UTF-8 带 BOM，与 JSON 字段相同，列表以「；」分隔）',
        },
      },
      async (_req, reply) => {
        const bytes = service.openDataCsv(await service.openData(deps));
        return reply
          .header('content-type', CSV)
          .header('content-disposition', 'inline; filename="published-solutions.csv"')
          .header('cache-control', 'public, max-age=300')
          .send(bytes);
      },
    );

    app.get(
      '/published-lists/:file',
      {
        schema: {
          operationId: 'exportPublishedList',
          tags,
          summary:
            '开放数据：某一年度的优秀解决方案名单，/published-lists/2021.json 或 /published-lists/2021.csv（与全部年度文件字段相同）；该年度没有已发布的名单时 404',
          params: listFileParamsSchema,
        },
      },
      async (req, reply) => {
        const [yearText, format] = req.params.file.split('.') as [string, 'csv' | 'json'];
        const file = await service.openData(deps, Number(yearText));
        void reply.header('cache-control', 'public, max-age=300');
        if (format === 'json') return reply.header('content-type', JSON_TYPE).send(file);
        return reply
          .header('content-type', CSV)
          .header('content-disposition', `inline; filename="published-list-${yearText}.csv"`)
          .send(service.openDataCsv(file));
      },
    );

    app.get(
      '/published-solutions/:publicId',
      {
        schema: {
          operationId: 'getPublishedSolution',
          tags,
          summary:
            '优秀解决方案详情（公开）：公开编号、方案、申报单位、APP、类别、地区、行业、推荐单位、所在名单（标题、文号、发布日期）、有效期、今天的状态、变动记录、经审核的成果展示；编号不存在或格式不对时 404',
          params: publicIdParamsSchema,
          response: { 200: catalogueDetailSchema },
        },
      },
      async (req) => service.getSolution(deps, req.params.publicId),
    );
  };
}
