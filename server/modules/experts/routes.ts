import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createExpertSchema, updateExpertSchema } from '../../../domain/experts';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import { idParamsSchema } from '../../lib/views';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { authorizeManageExperts } from './policy';
import * as service from './service';
import {
  createdExpertSchema,
  expertImportResultSchema,
  expertListSchema,
  expertView,
  expertViewSchema,
} from './views';

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export function expertRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/experts',
      {
        schema: {
          operationId: 'listExperts',
          tags: ['experts'],
          summary:
            '专家库（主管部门）：按姓名/工作单位、申报类别、行业（含下级）、地区（含下级）、是否启用筛选，分页',
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            category: z.string().trim().max(60).optional(),
            industry: z.string().trim().max(10).optional(),
            region: z
              .string()
              .regex(/^\d{6}$/, '地区代码为6位数字')
              .optional(),
            active: booleanParam.optional(),
            page: z.coerce.number().int().min(1).max(100_000).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(20),
          }),
          response: { 200: expertListSchema },
        },
      },
      async (req) => {
        authorizeManageExperts(requireUser(req));
        const { items, total } = await service.listExperts(deps, req.query);
        return { items: items.map(expertView), total };
      },
    );

    app.post(
      '/experts',
      {
        schema: {
          operationId: 'createExpert',
          tags: ['experts'],
          summary:
            '新增专家并开通评审专家账号（登录名为手机号，手机号已被占用或未填时自动生成；平台发送邮件时向其邮箱发送设置密码链接，否则生成一次性密码）',
          body: createExpertSchema,
          response: { 201: createdExpertSchema },
        },
      },
      async (req, reply) => {
        authorizeManageExperts(requireUser(req));
        const created = await service.createExpert(deps, req.body, actorOf(req));
        return reply.status(201).send({ ...created, expert: expertView(created.expert) });
      },
    );

    app.get(
      '/experts/import-template.xlsx',
      {
        schema: {
          operationId: 'getExpertImportTemplate',
          tags: ['experts'],
          summary: '专家库导入模板（XLSX：中文列名，附填写说明、申报类别与聚焦领域）',
        },
      },
      async (req, reply) => {
        authorizeManageExperts(requireUser(req));
        return sendFile(
          reply,
          await service.importTemplate(deps),
          service.TEMPLATE_FILENAME,
          XLSX_MIME,
        );
      },
    );

    app.post(
      '/experts/import',
      {
        schema: {
          operationId: 'importExperts',
          tags: ['experts'],
          summary:
            '导入专家（multipart 字段 file：XLSX 或 UTF-8 CSV，按内容识别）：全部通过才写入并开通账号，否则 422 IMPORT_REJECTED 逐行列出问题',
          consumes: ['multipart/form-data'],
          response: { 200: expertImportResultSchema },
        },
      },
      async (req) => {
        authorizeManageExperts(requireUser(req));
        const file = await readUploadedFile(req, deps.config.maxFileBytes);
        return service.importExperts(deps, file, actorOf(req));
      },
    );

    app.get(
      '/experts/:id',
      {
        schema: {
          operationId: 'getExpert',
          tags: ['experts'],
          summary: '专家详情（主管部门）',
          params: idParamsSchema,
          response: { 200: expertViewSchema },
        },
      },
      async (req) => {
        authorizeManageExperts(requireUser(req));
        return expertView(await service.getExpert(deps, req.params.id));
      },
    );

    app.patch(
      '/experts/:id',
      {
        schema: {
          operationId: 'updateExpert',
          tags: ['experts'],
          summary:
            '修改专家信息（姓名、电话、邮箱同步到其账号）；active=false 停用（不再参与新的分配，已发布的分配不变）',
          params: idParamsSchema,
          body: updateExpertSchema,
          response: { 200: expertViewSchema },
        },
      },
      async (req) => {
        authorizeManageExperts(requireUser(req));
        return expertView(await service.updateExpert(deps, req.params.id, req.body, actorOf(req)));
      },
    );
  };
}
