import type { FindingView } from '../../../domain/api/duplicates';
import { z } from '../../../domain/zod';
import type { Evidence, Signals } from '../../lib/duplicates';
import type { FindingListRow } from './repository';

// The response shapes live in domain/api/duplicates (the web infers its types from them).
export {
  applicationFindingsSchema,
  evidenceSchema,
  findingListSchema,
  findingViewSchema,
  sweepResultSchema,
  type FindingView,
} from '../../../domain/api/duplicates';

export const campaignParamsSchema = z.object({ idOrCode: z.string().min(1).max(80) });

export const findingsQuerySchema = z.object({
  state: z.enum(['open', 'confirmed', 'dismissed']).optional(),
  kind: z.enum(['award', 'application']).optional(),
});

/** Evidence as stored: round to keep the JSON small. */
export const evidenceView = (e: Evidence[]) =>
  e.map((x) => ({
    similarity: Math.round(x.similarity * 1000) / 1000,
    application: x.application,
    match: x.match,
  }));

/** How the two sides' enterprises relate, from the signals the detector recorded. */
export function relationOf(signals: Record<string, unknown> | Signals): FindingView['relation'] {
  const s = signals as Partial<Signals>;
  if (s.sameUscc === true || s.sameEnterpriseName === true) return 'same_enterprise';
  if (typeof s.relatedBrand === 'string' && s.relatedBrand) return 'related_enterprise';
  return 'different_enterprise';
}

/** A stored finding with both sides' names. */
export function findingView(r: FindingListRow): FindingView {
  const f = r.finding;
  return {
    id: f.id,
    applicationId: f.applicationId,
    applicationName: r.applicationName,
    enterpriseName: r.enterpriseName,
    channelUnitName: r.channelUnitName,
    kind: f.kind,
    relation: relationOf(f.signals),
    score: f.score,
    reasons: f.reasons,
    state: f.state,
    decisionReason: f.decisionReason,
    decidedAt: f.decidedAt?.toISOString() ?? null,
    match:
      f.kind === 'award'
        ? {
            kind: 'award',
            awardId: f.matchAwardId!,
            year: r.award?.year ?? 0,
            solutionName: r.award?.solutionName ?? '',
            enterpriseName: r.award?.enterpriseName ?? '',
            uscc: r.award?.uscc ?? '',
            recommenderName: r.award?.recommenderName ?? '',
          }
        : {
            kind: 'application',
            applicationId: f.matchApplicationId!,
            solutionName: r.match?.solutionName ?? '',
            enterpriseName: r.match?.enterpriseName ?? '',
            channelUnitName: r.match?.channelUnitName ?? '',
          },
    evidence: f.evidence as FindingView['evidence'],
  };
}

/** An enterprise reads another enterprise's awarded text by its name only: no excerpts. */
export function forEnterprise(v: FindingView, uscc: string): FindingView {
  if (v.match.kind === 'award' && v.match.uscc === uscc) return v;
  return { ...v, evidence: v.evidence.map((e) => ({ ...e, match: { ...e.match, excerpt: '' } })) };
}
