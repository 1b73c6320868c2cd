import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { campaignSettingsSchema } from '../../../domain/campaign';
import { copyCampaignSchema } from '../../../domain/campaign-copy';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { isoDate } from '../../lib/views';
import { authorizeConfigureCampaigns } from './policy';
import {
  createCampaignSchema,
  importCampaignSchema,
  updateCampaignSchema,
} from '../../../domain/campaign-config';
import * as config from './config';
import * as service from './service';

const campaignSchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number(),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  publishedOn: z.string(),
  opensAt: isoDate,
  onlineDeadline: isoDate,
  paperDeadline: isoDate,
  isDemo: z.boolean(),
  copiedFromId: z.string().nullable(),
  phase: z.enum(['upcoming', 'open', 'closed']),
  settings: campaignSettingsSchema,
});

const idOrCodeParams = z.object({ idOrCode: z.string().min(1).max(80) });

const declaration = z
  .looseObject({
    id: z.string(),
    version: z.number(),
    title: z.string(),
    sections: z.array(z.unknown()),
  })
  .describe('a form declaration (domain/form.ts): sections, fields, facts');
const configSchema = z.object({
  campaign: campaignSchema,
  revision: z.number().describe('the configuration revision an update must name (baseRevision)'),
  forms: z.object({ application: declaration, followUp: declaration.optional() }),
  lock: z.object({
    formsLocked: z.boolean().describe('an application was submitted: the forms cannot change'),
    applications: z.number(),
    submitted: z.number(),
    reason: z.string().nullable().describe('why the forms are locked, or what a change would do'),
  }),
});

export function campaignRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns',
      {
        schema: {
          operationId: 'listCampaigns',
          tags: ['campaigns'],
          summary: '征集活动列表（公开）',
          response: { 200: z.object({ items: z.array(campaignSchema) }) },
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
          response: { 200: campaignSchema },
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
            200: z.object({ items: z.array(z.object({ id: z.string(), label: z.string() })) }),
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
          response: { 201: configSchema },
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
          response: { 200: configSchema },
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
          response: { 200: configSchema },
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
          response: { 201: configSchema },
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
          response: { 201: campaignSchema },
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
