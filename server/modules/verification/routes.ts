import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VERIFICATION_DOCUMENT_KINDS } from '../../../domain/enterprise-verification';
import {
  enterpriseVerificationSchema,
  filerSchema,
  resolveClaimSchema,
  resolvedClaimSchema,
  usccClaimInputSchema,
  usccClaimListSchema,
  usccClaimReceiptSchema,
  verificationDecisionSchema,
} from '../../../domain/api/verification';
import { z } from '../../../domain/zod';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { readUploadedFile, readUploadedForm } from '../../lib/upload';
import { idParamsSchema } from '../../lib/views';
import { sendFile } from '../../lib/xlsx';
import { claimLicence, fileClaim, listClaims, resolveClaim } from './claims';
import { authorizeClaims } from './policy';
import * as service from './service';

const docParams = idParamsSchema.extend({ kind: z.enum(VERIFICATION_DOCUMENT_KINDS) });

export function verificationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['verification'];
    app.get(
      '/enterprises/:id/verification',
      {
        schema: {
          operationId: 'getEnterpriseVerification',
          tags,
          summary: '企业认证状态与材料（本企业、其推荐单位或主管部门）',
          params: idParamsSchema,
          response: { 200: enterpriseVerificationSchema },
        },
      },
      async (req) => service.verificationOf(deps, requireUser(req), req.params.id),
    );

    app.put(
      '/enterprises/:id/verification/filer',
      {
        schema: {
          operationId: 'setVerificationFiler',
          tags,
          summary: '填报人是否为法定代表人（不是的须上传授权书）；更改后须重新核验',
          params: idParamsSchema,
          body: filerSchema,
          response: { 200: enterpriseVerificationSchema },
        },
      },
      async (req) =>
        service.setFiler(
          deps,
          requireUser(req),
          req.params.id,
          req.body.filerIsLegalRep,
          actorOf(req),
        ),
    );

    app.post(
      '/enterprises/:id/verification/documents/:kind',
      {
        schema: {
          operationId: 'uploadVerificationDocument',
          tags,
          summary:
            '上传营业执照（licence）或授权书（authorisation）（multipart/form-data，字段 file）：PDF 或 PNG、JPEG，按内容检查；更换后须重新核验',
          consumes: ['multipart/form-data'],
          params: docParams,
          response: { 200: enterpriseVerificationSchema },
        },
      },
      async (req) =>
        service.uploadVerificationDocument(
          deps,
          requireUser(req),
          req.params.id,
          req.params.kind,
          () => readUploadedFile(req, deps.config.maxFileBytes),
          actorOf(req),
        ),
    );

    app.get(
      '/enterprises/:id/verification/documents/:kind',
      {
        schema: {
          operationId: 'downloadVerificationDocument',
          tags,
          summary: '下载营业执照或授权书（本企业、其推荐单位或主管部门）',
          params: docParams,
        },
      },
      async (req, reply) => {
        const { doc, bytes } = await service.readVerificationDocument(
          deps,
          requireUser(req),
          req.params.id,
          req.params.kind,
        );
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.post(
      '/enterprises/:id/verification/decision',
      {
        schema: {
          operationId: 'decideEnterpriseVerification',
          tags,
          summary:
            '核验企业账号：核验通过，或核验不通过（附原因）。企业的推荐单位（经本单位申报或获奖）或主管部门',
          params: idParamsSchema,
          body: verificationDecisionSchema,
          response: { 200: enterpriseVerificationSchema },
        },
      },
      async (req) =>
        service.decideVerification(deps, requireUser(req), req.params.id, req.body, actorOf(req)),
    );

    app.post(
      '/uscc-claims',
      {
        schema: {
          operationId: 'fileUsccClaim',
          tags,
          summary:
            '代码申诉（无需登录）：统一社会信用代码被他人注册时，提交营业执照（字段 file，PDF 或 PNG、JPEG）与联系方式（其余字段见 UsccClaimInput）',
          consumes: ['multipart/form-data'],
          response: { 201: usccClaimReceiptSchema },
        },
        config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
      },
      async (req, reply) => {
        const { fields, file } = await readUploadedForm(req, deps.config.maxFileBytes);
        const parsed = usccClaimInputSchema.safeParse(fields);
        if (!parsed.success)
          throw new AppError('VALIDATION_FAILED', {
            details: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          });
        const claim = await fileClaim(deps, parsed.data, file, actorOf(req));
        return reply.status(201).send({ id: claim.id, createdAt: claim.createdAt.toISOString() });
      },
    );

    app.get(
      '/uscc-claims',
      {
        schema: {
          operationId: 'listUsccClaims',
          tags,
          summary: '代码申诉列表（主管部门）',
          querystring: z.object({ state: z.enum(['open', 'upheld', 'dismissed']).optional() }),
          response: { 200: usccClaimListSchema },
        },
      },
      async (req) => {
        authorizeClaims(requireUser(req));
        return { items: await listClaims(deps, req.query.state) };
      },
    );

    app.get(
      '/uscc-claims/:id/licence',
      {
        schema: {
          operationId: 'downloadUsccClaimLicence',
          tags,
          summary: '下载申诉企业提交的营业执照（主管部门）',
          params: idParamsSchema,
        },
      },
      async (req, reply) => {
        authorizeClaims(requireUser(req));
        const { doc, bytes } = await claimLicence(deps, req.params.id);
        return sendFile(reply, bytes, doc.filename, doc.mime);
      },
    );

    app.post(
      '/uscc-claims/:id/resolve',
      {
        schema: {
          operationId: 'resolveUsccClaim',
          tags,
          summary:
            '处理代码申诉（主管部门）：支持或驳回，附理由；支持时可将代码转给申诉企业的新账号（返回一次性密码），原账号停用、代码释放',
          params: idParamsSchema,
          body: resolveClaimSchema,
          response: { 200: resolvedClaimSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        authorizeClaims(user);
        return resolveClaim(deps, user.id, req.params.id, req.body, actorOf(req));
      },
    );
  };
}
