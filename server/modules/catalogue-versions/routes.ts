import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewCatalogueSchema, publishCatalogueSchema } from '../../../domain/catalogue-versions';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { authorizeCatalogue } from './policy';
import * as service from './service';
import {
  catalogueImportSchema,
  cataloguePreviewSchema,
  catalogueQuerySchema,
  catalogueVersionListSchema,
  catalogueViewSchema,
} from './views';

/** 目录清单: reading is public (no session needed); publishing is the organizer's. */
export function catalogueVersionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['catalogue-versions'];

    app.get(
      '/catalogue',
      {
        schema: {
          operationId: 'getCatalogue',
          tags,
          summary:
            '目录清单（公开）：最新版本或 ?version= 指定版本的标题、文号、发布日期，按等级再按类别分组的解决方案（公开编号与名单相同），以及与上一版本相比的变更（新增、移出、等级调整）；尚未发布或没有该版本时 404',
          querystring: catalogueQuerySchema,
          response: { 200: catalogueViewSchema },
        },
      },
      async (req, reply) => {
        const view = await service.getCatalogue(deps, req.query.version);
        return reply.header('cache-control', 'public, max-age=60').send(view);
      },
    );

    app.get(
      '/catalogue/versions',
      {
        schema: {
          operationId: 'listCatalogueVersions',
          tags,
          summary: '目录清单的各版本（公开）：版本号、标题、文号、发布日期、项数，最新的在前',
          response: { 200: catalogueVersionListSchema },
        },
      },
      async (_req, reply) =>
        reply.header('cache-control', 'public, max-age=60').send(await service.listVersions(deps)),
    );

    app.post(
      '/catalogue/versions',
      {
        schema: {
          operationId: 'publishCatalogue',
          tags,
          summary:
            '发布目录清单（主管部门）：标题、文号、发布日期（不晚于今天、不早于上一版本）、可选的评价轮次，以及各项的公开编号和等级（等级名称自定，按首次出现的顺序排列）；每项须为已发布且未撤销、未退出的解决方案，不得重复，否则 400 并列出有问题的编号；版本号为上一版本加一，各项的名称、申报单位、类别、地区在发布时固定',
          body: publishCatalogueSchema,
          response: { 201: catalogueViewSchema },
        },
      },
      async (req, reply) => {
        authorizeCatalogue(requireUser(req));
        return reply.status(201).send(await service.publish(deps, req.body, actorOf(req)));
      },
    );

    app.post(
      '/catalogue/preview',
      {
        schema: {
          operationId: 'previewCatalogue',
          tags,
          summary:
            '目录清单发布前预览（主管部门）：按公开编号找到的各项、不能发布的原因（编号不存在、已撤销或已退出、重复），以及与最新版本相比的变更；不保存任何内容',
          body: previewCatalogueSchema,
          response: { 200: cataloguePreviewSchema },
        },
      },
      async (req) => {
        authorizeCatalogue(requireUser(req));
        return service.preview(deps, req.body.entries);
      },
    );

    app.post(
      '/catalogue/import',
      {
        schema: {
          operationId: 'importCatalogueEntries',
          tags,
          summary:
            '读取目录清单表格（主管部门，multipart 字段 file：XLSX 或 UTF-8 CSV，列名 公开编号、等级）：返回读到的各行和逐行的问题，供在页面上修改后预览；不保存任何内容',
          consumes: ['multipart/form-data'],
          response: { 200: catalogueImportSchema },
        },
      },
      async (req) => {
        authorizeCatalogue(requireUser(req));
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        return service.importEntries(file.bytes);
      },
    );
  };
}
