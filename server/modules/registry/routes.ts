import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  paperReceiptAnswerSchema,
  paperReceiptListSchema,
  paperReceiptQuerySchema,
  receivePaperCopyBodySchema,
  registryFiltersSchema,
  registryListSchema,
  registryQuerySchema,
} from '../../../domain/api/registry';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile, XLSX_MIME } from '../../lib/xlsx';
import { paperReceiptsPage, receivePaperCopy } from './paper';
import { authorizeRegistry } from './policy';
import { registryPage, registryXlsx, registryZip } from './service';

const params = z.object({ idOrCode: z.string().min(1).max(80) });

export function registryRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns/:idOrCode/registry',
      {
        schema: {
          operationId: 'listForwardedApplications',
          tags: ['registry'],
          summary:
            '申报项目库（主管部门）：已报送至主管部门的全部申报书，可按单位、类别、地区、行业、状态、疑似重复、纸质材料、形式审查筛选和检索',
          params,
          querystring: registryQuerySchema,
          response: { 200: registryListSchema },
        },
      },
      async (req) => {
        authorizeRegistry(requireUser(req));
        return registryPage(deps, req.params.idOrCode, req.query);
      },
    );

    app.get(
      '/campaigns/:idOrCode/registry/export.xlsx',
      {
        schema: {
          operationId: 'exportForwardedApplications',
          tags: ['registry'],
          summary: '导出申报项目库（XLSX，筛选条件同列表，表头注明活动和筛选条件）',
          params,
          querystring: registryFiltersSchema,
        },
      },
      async (req, reply) => {
        authorizeRegistry(requireUser(req));
        const { bytes, filename } = await registryXlsx(deps, req.params.idOrCode, req.query);
        return sendFile(reply, bytes, filename, XLSX_MIME);
      },
    );

    app.get(
      '/campaigns/:idOrCode/registry/export.zip',
      {
        schema: {
          operationId: 'exportForwardedApplicationsZip',
          tags: ['registry'],
          summary:
            '批量下载（ZIP）：每份申报书一个文件夹〈单位〉-〈序号〉-〈方案名〉，内含当前版本的PDF及其附件，根目录附申报项目库XLSX；一次最多500份',
          params,
          querystring: registryFiltersSchema,
        },
      },
      async (req, reply) => {
        authorizeRegistry(requireUser(req));
        const { stream, filename } = await registryZip(deps, req.params.idOrCode, req.query);
        return reply
          .header('content-type', 'application/zip')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
          )
          .send(stream);
      },
    );

    app.post(
      '/campaigns/:idOrCode/paper-receipts',
      {
        schema: {
          operationId: 'receivePaperCopy',
          tags: ['registry'],
          summary:
            '纸质材料签收：申报书按验证码（输入或扫描二维码），附件3按推荐单位；即时告知是否为已报送申报书的当前版本，记录收到和邮戳日期，标记逾期和版本不符',
          params,
          body: receivePaperCopyBodySchema,
          response: { 201: paperReceiptAnswerSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeRegistry(user);
        const answer = await receivePaperCopy(
          deps,
          user,
          req.params.idOrCode,
          req.body,
          actorOf(req),
        );
        return reply.status(201).send(answer);
      },
    );

    app.get(
      '/campaigns/:idOrCode/paper-receipts',
      {
        schema: {
          operationId: 'listPaperReceipts',
          tags: ['registry'],
          summary: '纸质材料签收记录（按推荐单位、核对结果、是否逾期、申报书、收到日期筛选）',
          params,
          querystring: paperReceiptQuerySchema,
          response: { 200: paperReceiptListSchema },
        },
      },
      async (req) => {
        authorizeRegistry(requireUser(req));
        return paperReceiptsPage(deps, req.params.idOrCode, req.query);
      },
    );
  };
}
