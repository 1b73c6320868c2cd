import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publishListSchema } from '../../../domain/publication';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { sendFile } from '../../lib/xlsx';
import { authorizePublication } from './policy';
import * as service from './service';
import { applicationParamsSchema, campaignParamsSchema, publishedListViewSchema } from './views';

export function publicationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['publication'];
    const url = '/campaigns/:idOrCode/published-list';

    app.get(
      url,
      {
        schema: {
          operationId: 'getPublishedList',
          tags,
          summary:
            '优秀解决方案名单（主管部门）：发布前，将列入名单的项目（含拟分配的公开编号）和尚不能发布的原因（公示期未结束、异议未处理等）；发布后，名单及每个项目的公开编号、有效期和状态',
          params: campaignParamsSchema,
          response: { 200: publishedListViewSchema },
        },
      },
      async (req) => {
        authorizePublication(requireUser(req));
        return service.publishedListOf(deps, req.params.idOrCode);
      },
    );

    app.post(
      url,
      {
        schema: {
          operationId: 'publishList',
          tags,
          summary:
            '发布优秀解决方案名单（主管部门）：公示期满、异议均已处理后，写明文号和发布日期（公示期满后至今天）；公示中的项目全部转为“已入选”，按类别、申报单位、方案名称排序分配公开编号，自发布日期起有效两年，生成入选证明验证码，列入往届入选名单（含全文，供以后的重复申报检查），并通知申报企业和推荐单位；每个活动只发布一次',
          params: campaignParamsSchema,
          body: publishListSchema,
          response: { 201: publishedListViewSchema },
        },
      },
      async (req, reply) => {
        authorizePublication(requireUser(req));
        return reply
          .status(201)
          .send(await service.publish(deps, req.params.idOrCode, req.body, actorOf(req)));
      },
    );

    app.get(
      '/applications/:id/certificate.pdf',
      {
        schema: {
          operationId: 'getSelectionCertificatePdf',
          tags,
          summary:
            '入选证明（PDF）：名单发布后，申报企业、其推荐单位和主管部门可下载；载明公开编号、名单及文号、有效期，带验证码和核验二维码',
          params: applicationParamsSchema,
        },
      },
      async (req, reply) => {
        const { bytes, filename } = await service.certificatePdfOf(
          deps,
          requireUser(req),
          req.params.id,
        );
        return sendFile(reply, bytes, filename, 'application/pdf');
      },
    );
  };
}
