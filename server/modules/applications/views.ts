import { z } from '../../../domain/zod';
import { isoDate } from '../../lib/views';
import type { ApplicationRow } from './repository';
import { APPLICATION_STATES } from '../../../domain/application-states';

export { APPLICATION_STATES };

export const applicationViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  enterpriseId: z.string(),
  channelUnitId: z.string(),
  state: z.enum(APPLICATION_STATES),
  formId: z.string(),
  data: z.record(z.string(), z.unknown()),
  draftVersion: z.number(),
  wordCount: z.number(),
  solutionName: z.string(),
  currentVersionNo: z.number().nullable(),
  returnComment: z.string().nullable(),
  rejectReason: z.string().nullable(),
  recommendRank: z.number().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  submittedAt: isoDate.nullable(),
});

export function applicationView(a: ApplicationRow): z.infer<typeof applicationViewSchema> {
  return {
    id: a.id,
    campaignId: a.campaignId,
    enterpriseId: a.enterpriseId,
    channelUnitId: a.channelUnitId,
    state: a.state,
    formId: a.formId,
    data: a.data,
    draftVersion: a.draftVersion,
    wordCount: a.wordCount,
    solutionName: a.solutionName,
    currentVersionNo: a.currentVersionNo,
    returnComment: a.returnComment,
    rejectReason: a.rejectReason,
    recommendRank: a.recommendRank,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
  };
}

export const versionSummarySchema = z.object({
  versionNo: z.number(),
  verificationCode: z.string(),
  submittedAt: isoDate,
  wordCount: z.number(),
});

export const attachmentViewSchema = z.object({
  id: z.string(),
  filename: z.string(),
  kind: z.enum(['pdf', 'image', 'office']),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: isoDate,
});
