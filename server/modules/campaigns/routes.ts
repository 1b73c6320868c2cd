import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  campaignConfigViewSchema,
  campaignListSchema,
  campaignTemplateListSchema,
  campaignViewSchema,
} from '../../../domain/api/campaigns';
import { copyCampaignSchema } from '../../../domain/campaign-copy';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { authorizeConfigureCampaigns } from './policy';
import {
  createCampaignSchema,
  importCampaignSchema,
  updateCampaignSchema,
} from '../../../domain/campaign-config';
import * as config from './config';
import * as service from './service';

const idOrCodeParams = z.object({ idOrCode: z.string().min(1).max(80) });

export function campaignRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns',
      {
        schema: {
          operationId: 'listCampaigns',
          tags: ['campaigns'],
          summary: '征集活动列表（公开）',
          response: { 200: campaignListSchema },
        },
      },
      async () => ({ items: await service.listCampaigns(deps) }),
    );

    app.get(
      '/campaigns/:idOrCode',
      {
        schema: {
          operationId: 'getCampaign',
          tags: ['campaigns'],
          summary: '征集活动详情：类别、截止时间、推荐数量、字数限制（公开）',
          params: idOrCodeParams,
          response: { 200: campaignViewSchema },
        },
      },
      async (req) => service.getCampaign(deps, req.params.idOrCode),
    );

    app.get(
      '/campaign-templates',
      {
        schema: {
          operationId: 'listCampaignTemplates',
          tags: ['campaigns'],
          summary: '可用于新建活动的内置模板（主管部门）',
          response: {
            200: campaignTemplateListSchema,
          },
        },
      },
      async (req) => {
        authorizeConfigureCampaigns(requireUser(req));
        return { items: config.listTemplates() };
      },
    );

    app.post(
      '/campaigns',
      {
        schema: {
          operationId: 'createCampaign',
          tags: ['campaigns'],
          summary: '新建活动：从内置模板或以往活动复制设置与表单（主管部门）',
          body: createCampaignSchema,
          response: { 201: campaignConfigViewSchema },
        },
      },
      async (req, reply) => {
        authorizeConfigureCampaigns(requireUser(req));
        return reply.status(201).send(await config.createCampaign(deps, req.body, actorOf(req)));
      },
    );

    app.get(
      '/campaigns/:idOrCode/config',
      {
        schema: {
          operationId: 'getCampaignConfig',
          tags: ['campaigns'],
          summary: '活动的全部配置：基本信息、设置、表单及其是否可改（主管部门）',
          params: idOrCodeParams,
          response: { 200: campaignConfigViewSchema },
        },
      },
      async (req) => {
        authorizeConfigureCampaigns(requireUser(req));
        return config.getCampaignConfig(deps, req.params.idOrCode);
      },
    );

    app.put(
      '/campaigns/:idOrCode/config',
      {
        schema: {
          operationId: 'updateCampaign',
          tags: ['campaigns'],
          summary:
            '修改活动配置（基本信息、设置、表单），须带上所编辑的版本号；已有申报书提交后表单不能再改（主管部门）',
          params: idOrCodeParams,
          body: updateCampaignSchema,
          response: { 200: campaignConfigViewSchema },
        },
      },
      async (req) => {
        authorizeConfigureCampaigns(requireUser(req));
        return config.updateCampaign(deps, req.params.idOrCode, req.body, actorOf(req));
      },
    );

    app.get(
      '/campaigns/:idOrCode/config/export',
      {
        schema: {
          operationId: 'exportCampaignConfig',
          tags: ['campaigns'],
          summary: '导出活动配置为一个 JSON 文件，可在其他平台导入（主管部门）',
          params: idOrCodeParams,
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async (req, reply) => {
        authorizeConfigureCampaigns(requireUser(req));
        const doc = await config.exportCampaignConfig(deps, req.params.idOrCode);
        const name = `活动配置-${doc.campaign.code}.json`;
        void reply.header(
          'content-disposition',
          `attachment; filename="${doc.campaign.code}.json"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
        return doc;
      },
    );

    app.post(
      '/campaigns/import',
      {
        schema: {
          operationId: 'importCampaignConfig',
          tags: ['campaigns'],
          summary: '导入活动配置，以新的活动代码创建活动；有误则整体不导入（主管部门）',
          body: importCampaignSchema,
          response: { 201: campaignConfigViewSchema },
        },
        bodyLimit: 5 * 1024 * 1024,
      },
      async (req, reply) => {
        authorizeConfigureCampaigns(requireUser(req));
        return reply
          .status(201)
          .send(await config.importCampaignConfig(deps, req.body, actorOf(req)));
      },
    );

    app.post(
      '/campaigns/:idOrCode/copy',
      {
        schema: {
          operationId: 'copyCampaign',
          tags: ['campaigns'],
          summary: '以已有活动为模板创建新一年度的活动',
          params: idOrCodeParams,
          body: copyCampaignSchema,
          response: { 201: campaignViewSchema },
        },
      },
      async (req, reply) => {
        authorizeConfigureCampaigns(requireUser(req));
        return reply
          .status(201)
          .send(await service.copyCampaign(deps, req.params.idOrCode, req.body, actorOf(req)));
      },
    );
  };
}
