import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  reviewShowcaseSchema,
  saveShowcaseSchema,
  SHOWCASE_IMAGE_MAX_BYTES,
  SHOWCASE_MAX_IMAGES,
  SHOWCASE_NOTE_MIN,
  SHOWCASE_TEXT_MAX,
  SHOWCASE_TEXT_MIN,
  showcaseSubmissionQuerySchema,
  showcaseVersionSchema,
} from '../../../domain/showcase';
import { actorOf, requireUser } from '../../lib/auth-context';
import type { Deps } from '../../lib/deps';
import { readUploadedFile } from '../../lib/upload';
import * as service from './service';
import {
  imageParamsSchema,
  publicIdParamsSchema,
  showcaseSubmissionListSchema,
  showcaseSummaryListSchema,
  showcaseViewSchema,
} from './views';

/** An image as stored, never sniffed by the browser as anything else. */
function sendImage(
  reply: FastifyReply,
  image: { doc: { mime: string; sha256: string }; bytes: Buffer },
  cache: string,
) {
  return reply
    .header('content-type', image.doc.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .header('etag', `"${image.doc.sha256}"`)
    .send(image.bytes);
}

export function showcaseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['showcase'];
    const one = '/published-solutions/:publicId/showcase';

    app.get(
      '/showcases',
      {
        schema: {
          operationId: 'listMyShowcases',
          tags,
          summary:
            '本企业的入选解决方案及其成果展示状态（申报企业）：未填写、草稿、待审核、已通过、已退回，是否已有公开内容',
          response: { 200: showcaseSummaryListSchema },
        },
      },
      async (req) => service.listMine(deps, requireUser(req)),
    );

    app.get(
      one,
      {
        schema: {
          operationId: 'getShowcase',
          tags,
          summary:
            '成果展示（该解决方案的申报企业、其推荐单位、主管部门）：草稿（文字、图片、状态、审核意见）和当前公开展示的内容',
          params: publicIdParamsSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) => service.get(deps, requireUser(req), req.params.publicId),
    );

    app.put(
      one,
      {
        schema: {
          operationId: 'saveShowcase',
          tags,
          summary: `保存成果展示草稿（申报企业）：文字（最多${SHOWCASE_TEXT_MAX}字，提交时至少${SHOWCASE_TEXT_MIN}字）和图片顺序（只能是已上传到草稿的图片，去掉即删除）；version 为读取时的版本号，其间已被修改则 409，不覆盖；审核中不能修改；修改已通过的内容不影响公开展示，直到新的提交审核通过`,
          params: publicIdParamsSchema,
          body: saveShowcaseSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) => service.save(deps, requireUser(req), req.params.publicId, req.body),
    );

    app.post(
      `${one}/images`,
      {
        schema: {
          operationId: 'uploadShowcaseImage',
          tags,
          summary: `上传成果展示图片（申报企业）：multipart/form-data 字段 file，PNG、JPEG 或 WebP（按内容识别，扩展名须相符），单张不超过${SHOWCASE_IMAGE_MAX_BYTES / 1048576} MB，每个成果展示最多${SHOWCASE_MAX_IMAGES}张；加在草稿图片的末尾`,
          params: publicIdParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: showcaseViewSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const file = await readUploadedFile(req, SHOWCASE_IMAGE_MAX_BYTES);
        return reply
          .status(201)
          .send(await service.uploadImage(deps, user, req.params.publicId, file));
      },
    );

    app.delete(
      `${one}/images/:imageId`,
      {
        schema: {
          operationId: 'deleteShowcaseImage',
          tags,
          summary:
            '从成果展示草稿中删除一张图片（申报企业）；已公开展示的图片在新内容审核通过前仍然展示',
          params: imageParamsSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) =>
        service.deleteImage(deps, requireUser(req), req.params.publicId, req.params.imageId),
    );

    app.get(
      `${one}/images/:imageId`,
      {
        schema: {
          operationId: 'getShowcaseImagePreview',
          tags,
          summary:
            '成果展示图片预览（申报企业、其推荐单位、主管部门）：草稿中和已公开的图片，不缓存',
          params: imageParamsSchema,
        },
      },
      async (req, reply) => {
        const image = await service.previewImage(
          deps,
          requireUser(req),
          req.params.publicId,
          req.params.imageId,
        );
        return sendImage(reply, image, 'private, no-cache');
      },
    );

    app.post(
      `${one}/submit`,
      {
        schema: {
          operationId: 'submitShowcase',
          tags,
          summary: `提交成果展示审核（申报企业）：提交已保存的草稿（version 为读取时的版本号），文字须${SHOWCASE_TEXT_MIN}至${SHOWCASE_TEXT_MAX}字；入选资格已撤销的不能提交；提交后通知主管部门，审核前不能修改（可撤回）`,
          params: publicIdParamsSchema,
          body: showcaseVersionSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) =>
        service.submit(deps, requireUser(req), req.params.publicId, req.body.version, actorOf(req)),
    );

    app.post(
      `${one}/withdraw`,
      {
        schema: {
          operationId: 'withdrawShowcase',
          tags,
          summary: '撤回待审核的成果展示（申报企业），回到草稿以便修改',
          params: publicIdParamsSchema,
          body: showcaseVersionSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) =>
        service.withdraw(
          deps,
          requireUser(req),
          req.params.publicId,
          req.body.version,
          actorOf(req),
        ),
    );

    app.get(
      '/showcase-submissions',
      {
        schema: {
          operationId: 'listShowcaseSubmissions',
          tags,
          summary: '成果展示审核列表（主管部门）：按状态筛选、分页；待审核的按提交时间先后排列',
          querystring: showcaseSubmissionQuerySchema,
          response: { 200: showcaseSubmissionListSchema },
        },
      },
      async (req) => service.listSubmissions(deps, requireUser(req), req.query),
    );

    app.post(
      `${one}/review`,
      {
        schema: {
          operationId: 'reviewShowcase',
          tags,
          summary: `审核成果展示（主管部门）：通过（文字和图片成为公开展示的内容）或退回（须写明理由，至少${SHOWCASE_NOTE_MIN}个字，公开内容不变）；version 为所审核内容的版本号，其间已撤回、重新提交或已被审核则 409，不作任何修改；结果通知申报企业`,
          params: publicIdParamsSchema,
          body: reviewShowcaseSchema,
          response: { 200: showcaseViewSchema },
        },
      },
      async (req) =>
        service.review(deps, requireUser(req), req.params.publicId, req.body, actorOf(req)),
    );

    app.get(
      '/published-solutions/:publicId/showcase-images/:imageId',
      {
        schema: {
          operationId: 'getShowcaseImage',
          tags,
          summary:
            '成果展示图片（公开）：仅限该入选解决方案已审核通过的图片，其他一律 404；按上传时识别的类型返回',
          params: imageParamsSchema,
        },
      },
      async (req, reply) => {
        const image = await service.publicImage(deps, req.params.publicId, req.params.imageId);
        return sendImage(reply, image, 'public, max-age=300');
      },
    );
  };
}
