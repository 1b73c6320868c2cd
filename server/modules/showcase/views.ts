// The response shapes live in domain/api/showcase (the web infers its types from them).
import { PUBLIC_ID_PATTERN } from '../../../domain/publication';
import { z } from '../../../domain/zod';
export {
  showcaseSubmissionListSchema,
  showcaseSummaryListSchema,
  showcaseViewSchema,
} from '../../../domain/api/showcase';

export const publicIdParamsSchema = z.object({
  publicId: z.string().regex(PUBLIC_ID_PATTERN, '公开编号格式不正确（如 2026-IIAPP-001）'),
});
export const imageParamsSchema = publicIdParamsSchema.extend({
  imageId: z.string().uuid('图片编号格式不正确'),
});

const base = (publicId: string) => `/api/v1/published-solutions/${encodeURIComponent(publicId)}`;
/** the signed-in readers' address of an image (drafts included) */
export const previewUrl = (publicId: string, imageId: string) =>
  `${base(publicId)}/showcase/images/${imageId}`;
/** the public address: approved images only */
export const publicImageUrl = (publicId: string, imageId: string) =>
  `${base(publicId)}/showcase-images/${imageId}`;
