import { applicationViewSchema } from '../../../domain/api/applications';
import { APPLICATION_STATES } from '../../../domain/application-states';
import type { z } from '../../../domain/zod';
import type { ApplicationRow } from './repository';

// The response shapes live in domain/api/applications (the web infers its types from them).
export {
  applicationViewSchema,
  attachmentViewSchema,
  versionSummarySchema,
} from '../../../domain/api/applications';
export { APPLICATION_STATES };

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
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
  };
}
