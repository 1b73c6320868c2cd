import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_ACTIONS, isAuditAction } from '../../../domain/audit-actions';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles';
import { positiveInt4, positiveInt4Param, z } from '../../../domain/zod';
import { actorOf, requireUser, type SignedInUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { readUploadedFile } from '../../lib/upload';
import { idParamsSchema } from '../../lib/views';
import { normaliseVerificationCode } from '../printing';
import { certificateByCode } from '../publication';
import { authorizeCreateApplication } from './policy';
import type { HistoryRow } from './repository';
import * as service from './service';
import { downloadAttachment, uploadAttachmentTo } from './attachments';
import { printApplicationVersion } from './print';
import {
  applicationDetailOf,
  applicationFormOf,
  applicationHistoryOf,
  applicationVersionOf,
  listApplicationsFor,
} from './read';
import {
  applicationDetailSchema,
  applicationFormSchema,
  applicationListSchema,
  applicationViewSchema,
  attachmentViewSchema,
  frozenVersionSchema,
  historySchema,
  versionSummarySchema,
  verifyResultSchema,
  type HistoryItem,
} from '../../../domain/api/applications';
import { applicationView } from './views';

const versionParamsSchema = z.object({
  id: z.string().uuid(),
  versionNo: positiveInt4Param(),
});

/**
 * Who did it, for this viewer: the person's name and unit (or enterprise) to organizers; to an
 * enterprise only its own people by name, a recommender by its unit, and 主管部门 / 评审专家 for the
 * rest — never an organizer's or reviewer's login or name; to a recommender everyone but the
 * ministry's people (主管部门, 评审专家: by role only) by name.
 */
function actorFor(r: HistoryRow, viewer: SignedInUser) {
  const role = r.actorRole;
  const roleName =
    role && (ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role].zh : '系统';
  if (viewer.role === 'enterprise') {
    if (role === 'enterprise')
      return {
        actorName: r.actorName ?? roleName,
        actorOrg: r.actorEnterprise,
        actorLabel: r.actorLabel,
      };
    if (role === 'recommender')
      return { actorName: r.actorUnit ?? roleName, actorOrg: null, actorLabel: null };
    return { actorName: roleName, actorOrg: null, actorLabel: null };
  }
  // a recommender sees the ministry's people (形式审查, 评审) by their role only, like an enterprise
  if (viewer.role === 'recommender' && (role === 'organizer' || role === 'expert'))
    return { actorName: roleName, actorOrg: null, actorLabel: null };
  return {
    actorName: r.actorName ?? (role === 'system' || !r.actorLabel ? '系统' : r.actorLabel),
    actorOrg: r.actorEnterprise ?? r.actorUnit ?? (r.actorName ? roleName : null),
    actorLabel: r.actorLabel,
  };
}

function historyItem(r: HistoryRow, viewer: SignedInUser): HistoryItem {
  const stateIn = (side: unknown) => {
    const state = (side as { state?: unknown } | undefined)?.state;
    return typeof state === 'string' ? state : null;
  };
  return {
    at: r.at.toISOString(),
    action: r.action,
    actionLabel: isAuditAction(r.action) ? AUDIT_ACTIONS[r.action].zh : r.action,
    ...actorFor(r, viewer),
    actorRole: r.actorRole,
    fromState: stateIn(r.summary.before),
    toState: stateIn(r.summary.after),
    note: typeof r.summary.note === 'string' ? r.summary.note : null,
  };
}

export function applicationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns/:idOrCode/form',
      {
        schema: {
          operationId: 'getApplicationForm',
          tags: ['applications'],
          summary: '活动的申报书表单定义（分节、字段、字数限制）',
          params: z.object({ idOrCode: z.string().min(1).max(80) }),
          response: { 200: applicationFormSchema },
        },
      },
      async (req) => {
        const { form, wordLimit } = await applicationFormOf(deps, req.params.idOrCode);
        return { form: form as unknown as Record<string, unknown>, wordLimit };
      },
    );

    app.post(
      '/applications',
      {
        schema: {
          operationId: 'createApplication',
          tags: ['applications'],
          summary: '新建申报书（草稿）；不指定推荐渠道时为企业注册地的主管部门',
          body: z.object({
            campaignId: z.string().min(1).max(80),
            channelUnitId: z.string().uuid().optional(),
          }),
          response: { 201: applicationViewSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        authorizeCreateApplication(user);
        const created = await service.createApplication(deps, user, req.body, actorOf(req));
        return reply.status(201).send(applicationView(created));
      },
    );

    app.get(
      '/applications',
      {
        schema: {
          operationId: 'listApplications',
          tags: ['applications'],
          summary: '申报书列表：企业看本企业的，主管部门看全部',
          querystring: z.object({ campaignId: z.string().uuid().optional() }),
          response: { 200: applicationListSchema },
        },
      },
      async (req) => {
        const rows = await listApplicationsFor(deps, requireUser(req), req.query.campaignId);
        return {
          items: rows.map((r) => ({
            ...r,
            onlineDeadline: r.onlineDeadline.toISOString(),
            updatedAt: r.updatedAt.toISOString(),
            submittedAt: r.submittedAt?.toISOString() ?? null,
            decidedAt: r.decidedAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.get(
      '/applications/:id',
      {
        schema: {
          operationId: 'getApplication',
          tags: ['applications'],
          summary: '申报书：当前内容、已冻结的版本、附件',
          params: idParamsSchema,
          response: { 200: applicationDetailSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const {
          application,
          versions,
          attachments: files,
          formalCheck,
          publication,
        } = await applicationDetailOf(deps, user, req.params.id);
        return {
          application: applicationView(application),
          versions: versions.map((v) => ({ ...v, submittedAt: v.submittedAt.toISOString() })),
          attachments: files.map((f) => ({
            id: f.id,
            filename: f.filename,
            kind: f.kind,
            mime: f.mime,
            size: f.size,
            sha256: f.sha256,
            createdAt: f.createdAt.toISOString(),
          })),
          formalCheck,
          publication,
        };
      },
    );

    app.get(
      '/applications/:id/versions/:versionNo',
      {
        schema: {
          operationId: 'getApplicationVersion',
          tags: ['applications'],
          summary: '已提交（冻结）的某一版本：内容与附件清单',
          params: versionParamsSchema,
          response: { 200: frozenVersionSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const v = await applicationVersionOf(deps, user, req.params.id, req.params.versionNo);
        return {
          versionNo: v.versionNo,
          verificationCode: v.verificationCode,
          submittedAt: v.submittedAt.toISOString(),
          wordCount: v.wordCount,
          data: v.data,
          attachments: v.attachments,
        };
      },
    );

    app.get(
      '/applications/:id/history',
      {
        schema: {
          operationId: 'getApplicationHistory',
          tags: ['applications'],
          summary: '申报书的处理记录（取自审计日志）：谁、何时、从何状态到何状态、意见',
          params: idParamsSchema,
          response: { 200: historySchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const rows = await applicationHistoryOf(deps, user, req.params.id);
        return { items: rows.map((r) => historyItem(r, user)) };
      },
    );

    app.put(
      '/applications/:id/draft',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          operationId: 'saveApplicationDraft',
          tags: ['applications'],
          summary:
            '保存草稿：须带上所编辑的版本号，他人已保存更新版本时返回 409 DRAFT_CONFLICT，不覆盖',
          params: idParamsSchema,
          body: z.object({
            baseVersion: positiveInt4(),
            data: z.record(z.string(), z.unknown()),
            channelUnitId: z.string().uuid().optional(),
          }),
          response: { 200: applicationViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return applicationView(await service.saveDraftOf(deps, user, req.params.id, req.body));
      },
    );

    app.post(
      '/applications/:id/submit',
      {
        schema: {
          operationId: 'submitApplication',
          tags: ['applications'],
          summary: '提交：截止前、填写完整时冻结为新的版本并报送推荐单位；不完整时逐项列出问题',
          params: idParamsSchema,
          body: z.object({ draftVersion: positiveInt4() }),
          response: { 200: versionSummarySchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { id } = req.params;
        const v = await service.submitApplicationOf(deps, user, id, req.body, actorOf(req));
        return {
          versionNo: v.versionNo,
          verificationCode: v.verificationCode,
          submittedAt: v.submittedAt.toISOString(),
          wordCount: v.wordCount,
        };
      },
    );

    app.post(
      '/applications/:id/withdraw',
      {
        schema: {
          operationId: 'withdrawApplication',
          tags: ['applications'],
          summary: '撤回：推荐单位处理前，企业可撤回已提交的申报书继续修改',
          params: idParamsSchema,
          response: { 200: applicationViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { id } = req.params;
        return applicationView(await service.withdrawApplicationOf(deps, user, id, actorOf(req)));
      },
    );

    app.delete(
      '/applications/:id',
      {
        schema: {
          operationId: 'deleteApplicationDraft',
          tags: ['applications'],
          summary: '删除从未提交过的草稿（企业）；提交过的申报书保留其版本和处理记录',
          params: idParamsSchema,
          response: { 204: z.null().describe('已删除') },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        await service.deleteApplicationDraftOf(deps, user, req.params.id, actorOf(req));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/applications/:id/attachments',
      {
        schema: {
          operationId: 'uploadAttachment',
          tags: ['applications'],
          summary:
            '上传附件（multipart/form-data，字段 file）：PDF、PNG、JPEG、DOCX、XLSX，按内容检查',
          consumes: ['multipart/form-data'],
          params: idParamsSchema,
          response: { 201: attachmentViewSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const readFile = () => readUploadedFile(req, deps.config.maxFileBytes);
        const row = await uploadAttachmentTo(deps, user, req.params.id, readFile, actorOf(req));
        return reply.status(201).send({
          id: row.id,
          filename: row.filename,
          kind: row.kind,
          mime: row.mime,
          size: row.size,
          sha256: row.sha256,
          createdAt: row.createdAt.toISOString(),
        });
      },
    );

    app.get(
      '/applications/:id/attachments/:attachmentId',
      {
        schema: {
          operationId: 'downloadAttachment',
          tags: ['applications'],
          summary: '下载附件',
          params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const { id, attachmentId } = req.params;
        const { row, bytes } = await downloadAttachment(deps, user, id, attachmentId);
        return reply
          .header('content-type', row.mime)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
          )
          .send(bytes);
      },
    );

    for (const format of ['pdf', 'docx'] as const) {
      app.get(
        `/applications/:id/versions/:versionNo/${format}`,
        {
          schema: {
            operationId: format === 'pdf' ? 'getApplicationPdf' : 'getApplicationDocx',
            tags: ['applications'],
            summary: `打印已提交版本（${format.toUpperCase()}），带验证码和二维码，纸质与网上一致`,
            params: versionParamsSchema,
          },
        },
        async (req, reply) => {
          const user = requireUser(req);
          const { id, versionNo } = req.params;
          const { bytes, filename } = await printApplicationVersion(
            deps,
            user,
            id,
            versionNo,
            format,
          );
          return reply
            .header(
              'content-type',
              format === 'pdf'
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            )
            .header(
              'content-disposition',
              `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
            )
            .send(bytes);
        },
      );
    }

    app.get(
      '/verify/:code',
      {
        schema: {
          operationId: 'verifyPrintCode',
          tags: ['applications'],
          summary:
            '核验验证码（公开）：纸质申报书上的——属于哪份申报书、哪个版本、是否为当前版本；入选证明上的——公开编号、名单及文号、有效期和当前状态（有效 / 已撤销 / 已过期）',
          params: z.object({ code: z.string().min(1).max(40) }),
          response: { 200: verifyResultSchema },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req) => {
        const code = normaliseVerificationCode(req.params.code);
        if (!code) throw new AppError('VERIFICATION_CODE_INVALID');
        const certificate = await certificateByCode(deps, code);
        if (certificate) return { found: true, code, ...certificate };
        const hit = await service.findVersionByCode(deps, code);
        if (!hit) return { found: false, code };
        const isCurrent =
          hit.application.currentVersionNo === hit.version.versionNo &&
          hit.application.state !== 'draft';
        return {
          found: true,
          code,
          kind: 'application_version' as const,
          solutionName: hit.facts.solutionName || hit.application.solutionName,
          enterpriseName: hit.enterpriseName,
          campaignTitle: hit.campaignTitle,
          channelName: hit.channelName,
          versionNo: hit.version.versionNo,
          submittedAt: hit.version.submittedAt.toISOString(),
          currentVersionNo: hit.application.currentVersionNo,
          isCurrent,
        };
      },
    );
  };
}
